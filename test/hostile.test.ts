// Hostile and broken input through the built CLI (issue 8): every row gives a clear result —
// a one-line warning or error naming the file (and line), the documented exit code — and no row
// crashes or hangs. Every run is bounded in time (generously: only a hang goes over) by spawnCli.
import { chmodSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from './helpers/run-cli.js';
import { spawnCli, UNPRIVILEGED, type TimedRun } from './helpers/spawn-cli.js';
import { Linter } from '../src/lint.js';
import { builtins } from './helpers/builtins.js';

const CLEAN = 'Hi Ana,\n\nYour parcel left today. Write to help@shop.example with any question.\n\nLeo\n';
/** One fixable error ("your problem" → "the problem") on line 3, column 10. */
const BAD = 'Hi Ana,\n\nWe fixed your problem today. Write to help@shop.example with any question.\n';
const BAD_FIXED = BAD.replace('your problem', 'the problem');

interface Msg { ruleId: string | null; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number; fatal?: boolean }
interface Res { filePath: string; messages: Msg[]; errorCount: number; warningCount: number }
const json = (r: TimedRun) => JSON.parse(r.stdout) as Res[];
const names = (r: TimedRun, dir: string) => json(r).map((x) => x.filePath.slice(dir.length + 1));
const stderrLines = (r: TimedRun) => r.stderr.split('\n').filter(Boolean);
const at = (m: Msg) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn];
/** Where your-problem was found: the rule these tests lean on (other rules change with their phrase lists). */
const yours = (r: { messages: readonly Msg[] }) => r.messages.filter((m) => m.ruleId === 'your-problem').map(at);
const linter = new Linter(builtins.rules, builtins.languages);

/** Bounded run: a hang fails the test with its output instead of stalling the suite. */
async function cli(args: string[], opts: Parameters<typeof spawnCli>[1] = {}): Promise<TimedRun> {
  const r = await spawnCli(args, { timeoutMs: 60_000, ...opts });
  expect(r.timedOut, `replylint ${args.join(' ')} hung:\n${r.stderr}`).toBe(false);
  return r;
}

