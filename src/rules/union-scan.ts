/**
 * A union of many regex alternatives, `(a)|(b)|(c)…` with the `g` flag, run as several regexes
 * when one would be too big. V8 stops optimizing a regex whose source is over 20 KB
 * (kRegExpTooLargeToOptimize): the one union of a long phrase list then costs about 10 µs per
 * character of the draft (fraud-suspicion's English list: 8 minutes on 50 MB), where the same
 * alternatives cut into pieces cost 30 times less.
 *
 * `exec` gives what the single union would: the leftmost position where an alternative matches,
 * and the first alternative (in order) that matches there. Each piece remembers its next match,
 * which stays valid while the text is the same and `lastIndex` only moves forward (the
 * alternatives have no lookbehind).
 */
const MAX_PIECE_SOURCE = 12 * 1024;

export interface UnionHit { index: number; end: number; /** Index of the alternative that matched. */ first: number }

interface Piece { re: RegExp; offset: number; from: number; text?: string; next?: UnionHit | null }

export class UnionScan {
  lastIndex = 0;
  private readonly pieces: Piece[] = [];

  constructor(alternatives: readonly string[], flags: string, maxPieceSource = MAX_PIECE_SOURCE) {
    let start = 0;
    while (start < alternatives.length) {
      let end = start + 1, size = alternatives[start].length;
      while (end < alternatives.length && size + alternatives[end].length + 3 <= maxPieceSource) size += alternatives[end++].length + 3;
      this.pieces.push({ re: new RegExp(alternatives.slice(start, end).map((s) => `(${s})`).join('|'), `g${flags}`), offset: start, from: 0 });
      start = end;
    }
  }

  exec(text: string): UnionHit | null {
    let best: UnionHit | null = null;
    for (const p of this.pieces) {
      if (p.text !== text || p.next === undefined || p.from > this.lastIndex || (p.next !== null && p.next.index < this.lastIndex)) {
        p.re.lastIndex = p.from = this.lastIndex;
        p.text = text;
        const m = p.re.exec(text);
        p.next = m ? { index: m.index, end: m.index + m[0].length, first: p.offset + m.slice(1).findIndex((x) => x !== undefined) } : null;
      }
      if (p.next && (!best || p.next.index < best.index)) best = p.next;
    }
    if (best) this.lastIndex = best.end;
    return best;
  }
}
