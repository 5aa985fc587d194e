// The programmatic API from the package root: lint a string, load rule and language files, apply
// fixes, format results — and the README's "Programmatic API" example compiled against the
// built package's types and run, as a user of the package would.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  Linter, loadRuleFile, loadLanguage, applyFixes, FORMATTERS, parse, definePlugin,
  type LintResult, type Rule, type FormatContext,
} from '../src/index.js';

const ROOT = resolve(__dirname, '..');
const RULES = join(ROOT, 'rules');

/** What an API user does: read the YAML files and hand their text to the loaders. */
function loadAll() {
  const languages = new Map(readdirSync(join(RULES, 'languages')).filter((f) => f.endsWith('.yaml')).map((f) => {
    const { language, problems } = loadLanguage(f, readFileSync(join(RULES, 'languages', f), 'utf8'));
    expect(problems).toEqual([]);
    return [language!.lang, language!] as const;
  }));
  const rules = readdirSync(RULES).filter((f) => f.endsWith('.yaml')).map((f) => {
    const { rule, problems } = loadRuleFile(f, readFileSync(join(RULES, f), 'utf8'), languages);
    expect(problems).toEqual([]);
    return rule!;
  });
  return { languages, rules };
}

const { languages, rules } = loadAll();
const linter = new Linter(rules, languages);
const ctx = (over: Partial<FormatContext> = {}): FormatContext => ({ cwd: '/macros', colorLevel: 0, rules: rules.map((r) => r.meta), version: '0.1.0', sourceOf: () => undefined, ...over });

describe('loading rule and language files', () => {
  it('loads every built-in language and rule from their text', () => {
    expect([...languages.keys()].sort()).toEqual(['ca', 'en', 'es']);
    expect(rules.map((r) => r.meta.id)).toContain('your-problem');
    expect(rules.find((r) => r.meta.id === 'your-problem')!.meta).toMatchObject({ severity: 'error', fixable: true });
  });

  it('reports problems of an invalid file with file:line:col instead of throwing', () => {
    const { rule, problems } = loadRuleFile('bad.yaml', 'id: bad\nseverity: fatal\ndescription: x\nmessage: y\nphrases:\n  en:\n    - match: x\n', languages);
    expect(rule).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ file: 'bad.yaml', line: 2, column: 11 })]);
    expect(loadLanguage('xx.yaml', 'lang: [').problems.length).toBeGreaterThan(0);
  });

  it("runs a team's own rule given as text", () => {
    const { rule } = loadRuleFile('ticket-jargon.yaml', 'id: ticket-jargon\nseverity: warning\ndescription: Jargon.\nmessage: Say "{suggest}".\nfixable: true\nphrases:\n  en:\n    - match: ticket number\n      suggest: reference number\n', languages);
    const r = new Linter([rule!], languages).lintText('Your ticket number is 5.', { lang: 'en' });
    expect(r.messages).toEqual([expect.objectContaining({ ruleId: 'ticket-jargon', severity: 1, line: 1, column: 6, endColumn: 19, fix: { range: [5, 18], text: 'reference number' } })]);
  });
});

