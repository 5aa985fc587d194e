/**
 * replylint's Node.js API (`import { lintFiles } from 'replylint/node'`): files, directories,
 * globs and config lookup exactly as the CLI does them. The package root (`replylint`) is the
 * pure core, usable without a file system.
 */
import { resolve } from 'node:path';
import type { LintResult } from './lint.js';
import type { EffectiveConfig } from './config/effective-config.js';
import type { CliOptions } from './cli/options.js';
import { lintFiles as lintCommand } from './cli/lint-files.js';
import { openSession } from './cli/session.js';

export interface LintFilesOptions {
  cwd?: string;
  /** Extensions searched in directories (default md, markdown, txt, html, htm). */
  ext?: string[];
  lang?: string;
  /** One config file, no lookup (as --config). */
  config?: string;
  /** false: use no config file (as --no-config-lookup). */
  configLookup?: boolean;
  /** false: refuse plugins (as --no-plugins). */
  plugins?: boolean;
  rulePaths?: string[];
  /** false: no ignore files (as --no-ignore). */
  ignore?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  cache?: boolean;
  concurrency?: 'auto' | 'off' | number;
  /** 'remark': read Markdown with unified + remark-parse (as --markdown-parser remark). */
  markdownParser?: 'fast' | 'remark';
}

function cliOptions(o: LintFilesOptions): CliOptions {
  return {
    format: 'json', configLookup: o.configLookup ?? true, plugins: o.plugins ?? true, rulesdir: o.rulePaths ?? [], ignore: o.ignore ?? true,
    ext: o.ext?.join(','), lang: o.lang, config: o.config, fix: o.fix, fixDryRun: o.fixDryRun, cache: o.cache,
    concurrency: o.concurrency === undefined ? 'auto' : String(o.concurrency), cacheStrategy: 'metadata', markdownParser: o.markdownParser,
  };
}

/** Lints files, directories and globs; resolves to ESLint-style results (warnings about unreadable files go to stderr). */
export async function lintFiles(paths: string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  return (await lintCommand(paths, cliOptions(options), options.cwd ?? process.cwd())).results;
}

/** The effective configuration for one file, as `--print-config` shows it. */
export async function resolveConfig(file: string, options: LintFilesOptions = {}): Promise<EffectiveConfig> {
  const cwd = options.cwd ?? process.cwd();
  const abs = resolve(cwd, file);
  return (await openSession(cliOptions(options), [abs], cwd)).configFor(abs);
}

export type { LintResult, LintMessage } from './lint.js';
