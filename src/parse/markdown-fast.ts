import { characterEntities } from 'character-entities';
import type { Block, Entity } from './document.js';
import { ProseBuffer } from './prose-buffer.js';
import { scanInline } from './inline.js';
import { isPlaceholderTag } from './placeholder-tag.js';
import type { ParseOptions } from './parse.js';

/**
 * replylint's line-based reader of Markdown prose (remark costs milliseconds per draft and seconds
 * per megabyte). It gives the Document that remark-parse (CommonMark, no GFM) and
 * markdown-remark.ts's walk give: the same prose, entities and blocks.
 *
 * It follows micromark's rules where they decide what is prose: block structure as CommonMark
 * (block quotes, list items, ATX and setext headings, fenced and indented code, HTML blocks,
 * thematic breaks, link reference definitions), then each paragraph's inline content — code spans,
 * emphasis (micromark's delimiter matching), links, images and references, autolinks, inline
 * HTML, escapes, hard breaks. remark's text nodes become the runs of prose that are unmasked and
 * scanned; its link, code and HTML nodes become the same entities, in the same order. Where
 * micromark has quirks that move what is prose (a lone tag on a lazy line, ends of blocks a new
 * container closes, indented code on a lazy line), they are followed too.
 *
 * Nothing recurses on nesting depth: containers are an array, delimiters and brackets linked
 * lists and stacks, so 10,000 nested quotes or 100,000 `*` cost time, not stack.
 */

/**
 * What markdown-remark.ts does with remark's tree, from the Markdown `body` (the draft, or a copy of it
 * with some ranges blanked; same length) read from `from` on: lets the prose into `buf` (whose
 * text is the draft), records entities there and paragraph blocks in `blocks`.
 */
export function readMarkdownFast(body: string, buf: ProseBuffer, blocks: Block[], options: ParseOptions, from = 0): void {
  const reader = new BlockReader(body, options.quotes !== 'lint');
  reader.read(from);
  const inline = new InlineReader(body, reader.defined);
  for (const ev of reader.events) {
    switch (ev.t) {
      case EV_QUOTE:
        buf.entities.push(ev.entity);
        break;
      case EV_CODE:
        buf.entities.push({ kind: 'code', start: ev.start, end: ev.end });
        break;
      case EV_HTML:
        htmlNode(buf, ev.start, ev.end, reader.lineValue(ev.first, ev.count));
        break;
      case EV_LEAF:
        if (ev.count === 0) break;
        blocks.push({ start: ev.start, end: ev.end });
        inline.read(buf, reader, ev);
        break;
    }
  }
}

/** What remark's walk does with an `html` node. */
function htmlNode(buf: ProseBuffer, start: number, end: number, value: string): void {
  // "<insert date>" is not HTML but a placeholder someone forgot: it is the agent's text.
  if (isPlaceholderTag(value)) { buf.unmask(start, end); return; }
  const before = buf.entities.length;
  scanInline(buf, start, end);
  if (buf.entities.length === before) buf.entities.push({ kind: 'html', start, end });
}

// ---------------------------------------------------------------- characters

const TAB = 9, LF = 10, SPACE = 32, BANG = 33, DQUOTE = 34, HASH = 35, SQUOTE = 39,
  LPAREN = 40, RPAREN = 41, STAR = 42, PLUS = 43, DASH = 45, DOT = 46, SLASH = 47, COLON = 58,
  LT = 60, EQ = 61, GT = 62, QUESTION = 63, AT = 64, LBRACKET = 91, BACKSLASH = 92, RBRACKET = 93,
  UNDERSCORE = 95, BACKTICK = 96, TILDE = 126, EOF = -1;

const isSpaceOrTab = (c: number) => c === SPACE || c === TAB;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (c: number) => isDigit(c) || isAlpha(c);
const isAsciiPunct = (c: number) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
/** micromark's asciiControl: tabs and line endings count. */
const isControl = (c: number) => (c >= 0 && c < 32) || c === 127;
/** micromark's asciiAtext (e-mail autolinks). */
const isAtext = (c: number) => (c >= 35 && c <= 39) || c === 42 || c === 43 || (c >= 45 && c <= 57) || c === 61 || c === 63 || (c >= 65 && c <= 90) || (c >= 94 && c <= 126);

const UNICODE_PUNCT = /[\p{P}\p{S}]/u;
const UNICODE_SPACE = /\s/;
const WHITESPACE = 1, PUNCTUATION = 2;
/** micromark's classifyCharacter, on UTF-16 code units as micromark reads them. */
function classify(c: number): number {
  if (c < 0) return WHITESPACE;
  if (c < 128) {
    if (c === SPACE || (c >= 9 && c <= 13)) return WHITESPACE;
    return isAsciiPunct(c) ? PUNCTUATION : 0;
  }
  const ch = String.fromCharCode(c);
  return UNICODE_SPACE.test(ch) ? WHITESPACE : UNICODE_PUNCT.test(ch) ? PUNCTUATION : 0;
}

/** micromark-util-normalize-identifier: how link labels and definitions are matched. */
function normalizeIdentifier(value: string): string {
  return value.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase();
}

