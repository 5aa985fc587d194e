import { characterEntities } from 'character-entities';
import { characterEntitiesLegacy } from 'character-entities-legacy';
import type { Block, Document } from './document.js';
import { ProseBuffer } from './prose-buffer.js';
import { takeFrontMatter } from './front-matter.js';
import { scanInline } from './inline.js';
import { registerParser, type ParseOptions } from './parse.js';

/**
 * HTML drafts and helpdesk HTML bodies → Document. A small tokenizer (tags, comments, raw text,
 * character references) keeps every position exact: the prose starts blank and only text is let
 * back in, a character reference's decoded character at its own source span. Blockquotes (and
 * mail clients' quote wrappers), code/pre, style/script and comments are left out like their
 * Markdown twins; block elements and `<br><br>` separate paragraphs, a single `<br>` is a line
 * break. `<insert date>`, which is no HTML element, is the agent's unfilled placeholder: prose.
 */

// ---------------------------------------------------------------- character references

const LEGACY = new Set(characterEntitiesLegacy);
const LONGEST_LEGACY = Math.max(...characterEntitiesLegacy.map((n) => n.length));
/** Numeric references to C1 controls mean windows-1252 characters (HTML's rule). */
const WINDOWS_1252: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6, 0x89: 0x2030,
  0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022,
  0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

export interface CharRef { start: number; end: number; value: string }

/** The character reference starting at `text[at]` (an `&`), decoded as HTML does in text; undefined when there is none. */
export function charRefAt(text: string, at: number, inAttribute = false): CharRef | undefined {
  if (text[at] !== '&') return undefined;
  if (text[at + 1] === '#') {
    const m = /^#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?/.exec(text.slice(at + 1, at + 14));
    if (!m) return undefined;
    let code = parseInt(m[1] ?? m[2], m[1] ? 16 : 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) code = 0xfffd;
    code = WINDOWS_1252[code] ?? code;
    return { start: at, end: at + 1 + m[0].length, value: String.fromCodePoint(code) };
  }
  const name = /^[A-Za-z][A-Za-z0-9]*/.exec(text.slice(at + 1, at + 40))?.[0];
  if (!name) return undefined;
  if (text[at + 1 + name.length] === ';' && Object.hasOwn(characterEntities, name)) {
    return { start: at, end: at + 2 + name.length, value: characterEntities[name as keyof typeof characterEntities] };
  }
  // Legacy references need no semicolon: the longest one that starts the name ("&copy2025").
  for (let n = Math.min(name.length, LONGEST_LEGACY); n > 0; n--) {
    const prefix = name.slice(0, n);
    if (!LEGACY.has(prefix)) continue;
    const next = text[at + 1 + n];
    if (inAttribute && next !== ';' && next !== undefined && /[A-Za-z0-9=]/.test(next)) return undefined;
    const end = at + 1 + n + (next === ';' ? 1 : 0);
    return { start: at, end, value: characterEntities[prefix as keyof typeof characterEntities] };
  }
  return undefined;
}

/** An attribute value or a text run with its character references decoded. */
export function decodeEntities(raw: string, inAttribute = false): string {
  let out = '';
  for (let i = 0; i < raw.length;) {
    const ref = raw[i] === '&' ? charRefAt(raw, i, inAttribute) : undefined;
    if (ref) { out += ref.value; i = ref.end; } else out += raw[i++];
  }
  return out;
}

// ---------------------------------------------------------------- tokens

