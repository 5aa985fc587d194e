// --max-warnings, --quiet, --output-file, --color / --no-color end to end, as CI and people use them.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempTree } from './helpers/run-cli.js';

const ERROR_DRAFT = 'Hi Ana,\n\nWe fixed your problem. Write to help@shop.example.\n\nLeo\n';
const WARNING_DRAFT = 'Hi Ana,\n\nAs I already explained, the fee covers twelve months. Write to help@shop.example.\n\nLeo\n';
const TWO_WARNINGS = 'Hi Ana,\n\nAs I already explained, the fee covers twelve months. We will reply as soon as possible. Write to help@shop.example.\n\nLeo\n';
const CLEAN = 'Hi Ana,\n\nYour parcel left today. Write to help@shop.example with any question.\n\nLeo\n';
const ESC = /\x1b\[/;

describe('--max-warnings', () => {
  const dir = tempTree({ 'one.txt': WARNING_DRAFT, 'two.txt': TWO_WARNINGS, 'err.txt': ERROR_DRAFT, 'clean.txt': CLEAN });
  it('exits 1 only when the warnings are more than n, and says why on stderr', () => {
    // one.txt + two.txt: 3 warnings.
    const at = runCli(['--max-warnings', '3', 'one.txt', 'two.txt'], { cwd: dir });
    expect(at.code).toBe(0);
    expect(at.stderr).toBe('');
    const over = runCli(['--max-warnings', '2', 'one.txt', 'two.txt'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('replylint: too many warnings (3; maximum: 2)\n');
    expect(runCli(['--max-warnings', '0', 'one.txt'], { cwd: dir }).code).toBe(1);
    expect(runCli(['--max-warnings', '0', 'clean.txt'], { cwd: dir }).code).toBe(0);
    expect(runCli(['one.txt', 'two.txt'], { cwd: dir }).code).toBe(0); // warnings alone never fail without it
  });
  it('still exits 1 for errors whatever n is, and rejects a value that is not a whole number', () => {
    expect(runCli(['--max-warnings', '100', 'err.txt'], { cwd: dir }).code).toBe(1);
    const bad = runCli(['--max-warnings', 'many', 'one.txt'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("error: option '--max-warnings <n>' argument 'many' is invalid. Expected a whole number (0 or more).\n");
    expect(runCli(['--max-warnings', '-1', 'one.txt'], { cwd: dir }).code).toBe(2);
  });
});

describe('--quiet', () => {
  const dir = tempTree({ 'err.txt': ERROR_DRAFT, 'warn.txt': WARNING_DRAFT });
  it('reports errors only, in every format, and a warnings-only run prints nothing and exits 0', () => {
    const mixed = 'Hi Ana,\n\nAs I already explained, we fixed your problem. Write to help@shop.example.\n\nLeo\n';
    writeFileSync(join(dir, 'mixed.txt'), mixed);
    const loud = runCli(['mixed.txt'], { cwd: dir });
    expect(loud.stdout).toMatch(/warning/);
    const quiet = runCli(['--quiet', 'mixed.txt'], { cwd: dir });
    expect(quiet.stdout).not.toMatch(/warning +"/);
    expect(quiet.stdout).toMatch(/error .*your-problem/);
    expect(quiet.stdout).toContain('(1 error, 0 warnings)');
    expect(quiet.code).toBe(1);
    const [res] = JSON.parse(runCli(['--quiet', '--format', 'json', 'mixed.txt'], { cwd: dir }).stdout);
    expect(res.messages.every((m: { severity: number }) => m.severity === 2)).toBe(true);
    expect(res.warningCount).toBe(0);
    const onlyWarnings = runCli(['--quiet', 'warn.txt'], { cwd: dir });
    expect(onlyWarnings.stdout).toBe('');
    expect(onlyWarnings.code).toBe(0);
    expect(runCli(['--quiet', '--format', 'compact', 'warn.txt'], { cwd: dir }).stdout).toBe('');
  });
});

describe('--output-file', () => {
  it('writes the report to the file (creating its directory), nothing on stdout, same exit code, no colour', () => {
    const dir = tempTree({ 'err.txt': ERROR_DRAFT });
    const r = runCli(['--color', '-o', 'reports/lint.txt', 'err.txt'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const report = readFileSync(join(dir, 'reports/lint.txt'), 'utf8');
    expect(report).toMatch(/err\.txt\n +\d+:\d+ +error .*your-problem/);
    expect(report).not.toMatch(ESC);
    // Machine formats too, as CI recipes use them.
    expect(runCli(['--format', 'gitlab', '--output-file', 'gl.json', 'err.txt'], { cwd: dir }).stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'gl.json'), 'utf8'))[0].check_name).toBe('your-problem');
  });
  it('replaces an older report, and one for a clean run leaves no stale problems', () => {
    const dir = tempTree({ 'clean.txt': CLEAN, 'report.json': '[{"stale": true}]' });
    expect(runCli(['--format', 'json', '-o', 'report.json', 'clean.txt'], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toEqual([expect.objectContaining({ filePath: join(dir, 'clean.txt'), messages: [] })]);
  });
  it('fails clearly (exit 2, one line) when the report cannot be written', () => {
    const dir = tempTree({ 'err.txt': ERROR_DRAFT, 'afile': 'x' });
    const r = runCli(['-o', 'afile/report.txt', 'err.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("replylint: cannot write the report to afile/report.txt (EEXIST)\n");
    expect(existsSync(join(dir, 'afile/report.txt'))).toBe(false);
  });
});

/** Runs the CLI on a pseudo-terminal (util-linux `script`), where colour is on by default. */
function onTerminal(args: string[], cwd: string, env: Record<string, string> = {}) {
  const cmd = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', TERM: 'xterm-256color', ...env } });
  return { code: r.status, stdout: r.stdout };
}
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe('--color / --no-color', () => {
  const dir = tempTree({ 'err.txt': ERROR_DRAFT });
  it('pipes get no colour unless --color; --no-color wins over --color given earlier', () => {
    expect(runCli(['err.txt'], { cwd: dir }).stdout).not.toMatch(ESC);
    expect(runCli(['--color', 'err.txt'], { cwd: dir }).stdout).toMatch(ESC);
    expect(runCli(['--color', '--no-color', 'err.txt'], { cwd: dir }).stdout).not.toMatch(ESC);
    expect(runCli(['--color', '--format', 'compact', 'err.txt'], { cwd: dir }).stdout).not.toMatch(ESC);
  });
  it.skipIf(!hasScript)('a terminal gets colour by default; --no-color and NO_COLOR turn it off; --color beats NO_COLOR', () => {
    const tty = onTerminal(['err.txt'], dir);
    expect(tty.code).toBe(1);
    expect(tty.stdout).toMatch(ESC);
    expect(tty.stdout).toMatch(/your-problem/);
    expect(onTerminal(['--no-color', 'err.txt'], dir).stdout).not.toMatch(ESC);
    expect(onTerminal(['err.txt'], dir, { NO_COLOR: '1' }).stdout).not.toMatch(ESC);
    expect(onTerminal(['--color', 'err.txt'], dir, { NO_COLOR: '1' }).stdout).toMatch(ESC);
  });
});

describe('--markdown-parser', () => {
  const dir = tempTree({
    'a.md': '# Re: order\n\nHi *Ana*,\n\n> You wrote: your problem is mine\n\nWe fixed your problem. See [the guide](https://help.example.com).\n\n- Write to help@shop.example\n',
    'b.md': 'Hola,\n\n`código` y **tu problema** ya está resuelto, como ya te expliqué.\n\n[guía]: https://ayuda.example.com\n',
  });
  it('reads Markdown the same with remark (the reference) as with replylint\'s own reader', () => {
    const fast = runCli(['--format', 'json', 'a.md', 'b.md'], { cwd: dir });
    const remark = runCli(['--format', 'json', '--markdown-parser', 'remark', 'a.md', 'b.md'], { cwd: dir });
    expect(remark.code).toBe(1);
    expect(JSON.parse(remark.stdout).flatMap((r: { messages: unknown[] }) => r.messages).length).toBeGreaterThan(1);
    expect(remark.stdout).toBe(fast.stdout);
  });
  it('refuses a parser it does not know', () => {
    const bad = runCli(['--markdown-parser', 'marked', 'a.md'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--markdown-parser.*marked/);
  });
});
