import { statSync } from 'node:fs';
import { resolve, extname } from 'node:path';
import { UserError } from '../errors.js';
import { globFiles, walkFiles } from './walk.js';
import { isFixTempFile } from './write-file.js';

export const DEFAULT_EXTENSIONS = ['md', 'markdown', 'txt', 'html', 'htm'];

/** `walked`: the command-line directory whose walk found it (not named, not matched by a glob on the command line). */
export interface FoundFile { path: string; explicit: boolean; walked?: string }

/**
 * Command-line paths → the files to lint, sorted and without duplicates. A file is taken as
 * named; a directory is walked for the extensions; anything else is a glob. A path that
 * matches nothing stops the run, unless `unmatched` takes it and another path matched files.
 * Temporary files of an interrupted `--fix` (see write-file.ts) are never collected by a walk or
 * a glob, whatever `--ext` says; named on the command line, the caller skips them with a warning.
 * `walkAlso`: more extensions a directory walk collects, unannounced (helpdesk exports, which
 * the caller keeps only when a config gives them a preset).
 */
/** `No files matching 'x'`, for a directory naming the extensions searched, and what else it held. */
export function noFilesInDirectory(pattern: string, extensions?: readonly string[], besides = ''): string {
  const none = extensions?.length ? `no ${extensions.map((e) => `.${e}`).join(', ')} file` : 'no draft';
  return `No files matching '${pattern}'${extensions ? ` (a directory with ${none} in it${besides})` : ''}`;
}

export async function findFiles(patterns: readonly string[], extensions: readonly string[], cwd = process.cwd(), unmatched?: (message: string) => void, walkAlso: readonly string[] = []): Promise<FoundFile[]> {
  const found = new Map<string, FoundFile>();
  const missing: string[] = [];
  const hasExtension = (name: string) => extensions.some((e) => name.toLowerCase().endsWith(`.${e.toLowerCase()}`));
  for (const pattern of patterns) {
    const abs = resolve(cwd, pattern);
    let stat;
    try { stat = statSync(abs); } catch (e) {
      stat = undefined;
      // It is there but cannot be used (a symlink loop, no permission): say so rather than "no files".
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') { if (!found.has(abs)) found.set(abs, { path: abs, explicit: true }); continue; }
    }
    let matches: string[];
    const walked = Boolean(stat?.isDirectory());
    if (stat?.isFile() || (stat && !stat.isDirectory())) {
      matches = [abs];
      if (!found.has(abs)) found.set(abs, { path: abs, explicit: true });
      continue;
    } else if (stat?.isDirectory()) {
      const also = (name: string) => walkAlso.some((e) => name.toLowerCase().endsWith(`.${e.toLowerCase()}`));
      matches = walkFiles(abs, (name) => (hasExtension(name) || also(name)) && !isFixTempFile(name));
    } else {
      const named = /\.[a-z0-9]+$/i.test(pattern.replace(/[{}*?[\]]/g, ''));
      matches = globFiles(pattern.replace(/\\/g, '/'), cwd)
        .filter((f) => (named || extensions.includes(extname(f).slice(1).toLowerCase())) && !isFixTempFile(f));
    }
    if (matches.length === 0) missing.push(noFilesInDirectory(pattern, walked ? extensions : undefined));
    for (const m of matches) if (!found.has(m)) found.set(m, walked ? { path: m, explicit: false, walked: pattern } : { path: m, explicit: false });
  }
  if (missing.length && (!unmatched || found.size === 0)) throw new UserError(missing.map((message) => ({ file: '', message })));
  missing.forEach((message) => unmatched?.(message));
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
