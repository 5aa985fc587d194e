// The machine-readable formats: what CI systems and editors read from replylint, checked on real
// lint results (real drafts through the Linter), against the formats' own schemas and rules.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { Linter, type LintResult } from '../src/lint.js';
import { loadRuleFile } from '../src/rules/load-rule.js';
import type { Rule } from '../src/rules/rule.js';
import { FORMATTERS, type FormatContext } from '../src/formatters/index.js';
import { escapeData, escapeProperty } from '../src/formatters/github.js';
import { md5Hex } from '../src/formatters/md5.js';
import { builtins } from './helpers/builtins.js';

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/** Test rules whose messages exercise escaping: a `%`, a colon, a comma and a line break. */
const TEST_RULES = [
  `
id: test-vague
severity: warning
description: >-
  A promise with no date. Say when.
message: "'{match}' is 100% vague:\\nsay when, exactly"
phrases:
  any:
    - match: very soon
      suggest: by Friday
`,
  `
id: test-blame
severity: error
description: Pins the problem on the customer.
message: '"{match}" blames the customer. Write "{suggest}".'
fixable: true
phrases:
  any:
    - match: your problem
      suggest: [the problem, this problem]
`,
].map((yaml) => {
  const id = /^id: (\S+)$/m.exec(yaml)![1];
  const { rule, problems } = loadRuleFile(`${id}.yaml`, yaml, builtins.languages);
  if (!rule) throw new Error(JSON.stringify(problems));
  return rule;
});

const CWD = '/home/agent/shop';
const testLinter = new Linter(TEST_RULES, builtins.languages);
const fullLinter = new Linter([...builtins.rules, ...TEST_RULES], builtins.languages);

/** Lints drafts (paths relative to CWD) and builds the context the CLI would give a formatter. */
function lint(files: Record<string, string>, linter: Linter = fullLinter) {
  const texts = new Map(Object.entries(files).map(([rel, text]) => [`${CWD}/${rel}`, text]));
  const results: LintResult[] = [...texts].map(([filePath, text]) => linter.lintText(text, { filePath }));
  const ctx: FormatContext = {
    cwd: CWD, colorLevel: 0, version: '9.8.7',
    rules: [...linter.rules.values()].map((r: Rule) => r.meta),
    // As the CLI does: the text of files with problems only.
    sourceOf: (p) => (results.find((r) => r.filePath === p)?.messages.length ? texts.get(p) : undefined),
  };
  const format = (name: string) => FORMATTERS[name](results, ctx);
  return { results, ctx, format, text: (rel: string) => files[rel] };
}

const EN = [
  'Hello Ana,',
  '',
  'We are looking into your problem and will call you very soon. Thank you for your patience, and sorry that your problem is still open.',
  '',
  'Write to help@shop.example if anything changes.',
  '',
  'Best,',
  'Leo',
].join('\n');

// CRLF line ends, accents and an astral emoji before the problems on their line: UTF-16 columns,
// UTF-8 byte columns and code points all differ there.
const ES = [
  'Hola Ana:',
  '',
  'Àlex 😀 aquí. Como ya le dije, su problema está resuelto. Escríbanos a ayuda@tienda.example.',
  '',
  'Saludos,',
  'Leo',
].join('\r\n');

// ---------------------------------------------------------------------------------------------
// Helpers: independent position arithmetic (not the code under test)
// ---------------------------------------------------------------------------------------------

/** Lines of a text without their terminators (CRLF, CR or LF). */
const linesOf = (text: string) => text.split(/\r\n|\r|\n/);

/** Text between two 1-based (line, UTF-16 column) positions, end exclusive. */
function sliceUtf16(text: string, sl: number, sc: number, el: number, ec: number): string {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index! + m[0].length);
  return text.slice(starts[sl - 1] + sc - 1, starts[el - 1] + ec - 1);
}

/** Text between two 1-based (line, UTF-8 byte column) positions on one line, end exclusive. */
function sliceUtf8(text: string, line: number, sc: number, ec: number): string {
  return Buffer.from(linesOf(text)[line - 1], 'utf8').subarray(sc - 1, ec - 1).toString('utf8');
}

