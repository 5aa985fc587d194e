// --fix, --fix-dry-run and --stdin --fix through the built CLI, checked on the bytes of the files:
// only the fixed spans change; BOM, line ends, trailing newline, mode, owner, symlinks survive;
// files that cannot be rewritten safely are left alone with an error, the others are fixed.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, runCliJson, tempTree } from './helpers/run-cli.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A draft built from literal parts and [before, after] fixed spans: its bytes before and after --fix. */
function draft(parts: (string | [string, string])[], opts: { bom?: boolean } = {}) {
  const side = (i: 0 | 1) => Buffer.concat([opts.bom ? BOM : Buffer.alloc(0), ...parts.map((p) => Buffer.from(typeof p === 'string' ? p : p[i]))]);
  return { before: side(0), after: side(1), fixedText: (opts.bom ? '\ufeff' : '') + parts.map((p) => (typeof p === 'string' ? p : p[1])).join('') };
}

// Everything a fix must not disturb: BOM, CRLF, a missing final newline, tabs, NBSP, emoji, accents.
const EN_CRLF = draft([
  'Hi Ana 👋,\r\n\r\nWe looked into ', ['your problem', 'the problem'], ' with the\tcourier today.\u00a0 \r\n',
  ['Your issue', 'The issue'], ' is solved — write to help@shop.example.\r\n\r\nLeo',
], { bom: true });
// Markdown: the phrase in a code span and in the customer's quoted text is not prose: not touched.
const ES_MD = draft([
  '---\ntitle: Envío\nlang: es\n---\nHola Ana:\n\nHemos resuelto ', ['su problema', 'el problema'], ' con el pedido. La causa ',
  ['de su problema', 'del problema'], ' era el transportista.\n\nEl texto `su problema` es código.\n\n> Tengo su problema desde ayer.\n\n',
  'Escríbanos a ayuda@tienda.example.\n',
]);
// Mixed line ends stay mixed.
const CA_MIXED = draft([
  'Hola Anna,\n\nHem solucionat ', ['el seu problema', 'el problema'], ' avui.\r\nEscrigui\'ns a ajuda@botiga.example.\r\n\n',
]);
const CLEAN = 'Hi Ana,\n\nYour parcel left today. Write to help@shop.example with any question.\n\nLeo\n';