describe('empty and nearly empty drafts', () => {
  it('empty, white space only, front matter only: linted, nothing reported, exit 0', async () => {
    const dir = tempTree({ 'empty.txt': '', 'empty.md': '', 'blank.txt': '  \n\t\r\n \n', 'blank.md': '\n\n   \n', 'fm.md': '---\ntitle: Refund\nlang: en\n---\n', 'fm.txt': '---\nlang: es\n---' });
    const r = await cli(['--format', 'json', '.'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(names(r, dir)).toEqual(['blank.md', 'blank.txt', 'empty.md', 'empty.txt', 'fm.md', 'fm.txt']);
    for (const res of json(r)) expect(res.messages).toEqual([]);
  });
});

describe('bytes that are not UTF-8 text', () => {
  it('a binary file named on the command line: skipped with a one-line warning, not parsed, exit 0', async () => {
    const dir = tempTree({ 'logo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) });
    const r = await cli(['--format', 'json', 'logo.md'], { cwd: dir });
    expect(stderrLines(r)).toEqual([`replylint: warning: ${join(dir, 'logo.md')}: binary file (NUL bytes), skipped`]);
    expect(json(r)).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('a binary file found in a directory: a warning, and the other files are linted', async () => {
    const dir = tempTree({ 'a.txt': BAD, 'b.txt': Buffer.from('Hi\0\0there'), 'c.md': CLEAN });
    const r = await cli(['--format', 'json', '.'], { cwd: dir });
    expect(stderrLines(r)).toEqual([`replylint: warning: ${join(dir, 'b.txt')}: binary file (NUL bytes), skipped`]);
    expect(names(r, dir)).toEqual(['a.txt', 'c.md']);
    expect(r.code).toBe(1);
  });

  it('invalid UTF-8: replacement characters and a warning; positions of the valid text stay right; never rewritten by --fix', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Hi Ana,\n\n'), Buffer.from([0xff]), Buffer.from(' We fixed your problem. Write to help@shop.example.\n'),
      Buffer.from([0xe2, 0x82]), Buffer.from('\nYour problem is gone ('), Buffer.from([0xc3]), Buffer.from(').\n'),
    ]);
    const dir = tempTree({ 'bad.txt': bytes });
    const r = await cli(['--format', 'json', 'bad.txt'], { cwd: dir });
    expect(stderrLines(r)).toEqual([`replylint: warning: ${join(dir, 'bad.txt')}: not valid UTF-8; invalid bytes were replaced`]);
    // Each invalid sequence is one U+FFFD: columns count the decoded text, as for any character.
    expect(yours(json(r)[0])).toEqual([['your-problem', 3, 12, 3, 24], ['your-problem', 5, 1, 5, 13]]);
    expect(r.code).toBe(1);
    const fix = await cli(['--fix', 'bad.txt'], { cwd: dir });
    expect(fix.stderr).toContain(`${join(dir, 'bad.txt')}: not fixed: the file did not decode cleanly as UTF-8`);
    expect(fix.code).toBe(2);
    expect(readFileSync(join(dir, 'bad.txt')).equals(bytes)).toBe(true);
  });

  it('a UTF-8 BOM: positions count from after it, and --fix keeps it', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const dir = tempTree({ 'bom.txt': Buffer.concat([bom, Buffer.from(BAD)]) });
    const r = await cli(['--format', 'json', 'bom.txt'], { cwd: dir });
    expect(yours(json(r)[0])).toEqual([['your-problem', 3, 10, 3, 22]]);
    const fix = await cli(['--fix', 'bom.txt'], { cwd: dir });
    expect(fix.code).toBe(0);
    expect(readFileSync(join(dir, 'bom.txt')).equals(Buffer.concat([bom, Buffer.from(BAD_FIXED)]))).toBe(true);
  });

  it('UTF-16 LE and BE with a BOM: detected and read (positions right); --fix refuses to rewrite them', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BAD, 'utf16le')]);
    const be = Buffer.from(le); be.swap16();
    const dir = tempTree({ 'le.txt': le, 'be.txt': be });
    const r = await cli(['--format', 'json', 'le.txt', 'be.txt'], { cwd: dir });
    expect(r.stderr).toBe('');
    for (const res of json(r)) expect(yours(res)).toEqual([['your-problem', 3, 10, 3, 22]]);
    const fix = await cli(['--fix', 'le.txt', 'be.txt'], { cwd: dir });
    expect(stderrLines(fix)).toEqual([
      `replylint: ${join(dir, 'be.txt')}: not fixed: the file did not decode cleanly as UTF-8, so rewriting it could lose bytes`,
      `replylint: ${join(dir, 'le.txt')}: not fixed: the file did not decode cleanly as UTF-8, so rewriting it could lose bytes`,
    ]);
    expect(fix.code).toBe(2);
    expect(readFileSync(join(dir, 'le.txt')).equals(le) && readFileSync(join(dir, 'be.txt')).equals(be)).toBe(true);
  });

  it('UTF-16 without a BOM: refused clearly (not "binary"), the other files linted', async () => {
    const dir = tempTree({ 'le.txt': Buffer.from(BAD, 'utf16le'), 'ok.txt': CLEAN });
    const r = await cli(['--format', 'json', '.'], { cwd: dir });
    expect(stderrLines(r)).toEqual([`replylint: warning: ${join(dir, 'le.txt')}: looks like UTF-16LE text without a byte-order mark, skipped (save it as UTF-8)`]);
    expect(names(r, dir)).toEqual(['ok.txt']);
    expect(r.code).toBe(0);
  });
});

