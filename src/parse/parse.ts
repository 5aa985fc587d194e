import type { Document } from './document.js';
import { parseMarkdown } from './markdown.js';
import { parsePlainText } from './plain-text.js';

export interface ParseOptions {
  /** `skip` (default): quoted customer text is not prose; `lint`: it is. */
  quotes?: 'skip' | 'lint';
  /** Lines that introduce a quoted e-mail, from the language files. */
  quoteAttributions?: RegExp[];
}

const MARKDOWN_EXTENSIONS = /\.(?:md|markdown|mdown|mkd|mdx)$/i;

/** Picks the parser from the file name: Markdown by extension, plain text otherwise. */
export function formatOf(filePath: string | undefined): Document['format'] {
  return filePath && MARKDOWN_EXTENSIONS.test(filePath) ? 'markdown' : 'text';
}

/** Decoded text (BOM removed) → Document. */
export function parse(text: string, filePath: string | undefined, options: ParseOptions = {}): Document {
  return formatOf(filePath) === 'markdown' ? parseMarkdown(text, options) : parsePlainText(text, options);
}
