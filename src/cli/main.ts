import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { Linter, type LintResult } from '../lint.js';
import { UserError, formatProblem } from '../errors.js';
import { FORMATTERS } from '../formatters/index.js';
import { BUILTIN_RULES_DIR, loadRuleDirs } from './load-rules.js';
import { findFiles, DEFAULT_EXTENSIONS } from './find-files.js';
import { decodeDraft } from './read-draft.js';
import { colorLevel } from './color.js';

const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

interface Options {
  ext?: string;
  stdin?: boolean;
  stdinFilename?: string;
  lang?: string;
  format: string;
  color?: boolean;
  rulesdir?: string[];
  debug?: boolean;
}

function program(): Command {
  return new Command()
    .name('replylint')
    .description('Lint customer-support e-mail drafts (English, Spanish, Catalan) for phrasing that hurts customers.')
    .version(VERSION, '-v, --version', 'print the version')
    .argument('[paths...]', 'files, directories or glob patterns to lint')
    .option('--ext <list>', `file extensions searched in directories, comma-separated (default: ${DEFAULT_EXTENSIONS.join(',')})`)
    .option('--stdin', 'lint one draft read from standard input')
    .option('--stdin-filename <name>', 'name of the standard-input draft (its extension picks the parser)')
    .addOption(new Option('--lang <lang>', 'language of drafts without a front matter `lang` (default: detected)'))
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(FORMATTERS)).default('stylish'))
    .option('--rulesdir <dir>', 'additional directory of YAML rule files (repeatable)', (dir: string, dirs: string[]) => [...dirs, dir], [] as string[])
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .option('--debug', 'show stack traces of internal errors')
    .helpOption('-h, --help', 'show this help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
}

/** Runs the CLI; resolves to the exit code (0 clean, 1 errors found, 2 fatal). */
export async function run(argv: readonly string[]): Promise<number> {
  const cmd = program();
  let opts: Options, paths: string[];
  try {
    cmd.parse(argv as string[], { from: 'node' });
    opts = cmd.opts<Options>();
    paths = cmd.args;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  const debug = Boolean(opts.debug);
  try {
    return await lintCommand(paths, opts);
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(e.problems.map((p) => `replylint: ${formatProblem(p)}`).join('\n') + '\n');
    } else {
      process.stderr.write(`replylint: internal error: ${(e as Error).message}${debug ? '' : ' (run with --debug for the stack trace)'}\n`);
      if (debug) process.stderr.write(`${(e as Error).stack}\n`);
    }
    return 2;
  }
}

async function lintCommand(paths: string[], opts: Options): Promise<number> {
  if (opts.stdin && paths.length) throw new UserError([{ file: '', message: '--stdin cannot be combined with paths' }]);
  if (!opts.stdin && paths.length === 0) throw new UserError([{ file: '', message: 'no paths given (try `replylint .` or `replylint --help`)' }]);
  const extensions = opts.ext ? opts.ext.split(',').map((e) => e.trim().replace(/^\./, '').toLowerCase()).filter(Boolean) : DEFAULT_EXTENSIONS;
  const { rules, languages } = loadRuleDirs([BUILTIN_RULES_DIR, ...(opts.rulesdir ?? [])]);
  if (opts.lang && !languages.has(opts.lang)) throw new UserError([{ file: '', message: `unknown language '${opts.lang}' for --lang; known: ${[...languages.keys()].join(', ')}` }]);
  const linter = new Linter(rules, languages);
  const results: LintResult[] = [];
  let fatal = false;
  const warn = (msg: string) => process.stderr.write(`replylint: warning: ${msg}\n`);

  if (opts.stdin) {
    const decoded = decodeDraft(readFileSync(0));
    if (!decoded.ok) throw new UserError([{ file: '<stdin>', message: decoded.reason }]);
    if (decoded.lossy) warn('<stdin>: not valid UTF-8; invalid bytes were replaced');
    results.push(linter.lintText(decoded.text, { filePath: opts.stdinFilename ?? '<text>', lang: opts.lang }));
  } else {
    for (const file of await findFiles(paths, extensions)) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file.path);
      } catch (e) {
        const msg = `${file.path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
        if (file.explicit) { process.stderr.write(`replylint: ${msg}\n`); fatal = true; } else warn(msg);
        continue;
      }
      const decoded = decodeDraft(bytes);
      if (!decoded.ok) { warn(`${file.path}: ${decoded.reason}`); continue; }
      if (decoded.lossy) warn(`${file.path}: not valid UTF-8; invalid bytes were replaced`);
      results.push(linter.lintText(decoded.text, { filePath: file.path, lang: opts.lang }));
    }
  }

  const output = FORMATTERS[opts.format](results, { cwd: process.cwd(), colorLevel: colorLevel(opts.color) });
  if (output) process.stdout.write(output.endsWith('\n') ? output : output + '\n');
  if (fatal || results.some((r) => r.fatalErrorCount > 0)) return 2;
  return results.some((r) => r.errorCount > 0) ? 1 : 0;
}
