import { readFileSync, statSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LintResult } from '../lint.js';
import { crypto } from './lazy-module.js';

export type CacheStrategy = 'metadata' | 'content';
/** `mtimeMs` in whole milliseconds: tools that copy or restore files keep no finer time. */
interface Entry { size: number; mtimeMs: number; hash?: string; key: string; result: LintResult }
interface CacheFile { version: 1; runKey: string; entries: Record<string, Entry> }

export const DEFAULT_CACHE_FILE = '.replylintcache';

/** `--cache-location`: a file, or a directory (ending in / or existing) that holds `.replylintcache`. */
export function cacheFilePath(cwd: string, location: string | undefined): string {
  const path = resolve(cwd, location ?? DEFAULT_CACHE_FILE);
  if (location && /[\\/]$/.test(location)) return join(path, DEFAULT_CACHE_FILE);
  try { if (statSync(path).isDirectory()) return join(path, DEFAULT_CACHE_FILE); } catch { /* a file to create */ }
  return path;
}

const sha1 = (data: string | Uint8Array) => crypto().createHash('sha1').update(data).digest('hex');

/**
 * Results of unchanged files, as ESLint's --cache: a file is unchanged when its size and mtime
 * (metadata) or its content hash (content) match, and it was linted under the same run key
 * (replylint version, rules, options) and the same effective config.
 */
export class LintCache {
  private readonly entries: Record<string, Entry>;
  private dirty = false;

  constructor(private readonly file: string, private readonly strategy: CacheStrategy, private readonly runKey: string) {
    let loaded: CacheFile | undefined;
    try { loaded = JSON.parse(readFileSync(file, 'utf8')) as CacheFile; } catch { loaded = undefined; }
    this.entries = loaded?.version === 1 && loaded.runKey === runKey ? loaded.entries : {};
  }

  static configKey(config: unknown): string {
    return sha1(JSON.stringify(config));
  }

  get(path: string, configKey: string): LintResult | undefined {
    const e = this.entries[path];
    if (!e || e.key !== configKey) return undefined;
    let st;
    try { st = statSync(path); } catch { return undefined; }
    if (this.strategy === 'metadata') return st.size === e.size && Math.trunc(st.mtimeMs) === e.mtimeMs ? e.result : undefined;
    if (st.size !== e.size) return undefined;
    try { return sha1(readFileSync(path)) === e.hash ? e.result : undefined; } catch { return undefined; }
  }

  set(path: string, configKey: string, result: LintResult): void {
    let st;
    try { st = statSync(path); } catch { return; }
    const entry: Entry = { size: st.size, mtimeMs: Math.trunc(st.mtimeMs), key: configKey, result };
    if (this.strategy === 'content') { try { entry.hash = sha1(readFileSync(path)); } catch { return; } }
    this.entries[path] = entry;
    this.dirty = true;
  }

  delete(path: string): void {
    if (this.entries[path]) { delete this.entries[path]; this.dirty = true; }
  }

  /** Written atomically, so two runs at once leave a valid cache (the last one wins). */
  save(): void {
    if (!this.dirty) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: 1, runKey: this.runKey, entries: this.entries } satisfies CacheFile));
    renameSync(tmp, this.file);
  }
}
