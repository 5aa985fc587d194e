import { registerParser, type Format } from '../parse/parse.js';

/** Loads (once) the parser modules a run needs; each registers itself with the core. */
const LOADERS: Partial<Record<Format, () => Promise<unknown>>> = {
  markdown: () => import('../parse/markdown.js'),
  html: () => import('../parse/html.js'),
};
const loaded = new Set<Format>();

/** `--markdown-parser remark`: Markdown read by unified + remark-parse instead of replylint's reader. */
export async function useRemarkForMarkdown(): Promise<void> {
  const { parseMarkdownRemark } = await import('../parse/markdown-remark.js'); // loads markdown.js first, which registers its reader
  registerParser('markdown', parseMarkdownRemark);
  loaded.add('markdown');
}

export async function loadParser(format: Format | undefined): Promise<void> {
  if (!format || loaded.has(format) || !LOADERS[format]) return;
  await LOADERS[format]!();
  loaded.add(format);
}
