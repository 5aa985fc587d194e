import type { LintResult } from '../lint.js';
import type { RuleMeta } from '../rules/rule.js';

export interface FormatContext {
  cwd: string;
  /** 0 = no colour. */
  colorLevel: 0 | 1 | 2 | 3;
  /** Every rule of the run, for formats that describe rules (SARIF). */
  rules: readonly RuleMeta[];
  /** The decoded text of a linted file, for formats that quote it (GitLab fingerprints). */
  sourceOf(filePath: string): string | undefined;
  /** replylint's version, for formats that name the tool. */
  version: string;
}

/** A formatter only formats: results in, text out. */
export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;