export interface HtmlAttr { name: string; value: string }
export type HtmlToken =
  | { type: 'text'; start: number; end: number }
  | { type: 'comment'; start: number; end: number }
  | { type: 'markup'; start: number; end: number }
  | { type: 'rawtext'; start: number; end: number; name: string }
  | { type: 'tag'; start: number; end: number; name: string; closing: boolean; selfClosing: boolean; attrs: HtmlAttr[] };

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/** The tokens of an HTML text from `from` on. Never throws: what is not markup is text. */
export function tokenizeHtml(text: string, from = 0): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  const n = text.length;
  let i = from, textStart = from;
  const flushText = (end: number) => { if (end > textStart) tokens.push({ type: 'text', start: textStart, end }); };
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    const tok = markupAt(text, lt);
    if (!tok) { i = lt + 1; continue; }
    flushText(lt);
    tokens.push(tok);
    i = tok.end;
    if (tok.type === 'tag' && !tok.closing && !tok.selfClosing && RAW_TEXT.has(tok.name)) {
      const close = new RegExp(`</${tok.name}(?=[\\s/>])`, 'gi');
      close.lastIndex = i;
      const m = close.exec(text);
      const end = m ? m.index : n;
      if (end > i) tokens.push({ type: 'rawtext', start: i, end, name: tok.name });
      i = end;
    }
    textStart = i;
  }
  flushText(n);
  return tokens;
}

function markupAt(text: string, at: number): HtmlToken | undefined {
  const next = text[at + 1];
  if (text.startsWith('<!--', at)) {
    const close = text.indexOf('-->', at + 4);
    return { type: 'comment', start: at, end: close < 0 ? text.length : close + 3 };
  }
  if (next === '!' || next === '?') {
    const closer = text.startsWith('<![CDATA[', at) ? ']]>' : '>';
    const close = text.indexOf(closer, at + 2);
    return { type: 'markup', start: at, end: close < 0 ? text.length : close + closer.length };
  }
  const closing = next === '/';
  const nameMatch = /^[A-Za-z][^\s/>]*/.exec(text.slice(at + (closing ? 2 : 1), at + 200));
  if (!nameMatch) return undefined;
  const name = nameMatch[0].toLowerCase();
  let p = at + (closing ? 2 : 1) + nameMatch[0].length;
  const attrs: HtmlAttr[] = [];
  let selfClosing = false;
  const n = text.length;
  for (;;) {
    while (p < n && /\s/.test(text[p])) p++;
    if (p >= n) return undefined;
    if (text[p] === '>') { p++; break; }
    if (text[p] === '/' && text[p + 1] === '>') { selfClosing = true; p += 2; break; }
    if (text[p] === '/') { p++; continue; }
    const an = /^[^\s/>=]+/.exec(text.slice(p, p + 200));
    if (!an) { p++; continue; }
    p += an[0].length;
    let q = p;
    while (q < n && /\s/.test(text[q])) q++;
    let value = '';
    if (text[q] === '=') {
      q++;
      while (q < n && /\s/.test(text[q])) q++;
      const quote = text[q];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, q + 1);
        if (close < 0) return undefined;
        value = text.slice(q + 1, close);
        q = close + 1;
      } else {
        const m = /^[^\s>]*/.exec(text.slice(q))![0];
        value = m;
        q += m.length;
      }
      p = q;
    }
    attrs.push({ name: an[0].toLowerCase(), value: decodeEntities(value, true) });
  }
  return { type: 'tag', start: at, end: p, name, closing, selfClosing, attrs };
}

// ---------------------------------------------------------------- elements

export const HTML_ELEMENTS = new Set(('a abbr address area article aside attribute audio b base bdi bdo big blockquote body br button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter nav nobr noembed noframes noscript object ol optgroup option output p param picture plaintext pre progress q rp rt ruby s samp script search section select slot small source span strike strong style sub summary sup svg math table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp').split(' '));
const VOID = new Set('area base br col embed hr img input link meta param source track wbr attribute'.split(' '));
const BLOCK = new Set('address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul caption'.split(' '));
const CODE = new Set(['code', 'pre', 'kbd', 'samp', 'tt']);
const SKIP = new Set(['head', 'template', 'select', 'svg', 'math', 'object', 'audio', 'video', 'canvas', 'noscript', 'map']);
/** Mail clients' wrappers around a quoted message (Gmail, Yahoo, Thunderbird, Outlook web). */
const QUOTE_CLASS = /(?:^|\s)(?:gmail_quote|yahoo_quoted|moz-cite-prefix|OutlookMessageHeader)(?:\s|$)/i;