describe('linting a string', () => {
  const text = 'Hi Ana,\n\nWe fixed your problem today.\n\nLeo\n';

  it('returns an ESLint-shaped result with positions, the language and counts', () => {
    const r = linter.lintText(text, { filePath: 'reply.txt' });
    expect(r.filePath).toBe('reply.txt');
    expect(r.lang).toBe('en');
    const yp = r.messages.find((m) => m.ruleId === 'your-problem')!;
    expect(yp).toMatchObject({ severity: 2, line: 3, column: 10, endLine: 3, endColumn: 22, fix: { range: [18, 30], text: 'the problem' } });
    expect(text.slice(...yp.fix!.range)).toBe('your problem');
    expect(r).toMatchObject({ errorCount: 2, fixableErrorCount: 1, fatalErrorCount: 0 });
    expect(r.messages.map((m) => m.ruleId)).toEqual(['missing-contact-email', 'your-problem']);
  });

  it('takes per-call severities and the configuration (contactEmail turns on a fix)', () => {
    const r = linter.lintText(text, { rules: { 'your-problem': { severity: 1 }, 'missing-contact-email': { severity: 0 } } });
    expect(r.messages.map((m) => [m.ruleId, m.severity])).toEqual([['your-problem', 1]]);
    const withEmail = linter.lintText(text, { config: { contactEmail: 'help@shop.example' } });
    expect(withEmail.messages.find((m) => m.ruleId === 'missing-contact-email')!.fix?.text).toContain('help@shop.example');
  });

  it('picks the parser from filePath (a code span in Markdown is not prose) and honours --lang style options', () => {
    const md = 'Hi Ana,\n\n`your problem` is a code span. Write to help@shop.example.\n';
    expect(linter.lintText(md, { filePath: 'reply.md' }).messages).toEqual([]);
    expect(linter.lintText(md, { filePath: 'reply.txt' }).messages.map((m) => m.ruleId)).toEqual(['your-problem']);
    const es = linter.lintText('Hemos solucionado su problema. Escríbanos a ayuda@x.example.', { lang: 'es' });
    expect(es.lang).toBe('es');
    expect(es.messages[0].fix?.text).toBe('el problema');
    expect(parse('Hi `x`', 'a.md').prose).toBe('Hi    ');
  });

  it('runs plugin rules alongside file rules (definePlugin)', () => {
    const plugin = definePlugin({ rules: [{ meta: { id: 'no-shouting', severity: 'warning', languages: ['any'], fixable: false, description: 'x', options: {} }, check: (c) => { for (const m of c.doc.prose.matchAll(/\b[A-Z]{4,}\b/g)) c.report({ range: [m.index!, m.index! + m[0].length], message: 'Shouting.' }); } }] });
    const rule = (plugin.rules as Rule[])[0];
    const r = new Linter([{ ...rule, meta: { ...rule.meta, source: 'test' } } as Rule], languages).lintText('Please READ this.');
    expect(r.messages).toEqual([expect.objectContaining({ ruleId: 'no-shouting', line: 1, column: 8, endColumn: 12 })]);
  });
});

describe('applying fixes', () => {
  it('applies the fixes of a result; only the fixed spans change', () => {
    const text = '\tWe fixed your problem 👍 and your billing issue.\r\nWrite to help@shop.example.';
    const r = linter.lintText(text, { lang: 'en' });
    const { output, applied } = applyFixes(text, r.messages.flatMap((m) => (m.fix ? [m.fix] : [])));
    expect(applied).toBe(2);
    expect(output).toBe('\tWe fixed the problem 👍 and the billing issue.\r\nWrite to help@shop.example.');
  });

  it('never applies overlapping fixes in one pass: the later one waits', () => {
    const { output, applied } = applyFixes('abcdef', [{ range: [1, 4], text: 'X' }, { range: [2, 5], text: 'Y' }, { range: [5, 6], text: 'Z' }]);
    expect(applied).toBe(2);
    expect(output).toBe('aXeZ');
  });
});

