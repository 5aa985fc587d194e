import type { Language } from './language.js';
import type { Problem } from '../errors.js';
import { YamlSource } from '../yaml-source.js';
import { object, str, list, regex, record, positiveInt, type ShapeContext } from '../shape.js';
import { compileLowered, compileUserRegex } from '../rules/regex.js';

export interface LanguageFile {
  lang: string; name: string; detect: string[]; markers?: string; negators: string[]; negationWindow?: number;
  abbreviations?: string[]; vocabulary?: Record<string, string[]>; quoteAttribution?: string;
}

const shape = object({
  lang: { check: str, required: true }, name: { check: str, required: true }, detect: { check: list(str), required: true },
  markers: regex, negators: { check: list(str), required: true }, negationWindow: positiveInt,
  abbreviations: list(str), vocabulary: record(list(regex)), quoteAttribution: regex,
});

/** Checks one `rules/languages/<lang>.yaml` against its schema. */
export function validateLanguage(path: string, text: string): { data?: LanguageFile; problems: Problem[] } {
  const src = new YamlSource(path, text);
  if (src.syntaxProblems.length) return { problems: src.syntaxProblems };
  const ctx: ShapeContext = { src, problems: [] };
  shape(src.value, [], ctx);
  return ctx.problems.length ? { problems: ctx.problems } : { data: src.value as LanguageFile, problems: [] };
}

/** Validates and compiles one `rules/languages/<lang>.yaml`. */
export function loadLanguage(path: string, text: string): { language?: Language; problems: Problem[] } {
  const { data, problems } = validateLanguage(path, text);
  return data ? { language: compileLanguage(data, path), problems } : { problems };
}

/** A validated language file → Language. Vocabulary regexes are compiled on first use, for lower-cased text. */
export function compileLanguage(f: LanguageFile, path: string): Language {
  const union = (list: string[]) => compileLowered(list.length ? list.map((s) => `(?:${s})`).join('|') : '(?!)');
  return {
    lang: f.lang, name: f.name, source: path,
    detect: new Set(f.detect.map((w) => String(w).toLowerCase())),
    markers: f.markers ? compileLowered(f.markers, 'gu') : undefined,
    negators: f.negators.map((n) => String(n).toLowerCase().replace(/’/g, "'")),
    negationWindow: f.negationWindow ?? 4,
    abbreviations: (f.abbreviations ?? []).map((a) => String(a).toLowerCase()),
    vocabulary: new LazyRegexMap(Object.entries(f.vocabulary ?? {}), union),
    quoteAttribution: f.quoteAttribution ? (compileUserRegex(f.quoteAttribution, 'iu') as RegExp) : undefined,
  };
}

/** Named sources, each made into a regex the first time it is asked for. */
export class LazyRegexMap<S> extends Map<string, RegExp> {
  private readonly sources: Map<string, S>;
  constructor(entries: Iterable<[string, S]>, private readonly compile: (source: S, name: string) => RegExp) {
    super();
    this.sources = new Map(entries);
  }
  override get(name: string): RegExp | undefined {
    if (!super.has(name) && this.sources.has(name)) super.set(name, this.compile(this.sources.get(name)!, name));
    return super.get(name);
  }
  override has(name: string): boolean { return this.sources.has(name); }
  override keys(): MapIterator<string> { return this.sources.keys(); }
}