/** `<insert date>`, `<nombre>`: angle brackets around words that name no element are the agent's text. */
export function isPlaceholderTag(tok: Extract<HtmlToken, { type: 'tag' }>, raw: string): boolean {
  if (tok.closing || tok.selfClosing || HTML_ELEMENTS.has(tok.name) || /[:-]/.test(tok.name)) return false;
  return /^<[\p{L}][\p{L}\p{N} _.'’-]*>$/u.test(raw) && !raw.includes('=');
}

interface Open { name: string; start: number; kind?: 'quote' | 'code' | 'skip' | 'link'; href?: string }

const SPACE_CODES = new Set([32, 9, 10, 13, 0xa0]);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

export function parseHtml(text: string, options: ParseOptions): Document {
  const buf = new ProseBuffer(text, true);
  const fm = takeFrontMatter(buf);
  const from = fm?.end ?? 0;
  const stack: Open[] = [];
  const cuts: number[] = [from, text.length];
  let brRun = false;
  const hidden = () => stack.some((o) => o.kind === 'quote' || o.kind === 'code' || o.kind === 'skip');

  const close = (o: Open, end: number) => {
    if (o.kind === 'quote') { buf.mask(o.start, end, 'quote'); cuts.push(o.start, end); }
    else if (o.kind === 'code') buf.entities.push({ kind: 'code', start: o.start, end });
    else if (o.kind === 'link' && o.href !== undefined) {
      buf.entities.push({ kind: 'url', start: o.start, end, value: o.href });
      if (/^mailto:/i.test(o.href)) buf.entities.push({ kind: 'email', start: o.start, end, value: o.href.slice(7).split('?')[0] });
    }
  };

  for (const tok of tokenizeHtml(text, from)) {
    if (tok.type === 'text') {
      if (hidden()) continue;
      letTextIn(buf, tok.start, tok.end);
      scanInline(buf, tok.start, tok.end);
      if (/\S/.test(text.slice(tok.start, tok.end).replace(/\u00a0/g, ' '))) brRun = false;
      continue;
    }
    if (tok.type === 'comment') { scanInline(buf, tok.start, tok.end); continue; }
    if (tok.type !== 'tag') continue;
    const raw = text.slice(tok.start, tok.end);
    if (!tok.closing) {
      if (!hidden() && isPlaceholderTag(tok, raw)) { buf.unmask(tok.start, tok.end); brRun = false; continue; }
      if (tok.name === 'attribute') { if (!hidden()) scanInline(buf, tok.start, tok.end); else buf.entities.push({ kind: 'template', start: tok.start, end: tok.end }); continue; }
      if (BLOCK.has(tok.name)) { cuts.push(tok.start); brRun = false; }
      if (tok.name === 'br' && !hidden()) {
        // One <br> is a line break inside the paragraph; two in a row end it.
        buf.codes[tok.start] = 10;
        if (brRun) cuts.push(tok.start);
        brRun = true;
      }
      if (VOID.has(tok.name) || tok.selfClosing) continue;
      const cls = tok.attrs.find((a) => a.name === 'class')?.value ?? '';
      const open: Open = { name: tok.name, start: tok.start };
      if ((tok.name === 'blockquote' || QUOTE_CLASS.test(cls)) && options.quotes !== 'lint') open.kind = 'quote';
      else if (CODE.has(tok.name)) open.kind = 'code';
      else if (SKIP.has(tok.name) || RAW_TEXT.has(tok.name)) open.kind = 'skip';
      else if (tok.name === 'a') { open.kind = 'link'; open.href = tok.attrs.find((a) => a.name === 'href')?.value; }
      if (open.kind === 'quote') cuts.push(tok.start);
      stack.push(open);
    } else {
      if (BLOCK.has(tok.name)) { cuts.push(tok.end); brRun = false; }
      let k = stack.length - 1;
      while (k >= 0 && stack[k].name !== tok.name) k--;
      if (k < 0) continue;
      while (stack.length > k) close(stack.pop()!, tok.end);
    }
  }
  while (stack.length) close(stack.pop()!, text.length);

  const prose = buf.toString();
  let blocks = blocksBetween(prose, cuts);
  if (options.quotes !== 'lint') blocks = maskAttributions(buf, blocks, options.quoteAttributions ?? []);
  return {
    text, prose: buf.toString(), format: 'html', entities: buf.entities, blocks,
    frontMatter: fm?.data, frontMatterYaml: fm?.yaml, warnings: fm?.error ? [fm.error] : [],
  };
}

/** Copies a text run into the prose, each character reference's character at its own span. */
function letTextIn(buf: ProseBuffer, start: number, end: number): void {
  const text = buf.text;
  let run = start;
  for (let i = start; i < end;) {
    if (text[i] !== '&') { i++; continue; }
    const ref = charRefAt(text, i);
    if (!ref || ref.end > end) { i++; continue; }
    buf.unmask(run, i);
    let value = ref.value;
    if (/^\s$/u.test(value)) {
      // A no-break space (or any space) reads as white space all along its span.
      for (let k = ref.start; k < ref.end; k++) buf.codes[k] = 0xa0;
    } else {
      if (/^[’‘ʼ]$/.test(value)) value = "'";
      // The character sits next to the word it belongs to: "&lt;insert date&gt;" reads "<insert date>".
      const atEnd = !isWordChar(text[ref.start - 1]) && isWordChar(text[ref.end]);
      const at = atEnd ? ref.end - value.length : ref.start;
      for (let k = 0; k < value.length; k++) buf.codes[at + k] = value.charCodeAt(k);
    }
    i = run = ref.end;
  }
  buf.unmask(run, end);
}

/** Paragraphs: the prose between cuts (block element edges, <br><br>), trimmed, when not empty. */
function blocksBetween(prose: string, cuts: number[]): Block[] {
  const sorted = [...new Set(cuts)].sort((a, b) => a - b);
  const blocks: Block[] = [];
  for (let k = 0; k + 1 < sorted.length; k++) {
    let s = sorted[k], e = sorted[k + 1];
    while (s < e && SPACE_CODES.has(prose.charCodeAt(s))) s++;
    while (e > s && SPACE_CODES.has(prose.charCodeAt(e - 1))) e--;
    if (e > s) blocks.push({ start: s, end: e });
  }
  return blocks;
}

/** "On Mon, Ana wrote:" just before a quote (its own paragraph, or the last line of one) belongs to the quote. */
function maskAttributions(buf: ProseBuffer, blocks: Block[], attributions: RegExp[]): Block[] {
  if (!attributions.length) return blocks;
  const prose = buf.toString();
  const out = [...blocks];
  for (const q of buf.entities.filter((e) => e.kind === 'quote')) {
    let k = out.length - 1;
    while (k >= 0 && out[k].end > q.start) k--;
    if (k < 0) continue;
    const b = out[k];
    const lineStart = Math.max(b.start, prose.lastIndexOf('\n', b.end - 1) + 1);
    for (const s of lineStart > b.start ? [b.start, lineStart] : [b.start]) {
      const line = prose.slice(s, b.end).replace(/\s+/g, ' ').trim();
      if (!attributions.some((re) => re.test(line))) continue;
      buf.mask(s, b.end, 'quote');
      if (s === b.start) out.splice(k, 1);
      else {
        let e = s;
        while (e > b.start && SPACE_CODES.has(prose.charCodeAt(e - 1))) e--;
        out[k] = { start: b.start, end: e };
      }
      break;
    }
  }
  return out;
}

registerParser('html', parseHtml);