const ESCAPE_OR_REFERENCE = /\\([!-/:-@[-`{-~])|&(#(?:\d{1,7}|x[\da-f]{1,6})|[\da-z]{1,31});/gi;
const hasOwn = Object.prototype.hasOwnProperty;
/** micromark-util-decode-string: a link destination as mdast's `url` holds it. */
function decodeString(value: string): string {
  if (!value.includes('\\') && !value.includes('&')) return value;
  return value.replace(ESCAPE_OR_REFERENCE, (all: string, escaped: string | undefined, ref: string | undefined) => {
    if (escaped) return escaped;
    if (ref!.charCodeAt(0) === HASH) {
      const hex = ref![1] === 'x' || ref![1] === 'X';
      const code = parseInt(ref!.slice(hex ? 2 : 1), hex ? 16 : 10);
      const bad = code < 9 || code === 11 || (code > 13 && code < 32) || (code > 126 && code < 160) || (code > 55295 && code < 57344)
        || (code > 64975 && code < 65008) || (code & 65535) === 65535 || (code & 65535) === 65534 || code > 1114111;
      return bad ? '\uFFFD' : String.fromCodePoint(code);
    }
    return hasOwn.call(characterEntities, ref!) ? (characterEntities as Record<string, string>)[ref!] : all;
  });
}

/**
 * How far the last failed attempt (a code span, inline HTML, a link's resource or label) read
 * before giving up. micromark reads a line ending again after such an attempt took it, and then
 * ends it past the next line's container prefix: the text node that ends there is longer.
 */
let reach = 0;
const fail = (at: number) => { reach = at; return -1; };

/** A link label (`[…]`) starting at s[at]: the index after its `]`, or -1 (micromark's factoryLabel). */
function labelEnd(s: string, at: number): number {
  const n = s.length;
  let k = at + 1, size = 0, seen = false;
  for (;;) {
    if (k >= n || size > 999) return fail(k);
    const c = s.charCodeAt(k);
    if (c === LBRACKET) return fail(k);
    if (c === RBRACKET) return seen ? k + 1 : fail(k);
    if (c === LF) { k++; continue; }
    size++;
    if (c !== SPACE && c !== TAB) seen = true;
    if (c === BACKSLASH) {
      const d = s.charCodeAt(k + 1);
      if (d === LBRACKET || d === BACKSLASH || d === RBRACKET) { k += 2; size++; continue; }
    }
    k++;
  }
}

/** Skips spaces, tabs and line endings (micromark's factoryWhitespace inside a paragraph). */
function skipWhitespace(s: string, k: number): number {
  for (let c = s.charCodeAt(k); c === SPACE || c === TAB || c === LF; c = s.charCodeAt(++k));
  return k;
}

/** A link destination at s[k] (micromark's factoryDestination): [end, raw value] or undefined. */
function destinationAt(s: string, k: number, maxBalance: number): [number, string] | undefined {
  const n = s.length;
  if (s.charCodeAt(k) === LT) {
    for (let j = k + 1; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c === GT) return [j + 1, s.slice(k + 1, j)];
      if (c === LT || c === LF) { reach = j; return undefined; }
      if (c === BACKSLASH) { const d = s.charCodeAt(j + 1); if (d === LT || d === GT || d === BACKSLASH) j++; }
    }
    reach = n;
    return undefined;
  }
  const c0 = k < n ? s.charCodeAt(k) : EOF;
  if (c0 === EOF || c0 === SPACE || c0 === RPAREN || isControl(c0)) { reach = k; return undefined; }
  let balance = 0, j = k;
  for (;;) {
    const c = j < n ? s.charCodeAt(j) : EOF;
    if (balance === 0 && (c === EOF || c === RPAREN || c === SPACE || c === TAB || c === LF)) return [j, s.slice(k, j)];
    if (c === LPAREN) { if (balance >= maxBalance) { reach = j; return undefined; } balance++; j++; continue; }
    if (c === RPAREN) { balance--; j++; continue; }
    if (c === EOF || c === SPACE || isControl(c)) { reach = j; return undefined; }
    if (c === BACKSLASH) { const d = s.charCodeAt(j + 1); j += d === LPAREN || d === RPAREN || d === BACKSLASH ? 2 : 1; continue; }
    j++;
  }
}

/** A link title at s[k] (`"…"`, `'…'`, `(…)`): the index after it, or -1 (micromark's factoryTitle). */
function titleEnd(s: string, k: number): number {
  const open = s.charCodeAt(k);
  const close = open === LPAREN ? RPAREN : open;
  for (let j = k + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === close) return j + 1;
    if (c === BACKSLASH) { const d = s.charCodeAt(j + 1); if (d === close || d === BACKSLASH) j++; }
  }
  return fail(s.length);
}

/** A link reference definition at s[at] (a line start of a paragraph's content): [end of its last line, label] or undefined. */
function definitionAt(s: string, at: number): [number, string] | undefined {
  if (s.charCodeAt(at) !== LBRACKET) return undefined;
  const le = labelEnd(s, at);
  if (le < 0 || s.charCodeAt(le) !== COLON) return undefined;
  const dest = destinationAt(s, skipWhitespace(s, le + 1), Infinity);
  if (!dest) return undefined;
  const lineEndAfter = (k: number) => {
    while (isSpaceOrTab(s.charCodeAt(k))) k++;
    return k >= s.length || s.charCodeAt(k) === LF ? k : -1;
  };
  const d = dest[0], c = s.charCodeAt(d);
  if (c === SPACE || c === TAB || c === LF) {
    const t = skipWhitespace(s, d), q = s.charCodeAt(t);
    if (q === DQUOTE || q === SQUOTE || q === LPAREN) {
      const te = titleEnd(s, t);
      const end = te < 0 ? -1 : lineEndAfter(te);
      if (end >= 0) return [end, s.slice(at + 1, le - 1)];
    }
  }
  const end = lineEndAfter(d);
  return end >= 0 ? [end, s.slice(at + 1, le - 1)] : undefined;
}

// ---------------------------------------------------------------- HTML (micromark's html-flow and html-text)

const HTML_RAW = new Set(['pre', 'script', 'style', 'textarea']);
const HTML_BLOCK = new Set(('address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul').split(' '));
const HTML_BLOCK_END: Array<RegExp | undefined> = [undefined, /<\/(?:script|pre|style|textarea)>/i, /-->/, /\?>/, />/, /\]\]>/];

/** The kind (1–7) of HTML block starting at text[p] (a `<`) on a line ending at `le`, or 0. */
function htmlBlockKind(text: string, p: number, le: number, interrupt: boolean): number {
  const at = (k: number) => (k < le ? text.charCodeAt(k) : EOF);
  let k = p + 1, c = at(k);
  if (c === BANG) {
    c = at(++k);
    if (c === DASH) return at(k + 1) === DASH ? 2 : 0;
    if (c === LBRACKET) return text.startsWith('CDATA[', k + 1) && k + 7 <= le ? 5 : 0;
    return isAlpha(c) ? 4 : 0;
  }
  if (c === QUESTION) return 3;
  const closing = c === SLASH;
  if (closing) c = at(++k);
  if (!isAlpha(c)) return 0;
  const nameStart = k;
  while (c === DASH || isAlnum(c)) c = at(++k);
  if (!(c === EOF || c === SLASH || c === GT || isSpaceOrTab(c))) return 0;
  const name = text.slice(nameStart, k).toLowerCase();
  if (c !== SLASH && !closing && HTML_RAW.has(name)) return 1;
  if (HTML_BLOCK.has(name)) return c !== SLASH || at(k + 1) === GT ? 6 : 0;
  if (interrupt) return 0;
  // Kind 7: a complete open or closing tag, then only white space.
  if (closing) {
    while (isSpaceOrTab(c)) c = at(++k);
    if (c !== GT) return 0;
  } else {
    k = scanAttributes(at, k, isSpaceOrTab, true);
    if (k < 0) return 0;
  }
  for (c = at(++k); isSpaceOrTab(c); c = at(++k));
  return c === EOF ? 7 : 0;
}

/**
 * Which kinds of inline HTML are known to have no end after some point of the content (a comment
 * with no `-->` after it, …): later ones fail at once instead of reading to the end again.
 */
interface Unterminated { comment: boolean; cdata: boolean; declaration: boolean; instruction: boolean }

/** Inline HTML starting at s[p] (a `<`): the index after it, or -1 (micromark's html-text). */
function htmlTextEnd(s: string, p: number, open: Unterminated): number {
  const n = s.length;
  const at = (k: number) => (k < n ? s.charCodeAt(k) : EOF);
  const isWs = (c: number) => c === SPACE || c === TAB || c === LF;
  let k = p + 1, c = at(k);
  if (c === BANG) {
    c = at(++k);
    if (c === DASH) {
      if (at(k + 1) !== DASH) return fail(k + 1);
      if (open.comment) return fail(n);
      k += 2;
      const END = 0, CLOSE = 1, COMMENT = 2;
      let state = END;
      for (;;) {
        c = at(k);
        if (state === END) {
          if (c === GT) return k + 1;
          state = c === DASH ? CLOSE : COMMENT;
        } else if (state === CLOSE) {
          if (c === DASH) { k++; state = END; } else state = COMMENT;
        } else {
          if (c === EOF) { open.comment = true; return fail(n); }
          k++;
          if (c === DASH) state = CLOSE;
        }
      }
    }
    if (c === LBRACKET) {
      if (!s.startsWith('CDATA[', k + 1)) return fail(k + 1);
      if (open.cdata) return fail(n);
      for (k += 7; ; k++) {
        c = at(k);
        if (c === EOF) { open.cdata = true; return fail(n); }
        if (c === RBRACKET && at(k + 1) === RBRACKET) {
          let j = k + 2;
          while (at(j) === RBRACKET) j++;
          if (at(j) === GT) return j + 1;
        }
      }
    }
    if (!isAlpha(c)) return fail(k);
    const close = open.declaration ? -1 : s.indexOf('>', k);
    if (close < 0) { open.declaration = true; return fail(n); }
    return close + 1;
  }
  if (c === QUESTION) {
    const close = open.instruction ? -1 : s.indexOf('?>', k + 1);
    if (close < 0) { open.instruction = true; return fail(n); }
    return close + 2;
  }
  if (c === SLASH) {
    c = at(++k);
    if (!isAlpha(c)) return fail(k);
    while (c === DASH || isAlnum(c)) c = at(++k);
    while (isWs(c)) c = at(++k);
    return c === GT ? k + 1 : fail(k);
  }
  if (!isAlpha(c)) return fail(k);
  while (c === DASH || isAlnum(c)) c = at(++k);
  if (!(c === SLASH || c === GT || isWs(c))) return fail(k);
  const gt = scanAttributes(at, k, isWs, false);
  return gt < 0 ? -1 : gt + 1;
}

/**
 * The attributes of an HTML open tag, from just after its name to its `>` (micromark's attribute
 * states, shared by html-flow's kind 7 and html-text): the offset of the `>`, or -1 (through
 * `fail`, which notes how far it read; block callers ignore that). `isWs` is the white space
 * between attributes: spaces and tabs on an html-flow line, line endings too inline. `flow`
 * keeps html-flow's unquoted value, which may start empty (`a=/`) and ends at any of
 * `"'/<=>\`` or white space, reading what follows as after a name (`a=b=c` passes); html-text's
 * takes its first character whatever it is, and a quote, `<`, `=` or `` ` `` in it fails.
 */
function scanAttributes(at: (k: number) => number, k: number, isWs: (c: number) => boolean, flow: boolean): number {
  const BETWEEN = 0, NAME = 1, NAME_AFTER = 2, VALUE_BEFORE = 3, QUOTED = 4, UNQUOTED = 5, QUOTED_AFTER = 6;
  let state = BETWEEN, quote = 0, c = at(k);
  for (;;) {
    if (state === BETWEEN) {
      if (c === SLASH) { c = at(++k); break; }
      if (c === COLON || c === UNDERSCORE || isAlpha(c)) { state = NAME; c = at(++k); continue; }
      if (isWs(c)) { c = at(++k); continue; }
      break;
    } else if (state === NAME) {
      if (c === DASH || c === DOT || c === COLON || c === UNDERSCORE || isAlnum(c)) { c = at(++k); continue; }
      state = NAME_AFTER;
    } else if (state === NAME_AFTER) {
      if (c === EQ) { state = VALUE_BEFORE; c = at(++k); continue; }
      if (isWs(c)) { c = at(++k); continue; }
      state = BETWEEN;
    } else if (state === VALUE_BEFORE) {
      if (c === EOF || c === LT || c === EQ || c === GT || c === BACKTICK) return fail(k);
      if (c === DQUOTE || c === SQUOTE) { quote = c; state = QUOTED; c = at(++k); continue; }
      if (isWs(c)) { c = at(++k); continue; }
      state = UNQUOTED;
      if (!flow) c = at(++k);
    } else if (state === QUOTED) {
      if (c === quote) { state = QUOTED_AFTER; c = at(++k); continue; }
      if (c === EOF) return fail(k);
      c = at(++k);
    } else if (state === UNQUOTED) {
      if (flow) {
        if (c === EOF || c === DQUOTE || c === SQUOTE || c === SLASH || c === LT || c === EQ || c === GT || c === BACKTICK || isWs(c)) { state = NAME_AFTER; continue; }
      } else {
        if (c === EOF || c === DQUOTE || c === SQUOTE || c === LT || c === EQ || c === BACKTICK) return fail(k);
        if (c === SLASH || c === GT || isWs(c)) { state = BETWEEN; continue; }
      }
      c = at(++k);
    } else {
      if (c === SLASH || c === GT || isWs(c)) { state = BETWEEN; continue; }
      return fail(k);
    }
  }
  return c === GT ? k : fail(k);
}

/** An autolink at s[p] (a `<`): [end, url] or undefined (micromark's autolink). */
function autolinkAt(s: string, p: number): [number, string] | undefined {
  const n = s.length;
  const at = (k: number) => (k < n ? s.charCodeAt(k) : EOF);
  let k = p + 1, c = at(k);
  if (isAlpha(c)) {
    let size = 1;
    c = at(++k);
    while ((c === PLUS || c === DASH || c === DOT || isAlnum(c)) && size < 32) { size++; c = at(++k); }
    if (c === COLON && size >= 2) {
      for (c = at(++k); ; c = at(++k)) {
        if (c === GT) return [k + 1, s.slice(p + 1, k)];
        if (c === EOF || c === SPACE || c === LT || isControl(c)) break;
      }
      return undefined;
    }
    k = p + 1;
  } else if (c === AT) return undefined;
  // An e-mail address.
  for (c = at(k); isAtext(c); c = at(++k));
  if (c !== AT) return undefined;
  for (;;) {
    c = at(++k);
    if (!isAlnum(c)) return undefined;
    let size = 0;
    for (;;) {
      if (c === DOT) break;
      if (c === GT) return size === 0 || at(k - 1) !== DASH ? [k + 1, 'mailto:' + s.slice(p + 1, k)] : undefined;
      if ((c === DASH || isAlnum(c)) && size++ < 63) { c = at(++k); continue; }
      return undefined;
    }
    if (at(k - 1) === DASH) return undefined;
  }
}

// ---------------------------------------------------------------- blocks

const EV_QUOTE = 0, EV_CODE = 1, EV_HTML = 2, EV_LEAF = 3;

/** A paragraph or heading: where it is and which content lines (or, for ATX, which range) it reads. */
interface LeafEvent {
  t: typeof EV_LEAF; start: number; end: number;
  /** First content line (an index into the reader's line records) and how many; ATX headings have count -1. */
  first: number; count: number;
  /** ATX headings: the content range. */
  cs?: number; ce?: number;
}
type BlockEvent =
  | { t: typeof EV_QUOTE; entity: Entity }
  | { t: typeof EV_CODE; start: number; end: number }
  | { t: typeof EV_HTML; start: number; end: number; first: number; count: number }
  | LeafEvent;

interface Container {
  quote: boolean;
  /** List items: the columns its content is indented by, and whether anything was put in it. */
  width: number; hasChildren: boolean;
}

const PARA = 0, FENCED = 1, INDENTED = 2, HTML = 3;
interface Leaf {
  kind: number; start: number; end: number;
  /** Paragraphs and HTML blocks: their line records. */
  first: number; count: number;
  /** Null when the leaf is inside a skipped block quote (it is read for definitions only). */
  event: BlockEvent | null;
  fenceChar: number; fenceLength: number; fenceOffset: number; htmlKind: number;
  /** Paragraphs: where they started before link reference definitions were taken off. */
  origStart: number; defsTaken: boolean;
  /** Where the line after the last one it took starts. */
  next: number;
  /** Indented code begun on a lazy line: micromark ends it with that line. */
  oneLine: boolean;
}

/**
 * Block structure, line by line, as commonmark.js's block parser does it, with micromark's
 * positions: each block quote's entity and each leaf's range and content lines, in document
 * order. Link reference definitions are collected here so every reference resolves.
 */
class BlockReader {
  readonly events: BlockEvent[] = [];
  readonly defined = new Set<string>();
  /**
   * Line records of paragraphs and HTML blocks: content start, line end (before the line ending),
   * next line start, and where the line's flow starts (after the container prefixes).
   */
  readonly lineStart: number[] = [];
  readonly lineEnd: number[] = [];
  readonly lineNext: number[] = [];
  readonly lineFlow: number[] = [];

  private readonly stack: Container[] = [{ quote: false, width: 0, hasChildren: true }];
  private leaf: Leaf | null = null;
  private quoteDepth = 0;
  private outerQuote: Entity | null = null;

  // The line being read.
  private le = 0;
  private next = 0;
  private offset = 0;
  private column = 0;
  /** The tab at `offset` is partly consumed: micromark puts its remaining columns after it. */
  private partialTab = false;
  private nextNonspace = 0;
  private nextNonspaceColumn = 0;
  private indent = 0;
  private indented = false;
  private blank = false;
  private allClosed = true;
  private matched = 0;
  private flowStart = 0;
  /** `nextNonspace` holds for any offset up to it (what lies between is white space). */
  private nextNonspaceKnown = false;
  /** Per marker character, where a thematic break test on this line met a character that ends it. */
  private thematicStop: Record<number, number> = {};

  constructor(private readonly text: string, private readonly skipQuotes: boolean) {}

  read(from: number): void {
    const text = this.text, n = text.length;
    const eol = /\r\n?|\n/g;
    for (let pos = from; ;) {
      eol.lastIndex = pos;
      const m = eol.exec(text);
      const e = m ? m.index : n, next = m ? m.index + m[0].length : n;
      this.line(pos, e, next);
      if (!m) break;
      pos = next;
    }
    this.closeLeaf();
    while (this.stack.length > 1) this.popContainer();
  }

  /** An HTML block's value as mdast has it: its lines without container prefixes. */
  lineValue(first: number, count: number): string {
    let value = '';
    for (let i = first; i < first + count; i++) value += (i > first ? '\n' : '') + this.text.slice(this.lineStart[i], this.lineEnd[i]);
    return value;
  }

  private ch(k: number): number { return k < this.le ? this.text.charCodeAt(k) : EOF; }

  private findNextNonspace(): void {
    // Deep nesting re-reads the same indentation container after container: remember it. Tab
    // stops count from the line start, so its column does not depend on where reading began.
    if (this.nextNonspaceKnown && this.offset <= this.nextNonspace) {
      this.indent = this.nextNonspaceColumn - this.column;
      this.indented = this.indent >= 4;
      return;
    }
    this.nextNonspaceKnown = true;
    let i = this.offset, cols = this.column;
    for (;;) {
      const c = this.ch(i);
      if (c === SPACE) { i++; cols++; } else if (c === TAB) { i++; cols += 4 - (cols % 4); } else break;
    }
    this.blank = i >= this.le;
    this.nextNonspace = i;
    this.nextNonspaceColumn = cols;
    this.indent = cols - this.column;
    this.indented = this.indent >= 4;
  }

  private advanceNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
    this.partialTab = false;
  }

  /** Where what follows the consumed columns starts in the source. */
  private get at(): number { return this.partialTab ? this.offset + 1 : this.offset; }

  private advanceOffset(count: number, columns: boolean): void {
    while (count > 0 && this.offset < this.le) {
      if (this.text.charCodeAt(this.offset) === TAB) {
        const toTab = 4 - (this.column % 4);
        if (columns) {
          const partial = this.partialTab = toTab > count;
          const advance = partial ? count : toTab;
          this.column += advance;
          if (!partial) this.offset++;
          count -= advance;
        } else {
          this.partialTab = false;
          this.column += toTab;
          this.offset++;
          count--;
        }
      } else {
        this.partialTab = false;
        this.offset++;
        this.column++;
        count--;
      }
    }
  }

  private line(ls: number, le: number, next: number): void {
    this.le = le;
    this.next = next;
    this.offset = ls;
    this.column = 0;
    this.partialTab = false;
    this.nextNonspaceKnown = false;
    this.thematicStop = {};
    const stack = this.stack;

    // 1. Which open containers does the line continue?
    let matched = 1;
    for (; matched < stack.length; matched++) {
      const c = stack[matched];
      this.findNextNonspace();
      if (c.quote) {
        if (this.indented || this.ch(this.nextNonspace) !== GT) break;
        this.advanceNextNonspace();
        this.advanceOffset(1, false);
        if (isSpaceOrTab(this.ch(this.offset))) this.advanceOffset(1, true);
      } else if (this.blank) {
        if (!c.hasChildren) break;
        // micromark takes only the item's indentation off a blank line; the rest is the flow's.
        this.advanceOffset(Math.min(this.indent, c.width), true);
      } else if (this.indent >= c.width) {
        this.advanceOffset(c.width, true);
      } else break;
    }
    this.matched = matched;
    this.flowStart = this.at;
    const containersMatched = matched === stack.length;
    const leaf = this.leaf;
    // micromark's `interrupt`: set when every container goes on and a paragraph or indented code
    // is open, and kept for containers opened further on the line. An ordered item must then
    // start at 1, and an empty item cannot start.
    const interrupt = containersMatched && leaf !== null && (leaf.kind === PARA || leaf.kind === INDENTED);
    let leafMatched = false, codeLine = false;
    if (containersMatched && leaf) {
      this.findNextNonspace();
      switch (leaf.kind) {
        case FENCED: {
          if (this.indent <= 3 && this.ch(this.nextNonspace) === leaf.fenceChar) {
            let k = this.nextNonspace;
            while (this.ch(k) === leaf.fenceChar) k++;
            const closing = k - this.nextNonspace >= leaf.fenceLength;
            while (isSpaceOrTab(this.ch(k))) k++;
            if (closing && k >= le) {
              leaf.end = le;
              this.closeLeaf();
              this.extendQuote();
              return;
            }
          }
          for (let i = leaf.fenceOffset; i > 0 && isSpaceOrTab(this.ch(this.offset)); i--) this.advanceOffset(1, true);
          leafMatched = true;
          break;
        }
        case INDENTED:
          // A blank line indented 4 columns or more is a line of the code (micromark keeps it).
          if (this.indent >= 4) { this.advanceOffset(4, true); leafMatched = codeLine = true; } else if (this.blank) { this.advanceNextNonspace(); leafMatched = true; }
          break;
        case HTML:
          leafMatched = !(this.blank && leaf.htmlKind >= 6);
          break;
        default:
          leafMatched = !this.blank;
      }
    }
    this.allClosed = containersMatched && (!leaf || leafMatched);
    let inPara = containersMatched && leafMatched && leaf!.kind === PARA;
    let takesLine = containersMatched && leafMatched && leaf!.kind !== PARA;

    // 2. New blocks starting on the line.
    while (!takesLine) {
      this.findNextNonspace();
      const p = this.nextNonspace, c = this.ch(p);
      if (!this.indented) {
        if (c === GT) {
          this.advanceNextNonspace();
          this.advanceOffset(1, false);
          if (isSpaceOrTab(this.ch(this.offset))) this.advanceOffset(1, true);
          this.closeUnmatched(true);
          this.addContainer({ quote: true, width: 0, hasChildren: false }, p);
          inPara = false;
          continue;
        }
        if (c === HASH) {
          let k = p;
          while (this.ch(k) === HASH) k++;
          if (k - p <= 6 && (k >= le || isSpaceOrTab(this.ch(k)))) {
            this.closeUnmatched();
            this.addHeading(p, k);
            takesLine = true;
            break;
          }
        }
        if (c === BACKTICK || c === TILDE) {
          let k = p;
          while (this.ch(k) === c) k++;
          let info = k;
          if (c === BACKTICK) while (info < le && this.text.charCodeAt(info) !== BACKTICK) info++;
          if (k - p >= 3 && (c === TILDE || info >= le)) {
            this.closeUnmatched();
            const l = this.addLeaf(FENCED, p);
            l.fenceChar = c;
            l.fenceLength = k - p;
            l.fenceOffset = this.indent;
            this.offset = le;
            takesLine = true;
            break;
          }
        }
        if (c === LT) {
          const kind = htmlBlockKind(this.text, p, le, inPara);
          if (kind) {
            if (kind === 7 && !this.allClosed && this.leaf?.kind === PARA && this.next > le) {
              // micromark keeps a lone tag on a lazy line (one a line ending follows) inside the
              // open containers: the paragraph ends, the quotes and items go on.
              this.closeLeaf();
              this.matched = stack.length;
              this.allClosed = true;
            } else this.closeUnmatched();
            this.addLeaf(HTML, this.at).htmlKind = kind;
            takesLine = true;
            break;
          }
        }
        if (inPara && (c === EQ || c === DASH) && this.setextUnderline(p, c)) {
          const para = this.leaf!;
          this.takeDefinitions(para);
          if (para.count > 0) {
            if (para.event) {
              const ev = para.event as LeafEvent;
              ev.start = para.origStart;
              ev.end = le;
              ev.first = para.first;
              ev.count = para.count;
            }
            this.leaf = null;
            this.offset = le;
            takesLine = true;
            break;
          }
        }
        if ((c === STAR || c === DASH || c === UNDERSCORE) && this.thematicBreak(p, c)) {
          this.closeUnmatched();
          this.closeLeaf();
          this.stack[this.stack.length - 1].hasChildren = true;
          this.offset = le;
          takesLine = true;
          break;
        }
        const width = this.listItem(interrupt);
        if (width > 0) {
          this.closeUnmatched(true);
          this.addContainer({ quote: false, width, hasChildren: false }, p);
          inPara = false;
          continue;
        }
      } else if (!(this.leaf?.kind === PARA) && !this.blank) {
        const start = this.at, lazy = this.matched < stack.length;
        this.advanceOffset(4, true);
        this.closeUnmatched();
        this.addLeaf(INDENTED, start).oneLine = lazy;
        takesLine = true;
        break;
      }
      this.advanceNextNonspace();
      break;
    }

    // 3. What is left of the line is text for the open leaf, or a new paragraph.
    if (!this.allClosed && !this.blank && this.leaf?.kind === PARA) {
      this.addLine(this.leaf); // a lazy continuation line
    } else {
      this.closeUnmatched();
      const open = this.leaf;
      if (open) {
        if (open.kind === PARA) this.addLine(open);
        else {
          if (open.kind === HTML) this.addLine(open);
          else if (open.kind === FENCED || codeLine || !this.blank) { open.end = le; open.next = this.next; }
          // micromark gives the flow nothing of a last line that is empty after its prefixes:
          // a block open there ends after the line ending before it.
          if (this.next === le && this.flowStart >= le && open.kind !== INDENTED) open.end = ls;
          if (open.kind === HTML && open.htmlKind <= 5 && HTML_BLOCK_END[open.htmlKind]!.test(this.text.slice(this.offset, le))) this.closeLeaf();
          else if (open.oneLine) this.closeLeaf();
        }
      } else if (this.offset < le && !this.blank) {
        this.advanceNextNonspace();
        this.addLine(this.addLeaf(PARA, this.offset));
      }
    }
    this.extendQuote();
  }

  private setextUnderline(p: number, c: number): boolean {
    let k = p;
    while (this.ch(k) === c) k++;
    while (isSpaceOrTab(this.ch(k))) k++;
    return k >= this.le;
  }

  private thematicBreak(p: number, c: number): boolean {
    // `- - - … x` nested 10,000 deep asks again at each marker: what stopped it stops it again.
    const stop = this.thematicStop[c];
    if (stop !== undefined && stop >= p) return false;
    let count = 0;
    for (let k = p; k < this.le; k++) {
      const d = this.text.charCodeAt(k);
      if (d === c) count++;
      else if (!isSpaceOrTab(d)) { this.thematicStop[c] = k; return false; }
    }
    return count >= 3;
  }

  /** A list item's marker at the next non-space: the item's content width (marker offset + padding), or 0. */
  private listItem(interrupt: boolean): number {
    if (this.indent >= 4) return 0;
    const p = this.nextNonspace;
    let c = this.ch(p), k = p;
    if (c === STAR || c === PLUS || c === DASH) k++;
    else if (isDigit(c)) {
      while (isDigit(this.ch(k)) && k - p < 9) k++;
      c = this.ch(k);
      if (c !== DOT && c !== RPAREN) return 0;
      if (interrupt && (k - p !== 1 || this.ch(p) !== 49)) return 0;
      k++;
    } else return 0;
    const after = this.ch(k);
    if (after !== EOF && !isSpaceOrTab(after)) return 0;
    if (interrupt) {
      let j = k;
      while (isSpaceOrTab(this.ch(j))) j++;
      if (j >= this.le) return 0;
    }
    const markerOffset = this.indent, markerLength = k - p;
    this.advanceNextNonspace();
    this.advanceOffset(markerLength, true);
    const spacesStartCol = this.column, spacesStartOffset = this.offset;
    do this.advanceOffset(1, true); while (this.column - spacesStartCol < 5 && isSpaceOrTab(this.ch(this.offset)));
    const spaces = this.column - spacesStartCol;
    if (spaces >= 5 || spaces < 1 || this.offset >= this.le) {
      this.column = spacesStartCol;
      this.offset = spacesStartOffset;
      if (isSpaceOrTab(this.ch(this.offset))) this.advanceOffset(1, true);
      return markerOffset + markerLength + 1;
    }
    return markerOffset + markerLength + spaces;
  }

  /**
   * Closes the blocks the line does not continue. When a new container closes them, micromark
   * ends an unclosed fenced code or HTML (kinds 1–5) block after its last line ending, and the
   * block quote around it where this line's flow starts (after the prefixes of the containers
   * that go on).
   */
  private closeUnmatched(byContainer = false): void {
    if (this.allClosed) return;
    const leaf = this.leaf;
    let end = -1;
    if (byContainer && leaf && (leaf.kind === FENCED || (leaf.kind === HTML && leaf.htmlKind <= 5))) end = leaf.end = leaf.next;
    this.closeLeaf();
    const quote = this.outerQuote;
    while (this.stack.length > this.matched) this.popContainer();
    if (quote && !this.outerQuote && end >= 0) quote.end = Math.max(quote.end, this.flowStart);
    this.allClosed = true;
  }

  private popContainer(): void {
    const c = this.stack.pop()!;
    if (c.quote && --this.quoteDepth === 0) this.outerQuote = null;
  }

  private get suppressed(): boolean { return this.skipQuotes && this.quoteDepth > 0; }

  private addContainer(c: Container, start: number): void {
    this.closeLeaf();
    this.stack[this.stack.length - 1].hasChildren = true;
    this.stack.push(c);
    this.matched = this.stack.length;
    if (!c.quote) return;
    if (this.skipQuotes && this.quoteDepth === 0) {
      this.outerQuote = { kind: 'quote', start, end: this.le };
      this.events.push({ t: EV_QUOTE, entity: this.outerQuote });
    }
    this.quoteDepth++;
  }

  private addLeaf(kind: number, start: number): Leaf {
    this.closeLeaf();
    this.stack[this.stack.length - 1].hasChildren = true;
    const leaf: Leaf = {
      kind, start, end: this.le, first: this.lineStart.length, count: 0, event: null,
      fenceChar: 0, fenceLength: 0, fenceOffset: 0, htmlKind: 0, origStart: start, defsTaken: false, next: this.next, oneLine: false,
    };
    if (!this.suppressed) {
      leaf.event = kind === PARA ? { t: EV_LEAF, start, end: this.le, first: leaf.first, count: 0 }
        : kind === HTML ? { t: EV_HTML, start, end: this.le, first: leaf.first, count: 0 }
        : { t: EV_CODE, start, end: this.le };
      this.events.push(leaf.event);
    }
    this.leaf = leaf;
    return leaf;
  }

  private addHeading(p: number, afterHashes: number): void {
    this.closeLeaf();
    this.stack[this.stack.length - 1].hasChildren = true;
    const le = this.le, text = this.text;
    const isWs = (k: number) => isSpaceOrTab(text.charCodeAt(k));
    let cs = afterHashes;
    while (cs < le && isWs(cs)) cs++;
    let ce = le;
    while (ce > cs && isWs(ce - 1)) ce--;
    let h = ce;
    while (h > cs && text.charCodeAt(h - 1) === HASH) h--;
    if (h < ce) {
      if (h === cs) ce = cs;
      else if (isWs(h - 1)) { ce = h; while (ce > cs && isWs(ce - 1)) ce--; }
    }
    if (!this.suppressed) this.events.push({ t: EV_LEAF, start: p, end: le, first: -1, count: -1, cs, ce });
    this.offset = le;
  }

  private addLine(leaf: Leaf): void {
    this.lineStart.push(this.at);
    this.lineEnd.push(this.le);
    this.lineNext.push(this.next);
    this.lineFlow.push(this.flowStart);
    leaf.count++;
    leaf.end = this.le;
    leaf.next = this.next;
  }

  private closeLeaf(): void {
    const leaf = this.leaf;
    if (!leaf) return;
    this.leaf = null;
    const ev = leaf.event;
    if (leaf.kind === PARA) {
      this.takeDefinitions(leaf);
      if (ev) {
        const e = ev as LeafEvent;
        e.first = leaf.first;
        e.count = leaf.count;
        e.start = leaf.count ? this.lineStart[leaf.first] : leaf.start;
        e.end = leaf.end;
      }
    } else if (ev) {
      (ev as { end: number }).end = leaf.end;
      if (ev.t === EV_HTML) ev.count = leaf.count;
    }
  }

  /** Takes the link reference definitions off the start of a paragraph, recording their labels. */
  private takeDefinitions(leaf: Leaf): void {
    if (leaf.defsTaken) return;
    leaf.defsTaken = true;
    if (!leaf.count || this.text.charCodeAt(this.lineStart[leaf.first]) !== LBRACKET) return;
    const lines: string[] = [];
    for (let i = leaf.first; i < leaf.first + leaf.count; i++) lines.push(this.text.slice(this.lineStart[i], this.lineEnd[i]));
    const s = lines.join('\n');
    let at = 0, line = 0;
    for (;;) {
      const def = definitionAt(s, at);
      if (!def) break;
      const label = normalizeIdentifier(def[1]);
      if (label) this.defined.add(label);
      // Lines taken: the definition's line endings, then its own.
      for (let k = at; k < def[0]; k++) if (s.charCodeAt(k) === LF) line++;
      line++;
      at = def[0] + 1;
      if (at > s.length) break;
    }
    leaf.first += line;
    leaf.count -= line;
  }

  /** The outermost skipped block quote, while open, ends at the end of each line it takes. */
  private extendQuote(): void {
    if (this.outerQuote) this.outerQuote.end = this.le;
  }
}

// ---------------------------------------------------------------- inline

/** Character classes of a leaf's content: text (remark's text nodes), white space a text node may span, syntax. */
const DATA = 0, SUFFIX = 1, MARK = 2, IMAGE = 3;
const IEV_LINK = 1, IEV_CODE = 2, IEV_HTML = 3;
interface InlineEvent { k: number; start: number; end: number; url?: string }

interface Delim {
  ch: number; start: number; len: number; canOpen: boolean; canClose: boolean; seq: number;
  prev: Delim | null; next: Delim | null;
  /** Openers: the previous and next opener of the same character. */
  prevSame: Delim | null; nextSame: Delim | null;
  /** The nearest opener of the same character before it, when it was read (it may be gone since). */
  hint: Delim | null;
  removed: boolean;
}
interface Bracket { pos: number; image: boolean; textStart: number; bottom: number }

/** Inline content of paragraphs and headings, as micromark tokenizes and mdast groups it. */
class InlineReader {
  // Per leaf.
  private s = '';
  private cls: Uint8Array = new Uint8Array(0);
  private events: InlineEvent[] = [];
  private images: number[] = [];
  private tail: Delim | null = null;
  private lastOf = new Map<number, Delim>();
  private seq = 0;
  private brackets: Bracket[] = [];
  /** Link openers below this index of `brackets` are inactive (no links in links). */
  private linkFloor = 0;
  private noCloser = new Set<number>();
  private unterminated: Unterminated = { comment: false, cdata: false, declaration: false, instruction: false };
  /** How far failed attempts read (see `reach`), and the line endings read again after one took them. */
  private crossed = 0;
  private reread = new Set<number>();
  // The content's lines in the source: content offset, source start, source line end, next line
  // start, where the line's flow starts.
  private segContent: number[] = [];
  private segSource: number[] = [];
  private segEnd: number[] = [];
  private segNext: number[] = [];
  private segFlow: number[] = [];

  constructor(private readonly text: string, private readonly defined: Set<string>) {}

  read(buf: ProseBuffer, blocks: BlockReader, ev: LeafEvent): void {
    this.segContent.length = this.segSource.length = this.segEnd.length = this.segNext.length = this.segFlow.length = 0;
    if (ev.count < 0) {
      this.s = this.text.slice(ev.cs!, ev.ce!);
      this.segContent.push(0); this.segSource.push(ev.cs!); this.segEnd.push(ev.ce!); this.segNext.push(ev.ce!); this.segFlow.push(ev.cs!);
    } else {
      let s = '';
      for (let i = ev.first; i < ev.first + ev.count; i++) {
        if (i > ev.first) s += '\n';
        this.segContent.push(s.length);
        this.segSource.push(blocks.lineStart[i]);
        this.segEnd.push(blocks.lineEnd[i]);
        this.segNext.push(blocks.lineNext[i]);
        this.segFlow.push(blocks.lineFlow[i]);
        s += this.text.slice(blocks.lineStart[i], blocks.lineEnd[i]);
      }
      this.s = s;
    }
    this.tokenize();
    this.emit(buf);
  }

  private tokenize(): void {
    const s = this.s, n = s.length;
    const cls = this.cls = new Uint8Array(n);
    this.events = [];
    this.images = [];
    this.tail = null;
    this.lastOf.clear();
    this.brackets = [];
    this.linkFloor = 0;
    this.noCloser.clear();
    this.unterminated = { comment: false, cdata: false, declaration: false, instruction: false };
    this.crossed = 0;
    this.reread.clear();
    let i = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      switch (c) {
        case LF: {
          if (this.crossed > i) this.reread.add(i);
          let j = i, tabs = false;
          for (let d = s.charCodeAt(j - 1); d === SPACE || d === TAB; d = s.charCodeAt(--j - 1)) if (d === TAB) tabs = true;
          if (i - j >= 2 && !tabs) cls.fill(MARK, j, i + 1); // a hard break
          else cls.fill(SUFFIX, j, i);
          i++;
          break;
        }
        case BACKSLASH: {
          const d = s.charCodeAt(i + 1);
          if (d === LF) { cls[i] = cls[i + 1] = MARK; i += 2; } else i += isAsciiPunct(d) ? 2 : 1;
          break;
        }
        case BACKTICK:
          i = this.codeSpan(i);
          break;
        case STAR:
        case UNDERSCORE:
          i = this.delimiterRun(i, c);
          break;
        case LBRACKET:
          this.brackets.push({ pos: i, image: false, textStart: i + 1, bottom: this.tailSeq() });
          i++;
          break;
        case BANG:
          if (s.charCodeAt(i + 1) === LBRACKET) {
            this.brackets.push({ pos: i, image: true, textStart: i + 2, bottom: this.tailSeq() });
            i += 2;
          } else i++;
          break;
        case RBRACKET:
          i = this.closeBracket(i);
          break;
        case LT: {
          const auto = autolinkAt(s, i);
          if (auto) {
            cls[i] = cls[auto[0] - 1] = MARK;
            this.events.push({ k: IEV_LINK, start: i, end: auto[0], url: auto[1] });
            i = auto[0];
            break;
          }
          const end = htmlTextEnd(s, i, this.unterminated);
          if (end > 0) {
            cls.fill(MARK, i, end);
            this.events.push({ k: IEV_HTML, start: i, end });
            i = end;
          } else {
            this.cross(reach);
            i++;
          }
          break;
        }
        default:
          i++;
          // Plain text runs to the next character that may mean something.
          while (i < n) {
            const d = s.charCodeAt(i);
            if (d === LF || d === BACKSLASH || d === BACKTICK || d === STAR || d === UNDERSCORE || d === LBRACKET || d === BANG || d === RBRACKET || d === LT) break;
            i++;
          }
      }
    }
    // White space at the end of the content is no text.
    for (let j = n - 1; j >= 0 && (s.charCodeAt(j) === SPACE || s.charCodeAt(j) === TAB) && cls[j] === DATA; j--) cls[j] = SUFFIX;
    this.processEmphasis(-1);
    if (this.images.length) {
      // An image is no prose, and nothing in it counts (mdast keeps only its alt text).
      const images = this.images;
      for (let k = 0; k < images.length; k += 2) cls.fill(IMAGE, images[k], images[k + 1]);
      this.events = this.events.filter((e) => cls[e.start] !== IMAGE);
    }
  }

  private codeSpan(i: number): number {
    const s = this.s;
    let j = i;
    while (s.charCodeAt(j) === BACKTICK) j++;
    const size = j - i;
    if (!this.noCloser.has(size)) {
      for (let k = s.indexOf('`', j); k >= 0; k = s.indexOf('`', k)) {
        let e = k;
        while (s.charCodeAt(e) === BACKTICK) e++;
        if (e - k === size) {
          this.cls.fill(MARK, i, e);
          this.events.push({ k: IEV_CODE, start: i, end: e });
          return e;
        }
        k = e;
      }
      this.noCloser.add(size);
    }
    this.cross(s.length);
    return j;
  }

  private delimiterRun(i: number, ch: number): number {
    const s = this.s;
    let j = i;
    while (s.charCodeAt(j) === ch) j++;
    const before = classify(i > 0 ? s.charCodeAt(i - 1) : EOF);
    const after = classify(j < s.length ? s.charCodeAt(j) : EOF);
    const open = !after || (after === PUNCTUATION && before !== 0);
    const close = !before || (before === PUNCTUATION && after !== 0);
    const d: Delim = {
      ch, start: i, len: j - i, seq: this.seq++,
      canOpen: ch === STAR ? open : open && (before !== 0 || !close),
      canClose: ch === STAR ? close : close && (after !== 0 || !open),
      prev: this.tail, next: null, prevSame: null, nextSame: null, hint: this.lastOf.get(ch) ?? null, removed: false,
    };
    if (this.tail) this.tail.next = d;
    this.tail = d;
    if (d.canOpen) {
      d.prevSame = this.lastOf.get(ch) ?? null;
      if (d.prevSame) d.prevSame.nextSame = d;
      this.lastOf.set(ch, d);
    }
    return j;
  }

  private tailSeq(): number { return this.tail ? this.tail.seq : -1; }

  private cross(to: number): void { if (to > this.crossed) this.crossed = to; }

  private removeDelim(d: Delim): void {
    d.removed = true;
    if (d.prev) d.prev.next = d.next;
    if (d.next) d.next.prev = d.prev; else this.tail = d.prev;
    if (!d.canOpen) return;
    if (d.prevSame) d.prevSame.nextSame = d.nextSame;
    if (d.nextSame) d.nextSame.prevSame = d.prevSame;
    else if (d.prevSame) this.lastOf.set(d.ch, d.prevSame);
    else this.lastOf.delete(d.ch);
  }

  /**
   * The opener of its character nearest before delimiter `c`. Openers are only ever taken away,
   * and one taken away still links to the one that was before it: follow those links down.
   */
  private openerBefore(c: Delim): Delim | null {
    if (c.canOpen) return c.prevSame;
    let o = c.hint;
    while (o && o.removed) o = o.prevSame;
    return (c.hint = o);
  }

  /**
   * micromark's resolveAllAttention over the delimiters after `bottom`: each closer, in order,
   * takes the nearest opener of its character (the rule of three on the runs' current sizes);
   * delimiters between them are spent; what is left is text.
   */
  private processEmphasis(bottom: number): void {
    const cls = this.cls;
    let c = this.tail;
    while (c && c.prev && c.prev.seq > bottom) c = c.prev;
    if (c && c.seq <= bottom) c = null;
    // Below floor[key] every opener was turned down by a closer of that key (character, whether
    // it can open, size mod 3): later closers of the key start above it. An opener whose size
    // changes is looked at again.
    const floor = new Map<number, number>();
    while (c) {
      if (!c.canClose) { c = c.next; continue; }
      const key = c.ch * 8 + (c.canOpen ? 4 : 0) + (c.len % 3);
      const stop = Math.max(bottom, floor.get(key) ?? bottom);
      let o = this.openerBefore(c);
      for (; o && o.seq > stop; o = o.prevSame) {
        if ((o.canClose || c.canOpen) && c.len % 3 !== 0 && (o.len + c.len) % 3 === 0) continue;
        break;
      }
      if (!o || o.seq <= stop) {
        floor.set(key, c.seq - 1);
        c = c.next;
        continue;
      }
      for (const [k, f] of floor) if (f >= o.seq) floor.set(k, o.seq - 1);
      const use = o.len > 1 && c.len > 1 ? 2 : 1;
      o.len -= use;
      cls.fill(MARK, o.start + o.len, o.start + o.len + use);
      cls.fill(MARK, c.start, c.start + use);
      c.start += use;
      c.len -= use;
      for (let d = o.next; d && d !== c; d = d.next) this.removeDelim(d);
      if (o.len === 0) this.removeDelim(o);
      if (c.len === 0) { const next = c.next; this.removeDelim(c); c = next; }
    }
    // Whatever is left above the bottom is text.
    while (this.tail && this.tail.seq > bottom) this.removeDelim(this.tail);
  }

  private closeBracket(i: number): number {
    const s = this.s, brackets = this.brackets;
    if (!brackets.length) return i + 1;
    const op = brackets[brackets.length - 1];
    if (!op.image && brackets.length - 1 < this.linkFloor) { this.popBracket(); return i + 1; }
    const defs = this.defined;
    const defined = defs.size > 0 && i - op.textStart <= 4000 && defs.has(normalizeIdentifier(s.slice(op.textStart, i)));
    const a = i + 1, ca = s.charCodeAt(a);
    let end = -1, url: string | undefined;
    if (ca === LPAREN) {
      const r = this.resource(a);
      if (r) [end, url] = r;
      else {
        this.cross(reach);
        if (defined) end = a;
      }
    } else if (ca === LBRACKET) {
      const f = labelEnd(s, a);
      if (f >= 0 && defs.has(normalizeIdentifier(s.slice(a + 1, f - 1)))) end = f;
      else {
        this.cross(f >= 0 ? f : reach);
        if (defined && s.charCodeAt(a + 1) === RBRACKET) end = a + 2;
      }
    } else if (defined) end = a;
    if (end < 0) { this.popBracket(); return i + 1; }
    this.processEmphasis(op.bottom);
    this.popBracket();
    if (op.image) { this.images.push(op.pos, end); return end; }
    this.cls[op.pos] = MARK;
    this.cls.fill(MARK, i, end);
    if (url !== undefined) this.events.push({ k: IEV_LINK, start: op.pos, end, url });
    this.linkFloor = brackets.length;
    return end;
  }

  private popBracket(): void {
    this.brackets.pop();
    if (this.linkFloor > this.brackets.length) this.linkFloor = this.brackets.length;
  }

  /** An inline link's `(destination "title")` at s[a]: [end, url] or undefined. */
  private resource(a: number): [number, string] | undefined {
    const s = this.s;
    let k = skipWhitespace(s, a + 1);
    if (s.charCodeAt(k) === RPAREN) return [k + 1, ''];
    const dest = destinationAt(s, k, 32);
    if (!dest) return undefined;
    k = dest[0];
    let c = s.charCodeAt(k);
    if (c === SPACE || c === TAB || c === LF) {
      k = skipWhitespace(s, k);
      c = s.charCodeAt(k);
      if (c === DQUOTE || c === SQUOTE || c === LPAREN) {
        const t = titleEnd(s, k);
        if (t < 0) return undefined;
        k = skipWhitespace(s, t);
        c = s.charCodeAt(k);
      }
    }
    if (c === RPAREN) return [k + 1, decodeString(dest[1])];
    reach = k;
    return undefined;
  }

  /** Text runs (remark's text nodes) and the link, code and HTML nodes, in document order, into the prose. */
  private emit(buf: ProseBuffer): void {
    const cls = this.cls, s = this.s, n = s.length;
    const events = this.events.sort((x, y) => x.start - y.start);
    let e = 0;
    const flush = (upTo: number) => {
      for (; e < events.length && events[e].start <= upTo; e++) this.node(buf, events[e]);
    };
    let runStart = -1, lastData = -1;
    for (let k = 0; k <= n; k++) {
      const c = k < n ? cls[k] : MARK;
      if (c === DATA) {
        if (runStart < 0) runStart = k;
        lastData = k;
      } else if (c >= MARK && runStart >= 0) {
        flush(runStart);
        const start = this.sourceStart(runStart), end = this.sourceEnd(lastData + 1);
        buf.unmask(start, end);
        scanInline(buf, start, end);
        runStart = -1;
      }
    }
    flush(n);
  }

  private node(buf: ProseBuffer, ev: InlineEvent): void {
    const start = this.sourceStart(ev.start), end = this.sourceEnd(ev.end);
    if (ev.k === IEV_LINK) {
      buf.entities.push({ kind: 'url', start, end, value: ev.url });
      if (ev.url!.toLowerCase().startsWith('mailto:')) buf.entities.push({ kind: 'email', start, end, value: ev.url!.slice(7) });
    } else if (ev.k === IEV_CODE) buf.entities.push({ kind: 'code', start, end });
    else htmlNode(buf, start, end, this.s.slice(ev.start, ev.end));
  }

  private segmentOf(k: number): number {
    const sc = this.segContent;
    let lo = 0, hi = sc.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sc[mid] <= k) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** The source offset of content offset k (a content line ending is the source's). */
  private sourceStart(k: number): number {
    const j = this.segmentOf(k);
    const off = k - this.segContent[j];
    return Math.min(this.segSource[j] + off, this.segEnd[j]);
  }

  /**
   * The source offset just after content offset k - 1. After a line ending: the next line's
   * start, or, for one read again, where the next line's flow starts.
   */
  private sourceEnd(k: number): number {
    if (k === 0) return this.segSource[0];
    if (this.s.charCodeAt(k - 1) === LF) {
      const j = this.segmentOf(k - 1);
      return this.reread.has(k - 1) ? this.segFlow[j + 1] : this.segNext[j];
    }
    return this.sourceStart(k - 1) + 1;
  }
}
