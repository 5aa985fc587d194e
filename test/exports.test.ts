// Helpdesk exports (JSON, YAML, CSV): items and prose fields read with exact maps back to the
// raw file; every message lands on the raw file's characters and names its item; --fix edits
// inside strings only; presets are data (built in, or a team's own in config).
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYamlValue } from 'yaml';
import '../src/parse/html.js';
import { Linter, type LintMessage } from '../src/lint.js';
import { parseJson } from '../src/exports/json.js';
import { parseYaml } from '../src/exports/yaml.js';
import { parseCsv, parseCsvRows, sniffDelimiter } from '../src/exports/csv.js';
import { OffsetMap, liftFix } from '../src/exports/offset-map.js';
import { resolvePath } from '../src/exports/path.js';
import { readExport } from '../src/exports/read-export.js';
import { lintExport } from '../src/exports/lint-export.js';
import type { XNode, XString } from '../src/exports/tree.js';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { builtins } from './helpers/builtins.js';
import { runCli, runCliJson, tempTree } from './helpers/run-cli.js';

const HELPDESK = resolve(__dirname, '../fixtures/helpdesk');
const fixture = (name: string) => join(HELPDESK, name);
const linter = new Linter(builtins.rules, builtins.languages);

function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) at = text.indexOf('\n', at) + 1;
  return at + column - 1;
}
const pointedAt = (raw: string, m: Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>) => raw.slice(offsetOf(raw, m.line, m.column), offsetOf(raw, m.endLine, m.endColumn));

function atPointer(value: unknown, pointer: string): unknown {
  return pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')).reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], value);
}

type Result = { filePath: string; messages: LintMessage[]; lang: string | null };
function lintJson(file: string | string[], args: string[] = [], cwd?: string): { code: number | null; results: Result[]; stderr: string } {
  const r = runCliJson([...args, ...[file].flat()], { cwd });
  return { code: r.code, results: r.results as unknown as Result[], stderr: r.stderr };
}
/** One run of the built CLI over every bundled export (spawning is slow on a busy machine). */
let all: Map<string, Result> | undefined;
function fixtureResults(): Map<string, Result> {
  const files = readdirSync(HELPDESK).filter((f) => !f.startsWith('generic')).map(fixture);
  return (all ??= new Map(lintJson(files).results.map((r) => [r.filePath, r])));
}
const E2E = 240_000;

function strings(node: XNode, out: XString[] = []): XString[] {
  if (node.kind === 'string') out.push(node);
  else if (node.kind === 'object') node.entries.forEach((e) => strings(e.value, out));
  else if (node.kind === 'array') node.items.forEach((i) => strings(i, out));
  return out;
}

