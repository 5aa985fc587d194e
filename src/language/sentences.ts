import type { Block } from '../parse/document.js';

export interface Span { start: number; end: number }

const TERMINATORS = '.!?…';
const CLOSERS = '"\')]»”’';
const SHORT_LINE = 45;
const WORD = /[\p{L}\p{N}]+(?:['·.,\-][\p{L}\p{N}]+)*/gu;

/** Words as a reader counts them: "d'atenció", "e-mail" and "3.5" are one word each. */
export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  return n;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';
const isLower = (c: string | undefined) => c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();
const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);

/**
 * Splits a block of prose into sentences. Knows abbreviations (from the language file),
 * initials, decimals, ellipses, and the short lines of a greeting, list or signature that end
 * without punctuation. URLs and e-mail addresses are already blanked out of the prose.
 */
export function splitSentences(prose: string, block: Block, abbreviations: readonly string[]): Span[] {
  const lines = linesOf(prose, block);
  // A block where no line ends a sentence is a signature, an address or a bare list: one line, one unit.
  if (lines.length > 1 && !lines.some((l) => /[.!?…:;]["')\]»”’]*$/.test(prose.slice(l.start, l.end)))) return lines;
  const out: Span[] = [];
  let start = -1;
  const push = (end: number) => {
    if (start < 0) return;
    let e = end;
    while (e > start && isSpace(prose[e - 1])) e--;
    if (e > start) out.push({ start, end: e });
    start = -1;
  };
  let lineStart = block.start;
  for (let i = block.start; i < block.end; i++) {
    const c = prose[i];
    if (start < 0) { if (!isSpace(c)) start = i; else { if (c === '\n' || c === '\r') lineStart = i + 1; continue; } }
    if (TERMINATORS.includes(c) || (c === ':' && /^[ \t]*(?:\r?\n|\r|$)/.test(prose.slice(i + 1, i + 40)))) {
      let j = i + 1;
      while (j < block.end && TERMINATORS.includes(prose[j])) j++;
      while (j < block.end && CLOSERS.includes(prose[j])) j++;
      if (j < block.end && !isSpace(prose[j])) { i = j - 1; continue; }
      if (c === '.' && j === i + 1 && isAbbreviation(prose, i, abbreviations)) continue;
      let k = j;
      while (k < block.end && isSpace(prose[k])) k++;
      if ((c === '.' || c === '…') && isLower(prose[k])) { i = j - 1; continue; }
      push(j);
      i = j - 1;
    } else if (c === '\n' || c === '\r') {
      const line = prose.slice(lineStart, i).trim();
      if (c === '\r' && prose[i + 1] === '\n') i++;
      lineStart = i + 1;
      let k = i + 1;
      while (k < block.end && (prose[k] === ' ' || prose[k] === '\t')) k++;
      const next = prose[k];
      if (line.length > 0 && line.length < SHORT_LINE && !/[,;]$/.test(line) && next !== undefined && !isLower(next) && !isSpace(next)) push(i);
    }
  }
  push(block.end);
  return out;
}

/** The non-blank lines of a block, trimmed. */
function linesOf(prose: string, block: Block): Span[] {
  const out: Span[] = [];
  const re = /[^\r\n]+/g;
  re.lastIndex = block.start;
  for (let m = re.exec(prose); m && m.index < block.end; m = re.exec(prose)) {
    const text = m[0].slice(0, Math.max(0, block.end - m.index));
    const start = m.index + (text.length - text.trimStart().length), end = m.index + text.trimEnd().length;
    if (end > start) out.push({ start, end });
  }
  return out;
}

function isAbbreviation(prose: string, dot: number, abbreviations: readonly string[]): boolean {
  let k = dot;
  while (k > 0 && (isLetter(prose[k - 1]) || prose[k - 1] === '.')) k--;
  const token = prose.slice(k, dot + 1).toLowerCase();
  if (/^\p{L}\.$/u.test(token)) return true; // an initial: "J. Smith"
  const tail = prose.slice(Math.max(0, dot - 12), dot + 1).toLowerCase();
  return abbreviations.some((a) => tail.endsWith(a) && !isLetter(tail[tail.length - a.length - 1]));
}
