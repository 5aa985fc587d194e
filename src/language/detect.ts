import type { Language } from './language.js';

/** A word for detection: letters, joined by an elision ("l'equip") or a Catalan middle dot ("col·laborar"). */
const WORD = /[\p{L}]+(?:['·][\p{L}]+)*/gu;
const MIN_KNOWN_SHARE = 0.2;
/**
 * Guesses the language of a draft's prose from frequent words that tell the languages apart
 * (a word shared by two languages counts half) and a few letters and endings only one of them
 * writes inside a word (`markers` in the language file).
 * Returns null when no language has enough evidence.
 */
export function detectLanguage(prose: string, languages: Iterable<Language>): string | null {
  const langs = [...languages];
  if (langs.length === 0) return null;
  const counts = new Map<string, number>();
  const sample = (prose.length > 20000 ? prose.slice(0, 20000) : prose).toLowerCase();
  for (const m of sample.matchAll(WORD)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  const scores = new Map<string, number>();
  for (const [word, n] of counts) {
    const owners = langs.filter((l) => l.detect.has(word));
    for (const l of owners) scores.set(l.lang, (scores.get(l.lang) ?? 0) + n / owners.length);
  }
  // Markers are letters and endings inside a word: looked for once per distinct word.
  for (const l of langs) {
    const re = l.markers;
    if (!re) continue;
    let found = 0;
    for (const [word, n] of counts) found += n * (word.match(re)?.length ?? 0);
    scores.set(l.lang, (scores.get(l.lang) ?? 0) + 1.5 * found);
  }
  let best: string | null = null, bestScore = 0;
  for (const [lang, score] of scores) if (score > bestScore) { best = lang; bestScore = score; }
  // Another language (French, Portuguese…) shares a few short words with ours; ours make up a
  // good part of any ordinary sentence.
  let total = 0, known = 0;
  for (const [word, n] of counts) { total += n; if (langs.some((l) => l.detect.has(word))) known += n; }
  if (total >= 10 && known / total < MIN_KNOWN_SHARE) return null;
  return bestScore >= 1 ? best : null;
}
