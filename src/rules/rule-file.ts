import { object, str, text, bool, oneOf, list, strOrList, regex, record, any, positiveInt, isPlainObject, type Check } from '../shape.js';

/** The shape of a rule file (`rules/<id>.yaml`); docs/rule-files.md is its manual. */
export interface PhraseEntry {
  match?: string | string[];
  regex?: string;
  suggest?: string | string[];
  fix?: boolean;
  negation?: boolean;
  caseSensitive?: boolean;
  unless?: string[];
  message?: Message;
}

/** A message, or one per language (`en`, `es`, …, `any`), so a Catalan draft reads Catalan. */
export type Message = string | Record<string, string>;

export interface FlagExample { text: string; match?: string; output?: string; count?: number; options?: Record<string, unknown> }
export type PassExample = string | { text: string; options?: Record<string, unknown> };

export interface RuleFile {
  id: string;
  severity: 'error' | 'warning' | 'warn';
  description: string;
  message: Message;
  fixable?: boolean;
  negation?: boolean;
  unless?: { sentence?: string[]; paragraph?: string[] };
  options?: Record<string, unknown>;
  phrases?: Record<string, PhraseEntry[]>;
  /** `append`: when the option it names is set, a fix adds this sentence (per language; `{value}` is the option). */
  require?: { entity: 'email'; append?: { option: string; text: Record<string, string> } };
  metric?: { unit: 'sentence' | 'paragraph'; limits: string[] };
  entities?: Array<{ kind: string; when?: string; message?: Message }>;
  examples?: Record<string, { flag?: FlagExample[]; pass?: PassExample[] }>;
}

export const SEVERITIES = ['error', 'warning', 'warn'] as const;
export const ENTITY_KINDS = ['template'] as const;

const message: Check = (v, p, c) => (typeof v === 'string' ? str(v, p, c) : record(str)(v, p, c));

const phrase: Check = (v, p, c) => {
  object({
    match: strOrList, regex, suggest: strOrList, fix: bool, negation: bool, caseSensitive: bool,
    unless: list(regex), message,
  })(v, p, c);
  if (isPlainObject(v) && (v.match === undefined) === (v.regex === undefined)) {
    c.problems.push(c.src.problem(p, 'a phrase needs exactly one of `match` or `regex`'));
  }
};

const example = object({ text: { check: str, required: true }, match: text, output: text, count: positiveInt, options: record(any) });
const passExample: Check = (v, p, c) => (typeof v === 'string' ? str(v, p, c) : object({ text: { check: str, required: true }, options: record(any) })(v, p, c));

export const ruleFileShape: Check = object({
  id: { check: str, required: true },
  severity: { check: oneOf(SEVERITIES), required: true },
  description: { check: str, required: true },
  message: { check: message, required: true },
  fixable: bool,
  negation: bool,
  unless: object({ sentence: list(str), paragraph: list(str) }),
  options: record(any),
  phrases: record(list(phrase)),
  require: object({ entity: { check: oneOf(['email']), required: true }, append: object({ option: { check: str, required: true }, text: { check: record(str), required: true } }) }),
  metric: object({ unit: { check: oneOf(['sentence', 'paragraph']), required: true }, limits: { check: list(oneOf(['words', 'sentences'])), required: true } }),
  entities: list(object({ kind: { check: oneOf(ENTITY_KINDS), required: true }, when: str, message })),
  examples: record(object({ flag: list(example), pass: list(passExample) })),
});
