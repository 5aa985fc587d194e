import vm from 'node:vm';
import type { Rule } from '../rules/rule.js';

/**
 * Run-time bound on rules that do not ship with replylint (rule files of `--rulesdir` and
 * `rulePaths`, plugins). Their regular expressions are checked at load, but no analysis sees
 * every catastrophic pattern (`(a|a)*$`), and a plugin can loop: so each such rule gets a time
 * budget on each draft, and V8 interrupts it (even inside a regular expression) past that.
 * Built-in rules are vetted by the test suite and run unwrapped, at no cost.
 */

/** Budget of one rule on one draft: 10 s, plus 1 ms per KB of draft. */
const BASE_MS = Number(process.env.REPLYLINT_RULE_TIMEOUT_MS) || 10_000;

const context = vm.createContext({ run: undefined as (() => void) | undefined });
const script = new vm.Script('run()');

export class TimeLimitError extends Error {}

/** Runs `fn`, interrupting it after `ms` milliseconds with a TimeLimitError. */
export function withTimeLimit(ms: number, fn: () => void): void {
  context.run = fn;
  try {
    script.runInContext(context, { timeout: Math.max(1, Math.round(ms)) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimeLimitError(`took longer than ${ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`}`);
    throw e;
  } finally {
    context.run = undefined;
  }
}

/**
 * The rule, bounded in time. Once over budget on a draft it is not run again in this run (a
 * pattern that hangs on one draft would hang on the next): each later draft says so.
 */
export function timeLimited(rule: Rule): Rule {
  let overBudget: string | undefined;
  return {
    meta: rule.meta,
    check(ctx) {
      if (overBudget) throw new Error(`not run: it ${overBudget} on an earlier draft`);
      try {
        withTimeLimit(BASE_MS + ctx.doc.text.length / 1024, () => rule.check(ctx));
      } catch (e) {
        if (!(e instanceof TimeLimitError)) throw e;
        overBudget = e.message;
        throw new Error(`${e.message} (a regular expression that backtracks catastrophically, or a plugin that loops?); it is skipped for the rest of the run`);
      }
    },
  };
}
