import type { LintResult } from '../lint.js';

export interface FormatContext {
  cwd: string;
  /** 0 = no colour. */
  colorLevel: 0 | 1 | 2 | 3;
}

/** A formatter only formats: results in, text out. */
export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;
