import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { UserError } from '../errors.js';
import { summarize, type LintResult } from '../lint.js';
import { findFiles, DEFAULT_EXTENSIONS, type FoundFile } from './find-files.js';
import { isIgnored, loadIgnoreFile } from './ignore-files.js';
import { openSession, type Session } from './session.js';
import type { CliOptions } from './options.js';
import { lintFile, lintStdin, type FileOutcome } from './lint-file.js';
import { LintCache, cacheFilePath } from './cache.js';
import { inShard, parseShard } from './shard.js';
import { decodeDraft } from './read-draft.js';
import { readFileSync, statSync } from 'node:fs';
import { EXPORT_EXTENSIONS, exportOnlyDirectories, exportOptionsKey, skipWalkedExport } from './export-files.js';

export interface LintRun {
  results: LintResult[];
  session: Session;
  sources: Map<string, string>;
  /** Problems that make the run fatal (exit 2) although the other files were linted. */
  fatal: boolean;
  /** With --stdin --fix: the fixed draft (bytes as they came, BOM kept) to print instead of a report. */
  fixedStdin?: Uint8Array;
}

/** Below this many files to lint, worker threads cost more (each loads its own session) than they save. */
const AUTO_WORKERS_FROM = 400;

const say = (n: FileOutcome['notes'][number]) => process.stderr.write(n.level === 'warning' ? `replylint: warning: ${n.text}\n` : `replylint: ${n.text}\n`);

/** The lint command: files → configs → lint (and fix) → results, in file order whatever the concurrency. */
export async function lintFiles(paths: readonly string[], opts: CliOptions, cwd = process.cwd()): Promise<LintRun> {
  if (opts.stdin && paths.length) throw new UserError([{ file: '', message: '--stdin cannot be combined with paths' }]);
  if (!opts.stdin && paths.length === 0) throw new UserError([{ file: '', message: 'no paths given (try `replylint .` or `replylint --help`)' }]);
  const shard = opts.shard ? parseShard(opts.shard) : undefined;
  const workers = workerCount(opts.concurrency);
  const extensions = opts.ext ? opts.ext.split(',').map((e) => e.trim().replace(/^\./, '').toLowerCase()).filter(Boolean) : DEFAULT_EXTENSIONS;
  const unmatched: string[] = []; // paths that match nothing: an error each (exit 2), the other paths are still linted
  const found = opts.stdin ? [] : await findFiles(paths, extensions, cwd, (message) => unmatched.push(message), EXPORT_EXTENSIONS);
  const files = shard ? found.filter((f) => inShard(f.path, cwd, shard)) : found;
  const stdinPath = opts.stdin ? resolve(cwd, opts.stdinFilename ?? '<text>') : undefined;
  const allPaths = stdinPath ? [stdinPath] : files.map((f) => f.path);
  const session = await openSession(opts, allPaths, cwd);
  // A directory holding only helpdesk exports lints nothing: as an error, like an empty one (and, like
  // findFiles, fatal before linting when no path leaves anything to lint).
  const exportsOnly = exportOnlyDirectories(found, session, extensions);
  if (exportsOnly.length && found.every((f) => skipWalkedExport(f, session))) throw new UserError([...unmatched, ...exportsOnly].map((message) => ({ file: '', message })));
  unmatched.push(...exportsOnly);
  const run: LintRun = { results: [], session, sources: new Map(), fatal: unmatched.length > 0 };
  for (const message of unmatched) process.stderr.write(`replylint: ${message}\n`);

  if (opts.stdin) {
    const out = await lintStdin(session, stdinPath!, opts.stdinFilename ?? '<text>', opts);
    out.notes.forEach(say);
    run.fatal = out.fatal;
    if (out.result) { run.results.push(out.result); run.sources.set(out.result.filePath, out.source ?? ''); }
    run.fixedStdin = out.fixed;
    return run;
  }

  const ignoreFile = opts.ignore ? loadIgnoreFile(cwd, opts.ignorePath) : undefined;
  const fixing = Boolean(opts.fix || opts.fixDryRun);
  const cache = opts.cache ? new LintCache(cacheFilePath(cwd, opts.cacheLocation), opts.cacheStrategy ?? 'metadata', cacheRunKey(session, opts)) : undefined;
  const outcomes: Array<FileOutcome | undefined> = new Array(files.length);
  const keys: string[] = [];
  const todo: number[] = [];
  files.forEach((file, i) => {
    if (skipWalkedExport(file, session)) { outcomes[i] = { notes: [], fatal: false }; return; }
    if (opts.ignore && isIgnored(file.path, ignoreFile, session.resolver.layersFor(file.path))) {
      if (file.explicit) outcomes[i] = { notes: [], fatal: false, result: summarize(file.path, null, [{ ruleId: null, severity: 1, message: 'File ignored because of a matching ignore pattern. Use "--no-ignore" to override.', line: 1, column: 1, endLine: 1, endColumn: 1 }]) };
      else outcomes[i] = { notes: [], fatal: false };
      return;
    }
    if (cache) {
      keys[i] = LintCache.configKey(session.configFor(file.path));
      const hit = fixing ? undefined : cache.get(file.path, keys[i]);
      if (hit) { outcomes[i] = { notes: [], fatal: false, result: hit, source: hit.messages.length ? sourceOf(file.path) : undefined }; return; }
    }
    todo.push(i);
  });

  const useWorkers = workers > 1 && todo.length >= (opts.concurrency === 'auto' || opts.concurrency === undefined ? AUTO_WORKERS_FROM : workers * 2);
  if (useWorkers) {
    const done = await inWorkers(todo.map((i) => files[i]), allPaths, opts, cwd, workers, session);
    todo.forEach((i, k) => { outcomes[i] = done[k]; });
  } else {
    for (const i of todo) outcomes[i] = await lintFile(session, files[i], opts);
  }

  for (const [i, out] of outcomes.entries()) {
    if (!out) continue;
    out.notes.forEach(say);
    if (out.fatal) run.fatal = true;
    if (!out.result) { cache?.delete(files[i].path); continue; }
    run.results.push(out.result);
    if (out.source !== undefined) run.sources.set(files[i].path, out.source);
    if (cache && todo.includes(i) && !out.fatal && out.result.output === undefined) cache.set(files[i].path, keys[i], out.result);
  }
  try { cache?.save(); } catch (e) { process.stderr.write(`replylint: warning: cannot write the cache (${(e as Error).message})\n`); }
  return run;
}

