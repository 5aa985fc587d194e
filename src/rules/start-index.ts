/**
 * Where in a text each pattern could begin. Every pattern with known starts (see `startStrings`
 * in literals.ts: "la c", "you ", "we h") is filed in one tree of those strings, shared by the
 * rules of a run; a text is walked once for all of them, and each rule then reads, position by
 * position, which of its patterns could begin there. Only those are tried, anchored at that
 * position: running each candidate pattern over the whole draft was most of the time of a run.
 */

/** A text as walked: each position where starts end, the nodes of those starts, and their owners. */
interface Walk {
  text: string;
  positions: number[];
  /** Nodes of position k: `nodes[ends[k - 1] ?? 0 … ends[k]]`. */
  ends: number[];
  nodes: number[];
  masks: number[];
}

const SPACE = 32;

/** Any white space reads as a space, and a run of it as one: so starts hold `\s+` (the pattern decides the rest). */
function unitAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c > SPACE && c < 0xa0) return c;
  return c === 9 || c === 10 || c === 11 || c === 12 || c === 13 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff ? SPACE : c;
}

// 1: a letter, digit or `_` (the verifier's word character); 2: certainly not; 0: not looked up yet.
const wordUnits = new Uint8Array(0x10000);
const WORD = /[\p{L}\p{N}_]/u;
/** Is this UTF-16 unit certainly a word character? A surrogate is not known alone: no. */
function isWordUnit(c: number): boolean {
  let w = wordUnits[c];
  if (w === 0) wordUnits[c] = w = c >= 0xd800 && c <= 0xdfff ? 2 : WORD.test(String.fromCharCode(c)) ? 1 : 2;
  return w === 1;
}

/**
 * The tree of starts, flat: node 0 is the root, and an edge is one entry of a map of numbers,
 * `node * 1024 + letter` → child, where `letter` numbers the units seen in starts (a text's unit
 * no start has is no edge, with no look-up). A map and an array per node made a one-draft run
 * collect garbage for 15 ms; keys `node * 0x10000 + unit` went past V8's small integers once the
 * three languages' 36,000 nodes were in, and every look-up paid for a heap number.
 */
class StartTree {
  private readonly edges = new Map<number, number>();
  /** Per UTF-16 unit: its number among the units of all starts (1…1023), 0 if none has it. */
  private readonly letters = new Uint16Array(0x10000);
  private letterCount = 0;
  /** Per node: bit `owner % 31` of each owner with entries whose start ends here. */
  readonly masks: number[] = [0];
  /** Per node: the entries whose start ends here, by owner. */
  readonly owners: Array<Array<number[] | undefined> | undefined> = [undefined];

  /** The child of `node` along `unit`, or -1. */
  child(node: number, unit: number): number {
    const letter = this.letters[unit];
    return letter === 0 ? -1 : this.edges.get(this.key(node, unit, letter)) ?? -1;
  }

  // Past 1,023 distinct units (never with the built-in rules), keys of the rarer ones are kept
  // negative and unabridged: slower, still one per edge.
  private key(node: number, unit: number, letter: number): number {
    return letter < 1024 ? node * 1024 + letter : -(node * 0x10000 + unit) - 1;
  }

  add(start: string, owner: number, entry: number): void {
    let node = 0;
    for (let i = 0; i < start.length; i++) {
      const unit = unitAt(start, i);
      const letter = (this.letters[unit] ||= ++this.letterCount < 1024 ? this.letterCount : 1024);
      const key = this.key(node, unit, letter);
      let child = this.edges.get(key);
      if (child === undefined) {
        child = this.masks.length;
        this.masks.push(0);
        this.owners.push(undefined);
        this.edges.set(key, child);
      }
      node = child;
    }
    const entries = ((this.owners[node] ??= [])[owner] ??= []);
    if (entries[entries.length - 1] !== entry) entries.push(entry);
    this.masks[node] |= 1 << (owner % 31);
  }
}