describe('formatting results', () => {
  const text = 'Hi Ana,\n\nWe fixed your problem today. Write to help@shop.example.\n';
  const result: LintResult = linter.lintText(text, { filePath: '/macros/reply.txt' });

  it('formats with every named formatter, paths relative to cwd', () => {
    expect(Object.keys(FORMATTERS)).toEqual(expect.arrayContaining(['stylish', 'json', 'compact', 'sarif', 'github', 'gitlab', 'rdjson']));
    expect(FORMATTERS.stylish([result], ctx())).toContain('reply.txt\n  3:10  error');
    expect(FORMATTERS.compact([result], ctx())).toMatch(/^reply\.txt:3:10: error .+ \[your-problem\]$/m);
    expect(JSON.parse(FORMATTERS.json([result], ctx()))).toEqual([JSON.parse(JSON.stringify(result))]);
    expect(FORMATTERS.github([result], ctx())).toMatch(/^::error file=reply\.txt,line=3,col=10,endLine=3,endColumn=22,title=your-problem::/m);
    const sarif = JSON.parse(FORMATTERS.sarif([result], ctx({ sourceOf: () => text })));
    expect(sarif.version).toBe('2.1.0');
    expect(JSON.parse(FORMATTERS.gitlab([result], ctx({ sourceOf: () => text })))[0].location.path).toBe('reply.txt');
  });

  it('colours only when asked', () => {
    expect(FORMATTERS.stylish([result], ctx())).not.toMatch(/\x1b\[/);
    expect(FORMATTERS.stylish([result], ctx({ colorLevel: 1 }))).toMatch(/\x1b\[/);
  });
});

/** Files reachable by static imports from a built module. */
function importGraph(entry: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(entry)) return seen;
  const specs = [...readFileSync(entry, 'utf8').matchAll(/^(?:import|export)\s(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  seen.set(entry, specs);
  for (const s of specs) if (s.startsWith('.')) importGraph(join(dirname(entry), s), seen);
  return seen;
}

describe('the package root', () => {
  it('imports no Node-only module (it must load in a browser or an editor extension)', () => {
    const entry = join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).exports['.'].default);
    const graph = importGraph(entry);
    expect(graph.size).toBeGreaterThan(10);
    const offenders = [...graph].flatMap(([file, specs]) => specs.filter((s) => /^node:|^(?:fs|path|os|url|crypto|child_process|module|worker_threads)$/.test(s)).map((s) => `${file.slice(ROOT.length + 1)} imports ${s}`));
    expect(offenders).toEqual([]);
  });

  it("runs the README's example as a user would: compiled against the package's types, then run", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Programmatic API\n'), readme.indexOf('\n## Architecture\n'));
    const example = /^```ts\n([\s\S]*?)^```$/m.exec(section)![1];
    expect(example).toMatch(/from 'replylint'/);
    const dir = mkdtempSync(join(tmpdir(), 'replylint-api-'));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules/replylint'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')] },
      files: ['example.ts'],
    }));
    // The example's placeholders (the YAML texts), then the example verbatim, then what we check.
    writeFileSync(join(dir, 'example.ts'), [
      "import { readFileSync } from 'node:fs';",
      "import type { LintResult, LintMessage, Rule, RuleContext, ReplylintPlugin } from 'replylint';",
      `const yamlTextOf = (l: string) => readFileSync(${JSON.stringify(join(RULES, 'languages'))} + '/' + l + '.yaml', 'utf8');`,
      `const ruleYamlText = readFileSync(${JSON.stringify(join(RULES, 'your-problem.yaml'))}, 'utf8');`,
      example,
      'const typed: { r: LintResult; m: LintMessage[]; rule: Rule | undefined; c?: RuleContext; p?: ReplylintPlugin } = { r: result, m: result.messages, rule };',
      "console.log('RESULT ' + JSON.stringify({ fixed, errorCount: typed.r.errorCount, ruleIds: typed.m.map((m) => m.ruleId) }));",
    ].join('\n'));
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8', timeout: 120_000 });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    const run = spawnSync(process.execPath, [join(dir, 'out/example.js')], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/reply\.txt\n {2}1:10 {2}error .*your-problem/);
    expect(JSON.parse(/^RESULT (.*)$/m.exec(run.stdout)![1])).toEqual({ fixed: 'We fixed the problem.', errorCount: 1, ruleIds: ['your-problem'] });
  });
});

describe('Node API (replylint/node): files and configs as the CLI does them', async () => {
  const { lintFiles, resolveConfig } = await import('../src/node.js');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'replylint-api-'));
  writeFileSync(join(dir, '.replylintrc.yaml'), 'rules:\n  long-sentence: off\nlang: es\n');
  writeFileSync(join(dir, 'a.txt'), 'Hola Ana:\n\nHemos solucionado su problema. Escríbanos a ayuda@tienda.example.\n');
  it('lints a directory with its config and resolves a file\'s config', async () => {
    const [res] = await lintFiles([dir]);
    expect(res.lang).toBe('es');
    expect(res.messages.map((m) => m.ruleId)).toEqual(['your-problem']);
    const config = await resolveConfig(join(dir, 'a.txt'));
    expect(config.rules['long-sentence']).toEqual({ severity: 0 });
  });
});
