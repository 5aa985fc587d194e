import type { Language } from './language.js';
import type { Problem } from '../errors.js';
import { YamlSource } from '../yaml-source.js';
import { object, str, list, regex, record, positiveInt, type ShapeContext } from '../shape.js';
import { compileUserRegex } from '../rules/regex.js';

interface LanguageFile {
  lang: string; name: string; detect: string[]; markers?: string; negators: string[]; negationWindow?: number;
  abbreviations?: string[]; vocabulary?: Record<string, string[]>; quoteAttribution?: string;
}

const shape = object({
  lang: { check: str, required: true }, name: { check: str, required: true }, detect: { check: list(str), required: true },
  markers: regex, negators: { check: list(str), required: true }, negationWindow: positiveInt,
  abbreviations: list(str), vocabulary: record(list(regex)), quoteAttribution: regex,
});

/** Validates and compiles one `rules/languages/<lang>.yaml`. */
export function loadLanguage(path: string, text: string): { language?: Language; problems: Problem[] } {
  const src = new YamlSource(path, text);
  if (src.syntaxProblems.length) return { problems: src.syntaxProblems };
  const ctx: ShapeContext = { src, problems: [] };
  shape(src.value, [], ctx);
  if (ctx.problems.length) return { problems: ctx.problems };
  const f = src.value as LanguageFile;
  const union = (list: string[]) => compileUserRegex(list.length ? list.map((s) => `(?:${s})`).join('|') : '(?!)') as RegExp;
  return {
    problems: [],
    language: {
      lang: f.lang, name: f.name, source: path,
      detect: new Set(f.detect.map((w) => String(w).toLowerCase())),
      markers: f.markers ? (compileUserRegex(f.markers, 'giu') as RegExp) : undefined,
      negators: f.negators.map((n) => String(n).toLowerCase().replace(/’/g, "'")),
      negationWindow: f.negationWindow ?? 4,
      abbreviations: (f.abbreviations ?? []).map((a) => String(a).toLowerCase()),
      vocabulary: new Map(Object.entries(f.vocabulary ?? {}).map(([k, v]) => [k, union(v)])),
      quoteAttribution: f.quoteAttribution ? (compileUserRegex(f.quoteAttribution, 'iu') as RegExp) : undefined,
    },
  };
}
