import { basename, extname, join } from 'node:path';
import { UserError } from '../errors.js';
import type { LintResult } from '../lint.js';
import { formatOf } from '../parse/parse.js';
import { EXPORT_EXTENSIONS } from '../exports/extensions.js';
import { noFilesInDirectory, type FoundFile } from './find-files.js';
import type { Session } from './session.js';
import type { CliOptions } from './options.js';

/**
 * Which files are HTML drafts or helpdesk exports, and the options that shape how exports are
 * read. The readers themselves (lint-exports.ts and src/exports/) load only when a run meets
 * such a file: a pre-commit hook on one Markdown draft does not pay for them.
 */

export type ExportCliOptions = Pick<CliOptions, 'from' | 'csvBodyColumn' | 'csvIdColumn' | 'csvTitleColumn' | 'csvLocaleColumn' | 'bodyFormat' | 'dialect' | 'lang' | 'reportUnusedDisableDirectives'>;

/** A problem with one export file (unknown shape, syntax error): one line, `file:line:col: message`. */
export class ExportProblem extends UserError {}

export const isExportPath = (path: string) => EXPORT_EXTENSIONS.includes(extname(path).slice(1).toLowerCase());

/** Directory walks also collect these; only files a config `from` matches are kept (see skipWalkedExport). */
export { EXPORT_EXTENSIONS };

/** JSON, YAML and CSV found by walking a directory are linted only when a config glob gives them a preset (`from`). */
export function skipWalkedExport(file: FoundFile, session: Session): boolean {
  return Boolean(file.walked) && isExportPath(file.path) && !session.configFor(file.path).from;
}

/**
 * Directories named on the command line whose walk found helpdesk exports and nothing else to
 * lint: said like a directory without drafts (`No files matching 'dir/'`), with what was left
 * alone and how to lint it, rather than an empty, successful run.
 */
export function exportOnlyDirectories(files: readonly FoundFile[], session: Session, extensions: readonly string[]): string[] {
  const dirs = new Map<string, { exports: string[]; drafts: number }>();
  for (const f of files) {
    if (!f.walked) continue;
    const found = dirs.get(f.walked) ?? { exports: [], drafts: 0 };
    if (skipWalkedExport(f, session)) found.exports.push(f.path); else found.drafts++;
    dirs.set(f.walked, found);
  }
  const draftExtensions = extensions.filter((e) => !EXPORT_EXTENSIONS.includes(e));
  return [...dirs].filter(([, c]) => c.drafts === 0).map(([dir, { exports }]) => {
    const example = exports.length === 1 ? join(dir, basename(exports[0])) : join(dir, `*${extname(exports[0])}`);
    const what = exports.length === 1 ? 'only a helpdesk export (JSON, YAML or CSV), which a walk leaves alone: name it' : `only ${exports.length} helpdesk exports (JSON, YAML or CSV), which a walk leaves alone: name them`;
    return noFilesInDirectory(dir, draftExtensions, `, ${what} (\`replylint ${example}\`) or give ${exports.length === 1 ? 'it' : 'them'} a preset with a config \`from\``);
  });
}

/** What decides how exports are read, for the cache key. */
export const exportOptionsKey = (opts: ExportCliOptions) => [opts.from, opts.csvBodyColumn, opts.csvIdColumn, opts.csvTitleColumn, opts.csvLocaleColumn, opts.bodyFormat, opts.dialect].map((x) => x ?? null);

/**
 * For an HTML draft or an export, the function that lints it (and with `fix`, fixes it until
 * stable and checks the result still reads as the same export); undefined for other drafts.
 */
export async function specialLinter(session: Session, filePath: string, opts: ExportCliOptions): Promise<((text: string, fix: boolean) => LintResult) | undefined> {
  const exported = isExportPath(filePath) || Boolean(session.configFor(filePath).from);
  if (!exported && formatOf(filePath) !== 'html') return undefined;
  return (await import('./lint-exports.js')).exportLinter(session, filePath, opts, exported);
}
