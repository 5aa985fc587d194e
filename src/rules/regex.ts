/** Regular expressions from rule and language files: checked, and made Unicode-aware. */

const WORD_CHAR = '[\\p{L}\\p{N}_]';
const BOUNDARY = `(?:(?<=${WORD_CHAR})(?!${WORD_CHAR})|(?<!${WORD_CHAR})(?=${WORD_CHAR}))`;
const NOT_BOUNDARY = `(?:(?<=${WORD_CHAR})(?=${WORD_CHAR})|(?<!${WORD_CHAR})(?!${WORD_CHAR}))`;
export const WORD_START = `(?<!${WORD_CHAR})`;
export const WORD_END = `(?!${WORD_CHAR})`;

/**
 * JavaScript's `\b` only knows ASCII letters, so "\bcómo\b" would miss "cómo" after a space.
 * Rewrites `\b` and `\B` (outside character classes) into boundaries that know every letter.
 * Where the atom before the boundary, or the one after it, is known to be a letter or digit,
 * one lookaround says it (`\bword` → `(?<!W)word`): V8 runs the full two-sided form at every
 * position of the text, which made a vocabulary of forty expressions ten times slower.
 */
export function unicodeBoundaries(src: string): string {
  let out = '', inClass = false;
  const endsWord: boolean[] = [false]; // per open group: does every alternative so far end in a word character?
  let lastWord = false; // does the atom just written certainly end in a word character?
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inClass) { out += c; if (c === '\\') out += src[++i] ?? ''; else if (c === ']') { inClass = false; lastWord = classIsWord(src, i); } continue; }
    if (c === '\\') {
      const n = src[i + 1];
      if (n === 'b' || n === 'B') {
        const word = n === 'b';
        out += lastWord ? (word ? WORD_END : `(?=${WORD_CHAR})`)
          : startsWithWordChar(src, i + 2) ? (word ? WORD_START : `(?<=${WORD_CHAR})`)
          : word ? BOUNDARY : NOT_BOUNDARY;
      } else {
        // A whole escape: `\p{L}`, `\u{1F600}`, `\k<name>` or one character.
        const hex = /^\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2}))/.exec(src.slice(i, i + 6));
        const end = hex ? i + hex[0].length - 1
          : (n === 'p' || n === 'P' || n === 'u') && src[i + 2] === '{' ? src.indexOf('}', i) : n === 'k' && src[i + 2] === '<' ? src.indexOf('>', i) : i + 1;
        out += src.slice(i, end + 1);
        lastWord = hex ? isWordLiteral(String.fromCharCode(parseInt(hex[1] ?? hex[2], 16)))
          : /[dw]/.test(n ?? '') || /^\\p\{(?:L|N|Letter|Number|Lu|Ll)\}/.test(src.slice(i));
        i = end;
        continue;
      }
      i++;
      continue;
    }
    const quantifier = /^\{(\d+)(?:,\d*)?\}/.exec(src.slice(i, i + 12));
    if (quantifier) { out += quantifier[0]; i += quantifier[0].length - 1; if (quantifier[1] === '0') lastWord = false; continue; }
    out += c;
    if (c === '[') { inClass = true; continue; }
    if (c === '(') { endsWord.push(!/^\(\?<?[=!]/.test(src.slice(i, i + 4))); lastWord = false; continue; }
    if (c === '|') { endsWord[endsWord.length - 1] &&= lastWord; lastWord = false; continue; }
    if (c === ')') { lastWord = (endsWord.pop() ?? false) && lastWord; continue; }
    if (c === '?' || c === '*') { lastWord = false; continue; }
    if (c === '+') continue;
    lastWord = isWordLiteral(c);
  }
  return out;
}

const isWordLiteral = (c: string) => /[\p{L}\p{N}_]/u.test(c);

/** A class of letters and digits only (`[eé]`, `[a-z]`), not negated. */
function classIsWord(src: string, end: number): boolean {
  const start = src.lastIndexOf('[', end);
  const body = src.slice(start + 1, end);
  return body !== '' && !body.startsWith('^') && /^(?:[\p{L}\p{N}_]|(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}]))+$/u.test(body);
}

/** Does what starts at `i` certainly begin with a word character (and is not optional)? */
function startsWithWordChar(src: string, i: number): boolean {
  const c = src[i];
  if (c === undefined) return false;
  let end: number;
  let word: boolean;
  if (c === '\\') { word = /[dw]/.test(src[i + 1] ?? '') || /^\\p\{(?:L|N|Letter|Number|Lu|Ll)\}/.test(src.slice(i)); end = src[i + 1] === 'p' ? src.indexOf('}', i) : i + 1; }
  else if (c === '[') { end = classEnd(src, i); word = classIsWord(src, end); }
  else if (c === '(') {
    if (/^\(\?<?[=!]/.test(src.slice(i, i + 4))) return false;
    end = groupEnd(src, i);
    const body = src.slice(i, end + 1).replace(/^\((?:\?:|\?<[^>]*>)?/, '').slice(0, -1);
    word = splitAlternatives(body).every((alt) => startsWithWordChar(alt, 0));
  } else { end = i; word = isWordLiteral(c); }
  const q = src[end + 1];
  return word && q !== '?' && q !== '*' && !(q === '{' && /^\{0[,}]/.test(src.slice(end + 1)));
}

/** The top-level alternatives of a pattern. */
function splitAlternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0, from = 0;
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === '[') i = classEnd(src, i);
    else if (src[i] === '(') depth++;
    else if (src[i] === ')') depth--;
    else if (src[i] === '|' && depth === 0) { out.push(src.slice(from, i)); from = i + 1; }
  }
  out.push(src.slice(from));
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