/** The built CLI with raw bytes in and out (runCli decodes stdout as UTF-8). */
function runRaw(args: string[], input: Buffer, cwd?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input, timeout: 60_000, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

const ruleIds = (r: { messages: { ruleId: string }[] }) => r.messages.map((m) => m.ruleId);
const listing = (dir: string) => readdirSync(dir).sort();

describe('--fix', () => {
  it('changes only the bytes of the fixed spans: BOM, CRLF, mixed line ends, no final newline, code and quotes kept', () => {
    const dir = tempTree({ 'en.txt': EN_CRLF.before, 'es.md': ES_MD.before, 'sub/ca.txt': CA_MIXED.before, 'clean.txt': CLEAN });
    const cleanIno = statSync(join(dir, 'clean.txt')).ino;
    const r = runCli(['--fix', '.'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'en.txt')).equals(EN_CRLF.after)).toBe(true);
    expect(readFileSync(join(dir, 'es.md')).equals(ES_MD.after)).toBe(true);
    expect(readFileSync(join(dir, 'sub/ca.txt')).equals(CA_MIXED.after)).toBe(true);
    // A file with nothing to fix is not rewritten at all.
    expect(statSync(join(dir, 'clean.txt')).ino).toBe(cleanIno);
    // Said the readable way too, for the failure message.
    expect(readFileSync(join(dir, 'en.txt'), 'utf8')).toBe(EN_CRLF.fixedText);
  });

  it('keeps the file mode and, run as root, the owner', () => {
    const dir = tempTree({ 'a.txt': EN_CRLF.before, 'b.txt': ES_MD.before });
    chmodSync(join(dir, 'a.txt'), 0o640);
    chmodSync(join(dir, 'b.txt'), 0o600);
    const root = process.getuid?.() === 0;
    if (root) chownSync(join(dir, 'a.txt'), 4321, 4322);
    expect(runCli(['--fix', 'a.txt', 'b.txt'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'a.txt')).equals(EN_CRLF.after)).toBe(true);
    expect(statSync(join(dir, 'a.txt')).mode & 0o7777).toBe(0o640);
    expect(statSync(join(dir, 'b.txt')).mode & 0o7777).toBe(0o600);
    if (root) expect([statSync(join(dir, 'a.txt')).uid, statSync(join(dir, 'a.txt')).gid]).toEqual([4321, 4322]);
  });

  it('writes through a symlink to its target; the link stays a link', () => {
    const dir = tempTree({ 'real/target.txt': EN_CRLF.before });
    mkdirSync(join(dir, 'macros'));
    symlinkSync('../real/target.txt', join(dir, 'macros/link.txt'));
    const r = runCli(['--fix', 'macros/link.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'macros/link.txt')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'macros/link.txt'))).toBe('../real/target.txt');
    expect(readFileSync(join(dir, 'real/target.txt')).equals(EN_CRLF.after)).toBe(true);
    expect(listing(join(dir, 'real'))).toEqual(['target.txt']);
    expect(listing(join(dir, 'macros'))).toEqual(['link.txt']);
  });

  it('writes atomically: a new file renamed over the old one, no temporary file left behind', () => {
    const dir = tempTree({ 'a.txt': EN_CRLF.before, 'b.md': ES_MD.before });
    const ino = statSync(join(dir, 'a.txt')).ino;
    expect(runCli(['--fix', '.'], { cwd: dir }).code).toBe(0);
    expect(statSync(join(dir, 'a.txt')).ino).not.toBe(ino);
    expect(listing(dir)).toEqual(['a.txt', 'b.md']);
  });

  it('is idempotent: a second run finds nothing to fix and rewrites nothing', () => {
    const dir = tempTree({ 'a.txt': EN_CRLF.before, 'b.md': ES_MD.before });
    const first = runCli(['--fix', '.'], { cwd: dir });
    expect(first.code).toBe(0);
    const snapshot = ['a.txt', 'b.md'].map((f) => ({ bytes: readFileSync(join(dir, f)), ino: statSync(join(dir, f)).ino, mtime: statSync(join(dir, f)).mtimeMs }));
    const second = runCli(['--fix', '.'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('fixable');
    ['a.txt', 'b.md'].forEach((f, i) => {
      expect(readFileSync(join(dir, f)).equals(snapshot[i].bytes)).toBe(true);
      expect(statSync(join(dir, f)).ino).toBe(snapshot[i].ino);
      expect(statSync(join(dir, f)).mtimeMs).toBe(snapshot[i].mtime);
    });
  });

  const DOUBLED = 'id: doubled-word\nseverity: warning\ndescription: A word written twice in a row.\nmessage: \'"{match}" repeats a word.\'\nfixable: true\nphrases:\n  any:\n    - regex: \'(?<![\\p{L}])(\\p{L}+)\\s+\\1(?![\\p{L}])\'\n      suggest: $1\n';
  const FLIP = 'id: flip\nseverity: warning\ndescription: Rewrites that undo each other.\nmessage: Flip "{match}".\nfixable: true\nphrases:\n  any:\n    - match: alpha\n      suggest: beta\n    - match: beta\n      suggest: alpha\n';

  it('fixes again after each pass until nothing changes (a fix that reveals another)', () => {
    const dir = tempTree({ 'rules/doubled-word.yaml': DOUBLED, 'd.txt': 'We will call you very very very very early. Write to a@b.example.\n' });
    const dry = runCliJson(['--rulesdir', 'rules', '--fix-dry-run', 'd.txt'], { cwd: dir });
    // One pass turns "very very very very" into "very very"; only more passes reach "very".
    expect(dry.results[0].output).toBe('We will call you very early. Write to a@b.example.\n');
    expect(runCli(['--rulesdir', 'rules', '--fix', 'd.txt'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'd.txt'), 'utf8')).toBe('We will call you very early. Write to a@b.example.\n');
  });

  it('stops after a bounded number of passes when fixes undo each other', () => {
    const dir = tempTree({ 'rules/flip.yaml': FLIP, 'f.txt': 'alpha test. Write to a@b.example.\n' });
    const started = Date.now();
    const r = runCli(['--rulesdir', 'rules', '--fix', 'f.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(readFileSync(join(dir, 'f.txt'), 'utf8')).toMatch(/^(alpha|beta) test\. Write to a@b\.example\.\n$/);
  });

  it('never rewrites a file that is not clean UTF-8 (an error for it, exit 2), and fixes the others', () => {
    const latin1 = Buffer.concat([Buffer.from('Hola Ana:\n\nHemos solucionado su problema. Escr'), Buffer.from([0xed]), Buffer.from('banos a ayuda@x.example.\n')]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('We fixed your problem. Write to a@b.example.\n', 'utf16le')]);
    const dir = tempTree({ 'latin1.txt': latin1, 'utf16.txt': utf16, 'good.txt': EN_CRLF.before });
    const inos = ['latin1.txt', 'utf16.txt'].map((f) => statSync(join(dir, f)).ino);
    const r = runCliJson(['--fix', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/latin1\.txt: not fixed: the file did not decode cleanly as UTF-8/);
    expect(r.stderr).toMatch(/utf16\.txt: not fixed/);
    expect(readFileSync(join(dir, 'latin1.txt')).equals(latin1)).toBe(true);
    expect(readFileSync(join(dir, 'utf16.txt')).equals(utf16)).toBe(true);
    expect(['latin1.txt', 'utf16.txt'].map((f) => statSync(join(dir, f)).ino)).toEqual(inos);
    expect(readFileSync(join(dir, 'good.txt')).equals(EN_CRLF.after)).toBe(true);
    // The report describes the files as they are on disk: the unfixed problem is still reported.
    const results = r.results;
    const of = (name: string) => results.find((x) => x.filePath === join(dir, name))!;
    expect(ruleIds(of('latin1.txt'))).toContain('your-problem');
    expect(ruleIds(of('utf16.txt'))).toContain('your-problem');
    expect(ruleIds(of('good.txt'))).not.toContain('your-problem');
    expect(listing(dir)).toEqual(['good.txt', 'latin1.txt', 'utf16.txt']);
  });

  it('refuses a read-only file with a clear error (exit 2), leaves it as it was, and fixes the others', () => {
    const dir = tempTree({ 'ro.txt': EN_CRLF.before, 'rw.md': ES_MD.before });
    chmodSync(join(dir, 'ro.txt'), 0o444);
    const r = runCli(['--fix', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`replylint: ${join(dir, 'ro.txt')}: cannot write the fixes (read-only file)`);
    expect(readFileSync(join(dir, 'ro.txt')).equals(EN_CRLF.before)).toBe(true);
    expect(statSync(join(dir, 'ro.txt')).mode & 0o7777).toBe(0o444);
    expect(readFileSync(join(dir, 'rw.md')).equals(ES_MD.after)).toBe(true);
    expect(r.stdout).toMatch(/ro\.txt\n(?:.*\n)*.*your-problem/);
    expect(listing(dir)).toEqual(['ro.txt', 'rw.md']);
  });

  it('never applies suggestions: they are shown (stylish, JSON) and the text stays', () => {
    const text = 'Hi Ana,\n\nAs I already explained, the fee covers twelve months. Write to help@shop.example.\n\nLeo\n';
    const dir = tempTree({ 'a.txt': text });
    const [res] = runCliJson(['a.txt'], { cwd: dir }).results;
    const judged = res.messages.filter((m) => m.suggestions?.length && !m.fix);
    expect(judged.map((m) => m.ruleId)).toContain('condescension');
    const stylish = runCli(['a.txt'], { cwd: dir }).stdout;
    expect(stylish).toContain(`suggestion: ${JSON.stringify(judged[0].suggestions![0].fix.text)}\n`);
    expect(stylish).not.toContain('(fixable)');
    const ino = statSync(join(dir, 'a.txt')).ino;
    expect(runCli(['--fix', 'a.txt'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(text);
    expect(statSync(join(dir, 'a.txt')).ino).toBe(ino);
  });

  it('offers the missing-contact-email fix only when the config gives contactEmail', () => {
    const en = 'Hi Ana,\n\nYour refund was issued today.\n\nBest,\nLeo';
    const enCrlf = 'Hi Ana,\r\n\r\nYour refund was issued today.\r\n\r\nBest,\r\nLeo\r\n';
    const es = 'Hola Ana:\n\nHemos emitido el reembolso hoy.\n\nUn saludo,\nLeo\n';
    const bare = tempTree({ 'en.txt': en });
    const [plain] = runCliJson(['en.txt'], { cwd: bare }).results;
    expect(plain.messages.find((m) => m.ruleId === 'missing-contact-email')).toBeDefined();
    expect(plain.messages.find((m) => m.ruleId === 'missing-contact-email')!.fix).toBeUndefined();
    const r0 = runCli(['--fix', 'en.txt'], { cwd: bare });
    expect(r0.code).toBe(1);
    expect(readFileSync(join(bare, 'en.txt'), 'utf8')).toBe(en);

    const dir = tempTree({ '.replylintrc.yaml': 'root: true\ncontactEmail: help@shop.example\n', 'en.txt': en, 'crlf.txt': enCrlf, 'es.txt': es });
    const r = runCli(['--fix', '.'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Before the sign-off; no final newline added where there was none.
    expect(readFileSync(join(dir, 'en.txt'), 'utf8')).toBe('Hi Ana,\n\nYour refund was issued today.\n\nIf you have any other question, write to us at help@shop.example.\n\nBest,\nLeo');
    const crlf = readFileSync(join(dir, 'crlf.txt'), 'utf8');
    expect(crlf).toContain('Your refund was issued today.\r\n\r\nIf you have any other question, write to us at help@shop.example.\r\n\r\nBest,\r\nLeo\r\n');
    expect(crlf.replace(/\r\n/g, '')).not.toContain('\n');
    const esFixed = readFileSync(join(dir, 'es.txt'), 'utf8');
    expect(esFixed).toMatch(/^Hola Ana:\n\nHemos emitido el reembolso hoy\.\n\n[^\n]*help@shop\.example[^\n]*\n\nUn saludo,\nLeo\n$/);
    expect(esFixed).not.toContain('write to us');
  });
});

describe('the summary line', () => {
  it('counts the problems --fix can fix, errors and warnings apart', () => {
    const dir = tempTree({
      '.replylintrc.yaml': 'root: true\ncontactEmail: help@shop.example\n',
      'rules/doubled-word.yaml': 'id: doubled-word\nseverity: warning\ndescription: A word written twice in a row.\nmessage: \'"{match}" repeats a word.\'\nfixable: true\nphrases:\n  any:\n    - regex: \'(?<![\\p{L}])(\\p{L}+)\\s+\\1(?![\\p{L}])\'\n      suggest: $1\n',
      'a.txt': 'Hi Ana,\n\nWe fixed your problem and your billing issue. It took a long long time.\n\nLeo\n',
      'b.txt': 'Hi Ana,\n\nAs I already explained, the fee covers twelve months.\n\nLeo\n',
    });
    const r = runCli(['--rulesdir', 'rules', '.'], { cwd: dir });
    // a.txt: 2 your-problem + missing-contact-email (errors), doubled-word (warning); b.txt: missing-contact-email.
    expect(r.stdout).toContain('  4 errors and 1 warning potentially fixable with the `--fix` option.\n');
    const results = runCliJson(['--rulesdir', 'rules', '.'], { cwd: dir }).results;
    expect(results.map((x) => [x.fixableErrorCount, x.fixableWarningCount])).toEqual([[3, 1], [1, 0]]);
    const none = tempTree({ 'b.txt': 'Hi Ana,\n\nAs I already explained, the fee covers twelve months.\n\nLeo\n' });
    const plain = runCli(['b.txt'], { cwd: none });
    expect(plain.stdout).toMatch(/✖ \d+ problems?/);
    expect(plain.stdout).not.toContain('potentially fixable');
  });
});

describe('--fix-dry-run', () => {
  it('writes nothing; JSON results carry the fixed text as `output` (BOM included, as ESLint does)', () => {
    const dir = tempTree({ 'en.txt': EN_CRLF.before, 'es.md': ES_MD.before, 'clean.txt': CLEAN });
    const before = ['en.txt', 'es.md'].map((f) => ({ ino: statSync(join(dir, f)).ino, mtime: statSync(join(dir, f)).mtimeMs }));
    const r = runCliJson(['--fix-dry-run', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'en.txt')).equals(EN_CRLF.before)).toBe(true);
    expect(readFileSync(join(dir, 'es.md')).equals(ES_MD.before)).toBe(true);
    expect(['en.txt', 'es.md'].map((f) => ({ ino: statSync(join(dir, f)).ino, mtime: statSync(join(dir, f)).mtimeMs }))).toEqual(before);
    expect(listing(dir)).toEqual(['clean.txt', 'en.txt', 'es.md']);
    const results = r.results;
    const of = (name: string) => results.find((x) => x.filePath === join(dir, name))!;
    expect(of('en.txt').output).toBe(EN_CRLF.fixedText);
    expect(of('es.md').output).toBe(ES_MD.fixedText);
    expect(of('clean.txt')).not.toHaveProperty('output');
    // The messages are those left after fixing.
    expect(ruleIds(of('en.txt'))).not.toContain('your-problem');
  });

  it('gives formats the text the messages point into (fingerprints equal those of the fixed file)', () => {
    const text = 'Hi Ana,\n\nWe fixed your problem today. As I already explained, the fee covers twelve months.\n\nWrite to help@shop.example.\n\nLeo\n';
    const dir = tempTree({ 'a.txt': text, 'fixed/a.txt': text.replace('your problem', 'the problem') });
    const prints = (args: string[], cwd: string) => JSON.parse(runCli(['--format', 'gitlab', ...args], { cwd }).stdout).map((x: { fingerprint: string }) => x.fingerprint);
    const expected = prints(['a.txt'], join(dir, 'fixed'));
    expect(expected).toHaveLength(1);
    expect(prints(['--fix-dry-run', 'a.txt'], dir)).toEqual(expected);
    expect(prints(['--fix', 'a.txt'], dir)).toEqual(expected);
  });
});

describe('--stdin --fix', () => {
  it('prints the fixed draft, byte for byte as it came but for the fixed spans (BOM, CRLF kept)', () => {
    const r = runRaw(['--stdin', '--fix'], EN_CRLF.before);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.equals(EN_CRLF.after)).toBe(true);
    const es = runRaw(['--stdin', '--stdin-filename', 'reply.md', '--fix'], ES_MD.before);
    expect(es.stdout.equals(ES_MD.after)).toBe(true);
  });

  it('exits 1 when errors that cannot be fixed remain, printing the fixed draft all the same', () => {
    const r = runRaw(['--stdin', '--fix'], Buffer.from('We fixed your problem.\n'));
    expect(r.code).toBe(1);
    expect(r.stdout.toString()).toBe('We fixed the problem.\n');
  });

  it('carries `output` in JSON with --fix-dry-run', () => {
    const r = runCliJson(['--stdin', '--stdin-filename', 'reply.md', '--fix-dry-run'], { input: ES_MD.before });
    const [res] = r.results;
    expect(res.filePath).toBe('reply.md');
    expect(res.output).toBe(ES_MD.fixedText);
  });

  it('echoes a draft that is not clean UTF-8 unchanged, with an error (exit 2)', () => {
    const input = Buffer.concat([Buffer.from('We fixed your problem. Write to a@b.example. '), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')]);
    const r = runRaw(['--stdin', '--fix'], input);
    expect(r.code).toBe(2);
    expect(r.stdout.equals(input)).toBe(true);
    expect(r.stderr).toMatch(/<stdin>: not fixed/);
  });
});
