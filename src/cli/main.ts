import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CommanderError } from 'commander';
import { UserError, formatProblem } from '../errors.js';
import { FORMAT_NAMES, loadFormatter } from '../formatters/load-formatter.js';
import type { LintResult } from '../lint.js';
import { summarize } from '../lint.js';
import { buildProgram, type CliOptions } from './options.js';
import { lintFiles } from './lint-files.js';
import { openSession } from './session.js';
import { init, listRules, printConfig } from './info-commands.js';
import { colorLevel } from './color.js';
import { VERSION } from './version.js';
import { writeOut } from './stdout.js';


/** Runs the CLI; resolves to the exit code (0 clean, 1 errors found or too many warnings, 2 fatal). */
export async function run(argv: readonly string[]): Promise<number> {
  const cmd = buildProgram(VERSION, [...FORMAT_NAMES]);
  let opts: CliOptions, paths: string[];
  try {
    cmd.parse(argv as string[], { from: 'node' });
    opts = cmd.opts<CliOptions>();
    paths = cmd.args;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  try {
    return await dispatch(paths, opts);
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(e.problems.map((p) => `replylint: ${formatProblem(p)}`).join('\n') + '\n');
    } else {
      process.stderr.write(`replylint: internal error: ${(e as Error).message}${opts.debug ? '' : ' (run with --debug for the stack trace)'}\n`);
      if (opts.debug) process.stderr.write(`${(e as Error).stack}\n`);
    }
    return 2;
  }
}

async function dispatch(paths: string[], opts: CliOptions): Promise<number> {
  if (opts.init) return print(init(process.cwd()));
  if (opts.listRules || opts.printConfig) {
    const session = await openSession(opts, opts.printConfig ? [resolve(opts.printConfig)] : []);
    return print(opts.listRules ? listRules(session, opts.format === 'json') : printConfig(session, opts.printConfig!));
  }
  const run = await lintFiles(paths, opts);
  if (run.fixedStdin !== undefined) {
    writeOut(run.fixedStdin);
    return run.fatal ? 2 : run.results.some((r) => r.errorCount > 0) ? 1 : 0;
  }
  const results = opts.quiet ? run.results.map(errorsOnly) : run.results;
  const format = await loadFormatter(opts.format);
  const report = format(results, {
    cwd: process.cwd(), colorLevel: opts.outputFile ? 0 : colorLevel(opts.color), rules: run.session.rules.map((r) => r.meta), version: VERSION,
    sourceOf: (filePath) => run.sources.get(filePath),
  });
  if (opts.outputFile) {
    const file = resolve(opts.outputFile);
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, report);
    } catch (e) {
      throw new UserError([{ file: '', message: `cannot write the report to ${opts.outputFile} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }]);
    }
  } else if (report) writeOut(report.endsWith('\n') ? report : report + '\n');
  if (run.fatal || run.results.some((r) => r.fatalErrorCount > 0)) return 2;
  const warnings = run.results.reduce((n, r) => n + r.warningCount, 0);
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    // Said on stderr, as ESLint does: otherwise a run that printed only warnings fails unexplained.
    process.stderr.write(`replylint: too many warnings (${warnings}; maximum: ${opts.maxWarnings})\n`);
    return 1;
  }
  return run.results.some((r) => r.errorCount > 0) ? 1 : 0;
}

function print(text: string): number {
  writeOut(text.endsWith('\n') ? text : text + '\n');
  return 0;
}

function errorsOnly(r: LintResult): LintResult {
  return { ...summarize(r.filePath, r.lang, r.messages.filter((m) => m.severity === 2)), ...(r.output !== undefined ? { output: r.output } : {}) };
}
