// The phrase matcher's shortcuts must never change what it finds: boundaries written with one
// lookaround where the neighbouring character is known, the literal pre-filter that skips
// patterns a draft cannot match, the starts that say where a pattern can begin, and the scans
// used for the patterns whose starts are not known.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Linter } from '../src/lint.js';
import { requiredLiterals, startStrings } from '../src/rules/literals.js';
import { lowerPattern, lowerSameLength, unicodeBoundaries, WORD_END, WORD_START } from '../src/rules/regex.js';
import { PhraseMatcher, UNION_FROM } from '../src/rules/phrase-matcher.js';
import { builtins } from './helpers/builtins.js';

const RUNS = Number(process.env.PROPERTY_RUNS) || 200;
const W = '[\\p{L}\\p{N}_]';
const fullBoundaries = (src: string) =>
  src.replace(/\\b/g, `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`).replace(/\\B/g, `(?:(?<=${W})(?=${W})|(?<!${W})(?!${W}))`);
const matches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);

const piece = fc.constantFrom('\\b', '\\B', 'a', 'b', 'é', ' ', '\\s', '\\s+', '[eé]', '[^a]', '\\p{L}+', 'x?', '(?:ab|c)', '(?:a|\\s)', '\\u0020', '\\u00e9', 'a{0,2}', 'b{2}', '-', "'", '(?<=a)');
const pattern = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', ' ', 'x', '-', "'", '1'), maxLength: 24 });

describe('unicodeBoundaries', () => {
  it('matches exactly what the two-sided boundary matches', () => {
    fc.assert(fc.property(pattern, text, (p, t) => {
      expect(matches(new RegExp(unicodeBoundaries(p), 'gu'), t)).toEqual(matches(new RegExp(fullBoundaries(p), 'gu'), t));
    }), { numRuns: RUNS * 5 });
  });
  it('writes one lookaround where a neighbour is a known letter', () => {
    expect(unicodeBoundaries('\\bsoon\\b')).toBe(`(?<!${W})soon(?!${W})`);
    expect(unicodeBoundaries('\\b(?:today|tomorrow)\\b')).toBe(`(?<!${W})(?:today|tomorrow)(?!${W})`);
    expect(unicodeBoundaries('\\s+\\b')).toContain('|');
  });
});

