#!/usr/bin/env node
// Writes docs/rules/<id>.md and the README's rule table from the built-in rule files.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ruleDoc, ruleTable, withRuleTable } from '../dist/rules/rule-docs.js';

const root = new URL('..', import.meta.url).pathname;
const files = readdirSync(join(root, 'rules')).filter((f) => f.endsWith('.yaml')).sort()
  .map((f) => parse(readFileSync(join(root, 'rules', f), 'utf8')));
mkdirSync(join(root, 'docs/rules'), { recursive: true });
for (const f of files) writeFileSync(join(root, 'docs/rules', `${f.id}.md`), ruleDoc(f));
const readme = join(root, 'README.md');
writeFileSync(readme, withRuleTable(readFileSync(readme, 'utf8'), ruleTable(files)));
console.log(`wrote ${files.length} rule docs and the README rule table`);
