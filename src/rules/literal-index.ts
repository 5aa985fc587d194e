/**
 * Which patterns can match a text at all, told without running them: a pattern's required
 * literals (see literals.ts) must be in the text. A text is read once into its three-character
 * pieces, for all the rules of a run; a literal is taken as present when all its pieces are,
 * and a pattern is looked up only when the text has one of its starts (see start-index.ts).
 */

/** A piece of three characters as a 16-bit bucket: collisions only let more patterns through, which are run. */
const BUCKETS = 1 << 16;
const keyAt = (s: string, i: number) => (s.charCodeAt(i) * 961 + s.charCodeAt(i + 1) * 31 + s.charCodeAt(i + 2)) & (BUCKETS - 1);

const piecesOfLiteral = (literal: string): number[] => {
  const pieces: number[] = [];
  for (let i = 0; i + 3 <= literal.length; i++) pieces.push(keyAt(literal, i));
  return pieces;
};

/** A text's three-character pieces: which buckets occur (`seen`) and the list of them. */
interface Pieces { text?: string; seen: Uint8Array; present: number[] }

/**
 * Reads texts into their pieces, for every rule of a run: a draft's prose and its lower-cased
 * copy are each read once, however many rules, languages and case modes ask about them.
 */
export class PieceReader {
  private readonly slots: Pieces[] = [0, 1].map(() => ({ seen: new Uint8Array(BUCKETS), present: [] }));
  private next = 0;

  read(text: string): Uint8Array {
    const known = this.slots.find((s) => s.text === text);
    if (known) return known.seen;
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
    return seen;
  }
}

const allSeen = (seen: Uint8Array, pieces: readonly number[]) => pieces.every((k) => seen[k]);

export class LiteralIndex {
  /** Per pattern: its required sets, each a list of literals, each as its pieces (worked out when first needed). */
  private readonly sets: Array<number[][][] | undefined | null>;
  private text?: string;
  /** Per pattern, for `text`: 0 not looked up yet, 1 can match, 2 cannot. */
  private readonly known: Uint8Array;

  /**
   * `literals[k]`: sets of strings, every match of pattern k containing one string of each set,
   * or undefined: pattern k can match any text.
   */
  constructor(private readonly literals: ReadonlyArray<ReadonlyArray<readonly string[]> | undefined>, private readonly reader: PieceReader) {
    this.sets = new Array(literals.length).fill(null);
    this.known = new Uint8Array(literals.length);
  }

  /** Can pattern k match the text, as far as its literals tell? */
  allows(text: string, k: number): boolean {
    if (text !== this.text) { this.text = text; this.known.fill(0); }
    if (this.known[k] === 0) {
      const seen = this.reader.read(text);
      const sets = this.sets[k] === null ? (this.sets[k] = this.literals[k]?.map((set) => set.map(piecesOfLiteral))) : this.sets[k];
      this.known[k] = sets?.every((set) => set.some((pieces) => allSeen(seen, pieces))) ?? true ? 1 : 2;
    }
    return this.known[k] === 1;
  }
}
