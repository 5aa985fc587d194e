/** Regular expressions from rule and language files: checked, and made Unicode-aware. */

const WORD_CHAR = '[\\p{L}\\p{N}_]';
const BOUNDARY = `(?:(?<=${WORD_CHAR})(?!${WORD_CHAR})|(?<!${WORD_CHAR})(?=${WORD_CHAR}))`;
const NOT_BOUNDARY = `(?:(?<=${WORD_CHAR})(?=${WORD_CHAR})|(?<!${WORD_CHAR})(?!${WORD_CHAR}))`;
export const WORD_START = `(?<!${WORD_CHAR})`;
export const WORD_END = `(?!${WORD_CHAR})`;

/**
 * JavaScript's `\b` only knows ASCII letters, so "\bcómo\b" would miss "cómo" after a space.
 * Rewrites `\b` and `\B` (outside character classes) into boundaries that know every letter.
 */
export function unicodeBoundaries(src: string): string {
  let out = '', inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      const n = src[i + 1];
      if (!inClass && n === 'b') out += BOUNDARY;
      else if (!inClass && n === 'B') out += NOT_BOUNDARY;
      else out += c + (n ?? '');
      i++;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c;
  }
  return out;
}

/** Compiles a user's regex (case-insensitive, Unicode); returns the error text when it is invalid. */
export function compileUserRegex(src: string, flags = 'iu'): RegExp | string {
  try {
    return new RegExp(unicodeBoundaries(src), flags);
  } catch (e) {
    return `invalid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
}

/** Number of capture groups in a regex source. */
export function groupCount(src: string): number {
  return new RegExp(`${src}|`, 'u').exec('')!.length - 1;
}

const ACCENTS: Record<string, string> = { a: 'aáà', e: 'eéè', i: 'iíï', o: 'oóò', u: 'uúü', n: 'nñ', c: 'cç' };
const BASE: Record<string, string> = {};
for (const [base, all] of Object.entries(ACCENTS)) for (const ch of all) if (ch !== base) BASE[ch] = base;

/**
 * A `match:` phrase as a regex source: literal text, any run of white space for a space,
 * both apostrophes for `'`, and an accented vowel also matching its unaccented spelling.
 */
export function phraseSource(phrase: string): string {
  let out = '';
  for (const ch of phrase.trim()) {
    if (/\s/.test(ch)) { if (!out.endsWith('\\s+')) out += '\\s+'; }
    else if (ch === "'" || ch === '’') out += "['’]";
    else if (BASE[ch.toLowerCase()]) out += `[${BASE[ch.toLowerCase()]}${ch}]`;
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}
