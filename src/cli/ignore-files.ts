import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { UserError } from '../errors.js';
import type { ConfigLayer } from '../config/load-config.js';

/** `.replylintignore` (gitignore syntax) in the working directory, or the file --ignore-path names. */
export function loadIgnoreFile(cwd: string, ignorePath: string | undefined): { ig: Ignore; base: string } | undefined {
  const file = resolve(cwd, ignorePath ?? '.replylintignore');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (!ignorePath && (e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError([{ file, message: `cannot read ignore file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }]);
  }
  return { ig: ignore().add(text), base: cwd };
}

const cache = new WeakMap<ConfigLayer, Ignore>();

/** True when the ignore file or an `ignorePatterns` of the file's configs matches it. */
export function isIgnored(file: string, ignoreFile: ReturnType<typeof loadIgnoreFile>, layers: readonly ConfigLayer[]): boolean {
  const rel = (base: string) => relative(base, file).split(sep).join('/');
  if (ignoreFile) { const r = rel(ignoreFile.base); if (!r.startsWith('..') && ignoreFile.ig.ignores(r)) return true; }
  for (const layer of layers) {
    if (!layer.data.ignorePatterns?.length) continue;
    let ig = cache.get(layer);
    if (!ig) cache.set(layer, (ig = ignore().add(layer.data.ignorePatterns)));
    const r = rel(layer.dir);
    if (!r.startsWith('..') && ig.ignores(r)) return true;
  }
  return false;
}
