import { statSync } from 'node:fs';
import { resolve, extname } from 'node:path';
import fg from 'fast-glob';
import { UserError } from '../errors.js';

export const DEFAULT_EXTENSIONS = ['md', 'markdown', 'txt'];
const NEVER = ['**/node_modules/**', '**/.git/**'];

export interface FoundFile { path: string; explicit: boolean }

/**
 * Command-line paths → the files to lint, sorted and without duplicates. A file is taken as
 * named; a directory is walked for the extensions; anything else is a glob. A path that
 * matches nothing stops the run.
 */
export async function findFiles(patterns: readonly string[], extensions: readonly string[], cwd = process.cwd()): Promise<FoundFile[]> {
  const found = new Map<string, FoundFile>();
  const missing: string[] = [];
  const extGlob = extensions.length === 1 ? extensions[0] : `{${extensions.join(',')}}`;
  for (const pattern of patterns) {
    const abs = resolve(cwd, pattern);
    let stat;
    try { stat = statSync(abs); } catch { stat = undefined; }
    let matches: string[];
    if (stat?.isFile() || (stat && !stat.isDirectory())) {
      matches = [abs];
      if (!found.has(abs)) found.set(abs, { path: abs, explicit: true });
      continue;
    } else if (stat?.isDirectory()) {
      matches = await fg(`**/*.${extGlob}`, { cwd: abs, absolute: true, ignore: NEVER, onlyFiles: true, dot: true, suppressErrors: true, followSymbolicLinks: true, caseSensitiveMatch: false });
    } else {
      const named = /\.[a-z0-9]+$/i.test(pattern.replace(/[{}*?[\]]/g, ''));
      matches = (await fg(pattern.replace(/\\/g, '/'), { cwd, absolute: true, ignore: NEVER, onlyFiles: true, dot: true, suppressErrors: true }))
        .filter((f) => named || extensions.includes(extname(f).slice(1).toLowerCase()));
    }
    if (matches.length === 0) missing.push(pattern);
    for (const m of matches) if (!found.has(m)) found.set(m, { path: m, explicit: false });
  }
  if (missing.length) throw new UserError(missing.map((p) => ({ file: '', message: `No files matching '${p}'` })));
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
