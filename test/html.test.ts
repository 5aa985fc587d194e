// HTML drafts: prose with exact source positions through tags and character references; quotes,
// code, style, script and comments left out; blocks from block elements and <br><br>; the built
// CLI lints .html files and walks them in directories.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../src/parse/html.js';
import { parse } from '../src/parse/parse.js';
import { charRefAt, decodeEntities } from '../src/parse/html.js';
import { htmlView } from '../src/exports/html-view.js';
import { lintHtml } from '../src/exports/lint-export.js';
import { Linter, type LintMessage } from '../src/lint.js';
import { builtins } from './helpers/builtins.js';
import { runCli, tempTree } from './helpers/run-cli.js';

const ATTRIBUTIONS = [...builtins.languages.values()].flatMap((l) => (l.quoteAttribution ? [l.quoteAttribution] : []));
const doc = (html: string, quotes: 'skip' | 'lint' = 'skip') => parse(html, 'draft.html', { quotes, quoteAttributions: ATTRIBUTIONS });
const blocksOf = (html: string) => { const d = doc(html); return d.blocks.map((b) => d.prose.slice(b.start, b.end)); };
const linter = new Linter(builtins.rules, builtins.languages);

/** The raw text a message points at (line/column → offsets of the raw file). */
function pointedAt(raw: string, m: Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>): string {
  const starts = [0];
  for (let i = 0; i < raw.length; i++) if (raw[i] === '\n') starts.push(i + 1);
  return raw.slice(starts[m.line - 1] + m.column - 1, starts[m.endLine - 1] + m.endColumn - 1);
}

describe('HTML parser', () => {
  it('keeps text at its source offsets and blanks tags, keeping the prose as long as the text', () => {
    const html = '<p>Hi <b>Ana</b>,</p>\n<p>Your parcel left.</p>';
    const d = doc(html);
    expect(d.format).toBe('html');
    expect(d.prose.length).toBe(html.length);
    expect(d.prose.indexOf('Ana')).toBe(html.indexOf('Ana'));
    expect(d.prose.indexOf('Your parcel left.')).toBe(html.indexOf('Your parcel left.'));
    expect(d.prose).not.toMatch(/<|>/);
  });

  it('puts a character reference’s character on its own source span', () => {
    const html = '<p>Fish &amp; chips, caf&eacute;, 5&nbsp;h, &lt;insert date&gt;</p>';
    const d = doc(html);
    const amp = html.indexOf('&amp;');
    expect(d.prose.slice(amp, amp + 5).trim()).toBe('&');
    const nbsp = html.indexOf('&nbsp;');
    expect(d.prose.slice(nbsp, nbsp + 6)).toBe('\u00a0'.repeat(6));
    // Next to the word it belongs to: "<insert date>" reads as one run.
    expect(d.prose).toContain('<insert date>');
  });

  it('decodes references as HTML does: numeric, named, legacy without a semicolon, windows-1252', () => {
    expect(decodeEntities('&#39;&#x2019;&eacute;&copy2025&notit;&#150;&#0;')).toBe('\u0027\u2019é©2025¬it;\u2013\ufffd');
    expect(charRefAt('&nope;', 0)).toBeUndefined();
    expect(charRefAt('&amp;', 0)).toEqual({ start: 0, end: 5, value: '&' });
  });

  it('leaves out blockquotes, code, pre, style, script, head and comments, recording them', () => {
    const html = '<head><title>your problem</title><style>p{}</style></head><p>Keep this.</p><blockquote>quoted problem</blockquote><pre>pre text</pre><p>and <code>code</code>.</p><script>var x = "script";</script><!-- a comment -->';
    const d = doc(html);
    for (const hidden of ['your problem', 'quoted problem', 'pre text', 'code', 'script', 'a comment', 'p{}']) expect(d.prose).not.toContain(hidden);
    expect(d.prose).toContain('Keep this.');
    const kinds = new Set(d.entities.map((e) => e.kind));
    for (const k of ['quote', 'code', 'comment'] as const) expect(kinds.has(k)).toBe(true);
    // quotes: lint lets the quote in.
    expect(doc(html, 'lint').prose).toContain('quoted problem');
  });

  it('makes paragraphs of block elements and <br><br> runs; one <br> is a line break inside one', () => {
    expect(blocksOf('<p>One.</p><div>Two.</div><ul><li>Three.</li><li>Four.</li></ul><table><tr><td>Five.</td><td>Six.</td></tr></table><h2>Seven.</h2>'))
      .toEqual(['One.', 'Two.', 'Three.', 'Four.', 'Five.', 'Six.', 'Seven.']);
    expect(blocksOf('Hi Ana,<br><br>Line one<br>line two.<br><br>Leo')).toEqual(['Hi Ana,', 'Line one\n   line two.', 'Leo']);
  });

  it('reads <insert date> (no HTML element) as the agent’s text, Intercom’s attribute fallback as prose', () => {
    const d = doc('<p>We call on <insert date>. Hi <attribute key="user.name" default="there"/>!</p>');
    expect(d.prose).toContain('<insert date>');
    expect(d.prose).toContain('there');
    expect(d.prose).not.toContain('user.name');
    expect(d.entities.some((e) => e.kind === 'template')).toBe(true);
  });

  it('counts a mailto link and a team-address variable as an address, the customer’s own variable not', () => {
    expect(doc('<p>Write to <a href="mailto:help@shop.example">us</a>.</p>').entities.some((e) => e.kind === 'email')).toBe(true);
    expect(doc('<p>Write to {{ticket.brand.email}}.</p>').entities.some((e) => e.kind === 'email')).toBe(true);
    expect(doc('<p>We wrote to {{ticket.requester.email}}.</p>').entities.some((e) => e.kind === 'email')).toBe(false);
  });

  it('puts the "On …, Ana wrote:" line of a quoted e-mail with the quote', () => {
    const d = doc('<p>Thanks!</p><div>On Mon, 3 Mar 2025, Ana wrote:<br></div><blockquote>It is your fault.</blockquote>');
    expect(d.prose).toContain('Thanks!');
    expect(d.prose).not.toContain('wrote');
  });
});

