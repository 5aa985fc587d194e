import type { LintResult } from '../lint.js';
import { fixUntilStable } from '../fix.js';
import { LineIndex } from '../parse/lines.js';
import { lintExport, lintHtml } from '../exports/lint-export.js';
import { ExportError, readExport, type ReadOptions } from '../exports/read-export.js';
import { ExportSyntaxError } from '../exports/tree.js';
import type { BodyFormat, Dialect } from '../exports/presets.js';
import type { Session } from './session.js';
import { ExportProblem, type ExportCliOptions } from './export-files.js';
import { loadParser } from './parsers.js';

/**
 * The CLI side of HTML drafts and helpdesk exports: a lint function per file that the per-file
 * loop calls instead of Linter.lintText. Reading files stays in lint-file.ts; everything here is
 * given text. Loaded only when a run meets such a file (see export-files.ts).
 */

/**
 * The function that lints an HTML draft (`exported` false) or an export (and with `fix`, fixes it
 * until stable and checks the result still reads as the same export).
 */
export async function exportLinter(session: Session, filePath: string, opts: ExportCliOptions, exported: boolean): Promise<(text: string, fix: boolean) => LintResult> {
  const config = session.configFor(filePath);
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
