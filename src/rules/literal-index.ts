/**
 * Which patterns can match a text at all, found without running any of them: each pattern's
 * required literals (see literals.ts) are filed under one of their three-character pieces, in
 * one directory shared by every rule, and a text is read once, piece by piece, for all of them:
 * a literal is taken as present when all its pieces are.
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

const directory: Array<Filed[] | undefined> = new Array(BUCKETS);
let owners = 0;
// A linter that is dropped (tests, editors) takes its patterns out of the directory with it.
const forget = new FinalizationRegistry<number>((owner) => {
  directory.forEach((filed, key) => {
    if (!filed) return;
    const kept = filed.filter((f) => f.owner !== owner);
    directory[key] = kept.length ? kept : undefined;
  });
});

// Every rule asks about the same text in turn (the prose, or its lower-cased copy): the last two
// texts read keep their hits, per owner.
const recent: Array<{ text: string; hits: Map<number, Uint8Array> }> = [];

const seen = new Uint8Array(BUCKETS);
const allIn = (pieces: number[]) => pieces.every((k) => seen[k]);

/**
 * For each index, which of its patterns have a literal whose pieces are all in the text. (Pieces
 * all present but apart are rare enough: such a pattern is only scanned for nothing.)
 */
function hitsIn(text: string): Map<number, Uint8Array> {
  const known = recent.find((r) => r.text === text);
  if (known) return known.hits;
  const present: number[] = [];
  seen.fill(0);
  for (let i = 0; i + 3 <= text.length; i++) {
    const key = keyAt(text, i);
    if (!seen[key]) { seen[key] = 1; present.push(key); }
  }
  const hits = new Map<number, Uint8Array>();
  for (const key of present) {
    const filed = directory[key];
    if (!filed) continue;
    for (const f of filed) {
      let marks = hits.get(f.owner);
      if (marks?.[f.item] || !allIn(f.pieces) || !f.also.every((set) => set.some(allIn))) continue;
      if (!marks) hits.set(f.owner, (marks = new Uint8Array(f.item + 1)));
      else if (marks.length <= f.item) { const grown = new Uint8Array(f.item + 1); grown.set(marks); hits.set(f.owner, (marks = grown)); }
      marks[f.item] = 1;
    }
  }
  recent.unshift({ text, hits });
  recent.length = Math.min(recent.length, 2);
  return hits;
}

export class LiteralIndex {
  private readonly owner = owners++;
  private readonly always: number[] = [];

  /**
   * `literals[k]`: sets of strings, every match of pattern k containing one string of each set
   * (the first set filed, the others checked), or undefined: pattern k is always tried.
   */
  constructor(private readonly literals: ReadonlyArray<ReadonlyArray<readonly string[]> | undefined>) {
    literals.forEach((sets, item) => {
      if (!sets?.length) { this.always.push(item); return; }
      const also = sets.slice(1).map((set) => set.map(piecesOfLiteral));
      for (const literal of sets[0]) (directory[rarestPiece(literal)] ??= []).push({ owner: this.owner, item, pieces: piecesOfLiteral(literal), also });
    });
    forget.register(this, this.owner);
    recent.length = 0; // hits read before this index was filed do not know it
  }

  /** Indices, in order, of the patterns one of whose literals is in the text, and of those that have none. */
  candidates(text: string): number[] {
    const marks = hitsIn(text).get(this.owner);
    if (!marks && this.always.length === 0) return [];
    const out: number[] = [];
    for (let k = 0; k < this.literals.length; k++) if (marks?.[k] || !this.literals[k]?.length) out.push(k);
    return out;
  }
}
