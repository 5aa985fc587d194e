import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, type Problem } from '../errors.js';
import type { Language } from '../language/language.js';
import type { Rule } from '../rules/rule.js';
import { loadLanguage } from '../language/load-language.js';
import { loadRuleFile } from '../rules/load-rule.js';

/** The rules/ folder shipped with replylint. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

const yamlFiles = (dir: string) => {
  try {
    return readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort().map((f) => join(dir, f));
  } catch (e) {
    throw new UserError([{ file: dir, message: `cannot read rule directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }]);
  }
};

/**
 * Reads and validates every language file and rule file of the given rule directories
 * (built-in first). Every problem of every file is collected before the run stops.
 */
export function loadRuleDirs(dirs: readonly string[]): { rules: Rule[]; languages: Map<string, Language> } {
  const problems: Problem[] = [];
  const languages = new Map<string, Language>();
  for (const dir of dirs) {
    let files: string[] = [];
    try { files = readdirSync(join(dir, 'languages')).filter((f) => /\.ya?ml$/i.test(f)).sort().map((f) => join(dir, 'languages', f)); } catch { /* a rule directory need not add languages */ }
    for (const path of files) {
      const r = loadLanguage(path, readFileSync(path, 'utf8'));
      problems.push(...r.problems);
      if (r.language) languages.set(r.language.lang, r.language);
    }
  }
  const rules = new Map<string, Rule>();
  for (const dir of dirs) {
    for (const path of yamlFiles(dir)) {
      const r = loadRuleFile(path, readFileSync(path, 'utf8'), languages);
      problems.push(...r.problems);
      if (r.rule) rules.set(r.rule.meta.id, r.rule);
    }
  }
  if (problems.length) throw new UserError(problems);
  return { rules: [...rules.values()], languages };
}
