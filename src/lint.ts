import type { Fix, Rule, RuleContext, RuleMeta, Report, Suggestion } from './rules/rule.js';
import type { Language } from './language/language.js';
import type { Document } from './parse/document.js';
import { parse } from './parse/parse.js';
import { LineIndex } from './parse/lines.js';
import { detectLanguage } from './language/detect.js';
import { splitSentences, countWords, type Span } from './language/sentences.js';
import { Directives } from './directives.js';
import { lowerSameLength } from './rules/regex.js';
import { emptyConfig, type EffectiveConfig } from './config/effective-config.js';
import { applyFrontMatterConfig } from './config/front-matter-config.js';

/** The core: text in, result out. No file system, no process: it runs anywhere JavaScript does. */

export type Severity = 0 | 1 | 2;
/** A rule's settings for one file: severity (default: the rule's own) and options over its defaults. */
export interface RuleSetting { severity?: Severity; options?: Record<string, unknown> }

export interface LintOptions {
  /** Names the draft (and picks its parser by extension). */
  filePath?: string;
  /** The language to use when the draft's front matter names none (`--lang`); beats `config.lang`. */
  lang?: string;
  /** The file's effective configuration (see config/); a draft's front matter can refine it. */
  config?: Partial<EffectiveConfig>;
  /** Per-rule severity and options, over `config.rules`; a rule not named runs at its default severity. */
  rules?: Record<string, RuleSetting>;
  /** Report inline directives that suppressed nothing. */
  reportUnusedDisableDirectives?: boolean;
}

/** ESLint's message shape, so tools built for ESLint's JSON read ours. */
export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
  suggestions?: Suggestion[];
  fatal?: boolean;
  /** Set when the text is one item of a helpdesk export (see exports/): which item and field, and where in the field. */
  item?: LintItem;
}

/** An export item a message is about; `line`/`column` are inside the decoded field (the message's own are in the file). */
export interface LintItem {
  /** The preset the export was read with: `zendesk`, `freshdesk`… or a team's own. */
  source: string;
  /** What an item is called there: macro, canned response… */
  kind?: string;
  id: string | null;
  title: string | null;
  field: string;
  /** RFC 6901 JSON pointer to the field's string in the file. */
  pointer: string;
  line: number;
  column: number;
}

export interface LintResult {
  filePath: string;
  lang: string | null;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  fatalErrorCount: number;
  /** The fixed text, present after a fix run changed something (as ESLint's `output`). */
  output?: string;
}

export class Linter {
  readonly rules: ReadonlyMap<string, Rule>;
  private readonly attributions: RegExp[];

  private readonly metas: ReadonlyMap<string, RuleMeta>;

  constructor(rules: readonly Rule[], readonly languages: ReadonlyMap<string, Language>) {
    this.rules = new Map(rules.map((r) => [r.meta.id, r]));
    this.metas = new Map(rules.map((r) => [r.meta.id, r.meta]));
    this.attributions = [...languages.values()].flatMap((l) => (l.quoteAttribution ? [l.quoteAttribution] : []));
  }

