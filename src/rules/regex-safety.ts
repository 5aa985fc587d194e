import { analyse } from 'scslre';

/**
 * Regular expressions from rule and language files run on every draft, with V8's backtracking
 * engine: `(a+)+$` on a line of forty a's never returns. This finds such patterns at load with
 * scslre (pure JavaScript, the analysis behind eslint-plugin-regexp's no-super-linear-backtracking).
 *
 * Only exponential backtracking is refused: polynomial cases are common in harmless phrases
 * (`\s+(?:\w+\s+){0,3}`) and stay cheap on drafts. The analysis cannot see every ambiguity
 * (`(a|a)*` slips through), so the CLI also bounds each user rule's time on a draft.
 */

/** Exponential backtracking needs an unbounded quantifier on a group: `)*`, `)+`, `){n,}`. */
const QUANTIFIED_GROUP = /\)(?:[*+]|\{\d+,\})/;
const cache = new Map<string, string | undefined>();

/** Why the pattern can backtrack catastrophically (a message for the user), or undefined. */
export function catastrophicBacktracking(src: string, flags = 'iu'): string | undefined {
  if (!QUANTIFIED_GROUP.test(src)) return undefined;
  const key = `${flags}/${src}`;
  if (cache.has(key)) return cache.get(key);
  let why: string | undefined;
  try {
    // The pattern is embedded in larger regexes (word boundaries, unions), so any suffix may reject.
    const { reports } = analyse({ source: src, flags }, { assumeRejectingSuffix: true, reportTypes: { Move: false } });
    const bad = reports.find((r) => r.exponential);
    if (bad) {
      const quant = bad.type === 'Self' ? bad.parentQuant.raw : bad.type === 'Trade' ? bad.endQuant.raw : '';
      why = `regular expression can backtrack catastrophically (exponential time on a run of ${JSON.stringify(bad.character.pick.toLowerCase())}${quant ? ` in ${quant}` : ''}): a draft could hang the run; make the repetitions unambiguous, e.g. (a+)+ → a+`;
    }
  } catch {
    why = undefined; // a pattern the analyser cannot read is left to the run-time bound
  }
  cache.set(key, why);
  return why;
}
