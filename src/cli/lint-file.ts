import { readFileSync } from 'node:fs';
import type { LintResult } from '../lint.js';
import { fixUntilStable } from '../fix.js';
import { formatOf, needsParser } from '../parse/parse.js';
import { decodeDraft, encodeLike, readRegularFile, type Decoded } from './read-draft.js';
import type { FoundFile } from './find-files.js';
import type { Session } from './session.js';
import type { CliOptions } from './options.js';
import { isFixTempFile, writeFileAtomic } from './write-file.js';
import { loadParser } from './parsers.js';
import { ExportProblem, specialLinter, type ExportCliOptions } from './export-files.js';

/** What linting one file produced: the result, the text its messages point into, and what to say on stderr. */
export interface FileOutcome {
  result?: LintResult;
  source?: string;
  notes: Array<{ level: 'warning' | 'error'; text: string }>;
  /** The run must end with exit 2 (a named file unreadable, fixes not written). */
  fatal: boolean;
}

export type LintFileOptions = Pick<CliOptions, 'lang' | 'fix' | 'fixDryRun' | 'reportUnusedDisableDirectives'> & ExportCliOptions;

const NOT_UTF8 = 'not fixed: the file did not decode cleanly as UTF-8, so rewriting it could lose bytes';
const cleanUtf8 = (d: Extract<Decoded, { ok: true }>) => !d.lossy && d.encoding === 'utf-8';

/** The parser a draft needs (a fix may add syntax, so fixing loads its format's parser anyway). */
const parserFor = (filePath: string, text: string, fixing: boolean) => (fixing && formatOf(filePath) !== 'text' ? formatOf(filePath) : needsParser(text, filePath));

/** Lints (and with --fix, fixes and writes) one decoded draft. */
export async function lintDecoded(session: Session, filePath: string, decoded: Extract<Decoded, { ok: true }>, opts: LintFileOptions, fix: boolean): Promise<LintResult> {
  // HTML drafts and helpdesk exports are linted through their decoded text (see lint-exports.ts).
  const special = await specialLinter(session, filePath, opts);
  if (special) return special(decoded.text, fix);
  await loadParser(parserFor(filePath, decoded.text, fix));
  const config = session.configFor(filePath);
  const lint = (text: string) => session.linter.lintText(text, { filePath, lang: opts.lang, config, reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives });
  if (!fix) return lint(decoded.text);
  const { result, output } = fixUntilStable(decoded.text, lint);
  return output === decoded.text ? result : { ...result, output };
}

/** Reads, decodes, lints and (with --fix) rewrites one file. Never throws for the file's own faults. */
export async function lintFile(session: Session, file: FoundFile, opts: LintFileOptions): Promise<FileOutcome> {
  const out: FileOutcome = { notes: [], fatal: false };
  const fixing = Boolean(opts.fix || opts.fixDryRun);
  if (isFixTempFile(file.path)) {
    out.notes.push({ level: 'warning', text: `${file.path}: temporary file of an interrupted --fix run (not a draft), skipped; delete it once no replylint is running` });
    return out;
  }
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file.path);
  } catch (e) {
    const msg = `${file.path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
    out.notes.push({ level: file.explicit ? 'error' : 'warning', text: msg });
    out.fatal = file.explicit;
    return out;
  }
  const decoded = decodeDraft(bytes);
  if (!decoded.ok) { out.notes.push({ level: 'warning', text: `${file.path}: ${decoded.reason}` }); return out; }
  if (decoded.lossy) out.notes.push({ level: 'warning', text: `${file.path}: not valid ${decoded.encoding.toUpperCase()}; invalid bytes were replaced` });
  let result: LintResult;
  try {
    result = await lintDecoded(session, file.path, decoded, opts, fixing);
  } catch (e) {
    languageTimeouts(session, file.path, out);
    if (!(e instanceof ExportProblem)) throw e;
    return { ...out, notes: [...out.notes, { level: 'error', text: e.message }], fatal: true };
  }
  if (opts.fix && result.output !== undefined) {
    let failure: string | undefined;
    if (!cleanUtf8(decoded)) failure = NOT_UTF8;
    else {
      try {
        writeFileAtomic(file.path, encodeLike(result.output, decoded));
      } catch (e) {
        failure = `cannot write the fixes (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
      }
    }
    if (failure !== undefined) {
      out.notes.push({ level: 'error', text: `${file.path}: ${failure}` });
      out.fatal = true;
      result = await lintDecoded(session, file.path, decoded, opts, false); // the report is about the file as it still is
    }
  }
  languageTimeouts(session, file.path, out);
  // Formatters quote the text the messages point into: the fixed text when there is one.
  if (result.messages.length || result.output !== undefined) out.source = result.output ?? decoded.text;
  out.result = opts.fix ? withoutOutput(result) : withBom(result, decoded);
  return out;
}

/** Lints standard input; with --fix the fixed bytes are returned to print. */
export async function lintStdin(session: Session, filePath: string, displayName: string, opts: LintFileOptions): Promise<FileOutcome & { fixed?: Uint8Array }> {
  const out: FileOutcome & { fixed?: Uint8Array } = { notes: [], fatal: false };
  const fixing = Boolean(opts.fix || opts.fixDryRun);
  const stdinBytes = readFileSync(0);
  const decoded = decodeDraft(stdinBytes);
  if (!decoded.ok) return { ...out, notes: [{ level: 'error', text: `<stdin>: ${decoded.reason}` }], fatal: true };
  if (decoded.lossy) out.notes.push({ level: 'warning', text: '<stdin>: not valid UTF-8; invalid bytes were replaced' });
  // A draft that did not decode cleanly is echoed byte for byte, never "fixed" into other bytes.
  const unfixable = Boolean(opts.fix) && !cleanUtf8(decoded);
  if (unfixable) { out.notes.push({ level: 'error', text: `<stdin>: ${NOT_UTF8}` }); out.fatal = true; }
  const result = await lintDecoded(session, filePath, decoded, opts, fixing && !unfixable);
  languageTimeouts(session, '<stdin>', out);
  out.result = withBom({ ...result, filePath: displayName }, decoded);
  out.source = result.output ?? decoded.text;
  if (opts.fix) out.fixed = unfixable ? stdinBytes : encodeLike(result.output ?? decoded.text, decoded);
  return out;
}

/** A language file's regex over its time budget on this draft: an error for the draft (exit 2, never cached). */
function languageTimeouts(session: Session, name: string, out: FileOutcome): void {
  for (const m of session.takeLanguageTimeouts?.() ?? []) { out.notes.push({ level: 'error', text: `${name}: ${m}` }); out.fatal = true; }
}

/** As ESLint's, `output` is the whole fixed file: a BOM the file had is part of it. */
function withBom(r: LintResult, decoded: Extract<Decoded, { ok: true }>): LintResult {
  return r.output !== undefined && decoded.hadBom ? { ...r, output: '\ufeff' + r.output } : r;
}

/** After --fix wrote the file, the report is about the file as it now is. */
function withoutOutput(r: LintResult): LintResult {
  const { output: _written, ...rest } = r;
  return rest;
}
