// Configuration as a team adopting replylint meets it: scenario folders, the built CLI.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson, tempTree } from './helpers/run-cli.js';

const LONG = 'We have looked at the order and we can see that it left the warehouse on Monday and that the courier then took it to the wrong depot, which is why it is late. Write to help@shop.example.\n';
const PLACEHOLDER = 'Hi [Customer Name], write to help@shop.example.\n';
const rulesOf = (res: { messages: Array<{ ruleId: string; severity: number }> }) => res.messages.map((m) => `${m.ruleId}:${m.severity}`);

describe('discovery and merging', () => {
  it('merges configs from the file upward, nearest winning, stopping at root: true', () => {
    const dir = tempTree({
      '.replylintrc.yaml': 'rules:\n  unfilled-placeholder: off\n  long-sentence: error\n',
      'team/.replylintrc.yaml': 'root: true\nrules:\n  long-sentence: off\n',
      'team/sub/.replylintrc.json': '{ "rules": { "unfilled-placeholder": "warning" } }',
      'a.txt': PLACEHOLDER + LONG,
      'team/sub/b.txt': PLACEHOLDER + LONG,
    });
    const { results } = runCliJson(['.'], { cwd: dir });
    expect(rulesOf(results[0])).toEqual(['long-sentence:2']);
    // team/ is root: the top config's long-sentence: error does not reach team/sub
    expect(rulesOf(results[1])).toEqual(['unfilled-placeholder:1']);
  });
  it('reads the replylint key of package.json, and --config / --no-config-lookup', () => {
    const dir = tempTree({
      'package.json': '{ "name": "macros", "replylint": { "rules": { "unfilled-placeholder": "off" } } }',
      'other.yaml': 'rules:\n  unfilled-placeholder: warn\n',
      'a.txt': PLACEHOLDER,
    });
    expect(rulesOf(runCliJson(['a.txt'], { cwd: dir }).results[0])).toEqual([]);
    expect(rulesOf(runCliJson(['--config', 'other.yaml', 'a.txt'], { cwd: dir }).results[0])).toEqual(['unfilled-placeholder:1']);
    expect(rulesOf(runCliJson(['--no-config-lookup', 'a.txt'], { cwd: dir }).results[0])).toEqual(['unfilled-placeholder:2']);
  });
  it('extends presets and relative files; a severity-only entry keeps the options from further away', () => {
    const dir = tempTree({
      'base.yaml': 'extends: replylint:strict\nrules:\n  long-sentence: [warn, { words: 100 }]\n',
      '.replylintrc.yaml': 'extends: ./base.yaml\nrules:\n  long-sentence: error\n',
      'a.txt': LONG + 'Simply do it. ' + 'word '.repeat(120) + '.\n',
    });
    const res = runCliJson(['a.txt'], { cwd: dir }).results[0];
    expect(rulesOf(res).filter((r: string) => r.startsWith('long-sentence'))).toEqual(['long-sentence:2']);
    const printed = JSON.parse(runCli(['--print-config', 'a.txt'], { cwd: dir }).stdout);
    expect(printed.rules['long-sentence']).toEqual(['error', { words: 100 }]);
    expect(printed.rules['script-reading'][0]).toBe('error');
    expect(printed.configFiles).toEqual([join(dir, 'base.yaml'), join(dir, '.replylintrc.yaml')]);
  });
  it('applies overrides by glob relative to the config file', () => {
    const dir = tempTree({
      '.replylintrc.yaml': 'overrides:\n  - files: ["macros/**/*.md"]\n    rules:\n      unfilled-placeholder: off\n  - files: ["*.txt"]\n    excludedFiles: ["keep.txt"]\n    lang: es\n',
      'macros/x/a.md': PLACEHOLDER,
      'b.md': PLACEHOLDER,
      'c.txt': 'Thanks a lot for writing.\n',
      'keep.txt': 'Thanks a lot for writing.\n',
    });
    const byName = Object.fromEntries(runCliJson(['.'], { cwd: dir }).results.map((r) => [r.filePath.slice(dir.length + 1), r]));
    expect(rulesOf(byName['macros/x/a.md'])).toEqual([]);
    expect(rulesOf(byName['b.md'])).toEqual(['unfilled-placeholder:2']);
    expect(byName['c.txt'].lang).toBe('es');
    expect(byName['keep.txt'].lang).toBe('en');
  });
  it('takes the language from front matter, then --lang, then config, then detection', () => {
    const dir = tempTree({ '.replylintrc.yaml': 'lang: ca\n', 'fm.md': '---\nlang: es\n---\nThank you for writing.\n', 'plain.md': 'Thank you for writing.\n' });
    expect(runCliJson(['fm.md', 'plain.md'], { cwd: dir }).results.map((r) => r.lang)).toEqual(['es', 'ca']);
    expect(runCliJson(['--lang', 'en', 'fm.md', 'plain.md'], { cwd: dir }).results.map((r) => r.lang)).toEqual(['es', 'en']);
    expect(runCliJson(['--no-config-lookup', 'plain.md'], { cwd: dir }).results[0].lang).toBe('en');
  });
  it('gives a draft in another language lang null, a warning, and only language-neutral rules', () => {
    const dir = tempTree({ 'fr.txt': 'Bonjour Marie, nous avons bien reçu votre colis et nous vous remercions pour votre patience aujourd\'hui. [Nom]\n' });
    const res = runCliJson(['fr.txt'], { cwd: dir }).results[0];
    expect(res.lang).toBeNull();
    expect(res.messages.map((m: { ruleId: string | null; message: string }) => m.ruleId ?? m.message)).toEqual([
      expect.stringMatching(/^Language not recognised/), 'missing-contact-email', 'unfilled-placeholder',
    ]);
  });
  it('lets a draft tune itself in front matter and ignores the user\'s other keys', () => {
    const dir = tempTree({ 'a.md': '---\ntitle: Refund macro\ntags: [billing]\nreplylint:\n  rules:\n    unfilled-placeholder: off\n---\n' + PLACEHOLDER });
    expect(rulesOf(runCliJson(['a.md'], { cwd: dir }).results[0])).toEqual([]);
  });
  it('lints quoted customer text with quotes: lint', () => {
    const dir = tempTree({ '.replylintrc.yaml': 'quotes: lint\n', 'a.txt': 'Hello, write to help@shop.example.\n\n> Hi [Customer Name]\n' });
    expect(rulesOf(runCliJson(['a.txt'], { cwd: dir }).results[0])).toEqual(['unfilled-placeholder:2']);
  });
  it('uses contactEmail to offer a fix for missing-contact-email, and --fix writes it', () => {
    const dir = tempTree({ '.replylintrc.yaml': 'contactEmail: help@shop.example\n', 'a.txt': 'Hi Ana,\r\n\r\nYour refund left today.\r\n\r\nLeo\r\n' });
    const res = runCliJson(['a.txt'], { cwd: dir }).results[0];
    expect(res.messages[0]).toMatchObject({ ruleId: 'missing-contact-email', fix: { text: '\r\n\r\nIf you have any other question, write to us at help@shop.example.' } });
    expect(runCli(['--fix', 'a.txt'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('Hi Ana,\r\n\r\nYour refund left today.\r\n\r\nIf you have any other question, write to us at help@shop.example.\r\n\r\nLeo\r\n');
  });
});

describe('fatal configuration errors name file, line and column and the valid choices', () => {
  const fatal = (files: Record<string, string>, args = ['a.txt']) => {
    const r = runCli(args, { cwd: tempTree({ 'a.txt': PLACEHOLDER, ...files }) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    return r.stderr.trim();
  };
  it('reports a YAML syntax error', () => {
    expect(fatal({ '.replylintrc.yaml': 'rules:\n  a: [off\n' })).toMatch(/\.replylintrc\.yaml:\d+:\d+: YAML syntax error/);
  });
  it('reports an unknown key with a suggestion', () => {
    expect(fatal({ '.replylintrc.yaml': 'lang: en\nrulez: {}\n' })).toMatch(/\.replylintrc\.yaml:2:1: unknown key 'rulez' \(did you mean 'rules'\?\); valid keys: root, extends, lang, rules/);
  });
  it('reports an unknown rule id, a bad severity and a bad option', () => {
    const out = fatal({ '.replylintrc.yaml': 'rules:\n  your-problm: error\n  long-sentence: [loud]\n  long-paragraph: [warn, { lines: 3 }]\n' });
    expect(out.split('\n')).toEqual([
      expect.stringMatching(/:3:19: invalid severity "loud"; valid: off, warn, warning, error/),
    ]);
    const out2 = fatal({ '.replylintrc.yaml': 'rules:\n  your-problm: error\n  long-paragraph: [warn, { lines: 3 }]\n  long-sentence: [warn, { words: many }]\n' });
    expect(out2.split('\n')).toEqual([
      expect.stringMatching(/:2:3: unknown rule 'your-problm' \(did you mean 'your-problem'\?\); valid rules: .*long-sentence/),
      expect.stringMatching(/:3:28: unknown option 'lines' for rule 'long-paragraph'; valid options: sentences, words/),
      expect.stringMatching(/:4:34: option 'words' of rule 'long-sentence' expects a non-negative number, got "many"/),
    ]);
  });
  it('reports errors in a draft\'s front matter block at the draft\'s own lines', () => {
    expect(fatal({ 'b.md': '---\ntitle: x\nreplylint:\n  rules:\n    nope: off\n---\nHi.\n' }, ['b.md'])).toMatch(/b\.md:5:5: unknown rule 'nope'/);
  });
  it('reports a bad extends', () => {
    expect(fatal({ '.replylintrc.yaml': 'extends: eslint:recommended\n' })).toMatch(/:1:10: cannot extend 'eslint:recommended'; valid: replylint:recommended, replylint:strict, replylint:all/);
  });
});

describe('rulePaths and plugins', () => {
  const JARGON = 'id: ticket-jargon\nseverity: warning\ndescription: Jargon.\nmessage: Say "{suggest}".\nphrases:\n  en:\n    - match: ticket number\n      suggest: reference number\n';
  it('loads a team\'s own YAML rules from rulePaths, relative to the config', () => {
    const dir = tempTree({ 'cfg/.replylintrc.yaml': 'rulePaths: [../team-rules]\n', 'team-rules/ticket-jargon.yaml': JARGON, 'cfg/a.txt': 'Your ticket number is 4. Write to a@b.example.\n' });
    expect(rulesOf(runCliJson(['cfg/a.txt'], { cwd: dir }).results[0])).toEqual(['ticket-jargon:1']);
  });
  it('runs the example plugin, whose rule fixes, is configured and disabled like any rule', () => {
    const plugin = resolve(__dirname, '../fixtures/plugin-order-number');
    const r = runCliJson(['en-order-number.txt'], { cwd: plugin });
    expect(r.results[0].messages).toEqual([expect.objectContaining({ ruleId: 'order-number-format', severity: 2, line: 3, column: 35, fix: expect.objectContaining({ text: 'SH-204518' }) })]);
    expect(runCli(['--no-plugins', 'en-order-number.txt'], { cwd: plugin }).stderr).toMatch(/\.replylintrc\.yaml:3:11: plugin '\.\/order-number-plugin\.js' refused: --no-plugins/);
    const dir = tempTree({
      '.replylintrc.yaml': `plugins: [${join(plugin, 'order-number-plugin.js').replace(/^/, './' + '../'.repeat(8)).replace(/\/+\//g, '/')}]\n`,
    });
    void dir;
  });
  it('refuses a plugin that cannot be found, without installing it', () => {
    const r = runCli(['a.txt'], { cwd: tempTree({ '.replylintrc.yaml': 'plugins: [replylint-plugin-nope]\n', 'a.txt': 'Hi.\n' }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot find plugin 'replylint-plugin-nope'.*never installed automatically/);
  });
});

describe('inline directives', () => {
  it('disables rules in Markdown with HTML comments, and in plain text with template comments', () => {
    const dir = tempTree({
      'a.md': '<!-- replylint-disable-next-line unfilled-placeholder -->\nHi [Name],\n\nHi [Name] again. <!-- replylint-disable-line -->\n\n<!-- replylint-disable -->\n[First]\n<!-- replylint-enable -->\n[Second] help@x.example\n',
      'b.txt': '{{!-- replylint-disable-next-line unfilled-placeholder --}}\nHi [Name],\n{# replylint-disable-line #} [Other]\n[Third] help@x.example\n',
    });
    const [a, b] = runCliJson(['a.md', 'b.txt'], { cwd: dir }).results;
    expect(a.messages.map((m: { line: number }) => m.line)).toEqual([9]);
    expect(b.messages.map((m: { line: number }) => m.line)).toEqual([4]);
  });
  it('reports an HTML comment directive in plain text (it would reach the customer) and unknown rule ids', () => {
    const dir = tempTree({ 'a.txt': '<!-- replylint-disable -->\nhelp@x.example\n', 'b.md': '<!-- replylint-disable your-problm -->\nhelp@x.example\n' });
    const [a, b] = runCliJson(['a.txt', 'b.md'], { cwd: dir }).results;
    expect(a.messages[0].message).toMatch(/In plain text, write directives as \{\{!-- replylint-… --\}\}/);
    expect(b.messages[0].message).toMatch(/Unknown rule 'your-problm' in replylint-disable directive \(did you mean 'your-problem'\?\)/);
  });
  it('reports directives that suppressed nothing with --report-unused-disable-directives', () => {
    const dir = tempTree({ 'a.md': '<!-- replylint-disable-next-line long-sentence -->\nHi [Name], help@x.example\n' });
    expect(runCliJson(['a.md'], { cwd: dir }).results[0].messages).toEqual([expect.objectContaining({ ruleId: 'unfilled-placeholder' })]);
    const msgs = runCliJson(['--report-unused-disable-directives', 'a.md'], { cwd: dir }).results[0].messages;
    expect(msgs.map((m: { message: string }) => m.message)).toContainEqual("Unused replylint-disable-next-line directive (no problems were reported from 'long-sentence')");
  });
});

describe('ignoring and introspection', () => {
  it('honours .replylintignore, --ignore-path, --no-ignore and ignorePatterns; warns for an ignored file named explicitly', () => {
    const dir = tempTree({
      '.replylintignore': 'archive/\n', 'alt-ignore': 'new/\n', '.replylintrc.yaml': 'ignorePatterns: ["*.draft.md"]\n',
      'archive/a.md': PLACEHOLDER, 'new/b.md': PLACEHOLDER, 'c.draft.md': PLACEHOLDER, 'd.md': PLACEHOLDER,
    });
    const names = (args: string[]) => runCliJson(args, { cwd: dir }).results.map((r) => r.filePath.slice(dir.length + 1));
    expect(names(['.'])).toEqual(['d.md', 'new/b.md']);
    expect(names(['--ignore-path', 'alt-ignore', '.'])).toEqual(['archive/a.md', 'd.md']);
    expect(names(['--no-ignore', '.'])).toEqual(['archive/a.md', 'c.draft.md', 'd.md', 'new/b.md']);
    const explicit = runCliJson(['archive/a.md'], { cwd: dir }).results[0];
    expect(explicit.messages).toEqual([expect.objectContaining({ severity: 1, message: expect.stringMatching(/File ignored because of a matching ignore pattern/) })]);
  });
  it('--init writes a commented starter config that then loads, and never overwrites', () => {
    const dir = tempTree({ 'a.txt': PLACEHOLDER });
    expect(runCli(['--init'], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, '.replylintrc.yaml'))).toBe(true);
    expect(readFileSync(join(dir, '.replylintrc.yaml'), 'utf8')).toMatch(/^# replylint configuration/);
    expect(runCli(['a.txt'], { cwd: dir }).code).toBe(1);
    expect(runCli(['--init'], { cwd: dir }).code).toBe(2);
  });
  it('--list-rules lists every rule with severity, languages, fixability and description', () => {
    const out = runCli(['--list-rules']).stdout;
    expect(out).toMatch(/^your-problem\s+error\s+en,es,ca\s+fixable\s+\S/m);
    expect(out).toMatch(/^long-sentence\s+warning\s+any\s+\S/m);
  });
});
