import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { BIN } from './run-cli.js';

export interface TimedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time of the run. */
  ms: number;
  /** Peak resident memory of the CLI process (kB), when asked for. */
  maxRssKb?: number;
  /** The run was killed for going over its time bound: a hang. */
  timedOut: boolean;
}

export interface SpawnOptions {
  cwd?: string;
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Generous bound that only a hang exceeds (default 60 s). */
  timeoutMs?: number;
  /** Report the process's peak RSS (measured inside it, at exit). */
  measureRss?: boolean;
  /** Run as another user (root runs the tests in CI: permissions only bite an unprivileged user). */
  uid?: number;
  gid?: number;
  /** Called with the child as soon as it is spawned (to kill it mid-run). */
  onSpawn?: (child: ChildProcess) => void;
}

const RSS_MARK = '\n@@replylint-test-maxrss=';

/**
 * Spawns the built CLI without blocking the test runner, bounded in time: a run that hangs is
 * killed (by its PID) and reported as timed out instead of stalling the suite.
 */
export function spawnCli(args: string[], opts: SpawnOptions = {}): Promise<TimedRun> {
  const argv = opts.measureRss
    ? ['--input-type=module', '-e', `process.argv = [process.argv[0], ${JSON.stringify(BIN)}, ...process.argv.slice(1)];
process.on('exit', () => process.stderr.write(${JSON.stringify(RSS_MARK)} + process.resourceUsage().maxRSS + '\\n'));
await import(${JSON.stringify(pathToFileURL(BIN).href)});`, '--', ...args]
    : [BIN, ...args];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, {
      cwd: opts.cwd, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'], uid: opts.uid, gid: opts.gid,
    });
    opts.onSpawn?.(child);
    let stdout = '', stderr = '', timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.stdin.on('error', () => {}); // a CLI that exits before reading its input
    child.stdin.end(opts.input ?? '');
    const timer = setTimeout(() => { timedOut = true; if (child.pid) process.kill(child.pid, 'SIGKILL'); }, opts.timeoutMs ?? 60_000);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let maxRssKb: number | undefined;
      const at = stderr.lastIndexOf(RSS_MARK);
      if (at >= 0) { maxRssKb = Number(stderr.slice(at + RSS_MARK.length).trim()); stderr = stderr.slice(0, at); }
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started, maxRssKb, timedOut });
    });
  });
}

/** An unprivileged user to run as, when the tests run as root (else undefined: run as is). */
export const UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
