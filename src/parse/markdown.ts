import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent, Parents } from 'mdast';
import type { Block, Document } from './document.js';
import { ProseBuffer } from './prose-buffer.js';
import { takeFrontMatter } from './front-matter.js';
import { scanInline } from './inline.js';
import { maskQuoteAttributions } from './quotes.js';
import { registerParser, type ParseOptions } from './parse.js';
import { blocksPastLimits } from './markdown-limits.js';
import { readPlainLines } from './plain-text.js';
import { proseBlocks } from './blocks.js';
import { readMarkdownFast } from './markdown-fast.js';
import { isPlaceholderTag } from './placeholder-tag.js';

const parser = unified().use(remarkParse);

/**
 * Above this size a draft is read by the fast line-based reader (markdown-fast.ts), which gives
 * the same Document: remark costs 2–2.5 s per MB, so a 5 MB draft would take over 10 s, and below
 * this size remark is quick and stays the reference the fast reader is tested against.
 */
export const FAST_READER_MIN = 256 * 1024;

/**
 * Markdown drafts: everything starts blanked and only text nodes are let back in, so syntax,
 * code, HTML and link targets never reach the rules.
 */
export function parseMarkdown(text: string, options: ParseOptions): Document {
  const buf = new ProseBuffer(text, true);
  const fm = takeFrontMatter(buf);
  const body = fm ? ' '.repeat(fm.end).replace(/ /g, (_, i: number) => (/[\r\n]/.test(text[i]) ? text[i] : ' ')) + text.slice(fm.end) : text;
  const blocks: Block[] = [];
  // A block past what remark can take (markdown-limits.ts) is blanked for it and read as plain text.
  const plain = blocksPastLimits(body, fm?.end ?? 0);
  const input = plain.length ? blankOut(body, plain) : body;
  if (text.length > FAST_READER_MIN) readMarkdownFast(input, buf, blocks, options, fm?.end ?? 0);
  else for (const [chunk, base] of chunks(input)) walk(parser.parse(chunk) as Root, buf, blocks, options, base);
  for (const p of plain) { buf.unmask(p.start, p.end); readPlainLines(buf, p.start, p.end, options.quotes !== 'lint'); }
  if (options.quotes !== 'lint') maskQuoteAttributions(buf, options.quoteAttributions ?? []);
  const prose = buf.toString();
  if (plain.length) { for (const p of plain) blocks.push(...proseBlocks(prose, p.start, p.end)); blocks.sort((a, b) => a.start - b.start); }
  return {
    text, prose, format: 'markdown', entities: buf.entities, blocks,
    frontMatter: fm?.data, frontMatterYaml: fm?.yaml, warnings: [...(fm?.error ? [fm.error] : []), ...plain.map((p) => p.warning)],
  };
}

/** The text with the given ranges blanked to spaces, line breaks kept. */
function blankOut(text: string, ranges: ReadonlyArray<{ start: number; end: number }>): string {
  const parts: string[] = [];
  let last = 0;
  for (const r of ranges) { parts.push(text.slice(last, r.start), text.slice(r.start, r.end).replace(/[^\r\n]/g, ' ')); last = r.end; }
  parts.push(text.slice(last));
  return parts.join('');
}

/** Above this size a draft is parsed in independent pieces: remark's time grows faster than the input. */
const CHUNK = 64 * 1024;

/**
 * Splits a large draft at blank lines that no Markdown construct spans (outside fenced code and
 * HTML comments, before a line that starts at the margin, so no list or indented code continues
 * across the cut). Each piece parses to the tree it has inside the whole draft.
 */
export function* chunks(text: string): Generator<[string, number]> {
  if (text.length <= CHUNK) { yield [text, 0]; return; }
  let start = 0, fence: string | undefined, inComment = false, blank = false;
  const line = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let m = line.exec(text); m && m[0] !== ''; m = line.exec(text)) {
    const l = m[0];
    if (blank && !fence && !inComment && m.index - start >= CHUNK && /^\S/.test(l)) {
      yield [text.slice(start, m.index), start];
      start = m.index;
    }
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(l);
    if (f && (!fence || f[1][0] === fence[0] && f[1].length >= fence.length)) fence = fence ? undefined : f[1];
    if (!fence) {
      const open = l.lastIndexOf('<!--'), close = l.lastIndexOf('-->');
      if (open >= 0 || close >= 0) inComment = open > close;
    }
    blank = l.trim() === '';
  }
  yield [text.slice(start), start];
}

/** Depth first in document order, with a stack of its own: nesting depth costs no call stack. */
function walk(node: Parents, buf: ProseBuffer, blocks: Block[], options: ParseOptions, base: number): void {
  const pending: RootContent[] = [];
  const enter = (n: Parents) => { for (let i = n.children.length - 1; i >= 0; i--) pending.push(n.children[i] as RootContent); };
  enter(node);
  while (pending.length) {
    const child = pending.pop()!;
    const s0 = child.position?.start.offset, e0 = child.position?.end.offset;
    if (s0 === undefined || e0 === undefined) continue;
    const start = base + s0, end = base + e0;
    switch (child.type) {
      case 'text':
        buf.unmask(start, end);
        scanInline(buf, start, end);
        break;
      case 'inlineCode':
      case 'code':
        buf.entities.push({ kind: 'code', start, end });
        break;
      case 'html':
        // "<insert date>" is not HTML but a placeholder someone forgot: it is the agent's text.
        if (isPlaceholderTag(child.value)) { buf.unmask(start, end); break; }
        // Comments, inline tags and helpdesk elements (Intercom's <attribute>) stay blank;
        // scanning records them and lets a template's fallback text back in.
        const before = buf.entities.length;
        scanInline(buf, start, end);
        if (buf.entities.length === before) buf.entities.push({ kind: 'html', start, end });
        break;
      case 'blockquote':
        if (options.quotes === 'lint') { enter(child); break; }
        buf.entities.push({ kind: 'quote', start, end });
        break;
      case 'link':
        buf.entities.push({ kind: 'url', start, end, value: child.url });
        if (child.url.toLowerCase().startsWith('mailto:')) buf.entities.push({ kind: 'email', start, end, value: child.url.slice(7) });
        enter(child);
        break;
      case 'image':
      case 'imageReference':
      case 'definition':
        break;
      case 'paragraph':
      case 'heading':
        blocks.push({ start, end });
        enter(child);
        break;
      default:
        if ('children' in child) enter(child as Parents);
    }
  }
}

registerParser('markdown', parseMarkdown);
