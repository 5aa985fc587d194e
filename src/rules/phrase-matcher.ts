import type { PhraseEntry } from './rule-file.js';
import { UnionScan, unionPieces, type UnionPiece } from './union-scan.js';
import { LiteralIndex } from './literal-index.js';
import { Directories } from './directories.js';
import { requiredLiterals, startStrings } from './literals.js';
import { StartIndex } from './start-index.js';
import { groupCount, lowerPattern, lowerSameLength, nonCapturing, phraseSource, unicodeBoundaries, withoutAssertions, WORD_END, WORD_START } from './regex.js';

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
 * What a matcher needs to know of each entry besides its pattern, in the entries' order: its
 * required literals (see literals.ts) and its starts (`startStrings`). The built-in rules get
 * this when they are built into their snapshot, so a run does not read every pattern again.
 */
export interface PreparedPhrases { literals: Array<string[][] | null>; starts: Array<string[] | null> }

export function preparePhrases(entries: readonly PhraseEntry[]): PreparedPhrases {
  const sources = entries.map((e) => scanSourceOf(patternOf(e)));
  return { literals: sources.map((s) => requiredLiterals(s) ?? null), starts: sources.map((s) => startStrings(s) ?? null) };
}

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

/** From this length on, the entries without known starts are scanned for in one union rather than one by one. */
export const UNION_FROM = 64 * 1024;

function unionOf(g: Group, unfiled: number[]): UnionPiece[] {
  const of = unfiled.join(',');
  if (g.union?.of !== of) g.union = { of, pieces: unionPieces(unfiled.map((k) => nonCapturing(g.alternatives[k].scanSource)), 'u') };
  return g.union.pieces;
}

interface Group {
  alternatives: Alternative[];
  index: LiteralIndex;
  starts: StartIndex;
  /** Entries without known starts, found by scanning the text with their assertion-free patterns. */
  unfiled: number[];
  /** The union of those a long text lets through (see `find`), kept for the next long text that lets the same through. */
  union?: { of: string; pieces: UnionPiece[] };
  lowered: boolean;
}

/**
 * All phrases of one rule and language. A text is walked once for the places where an entry's
 * starts are (see start-index.ts) and the entry's real pattern (compiled on first use) is run
 * there, anchored; an entry whose starts are not known is found by scanning the text with its
 * assertion-free pattern. Of two entries that match at one position, the one listed first wins.
 * An entry is tried only on a text that has its required words (see literal-index.ts).
 */
export class PhraseMatcher {
  private readonly groups: Group[] = [];

  /**
   * `prepared`: `preparePhrases(entries)`, when known in advance; `directories`: shared with the
   * other rules of a run.
   */
  constructor(entries: readonly PhraseEntry[], prepared = preparePhrases(entries), directories = new Directories()) {
    for (const caseSensitive of [false, true]) {
      const mine = entries.flatMap((e, k) => (Boolean(e.caseSensitive) === caseSensitive ? [k] : []));
      if (mine.length === 0) continue;
      // Starts are looked for in the lower-cased draft: a case-sensitive entry's, lower-cased too
      // (but for Σ, whose lower case depends on the next letter: such an entry is scanned for).
      const starts = mine.map((k) => prepared.starts[k] ?? undefined)
        .map((list) => (caseSensitive && list ? (list.some((s) => s.includes('Σ')) ? undefined : list.map(lowerSameLength)) : list));
      this.groups.push({
        alternatives: mine.map((k) => new Alternative(entries[k], 'u')),
        index: new LiteralIndex(mine.map((k) => prepared.literals[k] ?? undefined), directories.pieces),
        starts: new StartIndex(starts, directories.starts),
        unfiled: starts.flatMap((list, j) => (list ? [] : [j])),
        lowered: !caseSensitive,
      });
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
      const allowed = (k: number) => g.index.allows(text, k);
      const unfiled = g.unfiled.filter(allowed);
      // A long text is scanned with one union, cut in pieces when too big for V8 to optimize (see union-scan.ts).
      const scan = unfiled.length === 0 ? undefined : new UnionScan(text.length <= UNION_FROM ? unfiled.map((k, j) => g.alternatives[k].piece(j)) : unionOf(g, unfiled));
      let hit = scan?.exec(text) ?? null;
      const here: number[] = [];
      let at = 0, filedAt = -2;
      for (;;) {
        if (filedAt !== -1 && filedAt < at) filedAt = g.starts.next(lowered, at, allowed, here);
        while (hit && hit.index < at) { scan!.lastIndex = at; hit = scan!.exec(text); }
        if (filedAt === -1 && !hit) break;
        const p = !hit ? filedAt : filedAt === -1 ? hit.index : Math.min(filedAt, hit.index);
        const found = this.verifyAt(g, text, p, filedAt === p ? here : [], hit?.index === p ? unfiled.slice(hit.first) : []);
        if (!found) { at = p + 1; continue; }
        const { alt, m } = found;
        at = m.index + m[0].length;
        const groups = alt.groups ? m.indices!.slice(1, 1 + alt.groups).map((r) => (r ? prose.slice(r[0], r[1]) : undefined)) : [];
        yield { start: m.index, end: at, entry: alt.entry, groups };
      }
    }
  }

  /**
   * The first entry, in the rule's order, that matches at `at`: of `filed` (their starts are
   * there) and of `scanned` (the first found by the scan, the others may match too).
   */
  private verifyAt(g: Group, text: string, at: number, filed: readonly number[], scanned: readonly number[]): { alt: Alternative; m: RegExpExecArray } | undefined {
    for (let i = 0, j = 0; i < filed.length || j < scanned.length;) {
      const fromScan = i === filed.length || (j < scanned.length && scanned[j] < filed[i]);
      const k = fromScan ? scanned[j++] : filed[i++];
      const alt = g.alternatives[k];
      // The real pattern's assertions can be slow to try (a negation looks back several words):
      // its assertion-free form rules most places out first. The scan's own find needs no check.
      if (!(fromScan && j === 1) && !alt.mayMatch(text, at)) continue;
      const m = alt.verify(text, at);
      if (m) return { alt, m };
    }
    return undefined;
  }
}
