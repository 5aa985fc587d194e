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

function allSeen(seen: Uint8Array, pieces: readonly number[]): boolean {
  for (const k of pieces) if (!seen[k]) return false;
  return true;
}

const piecesOfLiteral = (literal: string): number[] => {
  const pieces: number[] = [];
  for (let i = 0; i + 3 <= literal.length; i++) pieces.push(keyAt(literal, i));
  return pieces;
};

/** A text's three-character pieces: which buckets occur (`seen`) and the list of them. */
interface Pieces { text?: string; seen: Uint8Array; present: number[] }

/**
 * Reads texts into their pieces, for every directory of a run: a draft's prose and its lower-cased
 * copy are each read once, however many languages and case modes ask about them.
 */
export class PieceReader {
  private readonly slots: Pieces[] = [0, 1].map(() => ({ seen: new Uint8Array(BUCKETS), present: [] }));
  private next = 0;

  read(text: string): Pieces {
    const known = this.slots.find((s) => s.text === text);
    if (known) return known;
    const slot = this.slots[this.next];
    this.next = 1 - this.next;
    const { seen } = slot;
    for (const key of slot.present) seen[key] = 0;
    const present: number[] = [];
    for (let i = 0; i + 3 <= text.length; i++) {
      const key = keyAt(text, i);
      if (!seen[key]) { seen[key] = 1; present.push(key); }
    }
    slot.text = text;
    slot.present = present;
    return slot;
  }
}

/**
 * The literals of every pattern of a set of rules (the rules a run loads), filed by piece, and
 * what the last texts read hold. One directory per set: the rules ask about the same draft in turn.
 */
export class LiteralDirectory {
  private readonly filed: Array<Filed[] | undefined> = new Array(BUCKETS);
  private owners = 0;
  // The prose and its lower-cased copy: the last two texts read keep their hits, per owner.
  private readonly recent: Array<{ text: string; hits: Array<Uint8Array | undefined> }> = [];
  /** Number of patterns of each owner. */
  private readonly sizes: number[] = [];

  constructor(private readonly reader = new PieceReader()) {}

  /** Files the literal sets of `items` patterns under a new owner; returns it. */
  file(literals: ReadonlyArray<ReadonlyArray<readonly string[]> | undefined>): number {
    const owner = this.owners++;
    this.sizes[owner] = literals.length;
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
  hitsIn(text: string): Array<Uint8Array | undefined> {
    const known = this.recent.find((r) => r.text === text);
    if (known) return known.hits;
    const { seen, present } = this.reader.read(text);
    const hits: Array<Uint8Array | undefined> = [];
    for (const key of present) {
      const bucket = this.filed[key];
      if (!bucket) continue;
      for (const f of bucket) {
        const marks = hits[f.owner];
        if (marks?.[f.item] || !allSeen(seen, f.pieces) || !f.also.every((set) => set.some((pieces) => allSeen(seen, pieces)))) continue;
        (hits[f.owner] ??= new Uint8Array(this.sizes[f.owner]))[f.item] = 1;
      }
    }
    this.recent.unshift({ text, hits });
    this.recent.length = Math.min(this.recent.length, 2);
    return hits;
  }
}

/**
 * The directories of a rule set, one per language and case mode, so that a draft is read only
 * against the patterns that can apply to it (a Spanish draft never checks Catalan literals).
 */
export class LiteralDirectories {
  private readonly shelves = new Map<string, LiteralDirectory>();
  private readonly reader = new PieceReader();
  get(name: string): LiteralDirectory {
    let d = this.shelves.get(name);
    if (!d) this.shelves.set(name, (d = new LiteralDirectory(this.reader)));
    return d;
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
    const marks = this.directory.hitsIn(text)[this.owner];
    const out: number[] = [];
    for (let k = 0; k < this.literals.length; k++) if (marks?.[k] || !this.literals[k]?.length) out.push(k);
    return out;
  }
}
