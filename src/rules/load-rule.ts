import type { Problem } from '../errors.js';
import type { Language } from '../language/language.js';
import type { Rule } from './rule.js';
import { ruleFileShape, type RuleFile } from './rule-file.js';
import { compileRule } from './compile-rule.js';
import { DETECTORS } from './conditions.js';
import { YamlSource } from '../yaml-source.js';
import type { ShapeContext } from '../shape.js';

/** Validates one rule file against the schema and what the languages offer, then compiles it. */
export function loadRuleFile(path: string, text: string, languages: ReadonlyMap<string, Language>): { rule?: Rule; problems: Problem[] } {
  const { file, problems } = validateRuleFile(path, text, languages);
  return file ? { rule: compileRule(file, path), problems } : { problems };
}

/** Checks one rule file against the schema and against what the languages offer. */
export function validateRuleFile(path: string, text: string, languages: ReadonlyMap<string, Language>): { file?: RuleFile; problems: Problem[] } {
  const src = new YamlSource(path, text);
  if (src.syntaxProblems.length) return { problems: src.syntaxProblems };
  const ctx: ShapeContext = { src, problems: [] };
  ruleFileShape(src.value, [], ctx);
  if (ctx.problems.length) return { problems: ctx.problems };
  const file = src.value as RuleFile;
  const fail = (where: Array<string | number>, message: string) => ctx.problems.push(src.problem(where, message));

  const expectedId = path.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
  if (file.id !== expectedId) fail(['id'], `rule id '${file.id}' must match the file name '${expectedId}'`);
  const kinds = (['phrases', 'require', 'metric'] as const).filter((k) => file[k] !== undefined);
  if (kinds.length > 1) fail([kinds[1]], `a rule has one of phrases, require, metric; this one has ${kinds.join(' and ')}`);
  if (kinds.length === 0 && !file.entities) fail([], 'a rule needs one of phrases, require, metric or entities');
  const vocabularies = new Set([...languages.values()].flatMap((l) => [...l.vocabulary.keys()]));
  for (const scope of ['sentence', 'paragraph'] as const) {
    (file.unless?.[scope] ?? []).forEach((name, i) => {
      if (!DETECTORS[name] && !vocabularies.has(name)) {
        fail(['unless', scope, i], `unknown vocabulary or detector '${name}'; known: ${[...Object.keys(DETECTORS), ...vocabularies].join(', ')}`);
      }
    });
  }
  for (const limit of file.metric?.limits ?? []) {
    if (typeof file.options?.[limit] !== 'number') fail(['metric', 'limits'], `limit '${limit}' needs a number under options.${limit}`);
  }
  const option = file.require?.append?.option;
  if (option !== undefined && typeof file.options?.[option] !== 'string') fail(['require', 'append', 'option'], `'${option}' needs a string default under options`);
  for (const [i, e] of (file.entities ?? []).entries()) {
    if (e.when && typeof file.options?.[e.when] !== 'boolean') fail(['entities', i, 'when'], `'${e.when}' needs a true/false default under options`);
  }
  for (const lang of Object.keys(file.phrases ?? {})) {
    if (lang !== 'any' && !languages.has(lang)) fail(['phrases', lang], `no language file for '${lang}'; known: any, ${[...languages.keys()].join(', ')}`);
  }
  return ctx.problems.length ? { problems: ctx.problems } : { file, problems: [] };
}
