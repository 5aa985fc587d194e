// Library-scale options: --cache, --concurrency, --shard give the same results as a plain run.
import { readFileSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers/run-cli.js';

const drafts = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [
  `lib/${i % 7}/draft-${i}.${i % 3 ? 'md' : 'txt'}`,
  i % 2 ? `Hi Ana,\n\nWe solved your problem ${i}. It ships **soon**.\n\nWrite to help@shop.example.\n` : `Hola Ana:\n\nHemos enviado el pedido ${i} hoy. Escríbanos a ayuda@tienda.example.\n`,
]));
const filePaths = (stdout: string) => (JSON.parse(stdout) as Array<{ filePath: string }>).map((r) => r.filePath);

describe('--concurrency', () => {
  it('prints exactly what a serial run prints, in the same order', () => {
    const dir = tempTree(drafts(60));
    const serial = runCli(['--concurrency', 'off', '--format', 'json', 'lib'], { cwd: dir });
    const parallel = runCli(['--concurrency', '3', '--format', 'json', 'lib'], { cwd: dir });
    expect(serial.code).toBe(1);
    expect(parallel.stdout).toBe(serial.stdout);
    expect(parallel.code).toBe(serial.code);
    expect(runCli(['--concurrency', 'lots', 'lib'], { cwd: dir }).code).toBe(2);
  });
  it('a worker that runs out of heap leaves its files to the main thread: same output', () => {
    const dir = tempTree(drafts(12));
    const serial = runCli(['--concurrency', 'off', '--format', 'json', 'lib'], { cwd: dir });
    const starved = runCli(['--concurrency', '2', '--format', 'json', 'lib'], { cwd: dir, env: { REPLYLINT_WORKER_HEAP_MB: '4' } });
    expect(starved.stderr).toBe('');
    expect(starved.stdout).toBe(serial.stdout);
    expect(starved.code).toBe(serial.code);
  });
  it('fixes files from worker threads like a serial run', () => {
    const dir = tempTree(drafts(20));
    expect(runCli(['--concurrency', '2', '--fix', 'lib'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'lib/1/draft-1.md'), 'utf8')).toContain('We solved the problem 1.');
  });
});

describe('--shard', () => {
  it('splits the files into shards that cover every file exactly once', () => {
    const dir = tempTree(drafts(40));
    const all = filePaths(runCli(['--format', 'json', 'lib'], { cwd: dir }).stdout);
    const shards = [1, 2, 3].map((k) => filePaths(runCli(['--shard', `${k}/3`, '--format', 'json', 'lib'], { cwd: dir }).stdout));
    expect(shards.flat().sort()).toEqual([...all].sort());
    expect(new Set(shards.flat()).size).toBe(all.length);
    expect(shards.every((s) => s.length > 0)).toBe(true);
  });
  it('keeps a file in its shard when files are added elsewhere', () => {
    const dir = tempTree(drafts(30));
    const before = filePaths(runCli(['--shard', '2/4', '--format', 'json', 'lib'], { cwd: dir }).stdout);
    writeFileSync(join(dir, 'lib/new-one.md'), 'Hi.\n');
    writeFileSync(join(dir, 'lib/0/new-two.md'), 'Hi.\n');
    const after = filePaths(runCli(['--shard', '2/4', '--format', 'json', 'lib'], { cwd: dir }).stdout);
    expect(after.filter((f) => !f.includes('new-'))).toEqual(before);
  });
  it('rejects a malformed shard', () => {
    for (const bad of ['0/3', '4/3', 'x', '1/0']) expect(runCli(['--shard', bad, '.'], { cwd: tempTree({ 'a.md': 'Hi.' }) }).code).toBe(2);
  });
});

describe('--cache', () => {
  it('reuses results of unchanged files (metadata: size and mtime) and gives the same output', () => {
    const dir = tempTree(drafts(10));
    // Whole seconds: a restored Date can land a millisecond off the original on some filesystems.
    const file = join(dir, 'lib/1/draft-1.md'), when = 1_700_000_000;
    utimesSync(file, when, when);
    const first = runCli(['--cache', '--format', 'json', 'lib'], { cwd: dir });
    expect(existsSync(join(dir, '.replylintcache'))).toBe(true);
    // Same size and mtime, new words: the metadata strategy trusts the cache...
    writeFileSync(file, readFileSync(file, 'utf8').replace('your problem', 'four problem')); // same size
    utimesSync(file, when, when);
    expect(runCli(['--cache', '--format', 'json', 'lib'], { cwd: dir }).stdout).toBe(first.stdout);
    // ...the content strategy does not, and neither does a run without --cache.
    const byContent = runCli(['--cache', '--cache-strategy', 'content', '--format', 'json', 'lib'], { cwd: dir }).stdout;
    expect(byContent).not.toBe(first.stdout);
    expect(byContent).toBe(runCli(['--format', 'json', 'lib'], { cwd: dir }).stdout);
  });
  it('is keyed by the effective config: changing a rule setting relints', () => {
    const dir = tempTree(drafts(6));
    const first = runCli(['--cache', '--cache-location', 'cachedir/', '--format', 'json', 'lib'], { cwd: dir }).stdout;
    expect(existsSync(join(dir, 'cachedir/.replylintcache'))).toBe(true);
    writeFileSync(join(dir, '.replylintrc.yaml'), 'rules:\n  your-problem: off\n');
    const second = runCli(['--cache', '--cache-location', 'cachedir/', '--format', 'json', 'lib'], { cwd: dir }).stdout;
    expect(second).not.toBe(first);
    expect(second).not.toContain('your-problem');
  });
});
