import type { Rule, RuleContext, Report, Suggestion } from './rule.js';
import type { Message, PhraseEntry, RuleFile } from './rule-file.js';
import { PhraseMatcher, preparePhrases, type PhraseMatch, type PreparedPhrases } from './phrase-matcher.js';
import { Directories } from './directories.js';
import { hasEvidence, isNegated } from './conditions.js';
import { keepCase } from './casing.js';
import { compileLowered } from './regex.js';
import { countWords, type Span } from '../language/sentences.js';

/** What the build works out once for a built-in rule file, so that runs need not (see load-rules.ts). */
export interface PreparedRule { phrases: Record<string, PreparedPhrases>; fixable: boolean }

/** How a rule is compiled: with what the build prepared, and the directories shared by its rule set (see directories.ts). */
export interface CompileOptions { prepared?: PreparedRule; directories?: Directories }

export const prepareRule = (file: RuleFile): PreparedRule =>
  ({ phrases: Object.fromEntries(Object.entries(file.phrases ?? {}).map(([lang, entries]) => [lang, preparePhrases(entries)])), fixable: isFixable(file) });

const isFixable = (file: RuleFile) =>
  Boolean(file.fixable) || Boolean(file.require?.append) || Object.values(file.phrases ?? {}).some((l) => l.some((p) => p.fix === true));

/** Turns a validated rule file into a Rule: the same object a plugin exports. */
export function compileRule(file: RuleFile, source: string, options: CompileOptions = {}): Rule {
  const severity = file.severity === 'warn' ? 'warning' : file.severity;
  const languages = file.phrases ? Object.keys(file.phrases) : ['any'];
  const fixable = options.prepared?.fixable ?? isFixable(file);
  const meta = { id: file.id, severity, description: file.description, languages, fixable, source, options: { ...(file.options ?? {}) } } as const;
  const check = file.phrases ? phraseCheck(file, options.prepared, options.directories) : file.metric ? metricCheck(file) : file.require ? requireCheck(file) : () => {};
  const entityCheck = file.entities ? entitiesCheck(file) : undefined;
  return {
    meta: { ...meta, languages: [...meta.languages], options: { ...meta.options } },
    check: (ctx) => { check(ctx); entityCheck?.(ctx); },
  };
}

/** The message in the draft's language, else English, else any one given. */
const messageIn = (m: Message, lang: string | null): string =>
  typeof m === 'string' ? m : m[lang ?? ''] ?? m.any ?? m.en ?? Object.values(m)[0];

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));

function phraseCheck(file: RuleFile, prepared: PreparedRule | undefined, directories: Directories | undefined): (ctx: RuleContext) => void {
  // A language's matcher is made when a draft in it first comes, with every other rule's (see
  // Directories.need); its regexes are compiled only when a draft needs them.
  const matchers = new Map<string, PhraseMatcher>();
  const shared = directories ?? new Directories();
  for (const lang of Object.keys(file.phrases!)) {
    shared.whenNeeded(lang, () => matchers.set(lang, new PhraseMatcher(file.phrases![lang], prepared?.phrases[lang], shared)));
  }
  const matcherFor = (lang: string) => { shared.need(lang); return matchers.get(lang); };
  // A phrase's `unless` regexes are compiled the first time that phrase matches.
  const exceptions = new Map<PhraseEntry, RegExp[]>();
  const exceptionsOf = (e: PhraseEntry) => {
    if (!e.unless?.length) return undefined;
    let list = exceptions.get(e);
    if (!list) exceptions.set(e, (list = e.unless.map((src) => compileLowered(src))));
    return list;
  };
  return (ctx) => {
    const seen = new Memo();
    for (const key of ctx.lang ? [ctx.lang, 'any'] : ['any']) {
      const matcher = matcherFor(key);
      if (!matcher) continue;
      for (const m of matcher.find(ctx.doc.prose, ctx.lowerProse())) {
        if (crossesNonProse(ctx, m) || cancelled(file, ctx, m, exceptionsOf(m.entry), seen)) continue;
        ctx.report(phraseReport(file, ctx, m));
      }
    }
  };
}

/**
 * A phrase must not join words across something blanked out (code, a URL, a template). Emphasis
 * markers are only formatting: "as I **already explained**" is still the phrase.
 */
function crossesNonProse(ctx: RuleContext, m: PhraseMatch): boolean {
  const { prose, text } = ctx.doc;
  for (let i = m.start; i < m.end; i++) if (prose.charCodeAt(i) === 32 && !/[\s*_~]/.test(text[i])) return true;
  return false;
}

/**
 * What a draft's sentences and paragraphs hold, asked once per span and question: a long
 * sentence with many matches was searched again for each one (a 160 KB sentence: 49 s).
 */
class Memo {
  private readonly answers = new Map<unknown, WeakMap<Span, boolean>>();
  ask(question: unknown, span: Span, answer: () => boolean): boolean {
    let bySpan = this.answers.get(question);
    if (!bySpan) this.answers.set(question, (bySpan = new WeakMap()));
    let a = bySpan.get(span);
    if (a === undefined) bySpan.set(span, (a = answer()));
    return a;
  }
}

