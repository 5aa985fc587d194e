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
