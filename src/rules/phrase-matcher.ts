import type { PhraseEntry } from './rule-file.js';
import { groupCount, phraseSource, unicodeBoundaries, WORD_END, WORD_START } from './regex.js';

export interface PhraseMatch {
  start: number;
  end: number;
  entry: PhraseEntry;
  /** The entry's own capture groups, for `$1` in rewrites. */
  groups: Array<string | undefined>;
}

interface Alternative { entry: PhraseEntry; group: number; groups: number }
interface Combined { re: RegExp; alternatives: Alternative[] }

/**
 * All phrases of one rule and language, compiled into one regex per case mode (not one regex
 * per phrase): each entry is a capture group, so a match tells which entry found it.
 */
export class PhraseMatcher {
  private readonly combined: Combined[] = [];

  constructor(entries: readonly PhraseEntry[]) {
    for (const caseSensitive of [false, true]) {
      const mine = entries.filter((e) => Boolean(e.caseSensitive) === caseSensitive);
      if (mine.length === 0) continue;
      const alternatives: Alternative[] = [];
      let group = 1;
      const sources = mine.map((entry) => {
        const src = entry.regex !== undefined ? unicodeBoundaries(entry.regex) : [entry.match ?? []].flat().map(phraseSource).join('|');
        const groups = groupCount(src);
        alternatives.push({ entry, group, groups });
        group += groups + 1;
        return `(${src})`;
      });
      const re = new RegExp(`${WORD_START}(?:${sources.join('|')})${WORD_END}`, caseSensitive ? 'gu' : 'giu');
      this.combined.push({ re, alternatives });
    }
  }

  /** Every match in the prose, left to right, none overlapping another of the same regex. */
  *find(prose: string): Generator<PhraseMatch> {
    for (const { re, alternatives } of this.combined) {
      re.lastIndex = 0;
      for (let m = re.exec(prose); m; m = re.exec(prose)) {
        if (m[0] === '') { re.lastIndex++; continue; }
        const alt = alternatives.find((a) => m![a.group] !== undefined)!;
        yield { start: m.index, end: m.index + m[0].length, entry: alt.entry, groups: m.slice(alt.group + 1, alt.group + 1 + alt.groups) };
      }
    }
  }
}