function cancelled(file: RuleFile, ctx: RuleContext, m: PhraseMatch, exceptions: RegExp[] | undefined, memo: Memo): boolean {
  if ((m.entry.negation ?? file.negation) && isNegated(ctx, m.start)) return true;
  const sentence = ctx.sentenceAt(m.start);
  if (exceptions && sentence && memo.ask(exceptions, sentence, () => {
    const text = ctx.lowerProse().slice(sentence.start, sentence.end);
    return exceptions.some((re) => re.test(text));
  })) return true;
  const { sentence: inSentence, paragraph: inParagraph } = file.unless ?? {};
  if (inSentence && sentence && memo.ask(inSentence, sentence, () => hasEvidence(ctx, inSentence, sentence))) return true;
  const paragraph = inParagraph && ctx.paragraphAt(m.start);
  if (inParagraph && paragraph && memo.ask(inParagraph, paragraph, () => hasEvidence(ctx, inParagraph, paragraph))) return true;
  return false;
}

function phraseReport(file: RuleFile, ctx: RuleContext, m: PhraseMatch): Report {
  const matched = ctx.doc.text.slice(m.start, m.end);
  const rewrites = rewritesOf(m.entry, m.groups).map((r) => keepCase(matched, r));
  const message = fill(messageIn(m.entry.message ?? file.message, ctx.lang), { match: matched, suggest: rewrites[0] ?? '' });
  const range: [number, number] = [m.start, m.end];
  const fixable = m.entry.fix ?? file.fixable ?? false;
  const suggestions: Suggestion[] = rewrites.slice(fixable ? 1 : 0).map((text) => ({ desc: `Replace with "${text}"`, fix: { range, text } }));
  return {
    range, message,
    ...(fixable && rewrites.length ? { fix: { range, text: rewrites[0] } } : {}),
    ...(suggestions.length ? { suggestions } : {}),
  };
}

function rewritesOf(entry: PhraseEntry, groups: Array<string | undefined>): string[] {
  const list = entry.suggest === undefined ? [] : [entry.suggest].flat();
  return list.map((s) => s.replace(/\$(\d)/g, (_, n: string) => groups[Number(n) - 1] ?? '').replace(/\s{2,}/g, ' ').trim());
}

const ENDS_SENTENCE = /[.!?…]["')\]»”’]*$/;

function metricCheck(file: RuleFile): (ctx: RuleContext) => void {
  const { unit, limits } = file.metric!;
  return (ctx) => {
    const spans: readonly Span[] = unit === 'sentence' ? ctx.sentences() : ctx.paragraphs();
    const sentences = ctx.sentences();
    let next = 0; // sentences and paragraphs are both in document order: one pass counts them
    for (const span of spans) {
      const text = ctx.doc.prose.slice(span.start, span.end);
      let inside = 1;
      if (unit === 'paragraph') {
        // Only what ends like a sentence counts: the lines of a signature or an address do not.
        while (next < sentences.length && sentences[next].start < span.start) next++;
        inside = 0;
        for (let k = next; k < sentences.length && sentences[k].end <= span.end; k++) {
          if (ENDS_SENTENCE.test(ctx.doc.prose.slice(Math.max(sentences[k].start, sentences[k].end - 4), sentences[k].end))) inside++;
        }
      }
      const counts: Record<string, number> = { words: countWords(text), sentences: inside };
      const over = limits.find((l) => typeof ctx.options[l] === 'number' && counts[l] > (ctx.options[l] as number));
      if (over) ctx.report({ range: [span.start, span.end], message: fill(messageIn(file.message, ctx.lang), { count: counts[over], max: ctx.options[over] as number, unit: over }) });
    }
  };
}

function requireCheck(file: RuleFile): (ctx: RuleContext) => void {
  const { entity: kind, append } = file.require!;
  return (ctx) => {
    if (ctx.doc.prose.trim() === '' || ctx.doc.entities.some((e) => e.kind === kind)) return;
    const option = append ? ctx.options[append.option] : undefined;
    const value = typeof option === 'string' ? option : '';
    const sentence = append && value ? append.text[ctx.lang ?? ''] ?? append.text.any : undefined;
    if (!sentence) return ctx.report({ range: [0, 0], message: messageIn(file.message, ctx.lang) });
    const at = endOfBody(ctx);
    const eol = ctx.doc.text.includes('\r\n') ? '\r\n' : '\n';
    const fix = { range: [at, at] as [number, number], text: `${eol}${eol}${fill(sentence, { value })}` };
    ctx.report({ range: [0, 0], message: messageIn(file.message, ctx.lang), fix });
  };
}

/** Where an added sentence belongs: after the last paragraph that ends a sentence, before the sign-off. */
function endOfBody(ctx: RuleContext): number {
  const blocks = ctx.paragraphs();
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (/[.!?…]["'”»)]*$/.test(ctx.doc.prose.slice(blocks[i].start, blocks[i].end).trimEnd())) return blocks[i].end;
  }
  return blocks.length ? blocks[blocks.length - 1].end : ctx.doc.text.replace(/\s+$/, '').length;
}

function entitiesCheck(file: RuleFile): (ctx: RuleContext) => void {
  return (ctx) => {
    for (const spec of file.entities!) {
      if (spec.when && ctx.options[spec.when] !== true) continue;
      for (const e of ctx.doc.entities) {
        if (e.kind !== spec.kind) continue;
        const matched = ctx.doc.text.slice(e.start, e.end);
        ctx.report({ range: [e.start, e.end], message: fill(messageIn(spec.message ?? file.message, ctx.lang), { match: matched, suggest: '' }) });
      }
    }
  };
}
