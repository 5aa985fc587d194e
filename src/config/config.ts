import { object, str, bool, list, strOrList, oneOf, record, any, isPlainObject, type Check } from '../shape.js';
import type { RuleSetting } from '../lint.js';
import type { ExportPreset } from '../exports/presets.js';
import { presetsShape, emailShape } from '../exports/preset-shape.js';
import { regex } from '../shape.js';

/** A configuration file's data, as written (`.replylintrc.yaml` and friends). */
export interface ConfigData {
  root?: boolean;
  extends?: string | string[];
  lang?: string;
  rules?: Record<string, RuleEntry>;
  overrides?: Array<Override>;
  ignorePatterns?: string[];
  rulePaths?: string[];
  plugins?: string[];
  contactEmail?: string;
  quotes?: 'skip' | 'lint';
  /** Helpdesk export preset for the files this applies to (a glob with `from` lints exports found by a walk). */
  from?: string;
  /** The helpdesk appends a signature giving this address: missing-contact-email is satisfied. */
  signatureEmail?: string;
  /** Template variables (regexes on the variable's name) that render the team's address. */
  contactVariables?: string[];
  /** The team's own export presets, by name. */
  exportPresets?: Record<string, ExportPreset>;
}
export type Override = { files: string | string[]; excludedFiles?: string | string[] } & Pick<ConfigData, 'lang' | 'rules' | 'contactEmail' | 'quotes' | 'from' | 'signatureEmail' | 'contactVariables'>;
export type SeverityWord = 'off' | 'warn' | 'warning' | 'error' | 0 | 1 | 2;
export type RuleEntry = SeverityWord | [SeverityWord] | [SeverityWord, Record<string, unknown>];

export const PRESETS = ['replylint:recommended', 'replylint:strict', 'replylint:all'] as const;
export const SEVERITY_WORDS: readonly SeverityWord[] = ['off', 'warn', 'warning', 'error', 0, 1, 2];

const ruleEntry: Check = (v, p, c) => {
  const sev = (x: unknown, path: typeof p) => {
    if (!SEVERITY_WORDS.includes(x as SeverityWord)) c.problems.push(c.src.problem(path, `invalid severity ${JSON.stringify(x)}; valid: off, warn, warning, error (or 0, 1, 2)`));
  };
  if (!Array.isArray(v)) return sev(v, p);
  if (v.length < 1 || v.length > 2) return void c.problems.push(c.src.problem(p, 'expected [severity] or [severity, {options}]'));
  sev(v[0], [...p, 0]);
  if (v.length === 2) record(any)(v[1], [...p, 1], c);
};

const shared = {
  lang: str,
  rules: record(ruleEntry),
  contactEmail: (v: unknown, p: Parameters<Check>[1], c: Parameters<Check>[2]) => {
    if (typeof v !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) c.problems.push(c.src.problem(p, `expected an e-mail address, got ${JSON.stringify(v)}`));
  },
  quotes: oneOf(['skip', 'lint']),
  from: str,
  signatureEmail: emailShape,
  contactVariables: list(regex),
};

export const overrideShape: Check = object({ files: { check: strOrList, required: true }, excludedFiles: strOrList, ...shared });

export const configShape: Check = object({
  root: bool,
  extends: strOrList,
  ...shared,
  overrides: list(overrideShape),
  ignorePatterns: list(str),
  rulePaths: list(str),
  plugins: list(str),
  exportPresets: presetsShape,
});

/** The keys a front matter `replylint:` block may carry (one file: no lookup keys). */
export const frontMatterShape: Check = object({ ...shared, extends: strOrList });

export const CONFIG_KEYS = ['root', 'extends', 'lang', 'rules', 'overrides', 'ignorePatterns', 'rulePaths', 'plugins', 'contactEmail', 'quotes', 'from', 'signatureEmail', 'contactVariables', 'exportPresets'];

export function toSeverity(word: SeverityWord): RuleSetting['severity'] {
  return word === 'off' || word === 0 ? 0 : word === 'error' || word === 2 ? 2 : 1;
}

export { isPlainObject };