describe('requiredLiterals', () => {
  it('finds the words a phrase cannot match without', () => {
    const sets = requiredLiterals("you(?:['’]ve|\\s+have)?\\s+made\\s+(?:a\\s+)?(?:mistakes?|errors?)")!;
    expect(sets.map((s) => [...s].sort())).toEqual([['error', 'errors', 'mistake', 'mistakes'], ['made'], ['you']]);
    expect(requiredLiterals('\\p{L}+\\s+x')).toBeUndefined(); // nothing of three characters is certain
    expect(requiredLiterals('a|bcd')).toBeUndefined(); // one alternative needs nothing usable
  });
  it('every match contains a string of each set', () => {
    const part = fc.constantFrom('you', 'your', 'made', 'mistake', 's?', '\\s+', '(?:a|the)\\s+', '(?:problem|issue)', '[eé]', '\\p{L}+', 'x*', '(?:soon|shortly)', "['’]ve", 'la', 'a{2,3}', '(?:ab)+', '.');
    const source = fc.array(part, { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
    const words = fc.array(fc.constantFrom('you', 'your', 'made', 'mistake', 'mistakes', 'a', 'the', 'problem', 'issue', 'soon', 'shortly', "'ve", 'é', 'la', 'aa', 'abab', ' ', 'x'), { maxLength: 12 }).map((w) => w.join(' '));
    fc.assert(fc.property(source, words, (src, t) => {
      const sets = requiredLiterals(src);
      if (!sets) return;
      for (const m of t.matchAll(new RegExp(src, 'gu'))) {
        for (const set of sets) expect(set.some((s) => m[0].includes(s))).toBe(true);
      }
    }), { numRuns: RUNS * 5 });
  });
});

/**
 * Pieces of pattern, each with strings it matches (or nearly): texts made of these give the
 * patterns something to find, where random letters would seldom spell a phrase.
 */
const PARTS: Array<[string, string[]]> = [
  ['you', ['you', 'yo']], ['we', ['we']], ['a', ['a']], ['la', ['la', 'las']], ['é', ['é', 'e']], ['\\s+', [' ', '  ', '\n', ' \n ']],
  ['\\s', [' ', '\n']], [' ', [' ', '  ']], ['\\s*', ['', ' ', '  ']], ['(?:the\\s+)?', ['', 'the ', 'the  ']], ['(?:i|we)', ['i', 'we', 'I']],
  ['[eé]', ['e', 'é']], ["['’]", ["'", '’']], ['s?', ['', 's']], ['\\p{L}+', ['ab', 'x', 'é']], ['(?:ab|c)', ['ab', 'c']],
  ['(?:ab)+', ['ab', 'abab', 'aba']], ['x?', ['', 'x']], ['a{0,2}', ['', 'a', 'aa', 'aaa']], ['b{2}', ['bb', 'b']], ['(?:a|\\s)', ['a', ' ']],
  ['.', ['x', '.']], ['\\u00e9', ['é']], ['You', ['You', 'you']], ['(?:I|We)', ['I', 'We', 'we']], ['(?<!no\\s)', ['no ', '']], ['(?!x)', ['', 'x']], ['(?=a)', ['']], ['\\b', ['', ',']], ['x*', ['', 'xx']],
];
const NOISE = ['a', 'b', 'x', 'é', ' ', '  ', '\n', ', ', 'the', 'no', 'you', "'"];
const parts = fc.array(fc.constantFrom(...PARTS), { minLength: 1, maxLength: 6 });
const sourceOf = (ps: Array<[string, string[]]>) => ps.map(([src]) => src).join('');
/** A text of near-matches of the patterns made of `each`, and noise. */
const textFor = (each: Array<Array<[string, string[]]>>) => {
  const nearMatch = fc.constantFrom(...each).chain((ps) => fc.tuple(...ps.map(([, ex]) => fc.constantFrom(...ex))).map((xs) => xs.join('')));
  return fc.array(fc.oneof(nearMatch, fc.constantFrom(...NOISE)), { maxLength: 8 }).map((xs) => xs.join(''));
};

describe('startStrings', () => {
  const spaced = (s: string) => s.replace(/\s+/gu, ' ');
  it('says how phrases begin, white space as one space', () => {
    expect(startStrings('you\\s+made\\s+a\\s+mistake')).toEqual(['you made']);
    expect(startStrings('(?:i|we)\\s+(?:said|told)')?.sort()).toEqual(['i said', 'i told', 'we said', 'we told']);
    expect(startStrings('(?:the\\s+)?company')?.sort()).toEqual(['company', 'the comp']);
    expect(startStrings('\\p{L}+ing')).toBeUndefined(); // could begin anywhere
    expect(startStrings('a?')).toBeUndefined(); // can match nothing
  });
  it('every match begins with one of them', () => {
    fc.assert(fc.property(parts.chain((ps) => fc.tuple(fc.constant(sourceOf(ps)), textFor([ps]))), ([src, t]) => {
      const starts = startStrings(src);
      if (!starts) return;
      for (const m of t.matchAll(new RegExp(src, 'gu'))) {
        if (m[0] !== '') expect(starts.some((s) => spaced(m[0]).startsWith(s))).toBe(true);
      }
    }), { numRuns: RUNS * 5 });
  });
});

describe('PhraseMatcher', () => {
  /** What the matcher must find: at each position from the left, the first entry that matches there. */
  function reference(sources: string[], text: string) {
    const res = sources.map((s) => new RegExp(`${WORD_START}(?:${unicodeBoundaries(s)})${WORD_END}`, 'yu'));
    const out: Array<[number, number, number]> = [];
    for (let at = 0; at < text.length;) {
      const hit = res.map((re, k) => { re.lastIndex = at; const m = re.exec(text); return m && m[0] ? [k, m[0].length] : null; }).find(Boolean);
      if (hit) { out.push([at, at + hit[1], hit[0]]); at += hit[1]; } else at++;
    }
    return out;
  }
  const entries = fc.array(fc.tuple(parts, fc.boolean()), { minLength: 1, maxLength: 6 });
  const shout = (t: string) => fc.array(fc.boolean(), { minLength: t.length, maxLength: t.length }).map((up) => [...t].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(''));
  it('finds phrases whose starts hold more than a thousand distinct characters', () => {
    const sources = Array.from({ length: 1100 }, (_, i) => `${String.fromCharCode(0x4e00 + i)}x`);
    const matcher = new PhraseMatcher(sources.map((regex) => ({ regex })));
    const text = `a ${String.fromCharCode(0x4e00 + 5)}x b ${String.fromCharCode(0x4e00 + 1090)}x c ${String.fromCharCode(0x4e00 + 1090)}y`;
    expect([...matcher.find(text, lowerSameLength(text))].map((m) => [m.start, sources.indexOf(m.entry.regex!)])).toEqual([[2, 5], [7, 1090]]);
  });
  it('finds what running every pattern everywhere finds (case-insensitive entries on the lower-cased draft, the others on the draft)', () => {
    const cases = entries.chain((each) => fc.tuple(fc.constant(each), textFor(each.map(([ps]) => ps)).chain(shout)));
    fc.assert(fc.property(cases, ([each, t]) => {
      const phrases = each.map(([ps, caseSensitive]) => ({ regex: sourceOf(ps), caseSensitive }));
      const matcher = new PhraseMatcher(phrases);
      const lowered = lowerSameLength(t);
      const found = [...matcher.find(t, lowered)].map((m) => [m.start, m.end, phrases.indexOf(m.entry)]);
      // Case-insensitive entries first, then the others; of entries with the same pattern, the first is the one found.
      const expected = [false, true].flatMap((cased) => {
        const group = phrases.flatMap((p, k) => (p.caseSensitive === cased ? [k] : []));
        return reference(group.map((k) => (cased ? phrases[k].regex : lowerPattern(phrases[k].regex))), cased ? t : lowered).map(([a, b, j]) => [a, b, group[j]]);
      });
      expect(found).toEqual(expected);
    }), { numRuns: RUNS * 5 });
  });
});

const shift = (f: { range: [number, number]; text: string }) => ({ ...f, range: [f.range[0] - PAD_LENGTH, f.range[1] - PAD_LENGTH] as [number, number] });
const PAD_LENGTH = 'Thanks. '.length * Math.ceil(UNION_FROM / 8) + 2;

describe('the built-in rules find the same in a short draft as in a long one', () => {
  // Past UNION_FROM the patterns without known starts are scanned for in one union.
  const linter = new Linter(builtins.rules, builtins.languages);
  const phrase = fc.constantFrom(
    'your problem', 'as I already explained', 'we suspect fraud on your part', 'our system is down', 'you made a mistake',
    'We will get back to you soon.', 'Dear customer', 'It is company policy.', 'su problema', 'ha cometido un error', 'el seu problema',
    'ens posarem en contacte aviat', 'consulte nuestras preguntas frecuentes', 'I have escalated your case to our technical team',
    'please do not hesitate to contact us', 'Unfortunately we cannot', 'check our FAQ', 'TODO', '[Customer Name]', 'obviously',
  );
  const filler = fc.constantFrom('We', 'fixed', 'the', 'parcel', 'today', 'hola', 'pedido', 'equip', 'and', 'it', 'by', 'Friday', '.', ',');
  const draft = fc.array(fc.oneof(phrase, filler), { minLength: 3, maxLength: 30 }).map((w) => w.join(' '));
  it('with the same messages at the same places', () => {
    // The padding goes before the draft (after it, it would give the draft's last words a context).
    const pad = `${'Thanks. '.repeat(Math.ceil(UNION_FROM / 8))}\n\n`;
    const skip = new Set(['long-paragraph', 'long-sentence', 'missing-contact-email']);
    fc.assert(fc.property(draft, fc.constantFrom('en', 'es', 'ca'), (t, lang) => {
      const short = linter.lintText(t, { lang }).messages.filter((m) => !skip.has(m.ruleId ?? ''));
      const long = linter.lintText(pad + t, { lang }).messages.filter((m) => m.line > 2 && !skip.has(m.ruleId ?? ''))
        .map(({ fix, suggestions, ...m }) => ({ ...m, line: m.line - 2, endLine: m.endLine - 2, ...(fix ? { fix: shift(fix) } : {}), ...(suggestions ? { suggestions: suggestions.map((x) => ({ ...x, fix: shift(x.fix) })) } : {}) }));
      expect(long).toEqual(short);
    }), { numRuns: 40 });
  });
});
