// Properties of the linter on random drafts (issue 8), through the Linter API for speed:
// random Unicode and random Markdown never crash it; every position lies inside the draft and
// each range covers what it reports; fixing is idempotent and touches only the fixed ranges.
// Results with and without --concurrency and --cache are compared through the CLI, on a few
// random trees (each case spawns the CLI three times).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Linter, type LintMessage, type LintResult } from '../src/lint.js';
import { applyFixes, fixUntilStable } from '../src/fix.js';
import type { Fix } from '../src/rules/rule.js';
import { builtins } from './helpers/builtins.js';
import { UnionScan, unionPieces } from '../src/rules/union-scan.js';
import { tempTree } from './helpers/run-cli.js';
import { spawnCli } from './helpers/spawn-cli.js';

const linter = new Linter(builtins.rules, builtins.languages);
const RUNS = Number(process.env.PROPERTY_RUNS) || 200;

// ---- generators -----------------------------------------------------------------------------

/** Any UTF-16 code unit, lone surrogates included: what an API caller can hand over. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const unicodeText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: anyUnit, maxLength: 300 }),
);

/** Phrases the built-in rules flag (several fixable), in the three languages. */
const PHRASES = [
  'your problem', 'Your issue', 'YOUR PROBLEM', 'your billing issue', 'as I already explained', 'Dear customer', 'It is company policy.',
  'We will get back to you soon.', '[Customer Name]', '{{ first_name }}', 'su problema', 'el seu problema', 'we suspect fraud',
  'Unfortunately we cannot', 'please do not hesitate to contact us', 'check our FAQ', 'our system is down', 'you made a mistake',
  'TODO', 'XXX', 'help@shop.example', 'https://shop.example/help/returns', 'obviously', 'en breve', 'your problem.',
];
const word = fc.constantFrom('We', 'fixed', 'the', 'parcel', 'today', 'Ana', 'hola', 'gràcies', 'pedido', 'l’equip', 'it’s', 'naïve', '😀', '日本', 'über', '—', '…');
const sentence = fc.array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom(...PHRASES) }), { minLength: 1, maxLength: 12 })
  .map((ws) => ws.join(' ') + '.');
const inline = fc.oneof(
  sentence,
  sentence.map((s) => `*${s}*`), sentence.map((s) => `**${s}**`), sentence.map((s) => `_${s}_`),
  sentence.map((s) => `\`${s}\``), sentence.map((s) => `[${s}](https://shop.example/a)`), sentence.map((s) => `<!-- ${s} -->`),
  sentence.map((s) => `<b>${s}</b>`), fc.constantFrom('*', '_', '**', '[', ']', '`', '<', '>', '\\', '&amp;', '|', '~~'),
);
const mdLine = fc.oneof(
  fc.array(inline, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(' ')),
  fc.tuple(fc.integer({ min: 1, max: 6 }), sentence).map(([n, s]) => `${'#'.repeat(n)} ${s}`),
  fc.tuple(fc.integer({ min: 1, max: 8 }), sentence).map(([n, s]) => `${'> '.repeat(n)}${s}`),
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom('- ', '* ', '+ ', '1. ', '2) '), sentence).map(([n, m, s]) => `${'  '.repeat(n)}${m}${s}`),
  fc.constantFrom('```', '~~~', '---', '***', '', '    indented code your problem', '<div>', '</div>', 'On Mon, Ana wrote:', '> your problem', '[ref]: https://x.example'),
);
const EOLS = ['\n', '\r\n', '\r'];
const markdownText = fc.tuple(fc.array(mdLine, { maxLength: 25 }), fc.array(fc.constantFrom(...EOLS), { minLength: 25, maxLength: 25 }), fc.boolean())
  .map(([lines, eols, frontMatter]) => (frontMatter ? '---\nlang: en\n---\n' : '') + lines.map((l, i) => l + eols[i]).join(''));

const file = fc.constantFrom('draft.md', 'draft.txt');
const lang = fc.constantFrom(undefined, 'en', 'es', 'ca');
const quotes = fc.constantFrom<'skip' | 'lint'>('skip', 'lint');

// ---- helpers --------------------------------------------------------------------------------

