import type { Block, Document } from './document.js';
import { ProseBuffer } from './prose-buffer.js';
import { takeFrontMatter } from './front-matter.js';
import { maskQuoteAttributions } from './quotes.js';
import { registerParser, type ParseOptions } from './parse.js';
import { blocksPastLimits } from './markdown-limits.js';
import { readPlainLines } from './plain-text.js';
import { proseBlocks } from './blocks.js';
import { readMarkdownFast } from './markdown-fast.js';

/**
 * Reads the Markdown `body` (the draft, front matter blanked; same length) from `from` on: lets
 * the prose into `buf`, records entities there and paragraph blocks in `blocks`.
 */
export type MarkdownReader = (body: string, buf: ProseBuffer, blocks: Block[], options: ParseOptions, from: number) => void;

/**
 * Markdown drafts: everything starts blanked and only text nodes are let back in, so syntax,
 * code, HTML and link targets never reach the rules. The reader is replylint's line-based one
 * (markdown-fast.ts), which gives the Document remark-parse gives (the tests compare them on every
 * fixture and construct) at a fraction of the cost; markdown-remark.ts reads with remark itself.
 */
export function parseMarkdown(text: string, options: ParseOptions, read: MarkdownReader = readMarkdownFast): Document {
  const buf = new ProseBuffer(text, true);
  const fm = takeFrontMatter(buf);
  const body = fm ? blankOut(text, [{ start: 0, end: fm.end }]) : text;
  const blocks: Block[] = [];
  // A block past what a parser should take (markdown-limits.ts) is blanked for it and read as plain text.
  const plain = blocksPastLimits(body, fm?.end ?? 0);
  read(plain.length ? blankOut(body, plain) : body, buf, blocks, options, fm?.end ?? 0);
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

registerParser('markdown', parseMarkdown);
