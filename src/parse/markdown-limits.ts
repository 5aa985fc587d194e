/**
 * What remark cannot be trusted with. micromark's time grows with the square of the emphasis and
 * link markers in a block (100,000 `*` take minutes) and with nesting depth per line (`1. ` ten
 * thousand times takes minutes too), and a tree that deep is deep for any code that walks it. A
 * block past these limits is not handed to the Markdown parser: it is read as plain text, with a
 * warning that names its line. No real e-mail draft comes near them.
 */

/** Containers (block quotes, list items; 4 columns of indentation count as one) opened on one line. */
export const MAX_NESTING = 100;
/** `*`, `_`, `[` and `]` in one block (a run of non-blank lines outside fenced code). */
export const MAX_DELIMITERS = 2000;

export interface PlainBlock { start: number; end: number; warning: string }

/** The blocks of `text` after `from` that go past the limits, in order. */
export function blocksPastLimits(text: string, from: number): PlainBlock[] {
  const out: PlainBlock[] = [];
  let line = 1;
  for (let i = 0; i < from; i++) { const c = text.charCodeAt(i); if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++; }
  let start = -1, end = -1, startLine = 0, depth = 0, delimiters = 0;
  let fence: string | undefined;
  const flush = () => {
    if (start >= 0 && (depth > MAX_NESTING || delimiters > MAX_DELIMITERS)) {
      const why = depth > MAX_NESTING ? `nested ${depth} levels deep (more than ${MAX_NESTING})` : `has ${delimiters} emphasis and link markers (more than ${MAX_DELIMITERS})`;
      out.push({ start, end, warning: `Markdown block at line ${startLine} ${why}: read as plain text` });
    }
    start = -1; depth = 0; delimiters = 0;
  };
  let at = from;
  while (at < text.length) {
    let eol = at;
    while (eol < text.length && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    const next = eol < text.length ? (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1) : eol;
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(text.slice(at, Math.min(eol, at + 64)));
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
    } else if (f) {
      flush();
      fence = f[1];
    } else if (isBlank(text, at, eol)) {
      flush();
    } else {
      if (start < 0) { start = at; startLine = line; }
      end = eol;
      depth = Math.max(depth, nestingAt(text, at, eol));
      for (let i = at; i < eol; i++) { const c = text.charCodeAt(i); if (c === 42 || c === 95 || c === 91 || c === 93) delimiters++; }
    }
    line++;
    at = next;
  }
  flush();
  return out;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) { const c = text.charCodeAt(i); if (c !== 32 && c !== 9) return false; }
  return true;
}

/** Block quote and list markers at the start of a line, plus its indentation in steps of 4 columns. */
function nestingAt(text: string, from: number, to: number): number {
  let i = from, markers = 0, indent = 0;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) { if (markers === 0) indent += c === 9 ? 4 : 1; i++; continue; }
    if (c === 62) { markers++; i++; continue; } // >
    const after = text.charCodeAt(i + 1);
    if ((c === 45 || c === 43 || c === 42) && (after === 32 || after === 9)) { markers++; i += 2; continue; } // - + *
    let j = i;
    while (j < to && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    const d = text.charCodeAt(j), sp = text.charCodeAt(j + 1);
    if (j > i && (d === 46 || d === 41) && (sp === 32 || sp === 9)) { markers++; i = j + 2; continue; } // 1. 1)
    break;
  }
  return markers + Math.floor(indent / 4);
}
