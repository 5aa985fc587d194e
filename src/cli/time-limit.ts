import type { Rule } from '../rules/rule.js';
import { lazyModule } from './lazy-module.js';

/**
 * Run-time bound on rules that do not ship with replylint (rule files of `--rulesdir` and
 * `rulePaths`, plugins). Their regular expressions are checked at load, but no analysis sees
 * every catastrophic pattern (`(a|a)*$`), and a plugin can loop: so each such rule gets a time
 * budget on each draft, and V8 interrupts it (even inside a regular expression) past that.
 * Built-in rules are vetted by the test suite and run unwrapped, at no cost.
 */

/** Budget of one rule on one draft: 10 s, plus 1 ms per KB of draft. */
const BASE_MS = Number(process.env.REPLYLINT_RULE_TIMEOUT_MS) || 10_000;

const vm = lazyModule<typeof import('node:vm')>('node:vm');
/** The context the bounded code runs in, made when a run first needs it (most runs use only built-in rules). */
let sandbox: { context: { run?: () => void }; script: import('node:vm').Script } | undefined;
const sandboxed = () => (sandbox ??= { context: vm().createContext({ run: undefined }), script: new (vm().Script)('run()') });

export class TimeLimitError extends Error {}

/** Runs `fn`, interrupting it after `ms` milliseconds with a TimeLimitError. */
export function withTimeLimit(ms: number, fn: () => void): void {
  const { context, script } = sandboxed();
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

/**
 * A regular expression of a language file that does not ship with replylint (markers, quote
 * attribution, vocabularies), bounded in time on each call as `timeLimited` bounds a rule: the
 * language's regexes also run outside any rule (detection, quote masking). Its first call over
 * budget makes it match nothing for the rest of the run; `report` is told then and on every later
 * call, so each draft it could not help lint says so (and is not cached as clean).
 */
export function timeLimitedRegExp(re: RegExp, report: (why: string) => void): RegExp {
  return new TimeLimitedRegExp(re, report);
}

class TimeLimitedRegExp extends RegExp {
  // Clones made by split and matchAll are plain (they run inside the bounded call).
  static override get [Symbol.species](): RegExpConstructor { return RegExp; }
  /** The pattern that does the work, a plain RegExp: no call re-enters the bound. */
  private readonly plain: RegExp;
  private overBudget: string | undefined;

  constructor(re: RegExp, private readonly report: (why: string) => void) {
    super(re.source, re.flags);
    this.plain = new RegExp(re.source, re.flags);
  }

  private bounded<T>(input: unknown, none: T, fn: (re: RegExp, s: string) => T): T {
    const s = String(input);
    if (this.overBudget) { this.report(`not used: it ${this.overBudget} on an earlier draft`); return none; }
    this.plain.lastIndex = this.lastIndex;
    let out = none;
    try {
      withTimeLimit(BASE_MS + s.length / 1024, () => { out = fn(this.plain, s); });
    } catch (e) {
      if (!(e instanceof TimeLimitError)) throw e;
      this.overBudget = e.message;
      this.lastIndex = 0;
      this.report(`${e.message} on this draft (does it backtrack catastrophically?); it matches nothing for the rest of the run`);
      return none;
    }
    this.lastIndex = this.plain.lastIndex;
    return out;
  }

  override exec(s: string): RegExpExecArray | null { return this.bounded(s, null, (re, x) => re.exec(x)); }
  override test(s: string): boolean { return this.bounded(s, false, (re, x) => re.test(x)); }
  override [Symbol.match](s: string): RegExpMatchArray | null { return this.bounded(s, null, (re, x) => re[Symbol.match](x)); }
  override [Symbol.matchAll](s: string): RegExpStringIterator<RegExpMatchArray> {
    return this.bounded(s, [] as RegExpMatchArray[], (re, x) => [...re[Symbol.matchAll](x)])[Symbol.iterator]() as RegExpStringIterator<RegExpMatchArray>;
  }
  override [Symbol.search](s: string): number { return this.bounded(s, -1, (re, x) => re[Symbol.search](x)); }
  override [Symbol.split](s: string, limit?: number): string[] { return this.bounded(s, [String(s)], (re, x) => re[Symbol.split](x, limit)); }
  override [Symbol.replace](s: string, replacement: string | ((substring: string, ...args: any[]) => string)): string {
    return this.bounded(s, String(s), (re, x) => re[Symbol.replace](x, replacement as string));
  }
}