describe('reading exports', () => {
  it('decodes JSON strings with a map through \\n, \\", \\uXXXX and surrogate pairs; numbers stay text', () => {
    const raw = '{"a":"x\\n\\"q\\" \\u00e9 \\ud83d\\ude00 end","id":9007199254740993123}';
    const root = parseJson(raw);
    const [s] = strings(root);
    expect(s.value).toBe('x\n"q" é 😀 end');
    const at = s.value.indexOf('end');
    expect(raw.slice(s.map.toOuter(at, 'start'), s.map.toOuter(at + 3, 'end'))).toBe('end');
    const emoji = s.value.indexOf('😀');
    // A range never splits a pair: half an emoji widens to the whole escape.
    expect(raw.slice(s.map.toOuter(emoji + 1, 'start'), s.map.toOuter(emoji + 1, 'end'))).toBe('\\ud83d\\ude00');
    expect(raw.slice(s.map.toOuter(emoji, 'start'), s.map.toOuter(emoji + 1, 'end'))).toBe('\\ud83d\\ude00');
    expect(resolvePath(root, 'id')[0].node).toMatchObject({ kind: 'number', raw: '9007199254740993123' });
  });

  it('maps YAML scalars of every style back to the file, checked against the yaml package', () => {
    const raw = 'a: |\n  line one\n  line "two"\n\n  three\nb: >-\n  folded\n  text\n\n  para\nc: "dq \\u00e9 \\\n  cont\n  next"\nd: \'it\'\'s\n  folded\'\ne: plain\n  folded\n';
    const values = parseYamlValue(raw) as Record<string, string>;
    for (const s of strings(parseYaml(raw))) {
      expect(Object.values(values)).toContain(s.value);
      // Character for character, every linear segment is the file's text.
      for (const seg of s.map.segments) if (!seg.atomic) expect(raw.slice(seg.outer, seg.outerEnd)).toBe(s.value.slice(seg.inner, seg.innerEnd));
      expect(s.map.segments.some((g) => g.atomic && g.inner === 0 && g.innerEnd === s.value.length && s.value.length > 1)).toBe(false);
    }
  });

  it('parses CSV with quotes, "" escapes, CRLF and multi-line fields; sniffs the delimiter', () => {
    const raw = 'id;body\r\n1;"He said ""hi""\r\nline 2"\r\n2;plain\r\n';
    expect(sniffDelimiter(raw)).toBe(';');
    expect(parseCsvRows(raw, ';').map((r) => r.map((f) => f.value))).toEqual([['id', 'body'], ['1', 'He said "hi"\r\nline 2'], ['2', 'plain']]);
    const body = strings(parseCsv(raw).root)[1];
    const at = body.value.indexOf('hi');
    expect(raw.slice(body.map.toOuter(at - 1, 'start'), body.map.toOuter(at + 3, 'end'))).toBe('""hi""');
  });

  it('escapes a fix for the place it is written: JSON, HTML inside JSON, a CSV field that needs quotes', () => {
    const raw = '{"t":"say \\"x\\""}';
    const s = strings(parseJson(raw))[0];
    const f = liftFix({ range: [4, 7], text: 'a "b"\n' }, s.map, s.value, s.encoder)!;
    expect(raw.slice(0, f.range[0]) + f.text + raw.slice(f.range[1])).toBe('{"t":"say a \\"b\\"\\n"}');
    const csv = parseCsv('id,body\n1,plain\n').root;
    const field = strings(csv)[1];
    const g = liftFix({ range: [0, 5], text: 'a, "b"' }, field.map, field.value, field.encoder)!;
    expect(g).toEqual({ range: [10, 15], text: '"a, ""b"""' });
    expect(new OffsetMap(7).toOuter(0, 'start')).toBe(7);
  });

  it('detects every built-in preset from its documented shape, and keeps ids as text', () => {
    const expected: Record<string, string> = {
      'zendesk-macros.json': 'zendesk', 'zendesk-macro.json': 'zendesk', 'freshdesk-canned-responses.json': 'freshdesk',
      'helpscout-saved-replies.json': 'helpscout', 'intercom-macros.json': 'intercom', 'front-message-templates.json': 'front',
      'gorgias-macros.json': 'gorgias', 'zammad-text-modules.json': 'zammad', 'chatwoot-canned-responses.json': 'chatwoot',
      'osticket-canned-responses.yaml': 'osticket', 'osticket-canned-responses.csv': 'osticket',
    };
    for (const [file, preset] of Object.entries(expected)) {
      const read = readExport(readFileSync(fixture(file), 'utf8'), file);
      expect([file, read.source]).toEqual([file, preset]);
      expect(read.items.length).toBeGreaterThan(0);
      for (const item of read.items) expect(item.fields.length).toBeGreaterThan(0);
    }
    const zendesk = readExport(readFileSync(fixture('zendesk-macros.json'), 'utf8'), 'x.json');
    expect(zendesk.items.map((i) => i.id)).toEqual(['360111062754', '9007199254740993123', '360111062811']);
    // The ["channel:all", text] pair, the side conversation's subject and body; plain copies skipped when HTML exists.
    expect(zendesk.items[1].fields.map((f) => [f.name, f.pointer])).toEqual([['comment_value', '/macros/1/actions/0/value/1']]);
    expect(zendesk.items[2].fields.map((f) => f.name)).toEqual(['comment_value_html', 'side_conversation.subject', 'side_conversation.body']);
    const gorgias = readExport(readFileSync(fixture('gorgias-macros.json'), 'utf8'), 'x.json');
    expect(gorgias.items.map((i) => [i.locale, i.fields.map((f) => f.name)])).toEqual([['es', ['body_html']], ['ca', ['body_html']]]);
  });

  it('names the presets when a file has no known shape', () => {
    expect(() => readExport('{"name": "x", "version": "1.0.0"}', 'package.json')).toThrow(/cannot tell which helpdesk export this is; use --from zendesk\|freshdesk\|helpscout\|intercom\|front\|gorgias\|zammad\|chatwoot\|osticket/);
    expect(() => readExport('[]', 'x.json', { from: 'nope' })).toThrow(/unknown export preset 'nope'; valid: zendesk, freshdesk/);
  });
});

