/** Gives a rewrite the case of the text it replaces: "Your problem" → "The problem", "YOUR" → "THE". */
export function keepCase(original: string, replacement: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = original.match(/\p{L}/u)?.[0];
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) {
    return replacement.replace(/\p{L}/u, (c) => c.toUpperCase());
  }
  return replacement;
}
