// Data safety under faults (issue 8): a --fix run killed mid-way, files it may not write, and two
// --fix runs on one tree at once. After each, every draft is either exactly as it was or exactly
// fully fixed — never half written — and nothing is left behind that a later run would lint.
import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli, UNPRIVILEGED } from './helpers/spawn-cli.js';
import { isFixTempFile } from '../src/cli/write-file.js';

/** A draft with fixable errors spread through it (so a torn write would show), and its fixed form. */
function draft(i: number): { before: string; after: string } {
  const para = (k: number) => `Paragraph ${k} of draft ${i}: we looked into your problem with the courier.\r\n`;
  const before = `Hi Ana,\r\n\r\n${Array.from({ length: 40 }, (_, k) => para(k)).join('')}\r\nWrite to help@shop.example.\r\n`;
  return { before, after: before.replaceAll('your problem', 'the problem') };
}

function tree(count: number): { dir: string; files: Array<{ path: string; before: string; after: string }> } {
  const dir = mkdtempSync(join(tmpdir(), 'replylint-fault-'));
  const files = [];
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `team${i % 10}`);
    mkdirSync(sub, { recursive: true });
    const path = join(sub, `reply-${String(i).padStart(4, '0')}.md`);
    const d = draft(i);
    writeFileSync(path, d.before);
    files.push({ path, ...d });
  }
  return { dir, files };
}

/** Every draft as it was or fully fixed; counts of each. */
function states(files: ReturnType<typeof tree>['files']): { unchanged: number; fixed: number; other: string[] } {
  let unchanged = 0, fixed = 0;
  const other: string[] = [];
  for (const f of files) {
    const now = readFileSync(f.path, 'utf8');
    if (now === f.before) unchanged++;
    else if (now === f.after) fixed++;
    else other.push(f.path);
  }
  return { unchanged, fixed, other };
}

/** Every file under dir (dot files too). */
function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

const LINTED = /\.(?:md|markdown|txt|html?)$/i;

describe('a --fix run killed in the middle', () => {
  it.each([
    ['SIGKILL, one thread', 'SIGKILL', ['--concurrency', 'off']],
    ['SIGTERM, worker threads', 'SIGTERM', ['--concurrency', '2']],
  ] as const)('leaves every file unchanged or fully fixed (%s), and no temporary file that would be linted', async (_, signal, extra) => {
    const { dir, files } = tree(2000);
    // Files are linted in path order: kill once the 300th of them is fixed, well into the run.
    const marker = [...files].sort((x, y) => (x.path < y.path ? -1 : 1))[300];
    let killedWhileRunning = false;
    const run = await spawnCli(['--fix', ...extra, '.'], {
      cwd: dir, timeoutMs: 300_000,
      onSpawn: (child) => {
        // Kill this child, by its PID, as soon as the first fixed file appears on disk.
        const poll = setInterval(() => {
          if (child.exitCode !== null || child.signalCode !== null) { clearInterval(poll); return; }
          if (readFileSync(marker.path, 'utf8') === marker.after) {
            clearInterval(poll);
            killedWhileRunning = process.kill(child.pid!, signal);
          }
        }, 5);
      },
    });
    expect(run.timedOut).toBe(false);
    const s = states(files);
    if (process.env.FAULT_DEBUG) console.log(signal, { killedWhileRunning, signal: run.signal, code: run.code, ms: run.ms, ...s, other: s.other.length });
    expect(s.other).toEqual([]);
    expect(s.fixed).toBeGreaterThan(0);
    // The run really was killed mid-way (else this test would prove nothing).
    expect([killedWhileRunning, run.signal]).toEqual([true, signal]);
    expect(s.unchanged).toBeGreaterThan(0);
    const extraFiles = allFiles(dir).filter((p) => !files.some((f) => f.path === p));
    // An interrupted write can leave its temporary file: hidden, named *.tmp, never linted.
    for (const p of extraFiles) expect(p).toMatch(/\/\.reply-\d{4}\.md\.replylint-\d+-[0-9a-f]+\.tmp$/);
    for (const p of extraFiles) expect(isFixTempFile(p), p).toBe(true); // the name later runs skip
    expect(extraFiles.filter((p) => LINTED.test(p))).toEqual([]);
    // A second run finishes the job: every file fixed, the run clean.
    if (signal !== 'SIGKILL') return;
    const again = await spawnCli(['--fix', '.'], { cwd: dir, timeoutMs: 300_000 });
    expect([again.timedOut, again.code, again.stderr]).toEqual([false, 0, '']);
    expect(states(files)).toEqual({ unchanged: 0, fixed: files.length, other: [] });
  }, 600_000);
});

