import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_EXTENSIONS } from './find-files.js';
import { writeOut } from './stdout.js';

export interface CliOptions {
  ext?: string;
  stdin?: boolean;
  stdinFilename?: string;
  lang?: string;
  format: string;
  outputFile?: string;
  color?: boolean;
  config?: string;
  configLookup: boolean;
  plugins: boolean;
  rulesdir: string[];
  ignorePath?: string;
  ignore: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  quiet?: boolean;
  maxWarnings?: number;
  reportUnusedDisableDirectives?: boolean;
  printConfig?: string;
  init?: boolean;
  listRules?: boolean;
  debug?: boolean;
  from?: string;
  csvBodyColumn?: string;
  csvIdColumn?: string;
  csvTitleColumn?: string;
  csvLocaleColumn?: string;
  bodyFormat?: string;
  dialect?: string;
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy?: 'metadata' | 'content';
  concurrency?: string;
  shard?: string;
  markdownParser?: 'fast' | 'remark';
}

const nonNegativeInt = (v: string) => {
  // InvalidArgumentError: commander reports it as a usage error (exit 2), not a crash with a stack trace.
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError('Expected a whole number (0 or more).');
  return Number(v);
};

export function buildProgram(version: string, formats: readonly string[]): Command {
  return new Command()
    .name('replylint')
    .description('Lint customer-support e-mail drafts (English, Spanish, Catalan) for phrasing that hurts customers.')
    .usage('[options] [paths...]')
    .version(version, '-v, --version', 'print the version')
    .argument('[paths...]', 'files, directories or glob patterns to lint')
    .option('--ext <list>', `extensions searched in directories, comma-separated (default: ${DEFAULT_EXTENSIONS.join(',')})`)
    .option('--stdin', 'lint one draft read from standard input')
    .option('--stdin-filename <name>', 'name of the standard-input draft (its extension picks the parser; config is looked up from it)')
    .option('--lang <lang>', 'language of drafts whose front matter names none (default: config `lang`, then detected)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(formats).default('stylish'))
    .option('-o, --output-file <file>', 'write the report to a file instead of standard output')
    .option('--fix', 'apply safe rewrites in place (with --stdin: print the fixed draft)')
    .option('--fix-dry-run', 'compute the fixes without writing; JSON results carry the fixed text as `output`')
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit with code 1 when there are more than n warnings', nonNegativeInt)
    .option('-c, --config <file>', 'use this config file only (no lookup)')
    .option('--no-config-lookup', 'use no config file')
    .option('--rulesdir <dir>', 'another directory of YAML rule files (repeatable)', (dir: string, dirs: string[]) => [...dirs, dir], [] as string[])
    .option('--no-plugins', 'refuse plugins named by configs (for CI on untrusted pull requests)')
    .option('--ignore-path <file>', 'ignore file to use instead of ./.replylintignore')
    .option('--no-ignore', 'disable ignore files and ignorePatterns')
    .option('--report-unused-disable-directives', 'report replylint-disable directives that suppress nothing')
    .option('--print-config <file>', 'print the effective configuration for a file, then exit')
    .option('--list-rules', 'list every rule with its severity, languages and fixability, then exit')
    .option('--init', 'write a commented starter .replylintrc.yaml in the current directory')
    .option('--cache', 'only lint files changed since the last run (results kept in .replylintcache)')
    .option('--cache-location <path>', 'cache file, or directory for it (default: ./.replylintcache)')
    .addOption(new Option('--cache-strategy <strategy>', 'how a changed file is detected').choices(['metadata', 'content']).default('metadata'))
    .option('--concurrency <n>', 'worker threads: auto (default; used for large runs), off, or a number', 'auto')
    .option('--shard <k/n>', 'lint only shard k of n (a stable split by path hash, for CI matrices)')
    .option('--from <preset>', 'helpdesk export preset: zendesk, freshdesk, helpscout, intercom, front, gorgias, zammad, chatwoot, osticket, or one from config exportPresets (default: detected)')
    .option('--csv-body-column <column>', 'CSV exports: the column holding the reply (a header name or a number, 1 = first)')
    .option('--csv-id-column <column>', 'CSV exports: the column holding the item id')
    .option('--csv-title-column <column>', 'CSV exports: the column holding the item title')
    .option('--csv-locale-column <column>', 'CSV exports: the column holding the item language (es, es_ES, ca-ES…)')
    .addOption(new Option('--body-format <format>', 'format of export bodies (CSV default: text; overrides the preset)').choices(['html', 'markdown', 'text']))
    .addOption(new Option('--dialect <dialect>', 'template dialect of export bodies (overrides the preset)').choices(['liquid', 'helpscout', 'intercom', 'zammad', 'osticket', 'none']))
    .addOption(new Option('--markdown-parser <parser>', 'Markdown reader: fast (default; replylint\'s own, the Document remark gives) or remark (unified + remark-parse, the reference, slower)').choices(['fast', 'remark']).default('fast'))
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .option('--debug', 'show stack traces of internal errors')
    .helpOption('-h, --help', 'show this help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut, writeErr: (s) => process.stderr.write(s) });
}
