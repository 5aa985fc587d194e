import type { Document } from './document.js';
import { parsePlainText } from './plain-text.js';
import { markContactVariables } from './contact-variables.js';

export interface ParseOptions {
  /** `skip` (default): quoted customer text is not prose; `lint`: it is. */
  quotes?: 'skip' | 'lint';
  /** Lines that introduce a quoted e-mail, from the language files. */
  quoteAttributions?: RegExp[];
  /** More names of template variables that render the team's address (config `contactVariables`). */
  contactVariables?: readonly string[];
}

export type Parser = (text: string, options: ParseOptions) => Document;
export type Format = Document['format'];

const MARKDOWN_EXTENSIONS = /\.(?:md|markdown|mdown|mkd|mdx)$/i;
const HTML_EXTENSIONS = /\.html?$/i;

/** Picks the format from the file name: Markdown or HTML by extension, plain text otherwise. */
export function formatOf(filePath: string | undefined): Format {
  return filePath && MARKDOWN_EXTENSIONS.test(filePath) ? 'markdown' : filePath && HTML_EXTENSIONS.test(filePath) ? 'html' : 'text';
}

/**
 * Parsers of formats other than plain text register here (`import './parse/markdown.js'`),
 * so a run loads the Markdown parser — most of a one-draft run's start-up — only when it
 * meets Markdown with Markdown syntax in it.
 */
const parsers = new Map<Format, Parser>();
export function registerParser(format: Format, parser: Parser): void {
  parsers.set(format, parser);
}

/** Markdown syntax that changes what is prose; a draft without any reads the same as plain text. */
const MARKDOWN_SYNTAX = /[*_`#<>[\]\\&|~]|^ {4}|^[ \t]*(?:[-+]|\d{1,9}[.)])[ \t]|^[ \t]*(?:=+|-+)[ \t]*$/m;

export function needsParser(text: string, filePath: string | undefined): Format | undefined {
  const format = formatOf(filePath);
  return format === 'markdown' && !MARKDOWN_SYNTAX.test(text) ? undefined : format === 'text' ? undefined : format;
}

/** Decoded text (BOM removed) → Document. */
export function parse(text: string, filePath: string | undefined, options: ParseOptions = {}): Document {
  const format = needsParser(text, filePath);
  if (!format) {
    const doc = parsePlainText(text, options);
    return markContactVariables({ ...doc, format: formatOf(filePath) }, options.contactVariables);
  }
  const parser = parsers.get(format);
  if (!parser) throw new Error(`no ${format} parser registered (import './parse/${format}.js' first)`);
  return markContactVariables(parser(text, options), options.contactVariables);
}