function compileSchema(file: string, draft04: boolean): ValidateFunction {
  let schema = JSON.parse(readFileSync(new URL(`./schemas/${file}`, import.meta.url), 'utf8'));
  // Draft-04's root `id` is draft-07's `$id` (Ajv refuses the old spelling).
  if (draft04 && typeof schema.id === 'string') { const { id, ...rest } = schema; schema = { $id: id, ...rest }; }
  // Ajv 8 has no draft-04 mode; its draft-07 engine is exact for these files (see schemas/README.md
  // and the test that checks the premise), so the meta-schema check is all that is skipped.
  // unicodeRegExp: false — SARIF's `language` pattern has a stray `]`, legal in a plain ECMAScript
  // regular expression (which is what JSON Schema specifies) but not under Ajv's default `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: !draft04, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

function expectValid(validate: ValidateFunction, data: unknown) {
  const ok = validate(data);
  expect(ok ? [] : validate.errors).toEqual([]);
}

// ---------------------------------------------------------------------------------------------

describe('formatter registry', () => {
  it('registers every format by its CLI name', () => {
    expect(Object.keys(FORMATTERS)).toEqual(expect.arrayContaining(['stylish', 'json', 'compact', 'sarif', 'github', 'gitlab', 'rdjson']));
  });

  it('prints nothing but an empty document for a clean run', () => {
    const { format } = lint({ 'drafts/clean.txt': 'Hello Ana, your parcel left today.' }, testLinter);
    expect(format('compact')).toBe('');
    expect(format('github')).toBe('');
    expect(JSON.parse(format('gitlab'))).toEqual([]);
    expect(JSON.parse(format('rdjson'))).toEqual({ source: { name: 'replylint' }, diagnostics: [] });
    expect(JSON.parse(format('sarif')).runs[0].results).toEqual([]);
  });
});

describe('compact', () => {
  it('prints one `path:line:col: severity message [rule]` line per problem, path relative to cwd', () => {
    const { format } = lint({
      'drafts/a.txt': 'Hi,\nsorry, your problem\nwill be fixed very soon.',
      'drafts/clean.txt': 'Hello Ana.',
      'b.md': 'We fixed your problem.',
    }, testLinter);
    expect(format('compact')).toBe([
      'drafts/a.txt:2:8: error "your problem" blames the customer. Write "the problem". [test-blame]',
      "drafts/a.txt:3:15: warning 'very soon' is 100% vague: say when, exactly [test-vague]",
      'b.md:1:10: error "your problem" blames the customer. Write "the problem". [test-blame]',
      '',
    ].join('\n'));
  });

  it('prints a parse warning without a rule id', () => {
    const { format } = lint({ 'd.md': '---\nlang: [oops\n---\nHello.' }, testLinter);
    expect(format('compact')).toMatch(/^d\.md:1:1: warning [^\n]+[^\]]\n$/);
  });
});

describe('github', () => {
  it('prints workflow commands with escaped properties and data, and the rewrite', () => {
    const file = 'drafts/re: refund, 100%.txt';
    const { format } = lint({ [file]: 'Hi,\nwe will call you very soon.\nSorry about your problem.' }, testLinter);
    expect(format('github').split('\n')).toEqual([
      '::warning file=drafts/re%3A refund%2C 100%25.txt,line=2,col=18,endLine=2,endColumn=27,title=test-vague::' +
        `'very soon' is 100%25 vague:%0Asay when, exactly (suggestion: "by Friday")`,
      '::error file=drafts/re%3A refund%2C 100%25.txt,line=3,col=13,endLine=3,endColumn=25,title=test-blame::' +
        '"your problem" blames the customer. Write "the problem". (suggestion: "the problem", fixable with --fix)',
      '',
    ]);
  });

  it("escapes as GitHub's toolkit does: %, CR, LF in data; also : and , in properties", () => {
    expect(escapeData('50% done:\r\nnext, then')).toBe('50%25 done:%0D%0Anext, then');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    // Escaping the escape character first: a literal "%0A" is not a line break.
    expect(escapeData('%0A')).toBe('%250A');
  });
});