describe('architecture', () => {
  it('reads and lints exports without the file system or the process (src/exports is core)', () => {
    const SRC = resolve(__dirname, '../src');
    const seen = new Set<string>(), offenders: string[] = [];
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      if (/\bprocess\.(?:env|cwd|stdout|stderr|exit|argv)/.test(source)) offenders.push(`${file} uses process`);
      for (const [, spec] of source.matchAll(/^(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
        if (/^(?:node:|fs$|path$|os$)/.test(spec)) offenders.push(`${file} imports ${spec}`);
        if (spec.startsWith('.')) walk(join(file, '..', spec.replace(/\.js$/, '.ts')));
      }
    };
    for (const entry of ['exports/lint-export.ts', 'exports/read-export.ts', 'parse/html.ts', 'formatters/item.ts']) walk(join(SRC, entry));
    expect(seen.size).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});

describe('linting exports (core)', () => {
  it('reports per item: an address in any body is enough; subjects never need one', () => {
    const raw = JSON.stringify({ macros: [
      { id: 1, title: 'A', actions: [{ field: 'subject', value: 'Refund' }, { field: 'comment_value_html', value: '<p>Hi Ana, your refund left today.</p>' }] },
      { id: 2, title: 'B', actions: [{ field: 'subject', value: 'Refund' }, { field: 'comment_value_html', value: '<p>Hi Ana, write to {{ticket.brand.email}}.</p>' }] },
      { id: 3, title: 'C', actions: [{ field: 'comment_value_html', value: '<p>Hi Ana, we wrote to {{ticket.requester.email}}.</p>' }] },
    ] });
    const { result } = lintExport(linter, raw, { filePath: 'm.json' });
    const missing = result.messages.filter((m) => m.ruleId === 'missing-contact-email');
    expect(missing.map((m) => [m.item!.id, m.item!.field])).toEqual([['1', 'comment_value_html'], ['3', 'comment_value_html']]);
    // An appended signature declared in config (or by a preset) satisfies it.
    const signed = lintExport(linter, raw, { filePath: 'm.json', config: { signatureEmail: 'help@shop.example' } }).result;
    expect(signed.messages.filter((m) => m.ruleId === 'missing-contact-email')).toEqual([]);
    const own = lintExport(linter, raw, { filePath: 'm.json', from: 'ours', presets: { ours: { extends: 'zendesk', signatureEmail: 'help@shop.example' } } }).result;
    expect(own.messages.filter((m) => m.ruleId === 'missing-contact-email')).toEqual([]);
    // A team's own variable names count too (config contactVariables).
    const team = JSON.stringify({ macros: [{ id: 4, actions: [{ field: 'comment_value', value: 'Hi Ana, write to {{shop.helpline}}.' }] }] });
    expect(lintExport(linter, team, { filePath: 't.json' }).result.messages.some((m) => m.ruleId === 'missing-contact-email')).toBe(true);
    expect(lintExport(linter, team, { filePath: 't.json', config: { contactVariables: ['^shop\\.helpline$'] } }).result.messages.some((m) => m.ruleId === 'missing-contact-email')).toBe(false);
  });

  it('uses the item’s locale as the language before detection', () => {
    const raw = readFileSync(fixture('gorgias-macros.json'), 'utf8');
    const { result } = lintExport(linter, raw, { filePath: 'g.json' });
    const aviat = result.messages.find((m) => m.ruleId === 'vague-promise')!;
    expect(aviat.item!.id).toBe('23454');
    expect(aviat.message).toMatch(/no dona cap termini/);
  });
});

describe('exports end to end (built CLI)', () => {
  const JSON_FIXTURES = readdirSync(HELPDESK).filter((f) => f.endsWith('.json'));

  it('puts every message on the raw file’s characters, and its item position on the decoded field’s', () => {
    for (const file of JSON_FIXTURES) {
      const raw = readFileSync(fixture(file), 'utf8');
      const parsed = JSON.parse(raw);
      const result = fixtureResults().get(fixture(file))!;
      expect(result.messages.length).toBeGreaterThan(0);
      for (const m of result.messages) {
        const field = atPointer(parsed, m.item!.pointer);
        expect([file, m.item!.pointer, typeof field]).toEqual([file, m.item!.pointer, 'string']);
        const decoded = JSON.parse(`"${pointedAt(raw, m)}"`) as string;
        const at = offsetOf(field as string, m.item!.line, m.item!.column);
        expect([file, (field as string).slice(at, at + decoded.length)]).toEqual([file, decoded]);
        if (m.ruleId === 'missing-contact-email') expect([m.item!.line, m.item!.column, raw[offsetOf(raw, m.line, m.column) - 1]]).toEqual([1, 1, '"']);
      }
    }
  }, E2E);

  it('maps through escapes, HTML references, YAML scalars and CSV quoting onto the right characters', () => {
    const cases: Array<[string, string[], Record<string, string>]> = [
      ['zendesk-macros.json', [], { 'your-problem': 'your problem', 'negative-phrasing': 'Unfortunately we cannot', 'vague-promise': 'soon' }],
      ['zendesk-macro.json', [], { 'impersonal-greeting': 'Dear customer', condescension: 'Simply click' }],
      ['freshdesk-canned-responses.json', [], { 'company-policy': 'pol\\u00edtica de la empresa', 'vague-promise': 'en breve' }],
      ['osticket-canned-responses.yaml', [], { deferral: 'Someone will contact', 'vague-promise': 'en breve' }],
      ['osticket-canned-responses.csv', [], { 'impersonal-greeting': 'Dear customer', condescension: 'Simply use' }],
      ['generic-macros.csv', ['--csv-body-column', 'Body', '--csv-id-column', 'Macro ID', '--csv-title-column', 'Name', '--csv-locale-column', 'Language'], { 'vague-promise': 'pronto', 'impersonal-greeting': 'Estimado cliente' }],
    ];
    for (const [file, args, want] of cases) {
      const raw = readFileSync(fixture(file), 'utf8');
      const result = args.length ? lintJson(fixture(file), args).results[0] : fixtureResults().get(fixture(file))!;
      const got: Record<string, string> = {};
      for (const m of result.messages) if (m.ruleId && want[m.ruleId] !== undefined && got[m.ruleId] === undefined) got[m.ruleId] = pointedAt(raw, m);
      expect([file, got]).toEqual([file, want]);
    }
    // The second Zendesk "your problem" comes after a surrogate pair and a \u2019 escape.
    const raw = readFileSync(fixture('zendesk-macros.json'), 'utf8');
    const mine = fixtureResults().get(fixture('zendesk-macros.json'))!.messages.filter((m) => m.ruleId === 'your-problem');
    expect(mine.map((m) => [m.item!.id, pointedAt(raw, m), m.line])).toEqual([['360111062754', 'your problem', 11], ['360111062811', 'your problem', 34]]);
  }, E2E);

  it('gives each message its item: source, kind, id (as text beyond 2^53), title, field, pointer', () => {
    const { results } = lintJson(fixture('generic-macros.csv'), ['--csv-body-column', 'Body', '--csv-id-column', 'Macro ID', '--csv-title-column', 'Name', '--csv-locale-column', '4']);
    const m = results[0].messages.find((x) => x.ruleId === 'vague-promise')!;
    expect(m.item).toEqual({ source: 'csv', kind: 'row', id: '9007199254740995001', title: 'Entrega retrasada', field: 'Body', pointer: '/0/Body', line: 3, column: 19 });
    const z = fixtureResults().get(fixture('zendesk-macros.json'))!.messages.find((x) => x.ruleId === 'negative-phrasing')!;
    const body = JSON.parse(readFileSync(fixture('zendesk-macros.json'), 'utf8')).macros[0].actions[1].value as string;
    expect(z.item).toEqual({ source: 'zendesk', kind: 'macro', id: '360111062754', title: 'Billing::Refund', field: 'comment_value_html', pointer: '/macros/0/actions/1/value', line: 1, column: body.indexOf('Unfortunately') + 1 });
  }, E2E);

  it('names the item in stylish, compact, github, gitlab, rdjson and SARIF', () => {
    const file = fixture('zendesk-macros.json');
    const col = (JSON.parse(readFileSync(file, 'utf8')).macros[0].actions[1].value as string).indexOf('your problem') + 1;
    const stylish = runCli([file], { cwd: HELPDESK }).stdout;
    expect(stylish).toContain('zendesk-macros.json\n  [zendesk macro 360111062754 "Billing::Refund"]\n    11:52 ');
    expect(stylish).toMatch(new RegExp(`your-problem\\s+› comment_value_html 1:${col}\\n`));
    expect(stylish).toContain('  [zendesk macro 360111062811 "Damage::Photos received"]\n');
    const compact = runCli(['--format', 'compact', file], { cwd: HELPDESK }).stdout;
    expect(compact).toContain(`zendesk-macros.json:11:138: error [zendesk macro 360111062754 "Billing::Refund" › comment_value_html 1:${col}] "your problem"`);
    const github = runCli(['--format', 'github', file], { cwd: HELPDESK }).stdout;
    expect(github).toContain(`::error file=zendesk-macros.json,line=11,col=138,endLine=11,endColumn=150,title=your-problem::[zendesk macro 360111062754 "Billing::Refund" › comment_value_html 1:${col}] `);
    const gitlab = JSON.parse(runCli(['--format', 'gitlab', file], { cwd: HELPDESK }).stdout);
    expect(gitlab[0].description).toMatch(/^\[zendesk macro 360111062754 "Billing::Refund" › comment_value_html 1:1\] missing-contact-email: /);
    const rdjson = JSON.parse(runCli(['--format', 'rdjson', file], { cwd: HELPDESK }).stdout);
    const rd = rdjson.diagnostics.find((d: { code?: { value: string } }) => d.code?.value === 'your-problem');
    expect(rd.message).toMatch(new RegExp(`^\\[zendesk macro 360111062754 "Billing::Refund" › comment_value_html 1:${col}\\] `));
    expect(rd.location).toMatchObject({ path: 'zendesk-macros.json', range: { start: { line: 11 } } });
    const sarif = JSON.parse(runCli(['--format', 'sarif', file], { cwd: HELPDESK }).stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'your-problem');
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(resolve(__dirname, 'schemas/sarif/sarif-schema-2.1.0.json'), 'utf8')));
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    expect(result.locations[0].logicalLocations[0]).toMatchObject({ name: 'comment_value_html', fullyQualifiedName: 'zendesk macro 360111062754 "Billing::Refund" › comment_value_html', decoratedName: '/macros/0/actions/1/value', kind: 'property' });
  }, E2E);

  it('fails one named file with a one-line error naming the presets; the others are still linted', () => {
    const dir = tempTree({ 'package.json': '{"name": "x"}', 'a.txt': 'Hi Ana, write to help@shop.example.\n' });
    const r = runCli(['--format', 'json', 'package.json', 'a.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`replylint: ${join(dir, 'package.json')}: cannot tell which helpdesk export this is; use --from zendesk|freshdesk|helpscout|intercom|front|gorgias|zammad|chatwoot|osticket`]);
    expect(JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath)).toEqual([join(dir, 'a.txt')]);
    const bad = runCli(['bad.json'], { cwd: tempTree({ 'bad.json': '{"macros": [\n  {"id": 1,}\n]}' }) });
    expect(bad.stderr).toMatch(/bad\.json:2:12: /);
  }, E2E);

  it('never lints JSON, YAML or CSV found by a walk, unless a config glob gives them a preset (`from`)', () => {
    const zendesk = readFileSync(fixture('zendesk-macros.json'), 'utf8');
    const plain = tempTree({ 'exports/macros.json': zendesk, 'package.json': '{"name":"x"}', 'a.md': 'Hi Ana, write to help@shop.example.\n' });
    expect(JSON.parse(runCli(['--format', 'json', '.'], { cwd: plain }).stdout).map((x: { filePath: string }) => x.filePath)).toEqual([join(plain, 'a.md')]);
    const configured = tempTree({
      '.replylintrc.yaml': 'root: true\noverrides:\n  - files: ["exports/**/*.json"]\n    from: zendesk\n',
      'exports/macros.json': zendesk, 'package.json': '{"name":"x"}',
    });
    const r = runCli(['--format', 'json', '.'], { cwd: configured });
    const results = JSON.parse(r.stdout);
    expect(results.map((x: { filePath: string }) => x.filePath)).toEqual([join(configured, 'exports/macros.json')]);
    expect(results[0].messages.length).toBeGreaterThan(0);
  }, E2E);

  it('README: each helpdesk has a section with the endpoint or screen and a command that lints its export', () => {
    const readme = readFileSync(resolve(__dirname, '../README.md'), 'utf8');
    const from = readme.indexOf('\n### Getting the export, helpdesk by helpdesk\n');
    const section = readme.slice(from, readme.indexOf('\n### ', from + 1));
    const HELPDESKS: Array<[string, string, string]> = [
      ['Zendesk', 'zendesk', 'zendesk-macros.json'], ['Freshdesk', 'freshdesk', 'freshdesk-canned-responses.json'],
      ['Help Scout', 'helpscout', 'helpscout-saved-replies.json'], ['Intercom', 'intercom', 'intercom-macros.json'],
      ['Front', 'front', 'front-message-templates.json'], ['Gorgias', 'gorgias', 'gorgias-macros.json'],
      ['Zammad', 'zammad', 'zammad-text-modules.json'], ['Chatwoot', 'chatwoot', 'chatwoot-canned-responses.json'],
      ['osTicket', 'osticket', 'osticket-canned-responses.yaml'],
    ];
    const files: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const [name, preset, sample] of HELPDESKS) {
      const start = section.indexOf(`\n**${name}** — `);
      expect(start, name).toBeGreaterThan(-1);
      const next = section.indexOf('\n**', start + 1);
      const part = section.slice(start, next < 0 ? undefined : next);
      expect(part, name).toMatch(/`GET \/|\*[A-Z][^*]+ → [^*]+\*/);
      const command = /```sh\n(?:.*\n)*?replylint (\S+)\n```/.exec(part);
      expect(command, name).not.toBeNull();
      // The documented command, run on a sample saved under the name it uses, reads the right helpdesk.
      const raw = readFileSync(fixture(sample), 'utf8');
      files[command![1]] = sample.endsWith('.yaml') && command![1].endsWith('.json') ? JSON.stringify(parseYamlValue(raw)) : raw;
      expected[command![1]] = preset;
    }
    expect(readme).toMatch(/\n### CSV exports and database dumps\n[\s\S]*?```sh\nreplylint \S+\.csv --csv-body-column /);
    const dir = tempTree(files);
    const r = runCliJson(['--no-config-lookup', ...Object.keys(files)], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(Object.fromEntries(r.results.map((x) => [x.filePath.slice(dir.length + 1), x.messages.find((m) => m.item)?.item?.source]))).toEqual(expected);
  }, E2E);

  it('says so when a directory holds only exports, like a directory without drafts (exit 2)', () => {
    const zendesk = readFileSync(fixture('zendesk-macros.json'), 'utf8');
    const dir = tempTree({ 'one/macros.json': zendesk, 'two/a.json': zendesk, 'two/b.yaml': 'x: 1\n', 'empty/.keep': '', 'drafts/a.md': 'Hi Ana, write to help@shop.example.\n' });
    const list = '.md, .markdown, .txt, .html, .htm';
    const empty = runCli(['empty'], { cwd: dir });
    expect([empty.code, empty.stderr]).toEqual([2, `replylint: No files matching 'empty' (a directory with no ${list} file in it)\n`]);
    const one = runCli(['--format', 'json', 'one'], { cwd: dir });
    expect([one.code, one.stdout]).toEqual([2, '']);
    expect(one.stderr).toBe(`replylint: No files matching 'one' (a directory with no ${list} file in it, only a helpdesk export (JSON, YAML or CSV), which a walk leaves alone: name it (\`replylint one/macros.json\`) or give it a preset with a config \`from\`)\n`);
    // With other paths to lint: the error, the others' report, exit 2 (as for an empty directory).
    const mixed = runCli(['--format', 'json', 'two/', 'drafts'], { cwd: dir });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toBe(`replylint: No files matching 'two/' (a directory with no ${list} file in it, only 2 helpdesk exports (JSON, YAML or CSV), which a walk leaves alone: name them (\`replylint two/*.json\`) or give them a preset with a config \`from\`)\n`);
    expect(JSON.parse(mixed.stdout).map((x: { filePath: string }) => x.filePath)).toEqual([join(dir, 'drafts/a.md')]);
    // Named, it is linted; a directory with drafts besides exports is linted quietly.
    expect(runCli(['one/macros.json'], { cwd: dir }).stderr).toBe('');
    const drafts = runCli(['.'], { cwd: tempTree({ 'package.json': '{"name":"x"}', 'a.md': 'Hi Ana, write to help@shop.example.\n' }) });
    expect([drafts.code, drafts.stderr]).toEqual([0, '']);
  }, E2E);

  it('reads a team’s own preset from config, by `from` or by its `detect`', () => {
    const raw = JSON.stringify({ replies: [{ key: 'R-1', label: 'Refund', lang: 'en', html: '<p>Hi Ana, we fixed your problem soon.</p>' }] }, null, 2);
    const config = 'root: true\nexportPresets:\n  shopdesk:\n    kind: reply\n    items: ["replies[*]"]\n    detect: [key, html]\n    id: key\n    title: label\n    locale: lang\n    signatureEmail: help@shop.example\n    fields:\n      - path: html\n        format: html\n';
    const dir = tempTree({ '.replylintrc.yaml': config, 'replies.json': raw });
    const r = lintJson('replies.json', [], dir);
    expect(r.results[0].messages.map((m) => [m.ruleId, m.item!.source, m.item!.id])).toEqual([['your-problem', 'shopdesk', 'R-1'], ['vague-promise', 'shopdesk', 'R-1']]);
    const bad = runCli(['replies.json'], { cwd: tempTree({ '.replylintrc.yaml': 'exportPresets:\n  x:\n    fields:\n      - path: "a[b"\n', 'replies.json': raw }) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/\.replylintrc\.yaml:4:\d+: invalid path/);
  }, E2E);

  it('--fix rewrites inside the strings, escaped for JSON, YAML and CSV; everything else stays byte for byte', () => {
    const files = ['zendesk-macros.json', 'helpscout-saved-replies.json', 'osticket-canned-responses.yaml', 'osticket-canned-responses.csv'];
    const dir = tempTree({ '.replylintrc.yaml': 'root: true\ncontactEmail: help@shop.example\n' });
    for (const f of files) copyFileSync(fixture(f), join(dir, f));
    runCli(['--fix', ...files], { cwd: dir });
    for (const f of files) {
      const before = readFileSync(fixture(f), 'utf8'), after = readFileSync(join(dir, f), 'utf8');
      expect([f, after === before]).toEqual([f, false]);
      const tree = (t: string) => (f.endsWith('.json') ? parseJson(t) : f.endsWith('.csv') ? parseCsv(t).root : parseYaml(t));
      const a = strings(tree(before)), b = strings(tree(after));
      expect(b.length).toBe(a.length);
      // Put the original text back into every changed string: the file is the original again.
      let rebuilt = after;
      for (let k = b.length - 1; k >= 0; k--) if (a[k].value !== b[k].value) rebuilt = rebuilt.slice(0, b[k].start) + before.slice(a[k].start, a[k].end) + rebuilt.slice(b[k].end);
      expect([f, rebuilt === before]).toEqual([f, true]);
      // The values that changed are the fixed ones.
      for (let k = 0; k < a.length; k++) {
        if (a[k].value === b[k].value) continue;
        expect(b[k].value).not.toMatch(/your problem/);
        expect(b[k].value.replace(/the problem/g, 'your problem').replace(/(?:\n\n|<br><br>)If you have any other question, write to us at help@shop\.example\./, '')).toBe(a[k].value);
      }
      if (f.endsWith('.json')) expect(() => JSON.parse(after)).not.toThrow();
      if (f.endsWith('.yaml')) expect(parseYamlValue(after)).toBeTruthy();
    }
  }, E2E);

  it('lints CSV database dumps with --csv-*-column options, and says which columns exist', () => {
    const r = runCli([fixture('generic-macros.csv'), '--csv-body-column', 'Cuerpo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--csv-body-column 'Cuerpo' is not a column of this file; columns: Macro ID, Name, Language, Body");
  }, E2E);

  it.skipIf(!existsSync('/work/shared/corpus/real'))('does not flag osTicket, Zammad and Discourse template variables in the real corpus', () => {
    const r = runCli(['--format', 'json', '/work/shared/corpus/real']);
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: LintMessage[] }>;
    const ours = results.filter((x) => /(?:osticket|zammad|discourse)/.test(x.filePath));
    expect(ours.length).toBeGreaterThan(20);
    expect(ours.flatMap((x) => x.messages.filter((m) => m.ruleId === 'unfilled-placeholder').map((m) => `${x.filePath}:${m.line}`))).toEqual([]);
  }, E2E);
});
