import { basename, extname, join } from 'node:path';
import { UserError } from '../errors.js';
import type { LintResult } from '../lint.js';
import { fixUntilStable } from '../fix.js';
import { LineIndex } from '../parse/lines.js';
import { formatOf } from '../parse/parse.js';
import { lintExport, lintHtml } from '../exports/lint-export.js';
import { EXPORT_EXTENSIONS, ExportError, readExport, type ReadOptions } from '../exports/read-export.js';
import { ExportSyntaxError } from '../exports/tree.js';
import type { BodyFormat, Dialect } from '../exports/presets.js';
import { noFilesInDirectory, type FoundFile } from './find-files.js';
import type { Session } from './session.js';
import type { CliOptions } from './options.js';
import { loadParser } from './parsers.js';

/**
 * The CLI side of HTML drafts and helpdesk exports: which files are exports, the options that
 * shape how they are read, and a lint function per file that the per-file loop calls instead
 * of Linter.lintText. Reading files stays in lint-file.ts; everything here is given text.
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
  const config = session.configFor(filePath);
  const exported = isExportPath(filePath) || Boolean(config.from);
  if (!exported && formatOf(filePath) !== 'html') return undefined;
  await loadParser('html');
  const base = { lang: opts.lang, config, reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives };
  if (!exported) {
    return (text, fix) => {
      const lint = (t: string) => lintHtml(session.linter, t, { filePath, ...base });
      if (!fix) return lint(text);
      const { result, output } = fixUntilStable(text, lint);
      return output === text ? result : { ...result, output };
    };
  }
  await loadParser('markdown');
  const read = readOptions(opts, config);
  return (text, fix) => {
    const lint = (t: string) => asProblem(filePath, t, () => lintExport(session.linter, t, { filePath, ...base, ...read }).result);
    if (!fix) return lint(text);
    const { result, output } = fixUntilStable(text, lint);
    if (output === text) return result;
    // The fixed file must still read as the same export: same items, same ids, in the same order.
    const before = asProblem(filePath, text, () => readExport(text, filePath, read));
    let after;
    try { after = readExport(output, filePath, { ...read, from: before.source }); } catch (e) { after = undefined; void e; }
    const ids = (r: typeof before) => r.items.map((i) => `${i.pointer} ${i.id ?? ''}`).join('\n');
    if (!after || ids(after) !== ids(before)) throw new ExportProblem([{ file: filePath, message: 'not fixed: the fixed export would not read back as the same items (please report this)' }]);
    return { ...result, output };
  };
}

function readOptions(opts: ExportCliOptions, config: ReturnType<Session['configFor']>): ReadOptions {
  const csv = { body: opts.csvBodyColumn, id: opts.csvIdColumn, title: opts.csvTitleColumn, locale: opts.csvLocaleColumn };
  return {
    from: opts.from ?? config.from,
    presets: config.exportPresets,
    csv,
    format: opts.bodyFormat as BodyFormat | undefined,
    dialect: opts.dialect as Dialect | undefined,
  };
}

/** Reading errors → one line naming the file (and the line and column, when the error has a place). */
function asProblem<T>(filePath: string, text: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof ExportError || e instanceof ExportSyntaxError)) throw e;
    const at = e.offset !== undefined ? new LineIndex(text).position(e.offset) : undefined;
    throw new ExportProblem([{ file: filePath, ...(at ? { line: at.line, column: at.column } : {}), message: e.message }]);
  }
}
