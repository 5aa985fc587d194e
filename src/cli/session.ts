import { join } from 'node:path';
import { UserError } from '../errors.js';
import { Linter } from '../lint.js';
import type { Rule, RuleMeta } from '../rules/rule.js';
import { ConfigResolver, effectiveConfig, extensionsOf } from '../config/config-resolver.js';
import { checkRuleSettings } from '../config/check-rule-settings.js';
import { loadPlugins } from '../config/load-plugins.js';
import type { EffectiveConfig } from '../config/effective-config.js';
import { BUILTIN_RULES_DIR, loadRuleDirs } from './load-rules.js';
import type { CliOptions } from './options.js';
import { VERSION } from './version.js';
import { useRemarkForMarkdown } from './parsers.js';
import { timeLimited, timeLimitedRegExp } from './time-limit.js';
import { readFileSync } from 'node:fs';
import type { Language } from '../language/language.js';
import { LazyRegexMap } from '../language/load-language.js';
import { formatProblem } from '../errors.js';
import { YamlSource, type Path } from '../yaml-source.js';

/** Everything a run needs once: configs found, rules loaded (built-in, rulePaths, plugins), checked. */
export interface Session {
  cwd: string;
  linter: Linter;
  rules: Rule[];
  resolver: ConfigResolver;
  configFor(file: string): EffectiveConfig;
  /** Identifies the rules of the run (content of every rule file, plugin names), for the cache. */
  rulesKey: string;
  version: string;
  /**
   * What went wrong, since the last call, with regular expressions of language files that do
   * not ship with replylint (over their time budget): one line each, to report on the draft just linted.
   */
  takeLanguageTimeouts?(): string[];
}

export async function openSession(opts: CliOptions, files: readonly string[], cwd = process.cwd()): Promise<Session> {
  const resolver = new ConfigResolver({ cwd, configFile: opts.config, lookup: opts.configLookup });
  for (const f of files.length ? files : [join(cwd, '<cwd>')]) resolver.layersFor(f);
  const layers = resolver.loadedLayers();
  const { rulePaths, plugins } = extensionsOf(layers);
  const { rules: fileRules, languages: loaded, key: filesKey } = loadRuleDirs([BUILTIN_RULES_DIR, ...opts.rulesdir.map((d) => join(cwd, d)), ...rulePaths]);
  // Language files that do not ship with replylint: their regexes are bounded in time, like rules.
  const timeouts = new Set<string>();
  const languages = new Map([...loaded].map(([lang, l]) => [lang, l.source.startsWith(BUILTIN_RULES_DIR) ? l : timeLimitedLanguage(l, (m) => timeouts.add(m))]));
  const pluginRules = await loadPlugins(plugins, opts.plugins);
  if (opts.markdownParser === 'remark') await useRemarkForMarkdown();
  // Rules that do not ship with replylint run with a time budget (see time-limit.ts).
  const rules = [...fileRules, ...pluginRules].map((r) => (r.meta.source.startsWith(BUILTIN_RULES_DIR) ? r : timeLimited(r)));
  const metas = new Map<string, RuleMeta>(rules.map((r) => [r.meta.id, r.meta]));
  const problems = layers.flatMap((l) => checkRuleSettings(l.src, l.prefix, l.data, metas));
  for (const l of layers) {
    const langs = [l.data.lang, ...(l.data.overrides ?? []).map((o) => o.lang)].filter((x): x is string => x !== undefined);
    for (const lang of langs) if (!languages.has(lang)) problems.push(l.src.problem([...l.prefix, 'lang'], `unknown language '${lang}'; known: ${[...languages.keys()].join(', ')}`));
  }
  if (problems.length) throw new UserError(problems);
  if (opts.lang && !languages.has(opts.lang)) throw new UserError([{ file: '', message: `unknown language '${opts.lang}' for --lang; known: ${[...languages.keys()].join(', ')}` }]);
  const ruleMetas = rules.map((r) => r.meta);
  return {
    cwd, rules, resolver, version: VERSION,
    rulesKey: [filesKey, ...plugins.map((p) => `${p.dir}:${p.spec}`)].join('|'),
    linter: new Linter(rules, languages),
    configFor: (file) => effectiveConfig(resolver.layersFor(file), file, ruleMetas),
    takeLanguageTimeouts: () => { const out = [...timeouts]; timeouts.clear(); return out; },
  };
}

/** The language with each of its regexes bounded in time (see timeLimitedRegExp); `report` gets `file:line:col: key: why`. */
function timeLimitedLanguage(l: Language, report: (message: string) => void): Language {
  let src: YamlSource | undefined;
  const where = (path: Path) => {
    try { src ??= new YamlSource(l.source, readFileSync(l.source, 'utf8')); } catch { return { file: l.source, message: '' }; }
    return src.problem(path, '');
  };
  const bound = (re: RegExp, path: Path) => timeLimitedRegExp(re, (why) => report(formatProblem({ ...where(path), message: `${path.join('.')}: regular expression ${why}` })));
  const vocabulary = l.vocabulary;
  return {
    ...l,
    markers: l.markers && bound(l.markers, ['markers']),
    quoteAttribution: l.quoteAttribution && bound(l.quoteAttribution, ['quoteAttribution']),
    // Each vocabulary regex bounded the first time it is asked for (they are compiled lazily).
    vocabulary: new LazyRegexMap([...vocabulary.keys()].map((name) => [name, name]), (name) => bound(vocabulary.get(name)!, ['vocabulary', name])),
  };
}
