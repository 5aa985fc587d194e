// Every example of every rule file is a test: flagged examples must be flagged (at `match`,
// with the rewrite `output`), pass examples must not be. Built-in rules must cover en, es, ca.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { Linter } from '../src/lint.js';
import { applyFixes } from '../src/fix.js';
import type { FlagExample, PassExample, RuleFile } from '../src/rules/rule-file.js';
import { builtins, BUILTIN_RULES_DIR } from './helpers/builtins.js';

const LANGS = ['en', 'es', 'ca'];
const files = readdirSync(BUILTIN_RULES_DIR).filter((f) => f.endsWith('.yaml')).sort();

describe.each(files)('rule file %s', (name) => {
  const file = parseYaml(readFileSync(join(BUILTIN_RULES_DIR, name), 'utf8')) as RuleFile;
  const rule = builtins.rules.find((r) => r.meta.id === file.id)!;
  const linter = new Linter([rule], builtins.languages);
  const lint = (text: string, lang: string, options?: Record<string, unknown>) =>
    linter.lintText(text, { filePath: 'example.txt', lang, rules: { [file.id]: { severity: 2, options } } }).messages;

  it('has flagged and passing examples in English, Spanish and Catalan', () => {
    for (const lang of LANGS) {
      expect(file.examples?.[lang]?.flag?.length, `${lang} flag examples`).toBeGreaterThan(0);
      expect(file.examples?.[lang]?.pass?.length, `${lang} pass examples`).toBeGreaterThan(0);
    }
  });

  const cases = Object.entries(file.examples ?? {}).flatMap(([lang, ex]) => [
    ...(ex.flag ?? []).map((e: FlagExample) => ['flags', lang, e] as const),
    ...(ex.pass ?? []).map((e: PassExample) => ['passes', lang, typeof e === 'string' ? { text: e } : e] as const),
  ]);
  it.each(cases)('%s [%s] %j', (kind, lang, example) => {
    const messages = lint(example.text, lang, example.options);
    if (kind === 'passes') {
      expect(messages.map((m) => m.message)).toEqual([]);
      return;
    }
    const e = example as FlagExample;
    expect(messages.length, messages.map((m) => m.message).join('; ')).toBe(e.count ?? 1);
    const [first] = messages;
    const range = first.fix?.range ?? first.suggestions?.[0]?.fix.range;
    if (e.match !== undefined) {
      const found = lint(e.text, lang, e.options)[0];
      const lines = e.text.split('\n');
      const offset = (line: number, col: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + col - 1;
      expect(e.text.slice(offset(found.line, found.column), offset(found.endLine, found.endColumn))).toBe(e.match);
    }
    if (e.output !== undefined) {
      const rewrite = first.fix ?? first.suggestions?.[0]?.fix;
      expect(rewrite, 'a rewrite').toBeDefined();
      expect(applyFixes(e.text, [rewrite!]).output).toBe(e.output);
    }
    void range;
  });
});
