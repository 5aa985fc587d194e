// Positions are exact through CRLF, tabs, accents, emoji and Markdown; non-prose is never linted.
import { describe, expect, it } from 'vitest';
import { Linter } from '../src/lint.js';
import { loadRuleFile } from '../src/rules/load-rule.js';
import { parse } from '../src/parse/parse.js';
import { builtins } from './helpers/builtins.js';

const RULE = `
id: test-phrase
severity: error
description: test
message: found "{match}"
phrases:
  any:
    - match: bad phrase
      suggest: good phrase
`;
const { rule } = loadRuleFile('test-phrase.yaml', RULE, builtins.languages);
const linter = new Linter([rule!], builtins.languages);
const find = (text: string, filePath = 'draft.txt') =>
  linter.lintText(text, { filePath }).messages.map((m) => [m.line, m.column, m.endLine, m.endColumn]);

describe('positions', () => {
  it('counts lines across LF, CRLF and CR-only endings', () => {
    expect(find('a\nb\nthe bad phrase')).toEqual([[3, 5, 3, 15]]);
    expect(find('a\r\nb\r\nthe bad phrase')).toEqual([[3, 5, 3, 15]]);
    expect(find('a\rb\rthe bad phrase')).toEqual([[3, 5, 3, 15]]);
  });
  it('counts columns in UTF-16 code units: accents are one, an emoji is two, a tab is one', () => {
    expect(find('àé bad phrase')).toEqual([[1, 4, 1, 14]]);
    expect(find('😀 bad phrase')).toEqual([[1, 4, 1, 14]]);
    expect(find('\tbad phrase')).toEqual([[1, 2, 1, 12]]);
  });
  it('finds a phrase broken across a line break, from its start to its end', () => {
    expect(find('a bad\r\nphrase here')).toEqual([[1, 3, 2, 7]]);
  });
  it('finds a phrase across emphasis markers but never across code or a link target', () => {
    expect(find('A bad **phrase** here.', 'd.md')).toEqual([[1, 3, 1, 15]]);
    expect(find('A bad `x` phrase here.', 'd.md')).toEqual([]);
  });
  it('keeps Markdown positions in the source, through emphasis and links', () => {
    expect(find('# Title\n\nSome *bad phrase* here.', 'd.md')).toEqual([[3, 7, 3, 17]]);
    expect(find('See [the bad phrase](https://x.example/a).', 'd.md')).toEqual([[1, 10, 1, 20]]);
  });
});

describe('what is not prose', () => {
  const none = (text: string, filePath = 'draft.md') => expect(find(text, filePath)).toEqual([]);
  it('skips code spans, code blocks, HTML comments and front matter in Markdown', () => {
    none('Run `bad phrase` now.');
    none('```\nbad phrase\n```');
    none('    bad phrase indented code');
    none('<!-- bad phrase -->\nHello.');
    none('---\ntitle: bad phrase\n---\nHello.');
  });
  it('skips quoted customer text: blockquotes, > lines and the line that introduces them', () => {
    none('Hello.\n\n> bad phrase\n');
    none('Hello.\n\n> bad phrase\n', 'draft.txt');
    none('On Mon, 3 Mar 2025, Ana wrote:\n> hi\n', 'draft.txt');
    expect(parse('On Mon, 3 Mar 2025, Ana wrote:\n> hi\n', 'd.txt', { quoteAttributions: [/^On\b.*wrote:$/] }).prose.trim()).toBe('');
  });
  it('skips URLs, e-mail addresses and template variables but keeps a fallback', () => {
    none('See https://x.example/bad-phrase now.', 'draft.txt');
    none('Write to bad.phrase@x.example.', 'draft.txt');
    none('Hi {{bad phrase}}.', 'draft.txt');
    const doc = parse('Hi {{first_name | fallback: "there"}}!', 'd.txt');
    expect(doc.prose.replace(/\s+/g, ' ')).toBe('Hi there !');
    expect(doc.entities.map((e) => [e.kind, e.value])).toEqual([['template', 'first_name']]);
  });
  it('records links, e-mails and templates as entities with exact ranges', () => {
    const text = 'Mail help@shop.example or see https://shop.example/faq.';
    const doc = parse(text, 'd.txt');
    expect(doc.entities.map((e) => text.slice(e.start, e.end))).toEqual(['help@shop.example', 'https://shop.example/faq']);
  });
});

describe('front matter', () => {
  it('takes the language from `lang:` and does not lint the block', () => {
    const r = linter.lintText('---\nlang: ca\ntitle: x\n---\nHello there, this is English.', { filePath: 'd.md' });
    expect(r.lang).toBe('ca');
  });
});
