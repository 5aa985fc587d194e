import type { Problem } from './errors.js';
import type { Path, YamlSource } from './yaml-source.js';
import { compileUserRegex } from './rules/regex.js';
import { catastrophicBacktracking } from './rules/regex-safety.js';

/**
 * Tiny declarative validators for YAML data (rule files, language files, configs). A check
 * adds one problem per fault, positioned at the offending key, and never throws.
 */
export type Check = (value: unknown, path: Path, ctx: ShapeContext) => void;
export interface ShapeContext { src: YamlSource; problems: Problem[] }

const fail = (ctx: ShapeContext, path: Path, message: string, atKey = false) => ctx.problems.push(ctx.src.problem(path, message, atKey));
const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : JSON.stringify(v));

export const str: Check = (v, p, c) => { if (typeof v !== 'string' || v.trim() === '') fail(c, p, `expected a non-empty string, got ${describe(v)}`); };
/** Any string, the empty one included. */
export const text: Check = (v, p, c) => { if (typeof v !== 'string') fail(c, p, `expected a string, got ${describe(v)}`); };
export const bool: Check = (v, p, c) => { if (typeof v !== 'boolean') fail(c, p, `expected true or false, got ${describe(v)}`); };
export const positiveInt: Check = (v, p, c) => { if (!Number.isInteger(v) || (v as number) < 1) fail(c, p, `expected a positive whole number, got ${describe(v)}`); };
export const any: Check = () => {};

export const oneOf = (choices: readonly string[]): Check => (v, p, c) => {
  if (typeof v !== 'string' || !choices.includes(v)) fail(c, p, `expected one of ${choices.join(', ')}; got ${describe(v)}`);
};

export const list = (item: Check): Check => (v, p, c) => {
  if (!Array.isArray(v)) return fail(c, p, `expected a list, got ${describe(v)}`);
  v.forEach((x, i) => item(x, [...p, i], c));
};

export const strOrList: Check = (v, p, c) => (Array.isArray(v) ? list(str)(v, p, c) : str(v, p, c));

export const regex: Check = (v, p, c) => {
  if (typeof v !== 'string' || v === '') return fail(c, p, `expected a regular expression string, got ${describe(v)}`);
  const r = compileUserRegex(v);
  if (typeof r === 'string') return fail(c, p, r);
  const hang = catastrophicBacktracking(v);
  if (hang) fail(c, p, hang);
};

/** A mapping whose keys are free (languages, option names), every value checked the same way. */
export const record = (value: Check, key?: Check): Check => (v, p, c) => {
  if (v === null) return; // `rules:` with nothing under it (or only comments) is an empty mapping
  if (!isPlainObject(v)) return fail(c, p, `expected a mapping, got ${describe(v)}`);
  for (const [k, x] of Object.entries(v)) { key?.(k, [...p, k], c); value(x, [...p, k], c); }
};

export interface Field { check: Check; required?: boolean }

/** A mapping with known keys; an unknown key is an error that lists the valid ones. */
export const object = (fields: Record<string, Check | Field>): Check => (v, p, c) => {
  if (!isPlainObject(v)) return fail(c, p, `expected a mapping, got ${describe(v)}`);
  for (const [k, f] of Object.entries(fields)) {
    const field = typeof f === 'function' ? { check: f } : f;
    if (v[k] === undefined) { if (field.required) fail(c, p, `missing required key '${k}'`); }
    else field.check(v[k], [...p, k], c);
  }
  for (const k of Object.keys(v)) {
    if (!(k in fields)) fail(c, [...p, k], `unknown key '${k}'${didYouMean(k, Object.keys(fields))}; valid keys: ${Object.keys(fields).join(', ')}`, true);
  }
};

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function didYouMean(word: string, choices: readonly string[]): string {
  let best = '', bestD = Infinity;
  for (const c of choices) { const d = editDistance(word, c); if (d < bestD) { best = c; bestD = d; } }
  return bestD <= Math.max(2, word.length / 3) ? ` (did you mean '${best}'?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]++;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}
