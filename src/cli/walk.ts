import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import picomatch from 'picomatch';

const NEVER = new Set(['node_modules', '.git']);

/**
 * Files under `root` (absolute paths) whose path relative to `root` (with `/`) passes `accept`.
 * Symlinked directories are followed, but each real directory is walked once: a symlink loop
 * (`a -> .`, or two of them, which a glob library would follow into 2^40 paths) ends there.
 * What is not a directory is returned when accepted — FIFOs, sockets, broken links too — so the
 * caller can say why it skips it; nothing is opened. `node_modules` and `.git` are never entered.
 */
export function walkFiles(root: string, accept: (rel: string) => boolean, maxDepth = Infinity): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const stack: Array<{ dir: string; rel: string; depth: number }> = [{ dir: root, rel: '', depth: 0 }];
  while (stack.length) {
    const { dir, rel, depth } = stack.pop()!;
    let entries: Dirent[];
    try {
      const real = realpathSync(dir);
      if (seen.has(real)) continue;
      seen.add(real);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable or vanished directory: nothing to lint in it
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0)); // popped in name order
    for (const e of entries) {
      const path = join(dir, e.name), relPath = rel ? `${rel}/${e.name}` : e.name;
      let isDir = e.isDirectory();
      if (e.isSymbolicLink()) { try { isDir = statSync(path).isDirectory(); } catch { isDir = false; } }
      if (isDir) { if (!NEVER.has(e.name) && depth < maxDepth) stack.push({ dir: path, rel: relPath, depth: depth + 1 }); }
      else if (accept(relPath)) out.push(path);
    }
  }
  return out;
}

/** Files matching a glob pattern (relative to `cwd`, or absolute), walked from its static base. */
export function globFiles(pattern: string, cwd: string): string[] {
  const { base, glob, isGlob } = picomatch.scan(pattern);
  if (!isGlob) return [];
  const match = picomatch(glob, { dot: true });
  const maxDepth = /\*\*|[{(]/.test(glob) ? Infinity : glob.split('/').length - 1;
  return walkFiles(resolve(cwd, base), match, maxDepth);
}