describe('gitlab', () => {
  const report = (text: string, linter = fullLinter) => JSON.parse(lint({ 'drafts/en.md': text }, linter).format('gitlab')) as {
    description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } };
  }[];

  it('writes Code Quality issues', () => {
    const issues = report(EN);
    expect(issues.length).toBeGreaterThanOrEqual(3);
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
      expect(issue.description.startsWith(`${issue.check_name}: `)).toBe(true);
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(issue.location.path).toBe('drafts/en.md');
    }
    const blame = issues.filter((i) => i.check_name === 'test-blame');
    expect(blame.map((i) => [i.severity, i.location.lines.begin])).toEqual([['major', 3], ['major', 3]]);
    expect(issues.find((i) => i.check_name === 'test-vague')?.severity).toBe('minor');
  });

  it('gives two occurrences of one phrase different fingerprints, and every issue its own', () => {
    const issues = report(EN);
    const blame = issues.filter((i) => i.check_name === 'test-blame');
    expect(blame).toHaveLength(2);
    expect(blame[0].fingerprint).not.toBe(blame[1].fingerprint);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });

  it('keeps fingerprints when lines are inserted above (they do not hash the line number)', () => {
    const before = report(EN);
    const after = report(EN.replace('Hello Ana,\n', 'Hello Ana,\n\n\n'));
    expect(after.map((i) => i.fingerprint)).toEqual(before.map((i) => i.fingerprint));
    expect(after.map((i) => i.location.lines.begin)).toEqual(before.map((i) => i.location.lines.begin + 2));
  });

  it('changes fingerprints with the file', () => {
    const base = report(EN);
    const moved = JSON.parse(lint({ 'drafts/other.md': EN }).format('gitlab')) as typeof base;
    expect(moved.map((i) => i.fingerprint).filter((f) => base.some((b) => b.fingerprint === f))).toEqual([]);
  });

  it('shows fixing one of two identical problems as one resolved issue and no new one', () => {
    const before = report(EN, testLinter);
    const after = report(EN.replace('into your problem and', 'into it and'), testLinter);
    expect(before.filter((i) => i.check_name === 'test-blame')).toHaveLength(2);
    const gone = before.filter((b) => !after.some((a) => a.fingerprint === b.fingerprint));
    const added = after.filter((a) => !before.some((b) => b.fingerprint === a.fingerprint));
    expect(gone.map((i) => i.check_name)).toEqual(['test-blame']);
    expect(added).toEqual([]);
  });

  it('uses a correct pure-JS MD5 (agrees with node:crypto across padding boundaries and UTF-8)', () => {
    const inputs = ['', 'a', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(63), 'x'.repeat(64), 'y'.repeat(1000), 'àé 😀 ñ', '\u{10400}\uD800'];
    for (const s of inputs) expect([s, md5Hex(s)]).toEqual([s, createHash('md5').update(s, 'utf8').digest('hex')]);
  });
});

