import type { Document } from '../parse/document.js';
import type { Language } from '../language/language.js';
import type { Span } from '../language/sentences.js';

/** A replacement of the text at `range` ([start, end) UTF-16 offsets of the decoded text). */
export interface Fix { range: [number, number]; text: string }
export interface Suggestion { desc: string; fix: Fix }

export type SeverityName = 'error' | 'warning';

export interface RuleMeta {
  id: string;
  severity: SeverityName;
  description: string;
  /** Languages the rule has phrases for; `any` means it applies to every draft. */
  languages: string[];
  fixable: boolean;
  /** Where the rule came from (a rule file path, a plugin name). */
  source: string;
  /** Default option values. */
  options: Record<string, unknown>;
}

/** What a rule reports: a range of the text, a message, and the rewrites it offers. */
export interface Report {
  range: [number, number];
  message: string;
  /** A safe rewrite, applied by --fix. */
  fix?: Fix;
  /** Rewrites that need judgment: shown, never applied. */
  suggestions?: Suggestion[];
}

/** Everything a rule may read about one draft. Sentences and paragraphs are computed once, on demand. */
export interface RuleContext {
  readonly doc: Document;
  readonly lang: string | null;
  readonly language: Language | undefined;
  readonly options: Record<string, unknown>;
  /** The prose lower-cased at the same offsets, computed once per draft. */
  lowerProse(): string;
  sentences(): readonly Span[];
  paragraphs(): readonly Span[];
  /** The sentence (or, failing that, the paragraph) that holds an offset. */
  sentenceAt(offset: number): Span | undefined;
  paragraphAt(offset: number): Span | undefined;
  report(report: Report): void;
}

/** One kind of rule: YAML rule files compile into this, plugins export it. */
export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