  /** Lints one draft. Throws UserError when its front matter `replylint:` block is invalid. */
  lintText(text: string, options: LintOptions = {}): LintResult {
    const filePath = options.filePath ?? '<text>';
    const config: EffectiveConfig = { ...emptyConfig(), ...options.config, rules: { ...options.config?.rules, ...options.rules } };
    const parseWith = (quotes: EffectiveConfig['quotes']) => parse(text, options.filePath, { quotes, quoteAttributions: this.attributions, contactVariables: config.contactVariables });
    let doc = parseWith(config.quotes);
    if (doc.frontMatterYaml && /^replylint\s*:/m.test(doc.frontMatterYaml)) {
      const before = config.quotes;
      applyFrontMatterConfig(config, doc.frontMatterYaml, filePath, this.metas);
      if (config.quotes !== before) doc = parseWith(config.quotes);
    }
    // A signature the helpdesk appends gives the team's address (config `signatureEmail`).
    if (config.signatureEmail) doc.entities.push({ kind: 'email', start: text.length, end: text.length, value: config.signatureEmail });
    const lang = this.languageOf(doc, options.lang ?? config.lang);
    const lines = new LineIndex(text);
    const warning = (message: string): LintMessage => ({ ruleId: null, severity: 1, message, line: 1, column: 1, endLine: 1, endColumn: 1 });
    const messages: LintMessage[] = doc.warnings.map(warning);
    if (lang === null && countWords(doc.prose) >= 8) messages.push(warning(`Language not recognised (known: ${[...this.languages.keys()].join(', ')}): only language-neutral rules ran`));
    const directives = new Directives(doc, lines, [...this.rules.keys()]);
    const shared = analysis(doc, this.languages.get(lang ?? ''));
    for (const rule of this.rules.values()) {
      const setting = config.rules[rule.meta.id];
      const severity = setting?.severity ?? (rule.meta.severity === 'error' ? 2 : 1);
      if (severity === 0) continue;
      if (!rule.meta.languages.includes('any') && !(lang && rule.meta.languages.includes(lang))) continue;
      const reports: Report[] = [];
      const ctx: RuleContext = {
        ...shared, doc, lang, language: this.languages.get(lang ?? ''),
        // `config.contactEmail` (API callers set it directly) fills the option of rules that take it.
        options: { ...rule.meta.options, ...(config.contactEmail !== undefined && 'contactEmail' in rule.meta.options ? { contactEmail: config.contactEmail } : {}), ...(setting?.options ?? {}) },
        report: (r) => reports.push(r),
      };
      try {
        rule.check(ctx);
      } catch (e) {
        messages.push({ ruleId: rule.meta.id, severity: 2, fatal: true, message: `Rule '${rule.meta.id}' failed on this file: ${(e as Error).message}`, line: 1, column: 1, endLine: 1, endColumn: 1 });
        continue;
      }
      for (const r of reports) {
        const m = toMessage(rule.meta.id, severity, r, lines);
        if (!directives.suppresses(rule.meta.id, r.range[0], m.line)) messages.push(m);
      }
    }
    const directiveProblems = [...directives.problems, ...(options.reportUnusedDisableDirectives ? directives.unused() : [])];
    for (const p of directiveProblems) messages.push(toMessage(null, 2, p, lines));
    messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
    return summarize(filePath, lang, messages);
  }

  /** Front matter `lang`, then the given language (--lang, then config), then detection. */
  private languageOf(doc: Document, given: string | undefined): string | null {
    const declared = doc.frontMatter?.lang;
    if (typeof declared === 'string' && this.languages.has(declared)) return declared;
    if (given && this.languages.has(given)) return given;
    return detectLanguage(doc.prose, this.languages.values());
  }
}

/** Sentences and paragraphs of a draft, computed once and shared by every rule. */
function analysis(doc: Document, language: Language | undefined): Pick<RuleContext, 'lowerProse' | 'sentences' | 'paragraphs' | 'sentenceAt' | 'paragraphAt'> {
  let sentences: Span[] | undefined, lowered: string | undefined;
  const all = () => (sentences ??= doc.blocks.flatMap((b) => splitSentences(doc.prose, b, language?.abbreviations ?? [])));
  const find = (spans: readonly Span[], offset: number) => {
    let lo = 0, hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].end <= offset) lo = mid + 1;
      else if (spans[mid].start > offset) hi = mid - 1;
      else return spans[mid];
    }
    return undefined;
  };
  return {
    lowerProse: () => (lowered ??= lowerSameLength(doc.prose)),
    sentences: all,
    paragraphs: () => doc.blocks,
    sentenceAt: (offset) => find(all(), offset) ?? find(doc.blocks, offset),
    paragraphAt: (offset) => find(doc.blocks, offset),
  };
}

function toMessage(ruleId: string | null, severity: 1 | 2, r: Pick<Report, 'range' | 'message' | 'fix' | 'suggestions'>, lines: LineIndex): LintMessage {
  const start = lines.position(r.range[0]), end = lines.position(r.range[1]);
  return {
    ruleId, severity, message: r.message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
    ...(r.fix ? { fix: r.fix } : {}),
    ...(r.suggestions?.length ? { suggestions: r.suggestions } : {}),
  };
}

export function summarize(filePath: string, lang: string | null, messages: LintMessage[]): LintResult {
  const count = (sev: 1 | 2, fixable = false) => messages.filter((m) => m.severity === sev && (!fixable || m.fix)).length;
  return {
    filePath, lang, messages,
    errorCount: count(2), warningCount: count(1), fixableErrorCount: count(2, true), fixableWarningCount: count(1, true),
    fatalErrorCount: messages.filter((m) => m.fatal).length,
  };
}