describe('sarif', () => {
  const schemaDraft07 = compileSchema('sarif/sarif-schema-2.1.0.json', false);
  const schemaErrata01 = compileSchema('sarif/sarif-schema-2.1.0-errata01.json', true);
  const files = { 'drafts/en.md': EN, 'drafts/es, re: 50%.txt': ES, 'drafts/broken.md': '---\nlang: [oops\n---\nHello, your problem is solved.' };

  it('validates against the OASIS SARIF 2.1.0 schemas (draft-07 copy and Errata 01)', () => {
    const { format } = lint(files);
    const log = JSON.parse(format('sarif'));
    expectValid(schemaDraft07, log);
    expectValid(schemaErrata01, log);
    const empty = JSON.parse(lint({ 'a.txt': 'Hello.' }).format('sarif'));
    expectValid(schemaDraft07, empty);
    expectValid(schemaErrata01, empty);
  });

  it('has what GitHub code scanning requires: tool, rules with descriptions and help, located results', () => {
    const { format, ctx } = lint(files);
    const log = JSON.parse(format('sarif'));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/^https:\/\//);
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    const driver = run.tool.driver;
    expect([driver.name, driver.version]).toEqual(['replylint', '9.8.7']);
    expect(driver.informationUri).toBeUndefined();
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(ctx.rules.map((r) => r.id));
    for (const rule of driver.rules) {
      const meta = ctx.rules.find((r) => r.id === rule.id)!;
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.shortDescription.text.length).toBeLessThanOrEqual(1024);
      expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024);
      expect(rule.help.text.startsWith(rule.fullDescription.text)).toBe(true);
      expect(rule.help.text).toContain('suggestion');
      expect(rule.help.text).toContain(meta.fixable ? 'applied by `replylint --fix`' : 'does not change text for this rule');
      expect(rule.defaultConfiguration.level).toBe(meta.severity);
    }
    expect(driver.rules.find((r: { id: string }) => r.id === 'test-vague').shortDescription.text).toBe('A promise with no date.');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///home/agent/shop/' } });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.results.length).toBeGreaterThan(4);
    for (const result of run.results) {
      expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning']).toContain(result.level);
      expect(result.message.text.length).toBeGreaterThan(0);
      expect(result.locations).toHaveLength(1);
      expect(result.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(Object.keys(result.locations[0].physicalLocation.region).sort()).toEqual(['endColumn', 'endLine', 'startColumn', 'startLine']);
    }
  });

  it('encodes artifact URIs relative to the working directory', () => {
    const log = JSON.parse(lint(files).format('sarif'));
    const uris = new Set(log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri));
    expect([...uris].sort()).toEqual(['drafts/broken.md', 'drafts/en.md', 'drafts/es%2C%20re%3A%2050%25.txt']);
  });

  it('points regions and fix replacements at the right text (UTF-16 columns, CRLF, emoji)', () => {
    const { format, text } = lint(files);
    const log = JSON.parse(format('sarif'));
    const byUri: Record<string, string> = { 'drafts/en.md': text('drafts/en.md'), 'drafts/es%2C%20re%3A%2050%25.txt': ES, 'drafts/broken.md': text('drafts/broken.md') };
    const at = (result: any) => {
      const loc = result.locations[0].physicalLocation;
      const r = loc.region;
      return sliceUtf16(byUri[loc.artifactLocation.uri], r.startLine, r.startColumn, r.endLine, r.endColumn);
    };
    const results = log.runs[0].results;
    const es = results.filter((r: any) => r.locations[0].physicalLocation.artifactLocation.uri.startsWith('drafts/es'));
    expect(es.map((r: any) => [r.ruleId, at(r)])).toEqual(expect.arrayContaining([['your-problem', 'su problema'], ['condescension', 'Como ya le dije']]));
    const en = results.filter((r: any) => r.locations[0].physicalLocation.artifactLocation.uri === 'drafts/en.md');
    expect(en.filter((r: any) => r.ruleId === 'test-blame').map(at)).toEqual(['your problem', 'your problem']);
    expect(en.filter((r: any) => r.ruleId === 'test-vague').map(at)).toEqual(['very soon']);

    // Fixes: the safe fix first, then the suggestions; each replaces exactly the matched text.
    const applied = (result: any, fix: any) => {
      const change = fix.artifactChanges[0];
      expect(change.artifactLocation).toEqual(result.locations[0].physicalLocation.artifactLocation);
      const [rep] = change.replacements;
      const d = rep.deletedRegion;
      return [sliceUtf16(byUri[change.artifactLocation.uri], d.startLine, d.startColumn, d.endLine, d.endColumn), rep.insertedContent.text];
    };
    const blame = en.find((r: any) => r.ruleId === 'test-blame');
    expect(blame.fixes.map((f: any) => applied(blame, f))).toEqual([['your problem', 'the problem'], ['your problem', 'this problem']]);
    expect(blame.fixes[0].description.text).toContain('--fix');
    const su = es.find((r: any) => r.ruleId === 'your-problem');
    expect(su.fixes.map((f: any) => applied(su, f))[0]).toEqual(['su problema', 'el problema']);
    const como = es.find((r: any) => r.ruleId === 'condescension');
    expect(como.fixes.map((f: any) => applied(como, f))).toEqual([['Como ya le dije', expect.any(String)]]);
    expect(como.fixes[0].description.text).not.toContain('--fix');
    const vague = en.find((r: any) => r.ruleId === 'test-vague');
    expect(vague.fixes.map((f: any) => applied(vague, f))).toEqual([['very soon', 'by Friday']]);
  });

  it('reports a parse warning as a tool notification, not as a result', () => {
    const log = JSON.parse(lint(files).format('sarif'));
    const [invocation] = log.runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(true);
    expect(invocation.toolExecutionNotifications).toHaveLength(1);
    const [note] = invocation.toolExecutionNotifications;
    expect(note.level).toBe('warning');
    expect(note.locations[0].physicalLocation.artifactLocation.uri).toBe('drafts/broken.md');
    expect(log.runs[0].results.every((r: any) => typeof r.ruleId === 'string')).toBe(true);
  });

  it('fingerprints results by matched text, as the GitLab report does', () => {
    const { format } = lint({ 'drafts/en.md': EN });
    const sarifPrints = JSON.parse(format('sarif')).runs[0].results.map((r: any) => Object.values(r.partialFingerprints)[0]);
    const gitlabPrints = JSON.parse(format('gitlab')).map((i: any) => i.fingerprint);
    expect(sarifPrints).toEqual(gitlabPrints);
  });
});