describe('huge drafts: linted with bounded memory', () => {
  it('a 50 MB draft (a reply above a long quoted thread): linted, exact positions at its end, peak memory bounded', async () => {
    const reply = 'Hi Ana,\n\nThe parcel left on Monday. Write to help@shop.example with any question.\n\nOn Mon, Ana wrote:\n';
    const quoted = '> The parcel never arrived and I would like my money back, please. Thanks, Ana\n';
    const lines = Math.ceil((50 * 1024 * 1024) / quoted.length);
    const dir = tempTree({ 'big.txt': reply + quoted.repeat(lines) + '\nPS: we fixed your problem.\n' });
    const r = await cli(['--format', 'json', 'big.txt'], { cwd: dir, measureRss: true, timeoutMs: 180_000 });
    expect(r.stderr).toBe('');
    const lastLine = reply.split('\n').length + lines + 1;
    expect(yours(json(r)[0])).toEqual([['your-problem', lastLine, 14, lastLine, 26]]);
    expect(r.code).toBe(1);
    // 50 MB of bytes, a string, its prose and offsets: a bounded multiple of the input, no blow-up.
    expect(r.maxRssKb!).toBeLessThan(1536 * 1024);
  }, 240_000);

  it('a single 1 MB line with no newline (text and Markdown): linted, every match found, memory bounded', async () => {
    const sentence = 'We fixed your problem today and sent the parcel. ';
    const count = Math.ceil((1024 * 1024) / sentence.length);
    const line = sentence.repeat(count) + 'Write to help@shop.example';
    const dir = tempTree({ 'line.txt': line, 'line.md': line });
    const run = await cli(['--format', 'json', 'line.txt', 'line.md'], { cwd: dir, measureRss: true, timeoutMs: 120_000 });
    expect(run.stderr).toBe('');
    for (const res of json(run)) {
      const found = res.messages.filter((m) => m.ruleId === 'your-problem');
      expect(found).toHaveLength(count);
      expect(at(found[count - 1])).toEqual(['your-problem', 1, (count - 1) * sentence.length + 10, 1, (count - 1) * sentence.length + 22]);
    }
    expect(run.maxRssKb!).toBeLessThan(1024 * 1024);
  }, 240_000);
});

describe('Markdown the parser cannot take: no stack overflow, read as plain text with a warning', () => {
  const deep = (prefix: string) => `Hi Ana,\n\n${prefix.repeat(10_000)}We fixed your problem.\n\nWrite to help@shop.example.\n`;
  it.each([
    ['block quotes nested 10,000 deep', deep('> '), 'nested 10000 levels deep', []],
    ['a list nested 10,000 deep', deep('- '), 'nested 10000 levels deep', [['your-problem', 3, 20_010, 3, 20_022]]],
    ['an ordered list nested 10,000 deep', deep('1. '), 'nested 10000 levels deep', [['your-problem', 3, 30_010, 3, 30_022]]],
    ['100,000 emphasis markers', `Hi Ana,\n\n${'*'.repeat(50_000)}We fixed your problem.${'*'.repeat(50_000)}\n\nWrite to help@shop.example.\n`, 'has 100000 emphasis and link markers', [['your-problem', 3, 50_010, 3, 50_022]]],
    ['100,000 mixed emphasis and brackets', `Hi Ana,\n\nWe fixed your problem. ${'*a _b [c] '.repeat(25_000)}\n\nWrite to help@shop.example.\n`, 'has 100000 emphasis and link markers', [['your-problem', 3, 10, 3, 22]]],
  ] as const)('%s', async (_, text, why, expected) => {
    const dir = tempTree({ 'deep.md': text });
    const r = await cli(['--format', 'json', '--lang', 'en', 'deep.md'], { cwd: dir, timeoutMs: 120_000 });
    expect(r.stderr).toBe('');
    const [res] = json(r);
    expect(res.messages.filter((m) => m.ruleId === null).map((m) => m.message)).toEqual([`Markdown block at line 3 ${why} (more than ${why.startsWith('nested') ? 100 : 2000}): read as plain text`]);
    expect(yours(res)).toEqual(expected);
  }, 180_000);

  it('nesting within the limits is still Markdown (a quote stays a quote, no warning)', () => {
    const text = `Hi Ana,\n\n${'> '.repeat(50)}We fixed your problem.\n\n${'- '.repeat(50)}Your problem is solved.\n\nWrite to help@shop.example.\n`;
    const res = linter.lintText(text, { filePath: 'ok.md', lang: 'en' });
    expect(res.messages.filter((m) => m.ruleId === null)).toEqual([]);
    expect(yours(res)).toEqual([['your-problem', 5, 101, 5, 113]]);
  });
});

