import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, type Problem } from '../errors.js';
import type { Language } from '../language/language.js';
import type { Rule } from '../rules/rule.js';
import type { RuleFile } from '../rules/rule-file.js';
import { compileLanguage, validateLanguage, type LanguageFile } from '../language/load-language.js';
import { validateRuleFile } from '../rules/load-rule.js';
import { compileRule, prepareRule, type PreparedRule } from '../rules/compile-rule.js';
import { LiteralDirectories } from '../rules/literal-index.js';

/** The rules/ folder shipped with replylint. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
/** The built-in rule files, validated at build time (see `writeBuiltinSnapshot`). */
const SNAPSHOT = fileURLToPath(new URL('../builtin-rules.json', import.meta.url));

interface SourceFile { path: string; text: string }
interface DirFiles { languages: SourceFile[]; rules: SourceFile[] }
interface Snapshot { key: string; languages: Array<{ path: string; data: LanguageFile }>; rules: Array<{ path: string; data: RuleFile; prepared: PreparedRule }> }

const yamlIn = (dir: string, optional: boolean): SourceFile[] => {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort();
  } catch (e) {
    if (optional) return [];
    throw new UserError([{ file: dir, message: `cannot read rule directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }]);
  }
  return names.map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
};

const readDir = (dir: string): DirFiles => ({ languages: yamlIn(join(dir, 'languages'), true), rules: yamlIn(dir, false) });

/** Identifies a directory's exact content: any edit to any rule or language file changes it. */
function contentKey(dir: string, files: DirFiles): string {
  const h = createHash('sha1');
  for (const f of [...files.languages, ...files.rules]) h.update(relative(dir, f.path)).update('\0').update(f.text).update('\0');
  return h.digest('hex');
}

function readSnapshot(key: string): Snapshot | undefined {
  try {
    const snap = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Snapshot;
    return snap.key === key ? snap : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads, validates and compiles every language file and rule file of the given rule
 * directories (built-in first). Every problem of every file is collected before the run
 * stops. The built-in directory, when unchanged since the build, comes from its validated
 * snapshot (with what `prepareRule` works out): parsing and checking sixteen YAML files is most
 * of a one-draft run otherwise.
 */
export function loadRuleDirs(dirs: readonly string[]): { rules: Rule[]; languages: Map<string, Language>; key: string } {
  const problems: Problem[] = [];
  const languages = new Map<string, Language>();
  const read = dirs.map((dir) => {
    const files = readDir(dir);
    const key = contentKey(dir, files);
    const snap = dir === BUILTIN_RULES_DIR ? readSnapshot(key) : undefined;
    return { dir, files, snap, key };
  });
  for (const { dir, files, snap } of read) {
    if (snap) {
      for (const l of snap.languages) languages.set(l.data.lang, compileLanguage(l.data, join(dir, l.path)));
      continue;
    }
    for (const f of files.languages) {
      const r = validateLanguage(f.path, f.text);
      problems.push(...r.problems);
      if (r.data) languages.set(r.data.lang, compileLanguage(r.data, f.path));
    }
  }
  const rules = new Map<string, Rule>();
  const directories = new LiteralDirectories(); // the rules of a run look up a draft's literals once, together
  for (const { dir, files, snap } of read) {
    const valid = snap
      ? snap.rules.map((r) => ({ file: r.data as RuleFile | undefined, path: join(dir, r.path), prepared: r.prepared as PreparedRule | undefined }))
      : files.rules.map((f) => { const r = validateRuleFile(f.path, f.text, languages); problems.push(...r.problems); return { file: r.file, path: f.path, prepared: undefined }; });
    for (const { file, path, prepared } of valid) if (file) rules.set(file.id, compileRule(file, path, { prepared, directories }));
  }
  if (problems.length) throw new UserError(problems);
  return { rules: [...rules.values()], languages, key: read.map((r) => r.key).join(':') };
}

/** Build step: validates the built-in rules and stores them with the key of their content. */
export function writeBuiltinSnapshot(): number {
  const files = readDir(BUILTIN_RULES_DIR);
  const problems: Problem[] = [];
  const langs: Snapshot['languages'] = [];
  const languages = new Map<string, Language>();
  for (const f of files.languages) {
    const r = validateLanguage(f.path, f.text);
    problems.push(...r.problems);
    if (r.data) { langs.push({ path: relative(BUILTIN_RULES_DIR, f.path), data: r.data }); languages.set(r.data.lang, compileLanguage(r.data, f.path)); }
  }
  const rules: Snapshot['rules'] = [];
  for (const f of files.rules) {
    const r = validateRuleFile(f.path, f.text, languages);
    problems.push(...r.problems);
    // Examples are for the tests and the docs: a run never reads them.
    if (r.file) rules.push({ path: relative(BUILTIN_RULES_DIR, f.path), data: { ...r.file, examples: undefined }, prepared: prepareRule(r.file) });
  }
  if (problems.length) throw new UserError(problems);
  // Written aside and renamed: a run starting meanwhile reads the old snapshot or the new one, never half of one.
  const tmp = `${SNAPSHOT}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ key: contentKey(BUILTIN_RULES_DIR, files), languages: langs, rules } satisfies Snapshot));
  renameSync(tmp, SNAPSHOT);
  return rules.length;
}
