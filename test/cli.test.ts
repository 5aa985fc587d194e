// The built binary, end to end: what a user types and what they see.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempTree } from './helpers/run-cli.js';

const REPO = resolve(__dirname, '..');
const CLEAN = 'Hi Ana,\n\nYour parcel left today. Write to help@shop.example with any question.\n\nLeo\n';
const BAD = 'Hi [Customer Name],\n\nYour parcel left today. Write to help@shop.example.\n';
const NO_EMAIL = 'Hi Ana,\n\nYour parcel left today.\n';

describe('exit codes', () => {
  it('is 0 for a clean draft, 1 when an error is found, 2 for a fatal problem', () => {
    const dir = tempTree({ 'clean.md': CLEAN, 'bad.txt': BAD });
    expect(runCli([join(dir, 'clean.md')]).code).toBe(0);
    expect(runCli([join(dir, 'bad.txt')]).code).toBe(1);
    expect(runCli([join(dir, 'missing.md')]).code).toBe(2);
  });
  it('names a path that matches nothing', () => {
    const r = runCli(['nope/*.md'], { cwd: tempTree({}) });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("replylint: No files matching 'nope/*.md'");
  });
  it('rejects bad arguments with a usage error and no stack trace', () => {
    const r = runCli(['--no-such-option', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--no-such-option'/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(runCli(['--format', 'nope', 'x']).code).toBe(2);
    expect(runCli(['--lang', 'fr', '--stdin'], { input: 'x' }).code).toBe(2);
  });
  it('prints help listing every option, and the version', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    for (const o of ['--ext', '--stdin', '--stdin-filename', '--lang', '--format', '--rulesdir', '--no-color', '--version']) expect(help.stdout).toContain(o);
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('stylish output', () => {
  it('groups by file, aligns line:col severity message rule-id, shows the rewrite and a summary', () => {
    const dir = tempTree({ 'a.txt': BAD, 'b.txt': NO_EMAIL });
    const r = runCli(['a.txt', 'b.txt'], { cwd: dir });
    expect(r.stdout).toContain('a.txt\n  1:4  error  Fill in the placeholder "[Customer Name]" before sending.  unfilled-placeholder\n');
    expect(r.stdout).toMatch(/b\.txt\n  1:1  error  .*missing-contact-email/);
    expect(r.stdout).toContain('✖ 2 problems (2 errors, 0 warnings)');
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });
  it('uses colour only when asked or on a terminal, never with NO_COLOR', () => {
    const dir = tempTree({ 'a.txt': BAD });
    expect(runCli(['--color', 'a.txt'], { cwd: dir }).stdout).toMatch(/\x1b\[/);
    expect(runCli(['a.txt'], { cwd: dir, env: { NO_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
  });
});

describe('JSON output', () => {
  it('is ESLint-shaped, with the language of each file', () => {
    const dir = tempTree({ 'es.txt': 'Hola Ana:\n\nHemos enviado el paquete hoy. Escríbanos a ayuda@tienda.example.\n', 'a.txt': BAD });
    const r = runCli(['--format', 'json', '.'], { cwd: dir });
    const results = JSON.parse(r.stdout);
    expect(results.map((x: { filePath: string }) => x.filePath)).toEqual([join(dir, 'a.txt'), join(dir, 'es.txt')]);
    expect(results[1].lang).toBe('es');
    expect(results[0]).toMatchObject({ lang: 'en', errorCount: 1, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 });
    expect(results[0].messages[0]).toMatchObject({ ruleId: 'unfilled-placeholder', severity: 2, line: 1, column: 4, endLine: 1, endColumn: 19 });
  });
  it('indexes ranges and columns past a BOM as ESLint does', () => {
    const dir = tempTree({ 'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BAD)]) });
    const [res] = JSON.parse(runCli(['--format', 'json', 'bom.txt'], { cwd: dir }).stdout);
    expect(res.messages[0]).toMatchObject({ line: 1, column: 4 });
  });
});

describe('inputs', () => {
  it('walks directories for .md, .markdown, .txt and .html, never into node_modules or .git; --ext changes the list', () => {
    const dir = tempTree({ 'a.md': BAD, 'b.markdown': BAD, 'c.txt': BAD, 'd.html': BAD, 'node_modules/x.md': BAD, '.git/y.md': BAD, 'sub/e.md': BAD });
    const files = (args: string[]) => JSON.parse(runCli(['--format', 'json', ...args], { cwd: dir }).stdout).map((x: { filePath: string }) => x.filePath.slice(dir.length + 1));
    expect(files(['.'])).toEqual(['a.md', 'b.markdown', 'c.txt', 'd.html', 'sub/e.md']);
    expect(files(['--ext', 'txt,html', '.'])).toEqual(['c.txt', 'd.html']);
    expect(files(['--ext', 'md', '.'])).toEqual(['a.md', 'sub/e.md']);
    expect(files(['**/*.md'])).toEqual(['a.md', 'sub/e.md']);
  });
  it('warns about an unreadable or binary file met in a directory and lints the rest', () => {
    const dir = tempTree({ 'ok.txt': BAD, 'bin.txt': Buffer.from([0x48, 0, 0x49]), 'locked.txt': BAD });
    chmodSync(join(dir, 'locked.txt'), 0o000);
    const r = runCli(['--format', 'json', '.'], { cwd: dir });
    expect(r.stderr).toMatch(/bin\.txt: binary file/);
    const names = JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath);
    expect(names).toContain(join(dir, 'ok.txt'));
    if (process.getuid?.() !== 0) expect(r.stderr).toMatch(/locked\.txt: cannot read/);
  });
  it('reads one draft from stdin, named by --stdin-filename', () => {
    const r = runCli(['--stdin', '--stdin-filename', 'reply.md', '--format', 'json'], { input: 'Hi,\n\n`[Customer Name]` is a code span.\n\nhelp@x.example' });
    const [res] = JSON.parse(r.stdout);
    expect(res.filePath).toBe('reply.md');
    expect(res.messages).toEqual([]);
  });
});

describe('rule files', () => {
  it("runs a support lead's own rule file", () => {
    const dir = tempTree({
      'rules/ticket-jargon.yaml': 'id: ticket-jargon\nseverity: warning\ndescription: Internal jargon confuses customers.\nmessage: Say "{suggest}" instead of "{match}".\nphrases:\n  en:\n    - match: ticket number\n      suggest: reference number\n  es:\n    - match: número de ticket\n      suggest: número de referencia\n',
      'd.txt': 'Your Ticket Number is 5. Write to help@x.example.\n',
    });
    const r = runCli(['--rulesdir', 'rules', 'd.txt'], { cwd: dir });
    expect(r.stdout).toContain('1:6  warning  Say "Reference number" instead of "Ticket Number".  ticket-jargon');
    expect(r.stdout).toContain('suggestion: "Reference number"');
    expect(r.code).toBe(0);
  });
  it('lists every error of every invalid rule file as file:line:col and stops before linting', () => {
    const dir = tempTree({
      'rules/one.yaml': 'id: one\nseverity: fatal\ndescription: x\nmessage: y\nphrases:\n  en:\n    - regex: "(unclosed"\n',
      'rules/two.yaml': 'id: two\nseverity: error\ndescription: x\nmessage: y\nphrasez: {}\n',
      'd.txt': BAD,
    });
    const r = runCli(['--rulesdir', 'rules', 'd.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/rules\/one\.yaml:2:11: expected one of error, warning, warn; got "fatal"/),
      expect.stringMatching(/rules\/one\.yaml:7:14: invalid regular expression: .*\(at phrases\.en\.0\.regex\)/),
      expect.stringMatching(/rules\/two\.yaml:5:1: unknown key 'phrasez' \(did you mean 'phrases'\?\)/),
    ]);
  });
});

describe('a reader that stops early', () => {
  it('(replylint … | head) ends the run quietly, with its exit code', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('./helpers/run-cli.js');
    const dir = tempTree({ 'a.txt': 'Hi Ana,\n\nWe have fixed your problem.\n'.repeat(20_000) });
    const child = spawn(process.execPath, [BIN, '--format', 'json', '--lang', 'en', 'a.txt'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.stdout.once('data', () => child.stdout.destroy()); // the reader goes away after the first chunk
    const code = await new Promise<number | null>((resolveCode) => child.on('close', resolveCode));
    expect(stderr).toBe('');
    expect(code).toBe(1); // the draft has errors
  }, 60_000);
});

describe('the executable', () => {
  // bin/replylint.js gives node its V8 flags on its #! line. Setting --no-regexp-tier-up at run time
  // instead (v8.setFlagsFromString) crashed about one start in twenty with SIGSEGV.
  it('starts forty times in a row without a crash, with its V8 flag', async () => {
    const { spawn } = await import('node:child_process');
    const dir = tempTree({ 'a.md': CLEAN });
    const once = () => new Promise<{ code: number | null; signal: string | null }>((done) => {
      const p = spawn(BIN, ['--format', 'json', join(dir, 'a.md')], { stdio: 'ignore' });
      p.on('exit', (code, signal) => done({ code, signal }));
    });
    const runs: Array<{ code: number | null; signal: string | null }> = [];
    for (let batch = 0; batch < 20; batch++) runs.push(...(await Promise.all([once(), once()])));
    expect(runs.filter((r) => r.signal !== null || r.code !== 0)).toEqual([]);
    expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env -S node --no-regexp-tier-up --min-semi-space-size=16');
    expect(readFileSync(BIN, 'utf8')).not.toMatch(/^[^/]*setFlagsFromString/m); // only named in a comment
  }, 120_000);
});

describe('standard output', () => {
  it('a reader that stops early is no error: no stack trace, the exit code of the run', () => {
    const dir = tempTree(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`d${i}.md`, 'Hi Ana,\n\nWe solved your problem.\n'])));
    const r = spawnSync('bash', ['-c', `"${BIN}" --format json . | head -c 20; exit \${PIPESTATUS[0]}`], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout).toHaveLength(20);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1); // the drafts have errors
  }, 60_000);
});

describe('the built-in rules snapshot', () => {
  // dist/builtin-rules.json holds the built-in rule files validated at build time, with the size
  // and modification time of each. A run uses it while the files match; an edit is read from YAML.
  it('is used while rules/ is as built, and an edited built-in rule file is read instead', () => {
    const copy = mkdtempSync(join(tmpdir(), 'replylint-copy-'));
    for (const part of ['bin', 'dist', 'rules', 'package.json']) cpSync(join(REPO, part), join(copy, part), { recursive: true, preserveTimestamps: true });
    // No node_modules in the copy: the bundle carries its dependencies (scslre and yaml, needed here
    // to read the edited rule file, as files of their own loaded on first use).
    const draft = join(tempTree({ 'a.txt': 'Hi Ana,\n\nWe fixed your problem. Write to help@shop.example.\n\nLeo\n' }), 'a.txt');
    const lint = () => spawnSync(join(copy, 'bin/replylint.js'), ['--format', 'json', draft], { encoding: 'utf8' });
    const severities = () => JSON.parse(lint().stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'your-problem').map((m: { severity: number }) => m.severity);
    expect(severities()).toEqual([2]);
    const file = join(copy, 'rules/your-problem.yaml');
    const old = statSync(file);
    utimesSync(file, old.atime, new Date(old.mtimeMs + 5000)); // touched, same content: same result
    expect(severities()).toEqual([2]);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^severity: error$/m, 'severity: warning'));
    expect(severities()).toEqual([1]);
  }, 60_000);
});