describe('line endings: exact positions and fixes', () => {
  it.each([
    ['CRLF', '\r\n'],
    ['CR only', '\r'],
    ['mixed', ['\r\n', '\n', '\r', '\n', '\r\n']],
  ] as const)('%s', async (_, eol) => {
    const ends = typeof eol === 'string' ? [eol, eol, eol, eol, eol] : eol;
    const lines = ['Hi Ana,', '', 'We fixed your problem today.', 'Your problem will not come back.', 'Write to help@shop.example.'];
    const text = lines.map((l, i) => l + ends[i]).join('');
    const dir = tempTree({ 'd.txt': text, 'd.md': text });
    const r = await cli(['--format', 'json', 'd.txt', 'd.md'], { cwd: dir });
    for (const res of json(r)) expect(yours(res)).toEqual([['your-problem', 3, 10, 3, 22], ['your-problem', 4, 1, 4, 13]]);
    const fix = await cli(['--fix', 'd.txt', 'd.md'], { cwd: dir });
    expect(fix.code).toBe(0);
    const fixed = text.replace('your problem', 'the problem').replace('Your problem', 'The problem');
    expect(readFileSync(join(dir, 'd.txt'), 'latin1')).toBe(fixed);
    expect(readFileSync(join(dir, 'd.md'), 'latin1')).toBe(fixed);
  });
});