describe('rdjson', () => {
  const resultSchema = compileSchema('rdjson/DiagnosticResult.json', true);
  const diagnosticSchema = compileSchema('rdjson/Diagnostic.json', true);
  const files = { 'drafts/es.txt': ES, 'drafts/en.md': EN };

  it('validates against reviewdog’s DiagnosticResult schema (and each diagnostic against Diagnostic)', () => {
    const out = JSON.parse(lint(files).format('rdjson'));
    expectValid(resultSchema, out);
    for (const d of out.diagnostics) expectValid(diagnosticSchema, d);
    expect(out.source).toEqual({ name: 'replylint' });
    expect(out.diagnostics.map((d: any) => d.severity)).toEqual(expect.arrayContaining(['ERROR', 'WARNING']));
    expect(out.diagnostics.every((d: any) => ['ERROR', 'WARNING'].includes(d.severity) && typeof d.code.value === 'string')).toBe(true);
    expect(new Set(out.diagnostics.map((d: any) => d.location.path))).toEqual(new Set(['drafts/es.txt', 'drafts/en.md']));
  });

  it('counts columns in UTF-8 bytes, as reviewdog.proto specifies, and ranges cover the matched text', () => {
    const out = JSON.parse(lint(files).format('rdjson'));
    const es = out.diagnostics.filter((d: any) => d.location.path === 'drafts/es.txt');
    const su = es.find((d: any) => d.code.value === 'your-problem');
    const { start, end } = su.location.range;
    expect(start.line).toBe(3);
    expect(sliceUtf8(ES, 3, start.column, end.column)).toBe('su problema');
    // "Àlex 😀 aquí. Como ya le dije, " is 31 UTF-16 units but 35 UTF-8 bytes before "su problema".
    const line3 = linesOf(ES)[2];
    expect(start.column).toBe(Buffer.byteLength(line3.slice(0, line3.indexOf('su problema'))) + 1);
    expect(start.column).not.toBe(line3.indexOf('su problema') + 1);

    // Suggestions: the fix, then each suggestion, each covering the matched text.
    expect(su.suggestions[0].text).toBe('el problema');
    for (const s of su.suggestions) {
      expect(s.range.start.line).toBe(s.range.end.line);
      expect(sliceUtf8(ES, s.range.start.line, s.range.start.column, s.range.end.column)).toBe('su problema');
    }
    const como = es.find((d: any) => d.code.value === 'condescension');
    expect(como.suggestions).toHaveLength(1);
    expect(sliceUtf8(ES, 3, como.suggestions[0].range.start.column, como.suggestions[0].range.end.column)).toBe('Como ya le dije');

    const blame = out.diagnostics.filter((d: any) => d.code.value === 'test-blame');
    expect(blame.map((d: any) => d.suggestions.map((s: any) => s.text))).toEqual([['the problem', 'this problem'], ['the problem', 'this problem']]);
    for (const d of blame) {
      for (const s of d.suggestions) expect(sliceUtf8(EN, s.range.start.line, s.range.start.column, s.range.end.column)).toBe('your problem');
    }
  });

  it('omits code for a parse warning and suggestions where there is no rewrite', () => {
    const out = JSON.parse(lint({ 'd.md': '---\nlang: [oops\n---\nHello, we will reply very soon.' }, testLinter).format('rdjson'));
    const [warning, vague] = out.diagnostics;
    expect(warning.code).toBeUndefined();
    expect(warning.severity).toBe('WARNING');
    expect(vague.code).toEqual({ value: 'test-vague' });
    expectValid(resultSchema, out);
  });
});

describe('vendored schemas', () => {
  it('use no keyword whose meaning differs between draft-04 and draft-07 (so Ajv’s draft-07 engine is exact)', () => {
    for (const file of ['sarif/sarif-schema-2.1.0-errata01.json', ...readdirSync(new URL('./schemas/rdjson/', import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => `rdjson/${f}`)]) {
      const text = readFileSync(new URL(`./schemas/${file}`, import.meta.url), 'utf8');
      expect(JSON.parse(text).$schema).toBe('http://json-schema.org/draft-04/schema#');
      expect([file, text]).not.toEqual([file, expect.stringMatching(/"exclusive(?:Minimum|Maximum)"/)]);
      for (const m of text.matchAll(/"\$ref"\s*:\s*"([^"]*)"/g)) expect([file, m[1]]).toEqual([file, expect.stringMatching(/^#\//)]);
    }
  });
});

describe('loadFormatter', () => {
  it('loads each built-in format by name, the same function the API exports', async () => {
    const { FORMAT_NAMES, loadFormatter } = await import('../src/formatters/load-formatter.js');
    const { FORMATTERS } = await import('../src/formatters/index.js');
    expect([...FORMAT_NAMES].sort()).toEqual(Object.keys(FORMATTERS).sort());
    for (const name of FORMAT_NAMES) expect(await loadFormatter(name)).toBe(FORMATTERS[name]);
    await expect(loadFormatter('nope')).rejects.toThrow(/unknown format/);
  });
});
