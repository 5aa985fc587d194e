import type { Block } from './document.js';

const LIST_ITEM = /^[ \t]*(?:[-*+•·–]|\d{1,3}[.)]|[a-z][.)])[ \t]+\S/;

/**
 * Paragraphs of a plain prose string: runs of non-blank lines, where a list item line starts
 * a block of its own (a list is not one long paragraph).
 */
export function proseBlocks(prose: string, from = 0, to = prose.length): Block[] {
  const blocks: Block[] = [];
  let start = -1, end = -1;
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  lineRe.lastIndex = from;
  for (let m = lineRe.exec(prose); m && m.index < to; m = lineRe.exec(prose)) {
    if (m[0] === '') break;
    const content = m[0].replace(/[\r\n]+$/, '');
    const lineEnd = m.index + content.length;
    if (content.trim() === '') {
      if (start >= 0) blocks.push({ start, end });
      start = -1;
    } else {
      if (start >= 0 && LIST_ITEM.test(content)) { blocks.push({ start, end }); start = -1; }
      if (start < 0) start = m.index + (content.length - content.trimStart().length);
      end = lineEnd - (content.length - content.trimEnd().length);
    }
    if (m.index + m[0].length >= to) break;
  }
  if (start >= 0) blocks.push({ start, end });
  return blocks;
}