/** The starts of the patterns of a set of rules (every language, lower-cased), and the last texts walked. */
export class StartDirectory {
  readonly tree = new StartTree();
  private owners = 0;
  /** Starts filed but not yet in the tree: it is built when a text is first walked, for all the rules of a run at once. */
  private readonly pending: Array<{ owner: number; starts: ReadonlyArray<readonly string[] | undefined> }> = [];
  private readonly recent: Walk[] = [];

  /** Files the starts of `starts.length` patterns (undefined: not filed) under a new owner; returns it. */
  file(starts: ReadonlyArray<readonly string[] | undefined>): number {
    const owner = this.owners++;
    this.pending.push({ owner, starts });
    return owner;
  }

  private build(): void {
    for (const { owner, starts } of this.pending) {
      starts.forEach((list, k) => { for (const s of list ?? []) this.tree.add(s, owner, k); });
    }
    this.pending.length = 0;
    this.recent.length = 0; // walks made before do not know the new starts
  }

  /**
   * The text walked: at each position, the starts that are there. A start that begins with a
   * word character is only looked for where a word begins, as the verifier does.
   */
  walk(text: string): Walk {
    if (this.pending.length) this.build();
    const known = this.recent.find((w) => w.text === text);
    if (known) return known;
    const walk: Walk = { text, positions: [], ends: [], nodes: [], masks: [] };
    const { tree } = this;
    for (let i = 0; i < text.length; i++) {
      const c = unitAt(text, i);
      if (i > 0 && isWordUnit(c) && isWordUnit(text.charCodeAt(i - 1))) continue;
      let node = tree.child(0, c);
      if (node === -1) continue;
      let mask = 0;
      const before = walk.nodes.length;
      for (let j = i + 1; node !== -1; j++) {
        if (tree.masks[node]) { walk.nodes.push(node); mask |= tree.masks[node]; }
        if (unitAt(text, j - 1) === SPACE) while (j < text.length && unitAt(text, j) === SPACE) j++;
        node = j < text.length ? tree.child(node, unitAt(text, j)) : -1;
      }
      if (walk.nodes.length === before) continue;
      walk.positions.push(i);
      walk.ends.push(walk.nodes.length);
      walk.masks.push(mask);
    }
    this.recent.unshift(walk);
    this.recent.length = Math.min(this.recent.length, 2);
    return walk;
  }
}

/** The starts of one rule's patterns, in their directory. */
export class StartIndex {
  private readonly owner: number;
  private readonly bit: number;

  /** `starts[k]`: the starts of pattern k, or undefined: it is not filed (it is found otherwise). */
  constructor(starts: ReadonlyArray<readonly string[] | undefined>, private readonly directory: StartDirectory) {
    this.owner = directory.file(starts);
    this.bit = 1 << (this.owner % 31);
  }

  /**
   * The first position at or after `from` where a pattern could begin (and `allowed` lets it),
   * with those patterns in `out`, in order; -1 when there is none.
   */
  next(text: string, from: number, allowed: (k: number) => boolean, out: number[]): number {
    const { positions, ends, nodes, masks } = this.directory.walk(text);
    const { owners } = this.directory.tree;
    let lo = 0, hi = positions.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (positions[mid] < from) lo = mid + 1; else hi = mid; }
    for (let k = lo; k < positions.length; k++) {
      if (!(masks[k] & this.bit)) continue;
      out.length = 0;
      let lists = 0;
      for (let n = k > 0 ? ends[k - 1] : 0; n < ends[k]; n++) {
        const entries = owners[nodes[n]]![this.owner];
        if (!entries) continue;
        lists++;
        for (const e of entries) if (allowed(e)) out.push(e);
      }
      if (out.length === 0) continue;
      if (lists > 1) {
        out.sort((a, b) => a - b);
        let w = 1;
        for (let r = 1; r < out.length; r++) if (out[r] !== out[w - 1]) out[w++] = out[r];
        out.length = w;
      }
      return positions[k];
    }
    return -1;
  }
}
