import type { PhraseEntry } from './rule-file.js';
import { UnionScan, unionPieces, type UnionPiece } from './union-scan.js';
import { LiteralDirectories, LiteralIndex, MAX_INDEXED_TEXT } from './literal-index.js';
import { requiredLiterals } from './literals.js';
import { groupCount, lowerPattern, nonCapturing, phraseSource, unicodeBoundaries, withoutAssertions, WORD_END, WORD_START } from './regex.js';

export interface PhraseMatch {
  start: number;
  end: number;
  entry: PhraseEntry;
  /** The entry's own capture groups, for `$1` in rewrites. */
  groups: Array<string | undefined>;
}

/** A phrase entry's pattern as matched: lower-cased unless the entry is case-sensitive. */
const patternOf = (e: PhraseEntry): string => {
  const written = e.regex ?? [e.match ?? []].flat().map(phraseSource).join('|');
  return e.caseSensitive ? written : lowerPattern(written);
};

/**
 * The assertion-free form of a pattern: matches wherever the real pattern does, and more. Its
 * groups stay (a `\1` needs its group); the union of many makes them non-capturing.
 */
const scanSourceOf = (pattern: string) => withoutAssertions(pattern);

/**
 * Required literals of each entry (see literals.ts), in the entries' order: computed when the
 * built-in rules are built into their snapshot, so a run does not read every pattern again.
 */
export const phraseLiterals = (entries: readonly PhraseEntry[]): Array<string[][] | null> =>
  entries.map((e) => requiredLiterals(scanSourceOf(patternOf(e))) ?? null);

/** One phrase entry, its regexes built only when a draft first needs them. */
class Alternative {
  private verifier?: RegExp;
  private scanner?: RegExp;
  private finder?: UnionPiece;
  private pattern?: string;
  private scan?: string;
  private groupTotal?: number;

  constructor(readonly entry: PhraseEntry, private readonly flags: string) {}

  get source(): string { return (this.pattern ??= patternOf(this.entry)); }
  get scanSource(): string { return (this.scan ??= scanSourceOf(this.source)); }
  get groups(): number { return (this.groupTotal ??= groupCount(this.source)); }

  /** The real pattern, anchored at a position (sticky), on word boundaries; `d` gives group offsets (when it has groups). */
  verify(text: string, at: number): RegExpExecArray | null {
    const re = (this.verifier ??= new RegExp(`${WORD_START}(?:${unicodeBoundaries(this.source)})${WORD_END}`, `y${this.groups ? 'd' : ''}${this.flags}`));
    re.lastIndex = at;
    const m = re.exec(text);
    return m && m[0] !== '' ? m : null;
  }

  /** Could the pattern match at this position at all (its assertion-free superset)? */
  mayMatch(text: string, at: number): boolean {
    const re = (this.scanner ??= new RegExp(`(?:${this.scanSource})`, `y${this.flags}`));
    re.lastIndex = at;
    return re.test(text);
  }

  /** The assertion-free pattern as a piece of a union scan, standing for alternative `offset`. */
  piece(offset: number): UnionPiece {
    this.finder ??= { re: new RegExp(this.scanSource, `g${this.flags}`), offset: 0, grouped: false };
    return { ...this.finder, offset };
  }
}

interface Group { alternatives: Alternative[]; index: LiteralIndex; union?: UnionPiece[]; lowered: boolean }

/**
 * All phrases of one rule and language. An assertion-free regex scans the text: it has no
 * lookbehind in front, so V8 skips ahead fast. Where it finds a candidate, the entry's real
 * pattern (compiled on first use) decides. Of two entries that match at one position, the one
 * listed first wins.
 *
 * In a draft of ordinary size only the entries whose required words are in it are scanned, each
 * with its own small regex (compiled once, when a draft first needs it); a long text is scanned
 * with one union of all the entries.
 */
export class PhraseMatcher {
  private readonly groups: Group[] = [];

  /**
   * `literals`: `phraseLiterals(entries)`, when known in advance; `directories`: shared with the
   * other rules of a run, `scope` (the language) naming the ones these entries go in.
   */
  constructor(entries: readonly PhraseEntry[], literals = phraseLiterals(entries), directories = new LiteralDirectories(), scope = '') {
    for (const caseSensitive of [false, true]) {
      const mine = entries.flatMap((e, k) => (Boolean(e.caseSensitive) === caseSensitive ? [k] : []));
      if (mine.length === 0) continue;
      const alternatives = mine.map((k) => new Alternative(entries[k], 'u'));
      this.groups.push({ alternatives, index: new LiteralIndex(mine.map((k) => literals[k] ?? undefined), directories.get(`${scope}/${caseSensitive ? 'cased' : 'lowered'}`)), lowered: !caseSensitive });
    }
  }

  /**
   * Every match in the prose, left to right, none overlapping another of the same case mode.
   * `lowered` is the prose through `lowerSameLength` (case-insensitive phrases match on it);
   * capture groups are read back from the prose, so rewrites keep the draft's case.
   */
  *find(prose: string, lowered: string): Generator<PhraseMatch> {
    for (const g of this.groups) {
      const text = g.lowered ? lowered : prose;
      let alternatives = g.alternatives, pieces: UnionPiece[];
      if (text.length <= MAX_INDEXED_TEXT) {
        alternatives = g.index.candidates(text).map((k) => g.alternatives[k]);
        if (alternatives.length === 0) continue;
        pieces = alternatives.map((a, k) => a.piece(k));
      } else {
        // One union, cut in pieces when too big for V8 to optimize (see union-scan.ts).
        pieces = g.union ??= unionPieces(g.alternatives.map((a) => nonCapturing(a.scanSource)), 'u');
      }
      const scan = new UnionScan(pieces);
      for (let c = scan.exec(text); c; c = scan.exec(text)) {
        const hit = this.verifyAt(alternatives, c.first, text, c.index);
        if (!hit) { scan.lastIndex = c.index + 1; continue; }
        const { alt, m } = hit;
        scan.lastIndex = m.index + m[0].length;
        const groups = alt.groups ? m.indices!.slice(1, 1 + alt.groups).map((r) => (r ? prose.slice(r[0], r[1]) : undefined)) : [];
        yield { start: m.index, end: m.index + m[0].length, entry: alt.entry, groups };
      }
    }
  }

  /** Entries before `first` cannot match here (the scan tried them first); later ones might. */
  private verifyAt(alternatives: readonly Alternative[], first: number, text: string, at: number): { alt: Alternative; m: RegExpExecArray } | undefined {
    for (let k = Math.max(first, 0); k < alternatives.length; k++) {
      const alt = alternatives[k];
      if (k !== first && !alt.mayMatch(text, at)) continue;
      const m = alt.verify(text, at);
      if (m) return { alt, m };
    }
    return undefined;
  }
}
