// The rule docs are generated from the rule files; checked-in docs that drifted fail here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ruleDoc, ruleTable, withRuleTable } from '../src/rules/rule-docs.js';
import type { RuleFile } from '../src/rules/rule-file.js';

const ROOT = resolve(__dirname, '..');
const files = readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.yaml')).sort()
  .map((f) => parse(readFileSync(join(ROOT, 'rules', f), 'utf8')) as RuleFile);

describe('rule documentation (run `npm run docs` after editing a rule file)', () => {
  it.each(files.map((f) => [f.id, f] as const))('docs/rules/%s.md matches its rule file', (id, f) => {
    expect(readFileSync(join(ROOT, 'docs/rules', `${id}.md`), 'utf8')).toBe(ruleDoc(f));
  });
  it('the README rule table matches the rule files', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toBe(withRuleTable(readme, ruleTable(files)));
    expect(readme).toContain('[`your-problem`](docs/rules/your-problem.md)');
  });
});