describe('paths that cannot be linted: one line each, the other files still linted', () => {
  it('a path that does not exist: an error, exit 2, the other paths linted and reported', async () => {
    const dir = tempTree({ 'a.txt': BAD });
    const r = await cli(['--format', 'json', 'nope.md', 'a.txt', 'gone/*.md'], { cwd: dir });
    expect(stderrLines(r)).toEqual(["replylint: No files matching 'nope.md'", "replylint: No files matching 'gone/*.md'"]);
    expect(names(r, dir)).toEqual(['a.txt']);
    expect(r.code).toBe(2);
    const alone = await cli(['nope.md'], { cwd: dir });
    expect([alone.code, alone.stdout, stderrLines(alone)]).toEqual([2, '', ["replylint: No files matching 'nope.md'"]]);
  });

  it('a directory with no drafts in it: an error that says so, exit 2', async () => {
    const dir = tempTree({ 'empty/notes.pdf': 'x', 'a.txt': CLEAN });
    const r = await cli(['empty', 'a.txt'], { cwd: dir });
    expect(stderrLines(r)).toEqual([expect.stringMatching(/^replylint: No files matching 'empty' \(a directory with no \.md, \.markdown, \.txt, .* file in it\)$/)]);
    expect(r.code).toBe(2);
  });

  it('a file without read permission: an error when named (exit 2), a warning when met in a directory', async () => {
    const dir = tempTree({ 'locked.txt': BAD, 'ok.txt': BAD, 'sub/locked.md': BAD, 'sub/ok.md': CLEAN });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'sub'), 0o755);
    for (const f of ['ok.txt', 'sub/ok.md']) chmodSync(join(dir, f), 0o644);
    for (const f of ['locked.txt', 'sub/locked.md']) chmodSync(join(dir, f), 0o000);
    const named = await cli(['--format', 'json', 'locked.txt', 'ok.txt'], { cwd: dir, ...UNPRIVILEGED });
    expect(stderrLines(named)).toEqual([`replylint: ${join(dir, 'locked.txt')}: cannot read (EACCES)`]);
    expect(names(named, dir)).toEqual(['ok.txt']);
    expect(named.code).toBe(2);
    const walked = await cli(['--format', 'json', 'sub'], { cwd: dir, ...UNPRIVILEGED });
    expect(stderrLines(walked)).toEqual([`replylint: warning: ${join(dir, 'sub/locked.md')}: cannot read (EACCES)`]);
    expect(names(walked, dir)).toEqual(['sub/ok.md']);
    expect(walked.code).toBe(0);
  });

  it('a symlink loop: named, an error (ELOOP); in a directory, each real directory is walked once', async () => {
    const dir = tempTree({ 'ok.txt': BAD, 'tree/a.md': BAD, 'tree/sub/b.md': CLEAN });
    symlinkSync('loop2.md', join(dir, 'loop1.md'));
    symlinkSync('loop1.md', join(dir, 'loop2.md'));
    // Two links back to the top: a glob library following them walks 2^40 paths.
    symlinkSync('.', join(dir, 'tree/self'));
    symlinkSync('..', join(dir, 'tree/sub/up'));
    const named = await cli(['--format', 'json', 'loop1.md', 'ok.txt'], { cwd: dir });
    expect(stderrLines(named)).toEqual([`replylint: ${join(dir, 'loop1.md')}: cannot read (ELOOP)`]);
    expect(names(named, dir)).toEqual(['ok.txt']);
    expect(named.code).toBe(2);
    for (const path of ['tree', 'tree/**/*.md']) {
      const walked = await cli(['--format', 'json', path], { cwd: dir, timeoutMs: 30_000 });
      expect(walked.stderr).toBe('');
      expect(names(walked, dir)).toEqual(['tree/a.md', 'tree/sub/b.md']);
      expect(walked.code).toBe(1);
    }
  });

  it('a FIFO: never opened for reading (no hang); named, an error (exit 2); met in a directory, a warning', async () => {
    const dir = tempTree({ 'ok.txt': BAD, 'dir/ok.md': CLEAN });
    execFileSync('mkfifo', [join(dir, 'pipe.md'), join(dir, 'dir/pipe.txt')]);
    const named = await cli(['--format', 'json', 'pipe.md', 'ok.txt'], { cwd: dir, timeoutMs: 30_000 });
    expect(stderrLines(named)).toEqual([`replylint: ${join(dir, 'pipe.md')}: cannot read (not a regular file)`]);
    expect(names(named, dir)).toEqual(['ok.txt']);
    expect(named.code).toBe(2);
    const walked = await cli(['--format', 'json', 'dir'], { cwd: dir, timeoutMs: 30_000 });
    expect(stderrLines(walked)).toEqual([`replylint: warning: ${join(dir, 'dir/pipe.txt')}: cannot read (not a regular file)`]);
    expect(names(walked, dir)).toEqual(['dir/ok.md']);
    expect(walked.code).toBe(0);
  });
});

