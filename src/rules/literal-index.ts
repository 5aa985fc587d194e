/**
 * Which patterns can match a text at all, found without running any of them: each pattern's
 * required literals (see literals.ts) are filed under one of their three-character pieces, in
 * one directory shared by the rules of a run, and a text is read once, piece by piece, for all
 * of them: a literal is taken as present when all its pieces are.
 */

/** Longer texts go through every pattern: reading them piece by piece would cost more than it saves. */
export const MAX_INDEXED_TEXT = 64 * 1024;

/** Letters from most to least common in en/es/ca text: a literal is filed under its rarest piece. */
const COMMON = ' eaosnrtildcumphgbyfvqwkjxz';
const rarity = (ch: string) => { const r = COMMON.indexOf(ch); return r < 0 ? COMMON.length : r; };

/** A piece of three characters as a 16-bit bucket: collisions only add candidates, which are checked. */
const BUCKETS = 1 << 16;
const keyAt = (s: string, i: number) => (s.charCodeAt(i) * 961 + s.charCodeAt(i + 1) * 31 + s.charCodeAt(i + 2)) & (BUCKETS - 1);

function rarestPiece(literal: string): number {
  let best = 0, bestScore = -1;
  for (let i = 0; i + 3 <= literal.length; i++) {
    const score = rarity(literal[i]) + rarity(literal[i + 1]) + rarity(literal[i + 2]);
    if (score > bestScore) { bestScore = score; best = i; }
  }
  return keyAt(literal, best);
}

/**
 * A literal of pattern `item` of index `owner`, by the buckets of all its pieces, with the
 * pattern's other required sets (each: its literals' pieces), one literal of each must be present too.
 */
interface Filed { owner: number; item: number; pieces: number[]; also: number[][][] }

const piecesOfLiteral = (literal: string): number[] => {
  const pieces: number[] = [];
  for (let i = 0; i + 3 <= literal.length; i++) pieces.push(keyAt(literal, i));
  return pieces;
};

/**
 * The literals of every pattern of a set of rules (the rules a run loads), filed by piece, and
 * what the last texts read hold. One directory per set: the rules ask about the same draft in turn.
 */
export class LiteralDirectory {
  private readonly filed: Array<Filed[] | undefined> = new Array(BUCKETS);
  private owners = 0;
  // The prose and its lower-cased copy: the last two texts read keep their hits, per owner.
  private readonly recent: Array<{ text: string; hits: Map<number, Uint8Array> }> = [];
  private readonly seen = new Uint8Array(BUCKETS);

  /** Files the literal sets of `items` patterns under a new owner; returns it. */
  file(literals: ReadonlyArray<ReadonlyArray<readonly string[]> | undefined>): number {
    const owner = this.owners++;
    literals.forEach((sets, item) => {
      if (!sets?.length) return;
      const also = sets.slice(1).map((set) => set.map(piecesOfLiteral));
      for (const literal of sets[0]) (this.filed[rarestPiece(literal)] ??= []).push({ owner, item, pieces: piecesOfLiteral(literal), also });
    });
    this.recent.length = 0; // hits read before these were filed do not know them
    return owner;
  }

  /**
   * For each owner, which of its patterns have a literal whose pieces are all in the text.
   * (Pieces all present but apart are rare enough: such a pattern is only scanned for nothing.)
   */
  hitsIn(text: string): Map<number, Uint8Array> {
    const known = this.recent.find((r) => r.text === text);
    if (known) return known.hits;
    const { seen, filed } = this;
    const allIn = (pieces: number[]) => pieces.every((k) => seen[k]);
    const present: number[] = [];
    seen.fill(0);
    for (let i = 0; i + 3 <= text.length; i++) {
      const key = keyAt(text, i);
      if (!seen[key]) { seen[key] = 1; present.push(key); }
    }
    const hits = new Map<number, Uint8Array>();
    for (const key of present) {
      for (const f of filed[key] ?? []) {
        let marks = hits.get(f.owner);
        if (marks?.[f.item] || !allIn(f.pieces) || !f.also.every((set) => set.some(allIn))) continue;
        if (!marks) hits.set(f.owner, (marks = new Uint8Array(f.item + 1)));
        else if (marks.length <= f.item) { const grown = new Uint8Array(f.item + 1); grown.set(marks); hits.set(f.owner, (marks = grown)); }
        marks[f.item] = 1;
      }
    }
    this.recent.unshift({ text, hits });
    this.recent.length = Math.min(this.recent.length, 2);
    return hits;
  }
}

export class LiteralIndex {
  private readonly owner: number;

  /**
   * `literals[k]`: sets of strings, every match of pattern k containing one string of each set
   * (the first set filed, the others checked), or undefined: pattern k is always tried.
   */
  constructor(private readonly literals: ReadonlyArray<ReadonlyArray<readonly string[]> | undefined>, private readonly directory = new LiteralDirectory()) {
    this.owner = directory.file(literals);
  }

  /** Indices, in order, of the patterns one of whose literals is in the text, and of those that have none. */
  candidates(text: string): number[] {
    const marks = this.directory.hitsIn(text).get(this.owner);
    const out: number[] = [];
    for (let k = 0; k < this.literals.length; k++) if (marks?.[k] || !this.literals[k]?.length) out.push(k);
    return out;
  }
}