/** `--concurrency auto|off|N` → the number of worker threads to allow (1 = none). */
function workerCount(spec: string | undefined): number {
  if (spec === undefined || spec === 'auto') return Math.min(availableParallelism(), 4);
  if (spec === 'off') return 1;
  if (!/^\d+$/.test(spec) || Number(spec) < 1) throw new UserError([{ file: '', message: `--concurrency expects auto, off or a number of threads, got '${spec}'` }]);
  return Number(spec);
}

/** Everything besides each file's config that decides a result: version, rules, options. */
function cacheRunKey(session: Session, opts: CliOptions): string {
  return LintCache.configKey([session.version, session.rulesKey, opts.lang ?? null, Boolean(opts.reportUnusedDisableDirectives), opts.markdownParser ?? 'fast', ...exportOptionsKey(opts)]);
}

function sourceOf(path: string): string | undefined {
  try { const d = decodeDraft(readFileSync(path)); return d.ok ? d.text : undefined; } catch { return undefined; }
}

/**
 * Old-generation heap of a worker, in MB: 128, and more for large drafts (a draft takes up to
 * about 40 times its size while linted). Left alone, each worker's heap grew to 250 MB and more
 * over thousands of drafts, for no gain in speed.
 */
function workerHeapMb(slice: readonly FoundFile[]): number {
  const forced = Number(process.env.REPLYLINT_WORKER_HEAP_MB); // tests make workers run out
  if (forced) return forced;
  let largest = 0;
  for (const f of slice) { try { largest = Math.max(largest, statSync(f.path).size); } catch { /* reported when linted */ } }
  return Math.ceil(128 + (40 * largest) / 2 ** 20);
}

/**
 * Splits the files into contiguous slices, one per worker, and puts the outcomes back in order.
 * A worker that runs out of its heap anyway leaves its slice to this thread, which has no such bound.
 */
async function inWorkers(files: FoundFile[], allPaths: string[], opts: CliOptions, cwd: string, n: number, session: Session): Promise<FileOutcome[]> {
  const { Worker } = await import('node:worker_threads'); // a run that needs no worker does without the module
  const size = Math.ceil(files.length / n);
  const slices = Array.from({ length: n }, (_, k) => files.slice(k * size, (k + 1) * size)).filter((s) => s.length);
  const parts = await Promise.all(slices.map((slice) => new Promise<FileOutcome[] | undefined>((resolveSlice, reject) => {
    const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: { files: slice, allFiles: allPaths, opts: { ...opts }, cwd }, resourceLimits: { maxOldGenerationSizeMb: workerHeapMb(slice) } });
    w.once('message', resolveSlice);
    w.once('error', (e) => ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolveSlice(undefined) : reject(e)));
    w.once('exit', (code) => { if (code !== 0) reject(new Error(`a worker thread stopped (exit ${code})`)); });
  })));
  const outcomes: FileOutcome[] = [];
  for (const [k, part] of parts.entries()) {
    if (part) outcomes.push(...part);
    else for (const f of slices[k]) outcomes.push(await lintFile(session, f, opts));
  }
  return outcomes;
}
