import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent, Parents } from 'mdast';
import type { Block, Document } from './document.js';
import type { ProseBuffer } from './prose-buffer.js';
import type { ParseOptions } from './parse.js';
import { scanInline } from './inline.js';
import { isPlaceholderTag } from './placeholder-tag.js';
import { parseMarkdown } from './markdown.js';

/**
 * Markdown read with unified + remark-parse, the reference CommonMark parser: what replylint's own
 * reader (markdown-fast.ts) is tested against, and what `--markdown-parser remark` uses. The CLI
 * loads this module only then: remark and micromark are most of a one-draft run's start-up.
 */
export const parseMarkdownRemark = (text: string, options: ParseOptions): Document => parseMarkdown(text, options, readWithRemark);

const parser = unified().use(remarkParse);

function readWithRemark(body: string, buf: ProseBuffer, blocks: Block[], options: ParseOptions): void {
  for (const [chunk, base] of chunks(body)) walk(parser.parse(chunk) as Root, buf, blocks, options, base);
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
