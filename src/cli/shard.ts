import { relative, sep } from 'node:path';
import { UserError } from '../errors.js';

/** `--shard K/N` → [K, N], checked. */
export function parseShard(spec: string): [number, number] {
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const k = m ? Number(m[1]) : 0, n = m ? Number(m[2]) : 0;
  if (!m || n < 1 || k < 1 || k > n) throw new UserError([{ file: '', message: `--shard expects K/N with 1 <= K <= N (e.g. 2/4), got '${spec}'` }]);
  return [k, n];
}

/** FNV-1a: a stable 32-bit hash of a path, the same on every machine. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h;
}

/**
 * Shard K of N takes the files whose path (relative to the working directory, with forward
 * slashes) hashes to K-1 modulo N: every file lands in exactly one shard, and adding a file
 * elsewhere moves no other file to another shard.
 */
export function inShard(path: string, cwd: string, [k, n]: [number, number]): boolean {
  return fnv1a(relative(cwd, path).split(sep).join('/')) % n === k - 1;
}