describe('HTML view', () => {
  it('decodes references that change no markup, and maps every offset back', () => {
    const src = 'don&#39;t &lt;b&gt; &lt;insert date&gt; R&amp;D &amp;copy; caf&eacute;';
    const v = htmlView(src);
    expect(v.text).toBe("don't &lt;b> <insert date> R&D &amp;copy; café");
    const at = v.text.indexOf('café');
    expect(src.slice(v.map.toOuter(at, 'start'), v.map.toOuter(at + 4, 'end'))).toBe('caf&eacute;');
  });

  it('lints through the view: phrases match across references, positions land on the source', () => {
    const raw = '<p>Hola Ana,</p><p>Es la pol&iacute;tica de la empresa. It&#39;s your&nbsp;problem.</p>';
    const r = lintHtml(linter, raw, { filePath: 'x.html', lang: 'es' });
    const policy = r.messages.find((m) => m.ruleId === 'company-policy')!;
    expect(pointedAt(raw, policy)).toBe('pol&iacute;tica de la empresa');
  });
});

describe('HTML end to end (built CLI)', () => {
  const FIXTURE = resolve(__dirname, '../fixtures/en-delayed-order-bad.html');
  it('lints a .html file with positions on the raw file’s characters', () => {
    const raw = readFileSync(FIXTURE, 'utf8');
    const r = runCli(['--format', 'json', FIXTURE]);
    expect(r.code).toBe(1);
    const [result] = JSON.parse(r.stdout);
    const got = Object.fromEntries(result.messages.filter((m: LintMessage) => m.ruleId).map((m: LintMessage) => [m.ruleId, pointedAt(raw, m)]));
    expect(got).toMatchObject({
      'impersonal-greeting': 'Dear customer',
      'your-problem': 'your&nbsp;problem',
      'negative-phrasing': 'Unfortunately we cannot',
      'unfilled-placeholder': '&lt;insert date&gt;',
      condescension: 'As I already explained',
      'vague-promise': 'soon',
    });
    // Nothing from the head, the style, the pre, the comment or the quoted e-mail.
    const lines = result.messages.map((m: LintMessage) => m.line);
    expect(Math.max(...lines)).toBeLessThan(12);
    expect(result.messages.filter((m: LintMessage) => m.ruleId === 'your-problem')).toHaveLength(1);
  }, 240_000);

  it('walks *.html and *.htm in directories; the bundled fixtures still lint', () => {
    const dir = tempTree({ 'a.html': '<p>Hi Ana, we fixed your problem. Write to help@shop.example.</p>', 'b.htm': '<p>Hi Ana, all good. Write to help@shop.example.</p>', 'c.json': '{"macros": []}' });
    const r = runCli(['--format', 'json', dir]);
    const files = JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath);
    expect(files).toEqual([join(dir, 'a.html'), join(dir, 'b.htm')]);
    const all = runCli(['--format', 'json', resolve(__dirname, '../fixtures')]);
    expect(all.code).toBe(1);
    const paths = JSON.parse(all.stdout).map((x: { filePath: string }) => x.filePath);
    expect(paths.some((p: string) => p.endsWith('.html'))).toBe(true);
    expect(paths.some((p: string) => /helpdesk/.test(p))).toBe(false);
  }, 240_000);

  it('--fix rewrites inside the HTML: the fixed phrase replaces its whole source span, an added sentence is a new line', () => {
    const raw = '<p>Hi Ana,</p>\n<p>We fixed your&nbsp;problem today.</p>\n<p>Leo</p>\n';
    const dir = tempTree({ 'd.html': raw, '.replylintrc.yaml': 'root: true\ncontactEmail: help@shop.example\n' });
    runCli(['--fix', 'd.html'], { cwd: dir });
    const fixed = readFileSync(join(dir, 'd.html'), 'utf8');
    expect(fixed).toBe('<p>Hi Ana,</p>\n<p>We fixed the problem today.<br><br>If you have any other question, write to us at help@shop.example.</p>\n<p>Leo</p>\n');
  }, 240_000);

  it('honours <!-- replylint-disable-next-line --> directives in HTML', () => {
    const dir = tempTree({ 'e.html': '<p>Hi Ana, write to help@shop.example.</p>\n<!-- replylint-disable-next-line vague-promise -->\n<p>We will reply soon.</p>\n' });
    const r = runCli(['--format', 'json', 'e.html'], { cwd: dir });
    expect(JSON.parse(r.stdout)[0].messages).toEqual([]);
  }, 240_000);
});
