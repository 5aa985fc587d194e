import type { PhraseEntry } from './rule-file.js';
import { groupCount, phraseSource, unicodeBoundaries, withoutAssertions, WORD_END, WORD_START } from './regex.js';

export interface PhraseMatch {
  start: number;
  end: number;
  entry: PhraseEntry;
  /** The entry's own capture groups, for `$1` in rewrites. */
  groups: Array<string | undefined>;
}

interface Alternative { entry: PhraseEntry; group: number; groups: number }
interface Combined { re: RegExp; scan: RegExp; alternatives: Alternative[] }

/**
 * All phrases of one rule and language, compiled into one regex per case mode (not one regex
 * per phrase): each entry is a capture group, so a match tells which entry found it. Compiled
 * on first use, so a run pays only for the languages its drafts are in.
 */
export class PhraseMatcher {
  private combined?: Combined[];

  constructor(private readonly entries: readonly PhraseEntry[]) {}

  private compile(): Combined[] {
    const combined: Combined[] = [];
    const entries = this.entries;
    for (const caseSensitive of [false, true]) {
      const mine = entries.filter((e) => Boolean(e.caseSensitive) === caseSensitive);
      if (mine.length === 0) continue;
      const alternatives: Alternative[] = [];
      let group = 1;
      const written = mine.map((entry) => (entry.regex !== undefined ? entry.regex : [entry.match ?? []].flat().map(phraseSource).join('|')));
      const sources = written.map((src, i) => {
        const groups = groupCount(src);
        alternatives.push({ entry: mine[i], group, groups });
        group += groups + 1;
        return `(${unicodeBoundaries(src)})`;
      });
      const flags = caseSensitive ? 'u' : 'iu';
      const re = new RegExp(`${WORD_START}(?:${sources.join('|')})${WORD_END}`, `y${flags}`);
      const scan = new RegExp(written.map((src) => `(?:${withoutAssertions(src)})`).join('|'), `g${flags}`);
      combined.push({ re, scan, alternatives });
    }
    return combined;
  }

  /** Every match in the prose, left to right, none overlapping another of the same regex. */
  *find(prose: string): Generator<PhraseMatch> {
    for (const { re, scan, alternatives } of (this.combined ??= this.compile())) {
      scan.lastIndex = 0;
      for (let c = scan.exec(prose); c; c = scan.exec(prose)) {
        re.lastIndex = c.index;
        const m = re.exec(prose);
        if (!m || m[0] === '') { scan.lastIndex = c.index + 1; continue; }
        scan.lastIndex = m.index + m[0].length;
        const alt = alternatives.find((a) => m[a.group] !== undefined)!;
        yield { start: m.index, end: m.index + m[0].length, entry: alt.entry, groups: m.slice(alt.group + 1, alt.group + 1 + alt.groups) };
      }
    }
  }
}