describe('files --fix may not write', () => {
  it('a read-only file, and a file in a read-only directory: an error naming each (exit 2), untouched; the others fixed', async () => {
    const { dir, files } = tree(20);
    chmodSync(dir, 0o755);
    for (let i = 0; i < 10; i++) chmodSync(join(dir, `team${i}`), 0o777);
    for (const f of files) chmodSync(f.path, 0o666);
    const readOnly = files[3], lockedDir = join(dir, 'team7');
    chmodSync(readOnly.path, 0o444);
    chmodSync(lockedDir, 0o555);
    const r = await spawnCli(['--fix', '.'], { cwd: dir, timeoutMs: 120_000, ...UNPRIVILEGED });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    const inLocked = files.filter((f) => f.path.startsWith(lockedDir + '/'));
    const errors = r.stderr.split('\n').filter(Boolean).sort();
    expect(errors).toEqual([
      `replylint: ${readOnly.path}: cannot write the fixes (read-only file)`,
      ...inLocked.map((f) => `replylint: ${f.path}: cannot write the fixes (EACCES)`),
    ].sort());
    for (const f of files) {
      const expected = f === readOnly || inLocked.includes(f) ? f.before : f.after;
      expect(readFileSync(f.path, 'utf8'), f.path).toBe(expected);
    }
    expect(allFiles(dir).length).toBe(files.length);
  }, 300_000);
});

describe('two --fix runs on the same tree at once (pre-commit in two terminals)', () => {
  it('leave every file valid: fully fixed, never torn, no temporary file left', async () => {
    const { dir, files } = tree(400);
    const [a, b] = await Promise.all([
      spawnCli(['--fix', '--concurrency', 'off', '.'], { cwd: dir, timeoutMs: 300_000 }),
      spawnCli(['--fix', '--concurrency', '2', '.'], { cwd: dir, timeoutMs: 300_000 }),
    ]);
    for (const r of [a, b]) expect([r.timedOut, r.code, r.stderr]).toEqual([false, 0, '']);
    expect(states(files)).toEqual({ unchanged: 0, fixed: files.length, other: [] });
    expect(allFiles(dir).length).toBe(files.length);
  }, 600_000);
});

describe('temporary files left by a --fix run killed between write and rename', () => {
  it('are never linted or fixed by a later run: skipped by walks and globs whatever --ext says; named, a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-fault-'));
    const d = draft(0);
    const reply = join(dir, 'reply.md'), tmp = join(dir, '.reply.md.replylint-4242-0a1b2c3d.tmp');
    writeFileSync(reply, d.before);
    writeFileSync(tmp, d.before.slice(0, 300)); // a torn write: what the kill left
    const names = (stdout: string) => (JSON.parse(stdout) as Array<{ filePath: string }>).map((r) => r.filePath);
    for (const args of [['--ext', 'md,tmp', '.'], ['--ext', 'tmp,md', '**/*'], ['**/*.md', '**/*.tmp', '.']]) {
      const r = await spawnCli(['--format', 'json', ...args], { cwd: dir, timeoutMs: 60_000 });
      expect(r.stderr.split('\n').filter((l) => l && !l.startsWith("replylint: No files matching '**/*"))).toEqual([]);
      expect(names(r.stdout)).toEqual([reply]);
    }
    const named = await spawnCli(['--format', 'json', tmp, reply], { cwd: dir, timeoutMs: 60_000 });
    expect(named.stderr).toBe(`replylint: warning: ${tmp}: temporary file of an interrupted --fix run (not a draft), skipped; delete it once no replylint is running\n`);
    expect([named.code, names(named.stdout)]).toEqual([1, [reply]]);
    const fix = await spawnCli(['--fix', '--ext', 'md,tmp', '.'], { cwd: dir, timeoutMs: 60_000 });
    expect([fix.code, fix.stderr]).toEqual([0, '']);
    expect(readFileSync(reply, 'utf8')).toBe(d.after);
    expect(readFileSync(tmp, 'utf8')).toBe(d.before.slice(0, 300));
  }, 120_000);
});
