import type { Formatter } from './formatter.js';

/** The built-in formats; each lives in `./<name>.js` and exports a formatter of that name. */
export const FORMAT_NAMES = ['stylish', 'json', 'compact', 'sarif', 'github', 'gitlab', 'rdjson'] as const;

/** Loads only the formatter a run prints with: the others are start-up time a pre-commit hook would pay for nothing. */
export async function loadFormatter(name: string): Promise<Formatter> {
  if (!(FORMAT_NAMES as readonly string[]).includes(name)) throw new Error(`unknown format '${name}'`);
  const module = (await import(`./${name}.js`)) as Record<string, Formatter>;
  return module[name];
}