/**
 * A validated pattern for text lower-cased by `lowerSameLength`: the same matches as with the
 * `i` flag, but V8 compiles and runs it several times faster (no case closure of `\p{L}`).
 */
export function compileLowered(src: string, flags = 'u'): RegExp {
  return new RegExp(unicodeBoundaries(lowerPattern(src)), flags);
}

/** Number of capture groups in a regex source: `(` not escaped, not in a class, not `(?`, or `(?<name>`. */
export function groupCount(src: string): number {
  let n = 0;
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === '[') i = classEnd(src, i);
    else if (src[i] === '(' && (src[i + 1] !== '?' || (src[i + 2] === '<' && src[i + 3] !== '=' && src[i + 3] !== '!'))) n++;
  }
  return n;
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

/**
 * The regex without its assertions (lookarounds, `\\b`, `\\B`): it matches wherever the
 * original does, and more. V8 cannot skip ahead over text when a pattern starts with an
 * assertion, so the matcher scans with this cheaper superset and checks the real pattern only
 * where it matched.
 */
export function withoutAssertions(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '\\') { if (src[i + 1] !== 'b' && src[i + 1] !== 'B') out += src.slice(i, i + 2); i++; continue; }
    if (src[i] === '[') { const end = classEnd(src, i); out += src.slice(i, end + 1); i = end; continue; }
    if (/^\(\?<?[=!]/.test(src.slice(i, i + 4))) { i = groupEnd(src, i); continue; }
    out += src[i];
  }
  return out;
}

function classEnd(src: string, i: number): number {
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === ']' && j > i + 1) return j;
  }
  return src.length - 1;
}

function groupEnd(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === '[') j = classEnd(src, j);
    else if (src[j] === '(') depth++;
    else if (src[j] === ')' && --depth === 0) return j;
  }
  return src.length - 1;
}

/** The same pattern with every capture group made non-capturing (for combining patterns). */
export function nonCapturing(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '\\') { out += src.slice(i, i + 2); i++; continue; }
    if (src[i] === '[') { const end = classEnd(src, i); out += src.slice(i, end + 1); i = end; continue; }
    if (src[i] === '(' && src[i + 1] !== '?') { out += '(?:'; continue; }
    if (src.startsWith('(?<', i) && src[i + 3] !== '=' && src[i + 3] !== '!') { out += '(?:'; i = src.indexOf('>', i); continue; }
    out += src[i];
  }
  return out;
}

/**
 * Lower-cases a text without moving any offset (a character whose lower case has another
 * length stays as it is). Case-insensitive phrases are matched on this text with patterns
 * lower-cased by `lowerPattern`: V8 compiles such patterns twice as fast as with the `i` flag.
 */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) { const l = ch.toLowerCase(); out += l.length === ch.length ? l : ch; }
  return out;
}

/** A pattern's literal letters lower-cased; escapes (`\S`, `\p{Lu}`, `\u00C0`…) and group names kept. */
export function lowerPattern(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      const n = src[i + 1];
      if ((n === 'p' || n === 'P') && src[i + 2] === '{') {
        const end = src.indexOf('}', i);
        out += src.slice(i, end + 1).replace(/\{(?:Lu|Ll|Lt|Uppercase_Letter|Lowercase_Letter|Titlecase_Letter)\}/, '{L}');
        i = end;
      } else if (n === 'k' && src[i + 2] === '<') { const end = src.indexOf('>', i); out += src.slice(i, end + 1); i = end; }
      else if (n === 'u' && src[i + 2] === '{') { const end = src.indexOf('}', i); out += src.slice(i, end + 1); i = end; }
      else if (n === 'u') { out += src.slice(i, i + 6); i += 5; }
      else if (n === 'x') { out += src.slice(i, i + 4); i += 3; }
      else if (n === 'c') { out += src.slice(i, i + 3); i += 2; }
      else { out += c + (n ?? ''); i++; }
      continue;
    }
    if (src.startsWith('(?<', i) && src[i + 3] !== '=' && src[i + 3] !== '!') { const end = src.indexOf('>', i); out += src.slice(i, end + 1); i = end; continue; }
    const l = c.toLowerCase();
    out += l.length === 1 ? l : c;
  }
  return out;
}
