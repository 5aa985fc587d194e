import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { summarize, type LintResult } from '../lint.js';
import { fixUntilStable } from '../fix.js';
import { findFiles, DEFAULT_EXTENSIONS } from './find-files.js';
import { decodeDraft, encodeLike, type Decoded } from './read-draft.js';
import { isIgnored, loadIgnoreFile } from './ignore-files.js';
import { openSession, type Session } from './session.js';
import { writeFileAtomic } from './write-file.js';
import type { CliOptions } from './options.js';
import { loadParser } from './parsers.js';
import { formatOf, needsParser } from '../parse/parse.js';

/** The parser a draft needs (a fix may add syntax, so fixing loads its format's parser anyway). */
const parserFor = (filePath: string, text: string, fixing: boolean) => (fixing && formatOf(filePath) !== 'text' ? formatOf(filePath) : needsParser(text, filePath));

export interface LintRun {
  results: LintResult[];
  session: Session;
  sources: Map<string, string>;
  /** Problems that make the run fatal (exit 2) although the other files were linted. */
  fatal: boolean;
  /** With --stdin --fix: the fixed draft (bytes as they came, BOM kept) to print instead of a report. */
  fixedStdin?: Uint8Array;
}

const warn = (msg: string) => process.stderr.write(`replylint: warning: ${msg}\n`);
const errorLine = (msg: string) => process.stderr.write(`replylint: ${msg}\n`);

/** The lint command: files → configs → lint (and fix) → results, warnings on stderr as they come. */
export async function lintFiles(paths: readonly string[], opts: CliOptions, cwd = process.cwd()): Promise<LintRun> {
  if (opts.stdin && paths.length) throw new UserError([{ file: '', message: '--stdin cannot be combined with paths' }]);
  if (!opts.stdin && paths.length === 0) throw new UserError([{ file: '', message: 'no paths given (try `replylint .` or `replylint --help`)' }]);
  const extensions = opts.ext ? opts.ext.split(',').map((e) => e.trim().replace(/^\./, '').toLowerCase()).filter(Boolean) : DEFAULT_EXTENSIONS;
  const files = opts.stdin ? [] : await findFiles(paths, extensions, cwd);
  const stdinPath = opts.stdin ? resolve(cwd, opts.stdinFilename ?? '<text>') : undefined;
  const session = await openSession(opts, stdinPath ? [stdinPath] : files.map((f) => f.path), cwd);
  const ignoreFile = opts.ignore ? loadIgnoreFile(cwd, opts.ignorePath) : undefined;
  const run: LintRun = { results: [], session, sources: new Map(), fatal: false };
  const fixing = Boolean(opts.fix || opts.fixDryRun);

  const lintOne = (filePath: string, decoded: Extract<Decoded, { ok: true }>, fix = fixing): LintResult => {
    const config = session.configFor(filePath);
    const lint = (text: string) => session.linter.lintText(text, { filePath, lang: opts.lang, config, reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives });
    if (!fix) return lint(decoded.text);
    const { result, output } = fixUntilStable(decoded.text, lint);
    return output === decoded.text ? result : { ...result, output };
  };

  if (opts.stdin) {
    const stdinBytes = readFileSync(0);
    const decoded = decodeDraft(stdinBytes);
    if (!decoded.ok) throw new UserError([{ file: '<stdin>', message: decoded.reason }]);
    if (decoded.lossy) warn('<stdin>: not valid UTF-8; invalid bytes were replaced');
    const filePath = opts.stdinFilename ?? '<text>';
    await loadParser(parserFor(stdinPath!, decoded.text, fixing));
    // A draft that did not decode cleanly is echoed byte for byte, never "fixed" into other bytes.
    const unfixable = opts.fix && !cleanUtf8(decoded);
    if (unfixable) { errorLine(`<stdin>: ${NOT_UTF8}`); run.fatal = true; }
    const result = lintOne(stdinPath!, decoded, fixing && !unfixable);
    run.results.push(withBom({ ...result, filePath }, decoded));
    run.sources.set(filePath, result.output ?? decoded.text);
    if (opts.fix) run.fixedStdin = unfixable ? stdinBytes : encodeLike(result.output ?? decoded.text, decoded);
    return run;
  }

  for (const file of files) {
    if (opts.ignore && isIgnored(file.path, ignoreFile, session.resolver.layersFor(file.path))) {
      if (file.explicit) run.results.push(summarize(file.path, null, [{ ruleId: null, severity: 1, message: 'File ignored because of a matching ignore pattern. Use "--no-ignore" to override.', line: 1, column: 1, endLine: 1, endColumn: 1 }]));
      continue;
    }
    let bytes: Buffer;
    try {
      if (!statSync(file.path).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
      bytes = readFileSync(file.path);
    } catch (e) {
      const msg = `${file.path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
      if (file.explicit) { errorLine(msg); run.fatal = true; } else warn(msg);
      continue;
    }
    const decoded = decodeDraft(bytes);
    if (!decoded.ok) { warn(`${file.path}: ${decoded.reason}`); continue; }
    if (decoded.lossy) warn(`${file.path}: not valid ${decoded.encoding.toUpperCase()}; invalid bytes were replaced`);
    await loadParser(parserFor(file.path, decoded.text, fixing));
    let result = lintOne(file.path, decoded);
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
        errorLine(`${file.path}: ${failure}`);
        run.fatal = true;
        result = lintOne(file.path, decoded, false); // the report is about the file as it still is
      }
    }
    // Formatters quote the text the messages point into: the fixed text when there is one.
    if (result.messages.length || result.output !== undefined) run.sources.set(file.path, result.output ?? decoded.text);
    run.results.push(opts.fix ? withoutOutput(result) : withBom(result, decoded));
  }
  return run;
}

const NOT_UTF8 = 'not fixed: the file did not decode cleanly as UTF-8, so rewriting it could lose bytes';
const cleanUtf8 = (d: Extract<Decoded, { ok: true }>) => !d.lossy && d.encoding === 'utf-8';

/** As ESLint's, `output` is the whole fixed file: a BOM the file had is part of it. */
function withBom(r: LintResult, decoded: Extract<Decoded, { ok: true }>): LintResult {
  return r.output !== undefined && decoded.hadBom ? { ...r, output: '\ufeff' + r.output } : r;
}

/** After --fix wrote the file, the report is about the file as it now is. */
function withoutOutput(r: LintResult): LintResult {
  const { output: _written, ...rest } = r;
  return rest;
}