/** Line starts, counting \r\n, \r and \n as one line break each (as the linter documents). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

/** The UTF-16 offset of a 1-based line and column, checking that the column exists on that line. */
function offsetOf(text: string, starts: number[], line: number, column: number): number {
  expect(line).toBeGreaterThanOrEqual(1);
  expect(line).toBeLessThanOrEqual(starts.length);
  const lineStart = starts[line - 1];
  const lineEnd = line < starts.length ? starts[line] - (text.slice(starts[line] - 2, starts[line]) === '\r\n' ? 2 : 1) : text.length;
  expect(column).toBeGreaterThanOrEqual(1);
  expect(lineStart + column - 1).toBeLessThanOrEqual(lineEnd);
  return lineStart + column - 1;
}

function lint(text: string, filePath: string, l?: string, q?: 'skip' | 'lint'): LintResult {
  return linter.lintText(text, { filePath, lang: l, config: q ? { quotes: q } : undefined });
}

const fixesOf = (messages: readonly LintMessage[]): Fix[] => messages.flatMap((m) => (m.fix ? [m.fix] : []));

/** Every reported position is inside the draft; each range is ordered and covers what it names. */
function checkPositions(text: string, result: LintResult): void {
  const starts = lineStarts(text);
  for (const m of result.messages) {
    const s = offsetOf(text, starts, m.line, m.column);
    const e = offsetOf(text, starts, m.endLine, m.endColumn);
    expect(e).toBeGreaterThanOrEqual(s);
    if (m.fix) {
      const [fs, fe] = m.fix.range;
      expect(0 <= fs && fs <= fe && fe <= text.length).toBe(true);
    }
    const slice = text.slice(s, e);
    // A phrase rule quotes what it found ("{match}", «{match}»): the quote is the text of the range,
    // and a phrase's fix replaces exactly that range.
    if (m.ruleId && (m.message.startsWith('"') || m.message.startsWith('«'))) {
      expect(m.message.startsWith(`"${slice}"`) || m.message.startsWith(`«${slice}»`), `${m.ruleId}: ${m.message} vs ${JSON.stringify(slice)}`).toBe(true);
      expect(slice.trim()).not.toBe('');
      if (m.fix) expect(m.fix.range).toEqual([s, e]);
    }
    if (m.ruleId === 'your-problem') expect(slice).toMatch(/^(?:your|su|el seu|vostre|la seva|el vostre)\b/iu);
  }
}

