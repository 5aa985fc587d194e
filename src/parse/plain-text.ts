import type { Document } from './document.js';
import { ProseBuffer } from './prose-buffer.js';
import { takeFrontMatter } from './front-matter.js';
import { scanInline } from './inline.js';
import { maskQuoteAttributions } from './quotes.js';
import { proseBlocks } from './blocks.js';
import type { ParseOptions } from './parse.js';

const QUOTED_LINE = /^[ \t]*>/;

/** Plain-text drafts: e-mail quote lines (`>`) are the customer's words, not prose. */
export function parsePlainText(text: string, options: ParseOptions): Document {
  const buf = new ProseBuffer(text);
  const fm = takeFrontMatter(buf);
  const skipQuotes = options.quotes !== 'lint';
  readPlainLines(buf, fm?.end ?? 0, text.length, skipQuotes);
  if (skipQuotes) maskQuoteAttributions(buf, options.quoteAttributions ?? []);
  const prose = buf.toString();
  return {
    text, prose, format: 'text', entities: buf.entities, blocks: proseBlocks(prose),
    frontMatter: fm?.data, frontMatterYaml: fm?.yaml, warnings: fm?.error ? [fm.error] : [],
  };
}

/**
 * Reads the lines of [from, to) as plain text: runs of `>` lines are the customer's quoted words
 * (masked, unless `skipQuotes` is false); the other lines are prose, scanned for URLs, e-mail
 * addresses and templates. Also used for Markdown blocks too deep for the Markdown parser.
 */
export function readPlainLines(buf: ProseBuffer, from: number, to: number, skipQuotes: boolean): void {
  const text = buf.text;
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  lineRe.lastIndex = from;
  let runStart = -1, quoteStart = -1, quoteEnd = -1;
  const flushProse = (end: number) => { if (runStart >= 0 && end > runStart) scanInline(buf, runStart, end); runStart = -1; };
  const flushQuote = () => { if (quoteStart >= 0) buf.mask(quoteStart, quoteEnd, 'quote'); quoteStart = -1; };
  for (let m = lineRe.exec(text); m && m[0] !== '' && m.index < to; m = lineRe.exec(text)) {
    const lineEnd = m.index + m[0].replace(/[\r\n]+$/, '').length;
    if (skipQuotes && QUOTED_LINE.test(m[0])) {
      flushProse(m.index);
      if (quoteStart < 0) quoteStart = m.index;
      quoteEnd = lineEnd;
    } else {
      flushQuote();
      if (runStart < 0) runStart = m.index;
    }
    if (lineRe.lastIndex >= to) break;
  }
  flushQuote();
  flushProse(to);
}
