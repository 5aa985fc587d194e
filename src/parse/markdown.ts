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
  const tree = parser.parse(body) as Root;
  const blocks: Block[] = [];
  walk(tree, buf, blocks, options);
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

function walk(node: Parents, buf: ProseBuffer, blocks: Block[], options: ParseOptions): void {
  for (const child of node.children as RootContent[]) {
    const start = child.position?.start.offset, end = child.position?.end.offset;
    if (start === undefined || end === undefined) continue;
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
        scanInline(buf, start, end);
        if (!buf.entities.some((e) => e.start === start)) buf.entities.push({ kind: 'html', start, end });
        break;
      case 'blockquote':
        if (options.quotes === 'lint') { walk(child, buf, blocks, options); break; }
        buf.entities.push({ kind: 'quote', start, end });
        break;
      case 'link':
        buf.entities.push({ kind: 'url', start, end, value: child.url });
        if (child.url.toLowerCase().startsWith('mailto:')) buf.entities.push({ kind: 'email', start, end, value: child.url.slice(7) });
        walk(child, buf, blocks, options);
        break;
      case 'image':
      case 'imageReference':
      case 'definition':
        break;
      case 'paragraph':
      case 'heading':
        blocks.push({ start, end });
        walk(child, buf, blocks, options);
        break;
      default:
        if ('children' in child) walk(child as Parents, buf, blocks, options);
    }
  }
}

registerParser('markdown', parseMarkdown);
