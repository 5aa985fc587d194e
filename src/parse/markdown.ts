import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent, Parents } from 'mdast';
import type { Block, Document } from './document.js';
import { ProseBuffer } from './prose-buffer.js';
import { takeFrontMatter } from './front-matter.js';
import { scanInline } from './inline.js';
import { maskQuoteAttributions } from './quotes.js';
import { registerParser, type ParseOptions } from './parse.js';

const parser = unified().use(remarkParse);

/**
 * Markdown drafts: everything starts blanked and only text nodes are let back in, so syntax,
 * code, HTML and link targets never reach the rules.
 */
export function parseMarkdown(text: string, options: ParseOptions): Document {
  const buf = new ProseBuffer(text, true);
  const fm = takeFrontMatter(buf);
  const body = fm ? ' '.repeat(fm.end).replace(/ /g, (_, i: number) => (/[\r\n]/.test(text[i]) ? text[i] : ' ')) + text.slice(fm.end) : text;
  const blocks: Block[] = [];
  for (const [chunk, base] of chunks(body)) walk(parser.parse(chunk) as Root, buf, blocks, options, base);
  if (options.quotes !== 'lint') maskQuoteAttributions(buf, options.quoteAttributions ?? []);
  return {
    text, prose: buf.toString(), format: 'markdown', entities: buf.entities, blocks,
    frontMatter: fm?.data, frontMatterYaml: fm?.yaml, warnings: fm?.error ? [fm.error] : [],
  };
}

const HTML_TAGS = new Set(('a abbr address article aside attribute audio b bdi bdo big blockquote body br button caption center cite code col colgroup data dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main mark meta nav nobr noscript object ol optgroup option output p param picture pre q s samp script section select small source span strike strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr').split(' '));
const TAG_LIKE = /^<([\p{L}][\p{L}\p{N}-]*)([^<>]*)>$/u;

function isPlaceholderTag(html: string): boolean {
  const m = TAG_LIKE.exec(html.trim());
  return Boolean(m && !HTML_TAGS.has(m[1].toLowerCase()) && !m[2].includes('=') && !m[2].includes('/'));
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

function walk(node: Parents, buf: ProseBuffer, blocks: Block[], options: ParseOptions, base: number): void {
  for (const child of node.children as RootContent[]) {
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
        if (options.quotes === 'lint') { walk(child, buf, blocks, options, base); break; }
        buf.entities.push({ kind: 'quote', start, end });
        break;
      case 'link':
        buf.entities.push({ kind: 'url', start, end, value: child.url });
        if (child.url.toLowerCase().startsWith('mailto:')) buf.entities.push({ kind: 'email', start, end, value: child.url.slice(7) });
        walk(child, buf, blocks, options, base);
        break;
      case 'image':
      case 'imageReference':
      case 'definition':
        break;
      case 'paragraph':
      case 'heading':
        blocks.push({ start, end });
        walk(child, buf, blocks, options, base);
        break;
      default:
        if ('children' in child) walk(child as Parents, buf, blocks, options, base);
    }
  }
}

registerParser('markdown', parseMarkdown);
