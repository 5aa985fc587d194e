import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, type Problem } from '../errors.js';
import type { Language } from '../language/language.js';
import type { Rule } from '../rules/rule.js';
import type { PhraseEntry, RuleFile } from '../rules/rule-file.js';
import type { PreparedPhrases } from '../rules/phrase-matcher.js';
import { compileLanguage, validateLanguage, type LanguageFile } from '../language/load-language.js';
import { validateRuleFile } from '../rules/load-rule.js';
import { compileRule, prepareRule, type PreparedRule } from '../rules/compile-rule.js';
import { Directories } from '../rules/directories.js';
import { crypto } from './lazy-module.js';

/** The rules/ folder shipped with replylint. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
/** The built-in rule files, validated at build time (see `writeBuiltinSnapshot`). */
const SNAPSHOT = fileURLToPath(new URL('../builtin-rules.json', import.meta.url));

interface SourceFile { path: string; text: string }
interface DirFiles { languages: SourceFile[]; rules: SourceFile[] }
/** Name, size and modification time of each file the snapshot was built from. */
type FileStats = Array<[string, number, number]>;
/**
 * A built-in rule in the snapshot: its phrases and what the build worked out of them, one JSON
 * text per language, read when a draft in that language first needs them (a one-draft run read
 * the three languages' 1.1 MB of objects to use one).
 */
interface SnapshotRule { path: string; data: RuleFile; fixable: boolean; phrases?: Record<string, string> }
interface PhrasesOfLanguage { entries: PhraseEntry[]; prepared: PreparedPhrases }
interface Snapshot { key: string; stats: FileStats; languages: Array<{ path: string; data: LanguageFile }>; rules: SnapshotRule[] }

function toSnapshot(path: string, file: RuleFile): SnapshotRule {
  const prepared = prepareRule(file);
  // Examples are for the tests and the docs: a run never reads them.
  const data = { ...file, examples: undefined, phrases: undefined };
  const phrases = file.phrases && Object.fromEntries(Object.entries(file.phrases).map(([lang, entries]) => [lang, JSON.stringify({ entries, prepared: prepared.phrases[lang] } satisfies PhrasesOfLanguage)]));
  return { path, data, fixable: prepared.fixable, phrases };
}

function fromSnapshot(r: SnapshotRule): { file: RuleFile; prepared: PreparedRule } {
  const read = new Map<string, PhrasesOfLanguage>();
  const of = (lang: string) => read.get(lang) ?? read.set(lang, JSON.parse(r.phrases![lang]) as PhrasesOfLanguage).get(lang)!;
  const byLanguage = <T>(pick: (p: PhrasesOfLanguage) => T): Record<string, T> =>
    Object.defineProperties({}, Object.fromEntries(Object.keys(r.phrases ?? {}).map((lang) => [lang, { enumerable: true, get: () => pick(of(lang)) }])));
  return { file: { ...r.data, phrases: r.phrases && byLanguage((p) => p.entries) }, prepared: { phrases: byLanguage((p) => p.prepared), fixable: r.fixable } };
}

const yamlPaths = (dir: string, optional: boolean): string[] => {
  try {
    return readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort().map((f) => join(dir, f));
  } catch (e) {
    if (optional) return [];
    throw new UserError([{ file: dir, message: `cannot read rule directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }]);
  }
};
const yamlIn = (dir: string, optional: boolean): SourceFile[] => yamlPaths(dir, optional).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

const readDir = (dir: string): DirFiles => ({ languages: yamlIn(join(dir, 'languages'), true), rules: yamlIn(dir, false) });

const statsOf = (dir: string): FileStats =>
  [...yamlPaths(join(dir, 'languages'), true), ...yamlPaths(dir, false)].map((p) => { const s = statSync(p); return [relative(dir, p), s.size, s.mtimeMs]; });
const sameStats = (a: FileStats, b: FileStats) => a.length === b.length && a.every((f, i) => f.every((v, k) => v === b[i][k]));

/** Identifies a directory's exact content: any edit to any rule or language file changes it. */
function contentKey(dir: string, files: DirFiles): string {
  const h = crypto().createHash('sha1');
  for (const f of [...files.languages, ...files.rules]) h.update(relative(dir, f.path)).update('\0').update(f.text).update('\0');
  return h.digest('hex');
}

function readSnapshot(): Snapshot | undefined {
  try {
    return JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Snapshot;
  } catch {
    return undefined;
  }
}

/**
 * The built-in directory's snapshot when it holds what the files hold: known at once when every
 * file has the size and modification time it had at the build (reading and hashing the 850 KB of
 * YAML cost a one-draft run 10 ms), else by their content. `files` is read only when needed.
 */
function builtinSnapshot(dir: string): { snap?: Snapshot; files?: DirFiles; key: string } {
  const snap = readSnapshot();
  if (snap?.stats && sameStats(snap.stats, statsOf(dir))) return { snap, key: snap.key };
  const files = readDir(dir);
  const key = contentKey(dir, files);
  return { snap: snap?.key === key ? snap : undefined, files, key };
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
    if (dir === BUILTIN_RULES_DIR) return { dir, ...builtinSnapshot(dir) };
    const files = readDir(dir);
    return { dir, files, snap: undefined, key: contentKey(dir, files) };
  });
  for (const { dir, files, snap } of read) {
    if (snap) {
      for (const l of snap.languages) languages.set(l.data.lang, compileLanguage(l.data, join(dir, l.path)));
      continue;
    }
    for (const f of files!.languages) { // read whenever there is no snapshot
      const r = validateLanguage(f.path, f.text);
      problems.push(...r.problems);
      if (r.data) languages.set(r.data.lang, compileLanguage(r.data, f.path));
    }
  }
  const rules = new Map<string, Rule>();
  const directories = new Directories(); // the rules of a run read a draft once, together
  for (const { dir, files, snap } of read) {
    const valid = snap
      ? snap.rules.map((r) => ({ ...fromSnapshot(r), path: join(dir, r.path) }))
      : files!.rules.map((f) => { const r = validateRuleFile(f.path, f.text, languages); problems.push(...r.problems); return { file: r.file, path: f.path, prepared: undefined }; });
    for (const { file, path, prepared } of valid) if (file) rules.set(file.id, compileRule(file, path, { prepared, directories }));
  }
  if (problems.length) throw new UserError(problems);
  return { rules: [...rules.values()], languages, key: read.map((r) => r.key).join(':') };
}

/** Build step: validates the built-in rules and stores them with the key of their content. */
export function writeBuiltinSnapshot(): number {
  // Stats taken before the files are read: a file edited in between then has a newer mtime than
  // the one recorded, and runs check its content instead of trusting the snapshot.
  const stats = statsOf(BUILTIN_RULES_DIR);
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
    if (r.file) rules.push(toSnapshot(relative(BUILTIN_RULES_DIR, f.path), r.file));
  }
  if (problems.length) throw new UserError(problems);
  // Written aside and renamed: a run starting meanwhile reads the old snapshot or the new one, never half of one.
  const tmp = `${SNAPSHOT}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ key: contentKey(BUILTIN_RULES_DIR, files), stats, languages: langs, rules } satisfies Snapshot));
  renameSync(tmp, SNAPSHOT);
  return rules.length;
}