/** Applying fixes changes nothing outside their ranges (line breaks, BOM-less text, everything). */
function checkOnlyRangesChange(text: string, fixes: readonly Fix[]): string {
  const { output } = applyFixes(text, fixes);
  // The fixes applyFixes keeps: sorted, none overlapping an earlier one (the others wait a pass).
  const kept: Fix[] = [];
  for (const f of [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
    if (f.range[0] >= (kept.at(-1)?.range[1] ?? 0) && f.range[0] <= f.range[1] && f.range[1] <= text.length) kept.push(f);
  }
  let shift = 0, last = 0;
  for (const f of kept) {
    expect(output.slice(last + shift, f.range[0] + shift)).toBe(text.slice(last, f.range[0]));
    expect(output.slice(f.range[0] + shift, f.range[0] + shift + f.text.length)).toBe(f.text);
    shift += f.text.length - (f.range[1] - f.range[0]);
    last = f.range[1];
  }
  expect(output.slice(last + shift)).toBe(text.slice(last));
  return output;
}

// ---- properties -----------------------------------------------------------------------------

describe('properties of the linter', () => {
  it('random Unicode never crashes it, and every position lies inside the text', () => {
    fc.assert(fc.property(unicodeText, file, lang, quotes, (text, f, l, q) => {
      checkPositions(text, lint(text, f, l, q));
    }), { numRuns: RUNS });
  });

  it('random Markdown (and the same as plain text) never crashes it; positions are exact', () => {
    fc.assert(fc.property(markdownText, file, lang, quotes, (text, f, l, q) => {
      checkPositions(text, lint(text, f, l, q));
    }), { numRuns: RUNS });
  });

  it('no rule fails on any draft (no fatal message)', () => {
    fc.assert(fc.property(fc.oneof(markdownText, unicodeText), file, lang, (text, f, l) => {
      expect(lint(text, f, l).messages.filter((m) => m.fatal)).toEqual([]);
    }), { numRuns: RUNS });
  });

  it('fixing changes only the bytes inside the fix ranges, and is idempotent', () => {
    fc.assert(fc.property(fc.oneof(markdownText, sentence.map((s) => `Hi Ana,\r\n\r\n${s}\r\n`)), file, lang, (text, f, l) => {
      const run = (t: string) => lint(t, f, l ?? 'en');
      const first = run(text);
      checkOnlyRangesChange(text, fixesOf(first.messages));
      const { output } = fixUntilStable(text, run);
      // Idempotent: fixing the fixed text again changes nothing and finds nothing left to fix
      // (unless the pass bound stopped the first run, which these drafts never reach).
      expect(fixUntilStable(output, run).output).toBe(output);
      expect(fixesOf(run(output).messages).filter((x) => applyFixes(output, [x]).output !== output)).toEqual([]);
      // Line breaks are never touched by a fix.
      expect(output.replace(/[^\r\n]/g, '')).toBe(text.replace(/[^\r\n]/g, ''));
    }), { numRuns: RUNS });
  });
});

describe('a phrase list scanned in pieces (too big for one regex) finds what one union finds', () => {
  it('same candidates, same first alternative, in the same order', () => {
    const alternative = fc.constantFrom('your\\s+problem', 'you(?:r|\\s+are)?', 'pro', 'a+b', 'b', '\\s+', 'problem\\b', '[\\p{L}]{2}', 'x?', 'soon|shortly', '(?:y|o)+u');
    fc.assert(fc.property(fc.array(alternative, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 60 }), fc.string({ unit: fc.constantFrom('a', 'b', 'y', 'o', 'u', 'r', ' ', 'p', 'x', '\n', 'é'), maxLength: 80 }), (alts, piece, text) => {
      const one = new RegExp(alts.map((a) => `(${a})`).join('|'), 'gu');
      const seq = (next: () => { index: number; first: number } | null, skip: (to: number) => void) => {
        const out: Array<[number, number]> = [];
        for (let c = next(), n = 0; c && n < 200; c = next(), n++) { out.push([c.index, c.first]); skip(c.index + 1 + (c.first % 2)); }
        return out;
      };
      one.lastIndex = 0;
      const expected = seq(() => { const m = one.exec(text); return m && { index: m.index, first: m.slice(1).findIndex((x) => x !== undefined) }; }, (to) => { one.lastIndex = to; });
      // cut into grouped pieces, and one piece per alternative
      for (const cut of [new UnionScan(unionPieces(alts, 'u', piece)), new UnionScan(alts.map((a, k) => ({ re: new RegExp(a, 'gu'), offset: k, grouped: false })))]) {
        cut.lastIndex = 0;
        expect(seq(() => cut.exec(text), (to) => { cut.lastIndex = to; })).toEqual(expected);
      }
    }), { numRuns: RUNS });
  });
});

describe('the CLI gives the same results with and without --concurrency and --cache', () => {
  it('on random trees of drafts', async () => {
    const tree = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c/d', 'c/e'), fc.constantFrom('.md', '.txt'), fc.oneof(markdownText, sentence)), { minLength: 20, maxLength: 100 });
    await fc.assert(fc.asyncProperty(tree, async (files) => {
      const dir = tempTree(Object.fromEntries(files.map(([n, ext, text], i) => [`${n}${i}${ext}`, text])));
      const run = async (extra: string[]) => {
        const r = await spawnCli(['--format', 'json', '--lang', 'en', ...extra, '.'], { cwd: dir, timeoutMs: 60_000 });
        expect(r.timedOut).toBe(false);
        return r;
      };
      const serial = await run(['--concurrency', 'off']);
      const threads = await run(['--concurrency', '2']);
      const cold = await run(['--cache', '--cache-location', join(dir, '.cache')]);
      const warm = await run(['--cache', '--cache-location', join(dir, '.cache')]);
      for (const other of [threads, cold, warm]) {
        expect([other.code, other.stderr]).toEqual([serial.code, serial.stderr]);
        expect(JSON.parse(other.stdout)).toEqual(JSON.parse(serial.stdout));
      }
      expect(readFileSync(join(dir, '.cache'), 'utf8').length).toBeGreaterThan(0);
    }), { numRuns: 3, endOnFailure: true }); // a few hundred random drafts, each linted four ways
  }, 600_000);
});
