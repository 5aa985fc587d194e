import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A Node.js module required the first time it is used. Each of Node's own modules a run loads
 * costs a one-draft run time (`node:crypto` brings twenty with it), and most runs need none of
 * these: hashes only for the cache or a changed rules directory, a random name only for --fix.
 */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}

export const crypto = lazyModule<typeof import('node:crypto')>('node:crypto');
