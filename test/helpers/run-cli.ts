import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const BIN = resolve(__dirname, '../../bin/replylint.js');

export interface CliRun { code: number | null; stdout: string; stderr: string }

/** Spawns the built CLI as a user runs it: the executable, whose #! line starts node with its flags. */
export function runCli(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): CliRun {
  const r = spawnSync(BIN, args, {
    cwd: opts.cwd, input: opts.input, encoding: 'utf8', timeout: 60_000,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary directory holding the given files (path → content). */
export function tempTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'replylint-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** One file's result in the JSON report: ESLint's shape, with replylint's `lang`, `output` and export `item`s. */
export interface JsonResult {
  filePath: string;
  lang: string | null;
  output?: string;
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  fatalErrorCount: number;
  messages: Array<{
    ruleId: string | null; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number;
    fix?: { range: [number, number]; text: string };
    suggestions?: Array<{ desc: string; fix: { range: [number, number]; text: string } }>;
    item?: { source: string; kind: string | null; id: string | null; title: string | null; field: string; pointer: string; line: number; column: number };
  }>;
}

/** Spawns the built CLI with `--format json`: the run, and its report parsed (`[]` when it printed none). */
export function runCliJson(args: string[], opts: Parameters<typeof runCli>[1] = {}): CliRun & { results: JsonResult[] } {
  const r = runCli(['--format', 'json', ...args], opts);
  return { ...r, results: r.stdout ? (JSON.parse(r.stdout) as JsonResult[]) : [] };
}
