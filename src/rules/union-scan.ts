/**
 * A union of many regex alternatives, `(a)|(b)|(c)…` with the `g` flag, run as several regexes
 * when one would be too big. V8 stops optimizing a regex whose source is over 20 KB
 * (kRegExpTooLargeToOptimize): the one union of a long phrase list then costs about 10 µs per
 * character of the draft (fraud-suspicion's English list: 8 minutes on 50 MB), where the same
 * alternatives cut into pieces cost 30 times less. A piece may also be one alternative alone.
 *
 * `exec` gives what the single union would: the leftmost position where an alternative matches,
 * and the first alternative (in order) that matches there. Each piece remembers its next match,
 * which stays valid while the text is the same and `lastIndex` only moves forward (the
 * alternatives have no lookbehind).
 */
const MAX_PIECE_SOURCE = 12 * 1024;

export interface UnionHit { index: number; end: number; /** Index of the alternative that matched. */ first: number }

/** `re` has the `g` flag; with `grouped`, one capture group per alternative, the first being `offset`. */
export interface UnionPiece { re: RegExp; offset: number; grouped: boolean }

interface Cursor extends UnionPiece { from: number; text?: string; next?: UnionHit | null }

/** Alternatives cut into grouped pieces of at most `maxPieceSource` characters. */
export function unionPieces(alternatives: readonly string[], flags: string, maxPieceSource = MAX_PIECE_SOURCE): UnionPiece[] {
  const pieces: UnionPiece[] = [];
  let start = 0;
  while (start < alternatives.length) {
    let end = start + 1, size = alternatives[start].length;
    while (end < alternatives.length && size + alternatives[end].length + 3 <= maxPieceSource) size += alternatives[end++].length + 3;
    pieces.push({ re: new RegExp(alternatives.slice(start, end).map((s) => `(${s})`).join('|'), `g${flags}`), offset: start, grouped: true });
    start = end;
  }
  return pieces;
}

export class UnionScan {
  lastIndex = 0;
  private readonly cursors: Cursor[];

  constructor(pieces: readonly UnionPiece[]) {
    this.cursors = pieces.map((p) => ({ ...p, from: 0 }));
  }

  exec(text: string): UnionHit | null {
    let best: UnionHit | null = null;
    for (const p of this.cursors) {
      if (p.text !== text || p.next === undefined || p.from > this.lastIndex || (p.next !== null && p.next.index < this.lastIndex)) {
        p.re.lastIndex = p.from = this.lastIndex;
        p.text = text;
        const m = p.re.exec(text);
        p.next = m ? { index: m.index, end: m.index + m[0].length, first: p.offset + (p.grouped ? m.slice(1).findIndex((x) => x !== undefined) : 0) } : null;
      }
      if (p.next && (!best || p.next.index < best.index)) best = p.next;
    }
    if (best) this.lastIndex = best.end;
    return best;
  }
}
