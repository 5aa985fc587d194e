import type { PhraseEntry } from './rule-file.js';
import { UnionScan } from './union-scan.js';
import { groupCount, lowerPattern, nonCapturing, phraseSource, unicodeBoundaries, withoutAssertions, WORD_END, WORD_START } from './regex.js';

export interface PhraseMatch {
  start: number;
  end: number;
  entry: PhraseEntry;
  /** The entry's own capture groups, for `$1` in rewrites. */
  groups: Array<string | undefined>;
}

/** One phrase entry: its written source, and regexes compiled only when first needed. */
class Alternative {
  private verifier?: RegExp;
  private scanner?: RegExp;
  readonly groups: number;

  constructor(readonly entry: PhraseEntry, readonly source: string, private readonly flags: string) {
    this.groups = groupCount(source);
  }

  /** The real pattern, anchored at a position (sticky), on word boundaries; `d` gives group offsets. */
  verify(text: string, at: number): RegExpExecArray | null {
    const re = (this.verifier ??= new RegExp(`${WORD_START}(?:${unicodeBoundaries(this.source)})${WORD_END}`, `yd${this.flags}`));
    re.lastIndex = at;
    const m = re.exec(text);
    return m && m[0] !== '' ? m : null;
  }

  /** Could the pattern match at this position at all (its assertion-free superset)? */
  mayMatch(text: string, at: number): boolean {
    const re = (this.scanner ??= new RegExp(`(?:${withoutAssertions(this.source)})`, `y${this.flags}`));
    re.lastIndex = at;
    return re.test(text);
  }
}

interface Group { scan?: UnionScan; alternatives: Alternative[]; flags: string; lowered: boolean }

/**
 * All phrases of one rule and language. One combined, assertion-free regex per case mode scans
 * the text: it has no lookbehind in front, so V8 skips ahead fast, and it is small to compile.
 * Where it finds a candidate, the entry's real pattern (compiled on first use) decides. Of two
 * entries that match at one position, the one listed first wins.
 */
export class PhraseMatcher {
  private readonly groups: Group[] = [];

  constructor(entries: readonly PhraseEntry[]) {
    for (const caseSensitive of [false, true]) {
      const mine = entries.filter((e) => Boolean(e.caseSensitive) === caseSensitive);
      if (mine.length === 0) continue;
      const source = (e: PhraseEntry) => e.regex ?? [e.match ?? []].flat().map(phraseSource).join('|');
      const alternatives = mine.map((e) => new Alternative(e, caseSensitive ? source(e) : lowerPattern(source(e)), 'u'));
      this.groups.push({ alternatives, flags: 'u', lowered: !caseSensitive });
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
      // One union, cut in pieces when too big for V8 to optimize (see union-scan.ts).
      const scan = (g.scan ??= new UnionScan(g.alternatives.map((a) => nonCapturing(withoutAssertions(a.source))), g.flags));
      scan.lastIndex = 0;
      for (let c = scan.exec(text); c; c = scan.exec(text)) {
        const first = c.first;
        const hit = this.verifyAt(g.alternatives, first, text, c.index);
        if (!hit) { scan.lastIndex = c.index + 1; continue; }
        const { alt, m } = hit;
        scan.lastIndex = m.index + m[0].length;
        const groups = m.indices!.slice(1, 1 + alt.groups).map((r) => (r ? prose.slice(r[0], r[1]) : undefined));
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