describe('broken configuration and rule files: a fatal error naming file, line and column', () => {
  const RULE = (regex: string) => `id: custom\nseverity: error\ndescription: A rule of the team.\nmessage: Do not write "{match}".\nphrases:\n  any:\n    - regex: "${regex}"\n`;

  it.each([
    ['malformed YAML', 'rules:\n  your-problem: [error\n', /^replylint: \S+\/\.replylintrc\.yaml:\d+:\d+: YAML syntax error: /],
    ['valid YAML of the wrong shape (a list)', '- your-problem\n- error\n', /^replylint: \S+\/\.replylintrc\.yaml:1:1: expected a mapping, got a list$/],
    ['a key of the wrong type', 'rules: [your-problem]\n', /^replylint: \S+\/\.replylintrc\.yaml:1:8: expected a mapping, got a list \(at rules\)$/],
    ['an unknown rule id', 'rules:\n  your-problm: error\n', /^replylint: \S+\/\.replylintrc\.yaml:2:3: unknown rule 'your-problm' \(did you mean 'your-problem'\?\)/],
  ])('%s', async (_, config, expected) => {
    const dir = tempTree({ '.replylintrc.yaml': config, 'a.txt': BAD });
    const r = await cli(['a.txt'], { cwd: dir });
    expect(stderrLines(r)).toEqual([expect.stringMatching(expected)]);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it('a rule file with an invalid regular expression', async () => {
    const dir = tempTree({ 'rules/custom.yaml': RULE('(unclosed'), 'a.txt': BAD });
    const r = await cli(['--rulesdir', 'rules', 'a.txt'], { cwd: dir });
    expect(stderrLines(r)).toEqual([expect.stringMatching(/^replylint: \S+\/rules\/custom\.yaml:7:14: invalid regular expression: .*\(at phrases\.any\.0\.regex\)$/)]);
    expect(r.code).toBe(2);
  });

  it('a rule file whose regular expression backtracks catastrophically: refused at load, before any draft is read', async () => {
    const dir = tempTree({ 'rules/custom.yaml': RULE('(a+)+$'), 'a.txt': 'a'.repeat(40) + '!' });
    const r = await cli(['--rulesdir', 'rules', 'a.txt'], { cwd: dir, timeoutMs: 30_000 });
    expect(stderrLines(r)).toEqual([expect.stringMatching(/^replylint: \S+\/rules\/custom\.yaml:7:14: regular expression can backtrack catastrophically \(exponential time on a run of "a" in \(a\+\)\+\).*\(at phrases\.any\.0\.regex\)$/)]);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  // Polynomial backtracking is not refused at load: the analysis finds it in harmless phrases
  // (28 of the built-in regexes, e.g. `\s+(?:ho\s+)?`). Such a pattern, and an exponential one the
  // analysis cannot see, are bounded at run time instead: no run hangs, whatever the draft's size.
  it.each([
    ['exponential, unseen by the analysis', '(a|a)*$', 'a'.repeat(60) + '!'],
    ['exponential, unseen by the analysis', '(a|a)*b', 'a'.repeat(60) + '!'],
    // (Its `\\S` makes it begin anywhere: one that begins with known letters is only tried where they are.)
    ['polynomial (cubic) on a long draft', '\\\\S\\\\s*\\\\s*\\\\s*x', 'Hi' + ' '.repeat(200_000) + '!'],
  ])('%s (%s) is bounded at run time: a fatal message naming the rule, exit 2, and the rule skipped after', async (_, regex, hostile) => {
    const dir = tempTree({ 'rules/custom.yaml': RULE(regex), 'a.txt': hostile, 'b.txt': hostile, 'c.txt': CLEAN });
    const r = await cli(['--format', 'json', '--rulesdir', 'rules', '.'], { cwd: dir, timeoutMs: 60_000, env: { REPLYLINT_RULE_TIMEOUT_MS: '1000' } });
    const fatal = json(r).map((res) => res.messages.filter((m) => m.fatal).map((m) => [m.ruleId, m.message]));
    const over = /took longer than (1|1\.\d) s/.exec(fatal[0]?.[0]?.[1] ?? '')?.[0];
    expect(fatal).toEqual([
      [['custom', `Rule 'custom' failed on this file: ${over} (a regular expression that backtracks catastrophically, or a plugin that loops?); it is skipped for the rest of the run`]],
      [['custom', `Rule 'custom' failed on this file: not run: it ${over} on an earlier draft`]],
      [['custom', `Rule 'custom' failed on this file: not run: it ${over} on an earlier draft`]],
    ]);
    expect(over).toBeDefined();
    // The other rules still ran on every draft.
    expect(json(r)[0].messages.some((m) => m.ruleId === 'missing-contact-email')).toBe(true);
    expect(r.code).toBe(2);
  }, 90_000);

  it('the built-in rules pass the same load-time check (none is refused)', async () => {
    const { catastrophicBacktracking } = await import('../src/rules/regex-safety.js');
    const sources: string[] = [];
    const dir = join(__dirname, '../rules');
    const collect = (v: unknown, key = ''): void => {
      if (typeof v === 'string') { if (['regex', 'unless', 'markers', 'quoteAttribution', 'vocabulary'].includes(key)) sources.push(v); }
      else if (Array.isArray(v)) v.forEach((x) => collect(x, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, key === 'vocabulary' ? 'vocabulary' : k);
    };
    const { parse } = await import('yaml');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) collect(parse(readFileSync(join(dir, f), 'utf8')));
    for (const f of readdirSync(join(dir, 'languages'))) collect(parse(readFileSync(join(dir, 'languages', f), 'utf8')));
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.filter((s) => catastrophicBacktracking(s))).toEqual([]);
  });
});

describe("a team's language file: its regular expressions get the same check at load and the same bound at run time", () => {
  const LANG = (extra: string) => `lang: zz\nname: Zed\ndetect: [zed, zo]\nnegators: [nix]\n${extra}`;

  it('exponential backtracking: refused at load, naming file, line and column', async () => {
    const dir = tempTree({ 'rules/languages/zz.yaml': LANG('markers: "(a+)+$"\n'), 'a.txt': BAD });
    const r = await cli(['--rulesdir', 'rules', 'a.txt'], { cwd: dir, timeoutMs: 30_000 });
    expect(stderrLines(r)).toEqual([expect.stringMatching(/^replylint: \S+\/rules\/languages\/zz\.yaml:5:10: regular expression can backtrack catastrophically .*\(at markers\)$/)]);
    expect([r.code, r.stdout]).toEqual([2, '']);
  });

  it('markers (detection) and quote attribution, outside any rule: bounded; each draft says so; the rules still ran', async () => {
    const dir = tempTree({
      // Markers are matched inside words: a polynomial one hangs on one long word.
      'rules/languages/zz.yaml': LANG('markers: "a*a*a*x"\nquoteAttribution: "^(a|a)*$"\n'),
      // a.txt hangs the markers (a long word), b.txt the attribution (the line above a quote).
      'a.txt': `${BAD} ${'a'.repeat(200_000)}!\n`,
      'b.txt': `${BAD}\n${'a'.repeat(60)}!\n> quoted\n`,
      'c.txt': BAD,
    });
    const r = await cli(['--format', 'json', '--rulesdir', 'rules', '.'], { cwd: dir, timeoutMs: 90_000, env: { REPLYLINT_RULE_TIMEOUT_MS: '1000' } });
    const lang = join(dir, 'rules/languages/zz.yaml');
    const over = (m: string) => `${m.replace(/took longer than \S+ s/, 'took longer than N s')}`;
    expect(stderrLines(r).map(over)).toEqual([
      `replylint: ${join(dir, 'a.txt')}: ${lang}:5:10: markers: regular expression took longer than N s on this draft (does it backtrack catastrophically?); it matches nothing for the rest of the run`,
      `replylint: ${join(dir, 'b.txt')}: ${lang}:6:19: quoteAttribution: regular expression took longer than N s on this draft (does it backtrack catastrophically?); it matches nothing for the rest of the run`,
      `replylint: ${join(dir, 'b.txt')}: ${lang}:5:10: markers: regular expression not used: it took longer than N s on an earlier draft`,
      // c.txt has no quote: the attribution pattern was not needed there.
      `replylint: ${join(dir, 'c.txt')}: ${lang}:5:10: markers: regular expression not used: it took longer than N s on an earlier draft`,
    ]);
    for (const res of json(r)) expect(yours(res)).toEqual([['your-problem', 3, 10, 3, 22]]);
    expect(r.code).toBe(2);
  }, 120_000);

  it('a vocabulary, used by a built-in rule (a team replacing en.yaml): bounded', async () => {
    const en = readFileSync(join(__dirname, '../rules/languages/en.yaml'), 'utf8');
    expect(en).toContain('vocabulary:\n  time:\n');
    const hostile = en.replace('vocabulary:\n  time:\n', () => "vocabulary:\n  time:\n    - '(a|a)*$'\n");
    const text = `Hi Ana,\n\nWe have escalated your case to the billing team ${'a'.repeat(60)}!\n\nWrite to help@shop.example.\n`;
    const dir = tempTree({ 'rules/languages/en.yaml': hostile, 'a.txt': text, 'b.txt': text });
    const r = await cli(['--format', 'json', '--rulesdir', 'rules', '--lang', 'en', '.'], { cwd: dir, timeoutMs: 90_000, env: { REPLYLINT_RULE_TIMEOUT_MS: '1000' } });
    const at = `${join(dir, 'rules/languages/en.yaml')}:${hostile.split('\n').indexOf("    - '(a|a)*$'") + 1}:5: vocabulary.time: regular expression`;
    expect(stderrLines(r).map((l) => l.replace(/took longer than \S+ s/, 'took longer than N s'))).toEqual([
      `replylint: ${join(dir, 'a.txt')}: ${at} took longer than N s on this draft (does it backtrack catastrophically?); it matches nothing for the rest of the run`,
      `replylint: ${join(dir, 'b.txt')}: ${at} not used: it took longer than N s on an earlier draft`,
    ]);
    // deferral still ran (its `unless: time` found nothing, so it reports).
    for (const res of json(r)) expect(res.messages.filter((m) => m.ruleId === 'deferral')).toHaveLength(1);
    expect(r.code).toBe(2);
  }, 120_000);
});

describe('the command line', () => {
  it.each([
    [['--no-such-option', 'a.txt'], /^error: unknown option '--no-such-option'/],
    [['--format', 'nope', 'a.txt'], /^error: option '-f, --format <name>' argument 'nope' is invalid/],
    [['--max-warnings', 'many', 'a.txt'], /--max-warnings.*'many'/],
    [['--stdin', 'a.txt'], /^replylint: --stdin cannot be combined with paths$/],
    [[], /^replylint: no paths given/],
    [['--ext'], /^error: option '--ext <list>' argument missing$/],
  ])('%j: a usage error, exit 2, no stack trace', async (args, expected) => {
    const dir = tempTree({ 'a.txt': BAD });
    const r = await cli(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(stderrLines(r)[0]).toMatch(expected);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--debug shows the stack trace of an internal error that a normal run hides', async () => {
    const dir = tempTree({ 'a.txt': BAD });
    // A bug inside replylint, simulated: the JSON formatter's serialisation of the results throws
    // (the CLI is one bundle, so the bug is planted in a built-in it calls).
    const preload = join(dir, 'bug.mjs');
    writeFileSync(preload, `const real = JSON.stringify;\nJSON.stringify = function stringify(v, ...rest) { if (Array.isArray(v) && v[0]?.messages) throw new TypeError('simulated bug'); return real(v, ...rest); };\n`);
    const env = { NODE_OPTIONS: `--import ${preload}` };
    const normal = await cli(['--format', 'json', 'a.txt'], { cwd: dir, env });
    expect(stderrLines(normal)).toEqual(['replylint: internal error: simulated bug (run with --debug for the stack trace)']);
    expect(normal.code).toBe(2);
    const debug = await cli(['--debug', '--format', 'json', 'a.txt'], { cwd: dir, env });
    expect(debug.code).toBe(2);
    expect(stderrLines(debug)[0]).toBe('replylint: internal error: simulated bug');
    expect(debug.stderr).toMatch(/TypeError: simulated bug\n\s+at (?:JSON\.)?stringify \(file:\/\/\S+bug\.mjs:2:\d+\)\n\s+at /);
  });
});
