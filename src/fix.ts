import type { Fix } from './rules/rule.js';

/**
 * Applies fixes to a text in one pass. Fixes are sorted by range; one that overlaps an
 * earlier one is left for the next pass. Only the bytes inside fixed ranges change.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { output: string; applied: number } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '', last = 0, applied = 0;
  for (const f of sorted) {
    const [s, e] = f.range;
    if (s < last || s > e || e > text.length) continue;
    out += text.slice(last, s) + f.text;
    last = e;
    applied++;
  }
  return { output: out + text.slice(last), applied };
}

/** ESLint's bound on fix passes: enough for fixes that uncover fixes, finite for circular ones. */
export const MAX_FIX_PASSES = 10;

/**
 * Lints, applies the fixes, lints the result again, until nothing changes or the pass bound is
 * reached. `lint` is any function from text to messages (the Linter, bound to one file).
 */
export function fixUntilStable<R extends { messages: ReadonlyArray<{ fix?: Fix }> }>(text: string, lint: (text: string) => R): { result: R; output: string } {
  let output = text;
  let result = lint(output);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = result.messages.flatMap((m) => (m.fix ? [m.fix] : []));
    if (fixes.length === 0) break;
    const next = applyFixes(output, fixes).output;
    if (next === output) break;
    output = next;
    result = lint(output);
  }
  return { result, output };
}
