// replylint's line-based Markdown reader (src/parse/markdown-fast.ts, what parseMarkdown uses)
// against unified + remark-parse (src/parse/markdown-remark.ts): the same prose, entities and blocks for real drafts and for every
// construct; time that grows linearly; no stack on nesting depth.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/parse/markdown.js';
import { chunks, parseMarkdownRemark } from '../src/parse/markdown-remark.js';
import { readMarkdownFast } from '../src/parse/markdown-fast.js';
import { ProseBuffer } from '../src/parse/prose-buffer.js';
import type { Document } from '../src/parse/document.js';
import type { ParseOptions } from '../src/parse/parse.js';

const REPO = resolve(__dirname, '..');
/** The repository's fixtures, and the shared development set and corpus of real replies when present. */
const DRAFT_DIRS = [join(REPO, 'fixtures'), '/work/shared/devset/drafts', '/work/shared/corpus/real'];

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownFiles(p));
    else if (/\.(?:md|markdown)$/i.test(name)) out.push(p);
  }
  return out;
}

const read = (file: string) => readFileSync(file, 'utf8').replace(/^\uFEFF/, '');

/** The fast reader without markdown.ts's limits (which read deep nesting as plain text): prose, entities, blocks. */
function fastReaderAlone(markdown: string, options: ParseOptions): Pick<Document, 'prose' | 'entities' | 'blocks'> {
  const buf = new ProseBuffer(markdown, true);
  const blocks: Document['blocks'] = [];
  readMarkdownFast(markdown, buf, blocks, options);
  return { prose: buf.toString(), entities: buf.entities, blocks };
}

/** What the rules see of a Document: prose, entities (kind, range, value; in order) and blocks. */
function view(doc: Document) {
  return {
    prose: doc.prose,
    entities: doc.entities.map((e) => `${e.kind} ${e.start}-${e.end}${e.value === undefined ? '' : ` ${JSON.stringify(e.value)}`}`),
    blocks: doc.blocks.map((b) => `${b.start}-${b.end}`),
  };
}

const OPTIONS: ParseOptions[] = [
  { quotes: 'skip', quoteAttributions: [/wrote:\s*$/i, /escribió:\s*$/i, /va escriure:\s*$/i] },
  { quotes: 'lint' },
];

function expectSame(markdown: string): void {
  for (const options of OPTIONS) expect(view(parseMarkdown(markdown, options)), `quotes: ${options.quotes}`).toEqual(view(parseMarkdownRemark(markdown, options)));
}

/** Real drafts glued into one big draft: headings, lists, links, emphasis, as support drafts have them. */
function bigDraft(chars: number): string {
  const drafts = DRAFT_DIRS.flatMap(markdownFiles).map((f) => read(f).replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').trim()).filter(Boolean);
  let s = '';
  for (let i = 0; s.length < chars; i++) {
    s += `## Reply ${i + 1}\n\n${drafts[i % drafts.length]}\n\n`
      + `- see [the help centre](https://help.example.com/a/${i}) for **details**\n- or write to *support@example.com*\n\n`;
  }
  return s;
}

describe('fast Markdown reader: the same Document as remark', () => {
  const files = DRAFT_DIRS.flatMap(markdownFiles);
  it('finds the drafts to compare', () => {
    expect(files.length).toBeGreaterThanOrEqual(markdownFiles(DRAFT_DIRS[0]).length);
    expect(markdownFiles(DRAFT_DIRS[0]).length).toBeGreaterThan(0);
  });
  it.each(files.map((f) => [relative(REPO, f).startsWith('..') ? f : relative(REPO, f)]))('%s', (file) => {
    const text = read(file.startsWith('/') ? file : join(REPO, file));
    expectSame(text);
  });

  // Each construct support drafts use, and the corners of it where micromark decides something
  // a simpler reader would not (kept here as they were found by fuzzing the two readers).
  const CONSTRUCTS: Record<string, string[]> = {
    'ATX headings': ['# Title\n\nText', '  ## h ##   \n#\n# a \\#\n#### b ###x', '####### seven', '#nospace', '# *em* and `code` #', '# Hi {{name}} #\nnext'],
    'setext headings': ['Title\n===\n\nSub\n---', 'a\nb\n===', 'x\n---  \n\nTitle\n=== \n  ', '[a]: /b\nText\n===', '[a]: /b\n==='],
    'paragraphs and breaks': ['para  \n\nnext', 'a\\\nb  \nc\\', 'a \nb\t\nc\t \nd', 'foo  \n   bar', '  lead\n\tcont', 'a\n\n\n\nb', 'x\u2019s *it\u2019s*', 'a  \u00a0\nb', 'a\t \nb'],
    'bullet and ordered lists': [
      '- a\n- b\n\n  para\n- c', '1. a\n2. b\n3) c', '* a\n+ b\n- c', '10. ten\n11. eleven', '- [ ] task\n- [x] done', '1) x\n\n   2) y', '- a\n2. b', '1.\tx\n   y',
      'a\n- b\n\na\n1. b\n\na\n2. b', '- \n  a\n-\n\n  b', '-\n\n  foo', ' - a\n   b\n\n   c', '- a\n - b\n  - c\n   - d\n    - e', '- a\n\n      code\n- b', '-\ttab item\n  cont',
      '- # h\n- ***\n- ```\n  c\n  ```', '- a\n  [r]: /u\n\n[r] [R]', '- a\r\n\r\n  b\r\n',
    ],
    'list items micromark reads as interrupting a paragraph or indented code': ['a\n> 2. x', 'a\n> - ', '- a\n  > 2. x', '    code\n2. x', '    code\n- ', '[r]: /u\n2. x', '_\n>-', ')\n>2)', '\t_\n2)', '>\n    u\n2) x', '>\n\tu\r*'],
    'block quotes': [
      '> quote\ncontinued\n> more', '> a\n>\n> b\n>\n\nx', '> a  \n\nx', '>>> deep\n> x\n\n> b', '> a\n> > b\n> c', '- > a\n  >\n- b', '> a\n- b',
      'On Mon, Ana wrote:\n> hi\n\nThanks', 'El lunes, Ana escribió:\n> hola\n\nGracias', '> # h\n> [l](http://u.example)\n> *e*', '> [r]: /u\n\n[r]',
    ],
    'a lone tag on a lazy line stays in the quote when a line ending follows': ['> a\n<span>\n', '> a\n<span>', '- a\n<span>\n', '> a\n<span>\n> b', '> > a\n<span>\n', '> a\n   <span>\n', '> a\n<div>\n'],
    'fenced and indented code': [
      '```js\ncode *x*\n```\nafter', '```\nunclosed\n\n', '~~~\na', '    code  \n\n    x\n\n\n', '\tindented tab', 'para\n    not code', '``` a`b\nx', '````\n```\n````',
      '- ```\n  a\n\nx', '- ```\n  a\n', '> ```\n> a\n', '> ```\n> code\n\nx', '    a\n    ', '    a\n     ', '    a\n\n    ', '>\n    u\n    v', '-\t\tb', '-\t  x\n    \t',
    ],
    'blocks a new container closes end after their line ending': ['>~~~\n1.', '- ```\n  a\n- b', '> <!--\n- b', '> ```\n> a\n>\n- b', '- ```\n  a\n> q', '- >```\n  -', '* <!--\n>', '>~~~\n>', '>~~~\n> ', '- ```\n  a\n  '],
    'thematic breaks': ['***\n---\n___\n* * *\n- - -', 'a\n***\nb', 'a\n---'],
    'HTML blocks': [
      '<div>\nhtml\n</div>\n<!-- c -->\n\\* &amp; &copy', '<!-- a\n\nb\n', '<div>\nx\n', '  <div>\n  x\n\n  y', '<script>\nx\n</script>\ny', '<?php x ?>\nz', '<!DOCTYPE html>\nq',
      '<![CDATA[\nx]]>\ny', 'a\n<div>\nb', 'a\n<span>\nb', '</div>\nx', '<a href="x">\ny', '<DIV>\nx\n\ny', '<textarea>\n\nx\n</textarea>', '-\n\t<b>', '*\n\t<v>',
    ],
    'inline HTML, comments and placeholders': [
      'x <!-- c\nd --> y <span class="a">z</span> <insert date> <br/>', 'a <b>bold</b> <img src="x.png"> <x y> <customer name>', '<!--> a <!---> b <!-- c -- d -->',
      '<a href=/x>l</a>', 'Dear <first name>,\n\nThanks.', 'Hi <attribute key="user.name" fallback="there"/>!', '- <insert date>\n\n<insert date>  \n\n<span>',
    ],
    'code spans': ['`` a ` b `` ``` x `` y', '`a\nb`', 'x `unclosed', '`a` `b` ``c``', '`\u0000`'],
    'emphasis and strong': [
      '*a **b** c* _d_ **e*', '**a *b** c*', '***a***', '*a*b_c_ _d_e', 'foo*bar*', 'foo_bar_', '__a__ **b** _c_ *d*', '*(a)*', '**a**b', 'a * b * c', '*a\nb*', '_a *b_ c*',
      '***a** b*', '*a **b***', '**foo "*bar*" foo**', '*foo _bar* baz_', '*\u2019a\u2019*', '5*6*7', '\u{1F4A5}*a*\u{1F4A5}', 'a\u00a0*b*\u00a0c', '*\u3000a*', '*\t*a*',
    ],
    'strikethrough and tables are text (remark-parse has no GFM)': ['x ~~strike~~ y', '| a | b |\n|---|---|\n| c | d |', 'Name | Qty\n---- | ---\nx | 1'],
    'links and images': [
      '[a *b*](</x y> "t") [c](u (p)) [d]( e ) ![i *j*](k) [e]: x', '[x](http://a.b "t") <b>x</b> `c`', 'a [b [c](d) e](f) g', '[l](/u?a=1&amp;b=\\*2)',
      '[mail](mailto:a@b.co)', '[a](b', '[a]()', '[a](<>)', '[a](b c)', '[a]((b)) [c](d(e)f)', '![img](u) text ![alt *x*][ref]', '[link](url)[link2](url2)', '[a\nb](u)',
      '[a](\nu\n"t"\n)', '[![img](i)](l)', '![[a](b)](c)', '[a](u "t\\"x")', '[a](u\u0001v)', '[a](&#0;)', '[a](%20 "&quot;")', '![a](b) `c` ![d](e)',
    ],
    'reference links and definitions': [
      '[Foo Bar]: <http://x/y> "t"\n[baz]:\n  /u\n\n[foo  bar] [x][Foo bar] [foo bar][] ![baz] [nope][]', '[a]: /b\nText\n\n[c]: /d', '[a]: /b\n===\n\n[a]:\n\nx [a]',
      '[a]: /b "multi\nline" trailing\nx', '[a]:\n/b\n"title"   \n[x]', '[\u00e4]: /u\n\n[\u00c4] [ss]: /v\n[\u1e9e]\n\n[\u00df]: /w\n\n[SS]', '[r](/x) [r]\n\n[r]: /y', '[foo][bar]\n\n[foo]: /f',
      '[foo]: /f\n[bar]: /b\n\n[a][foo] [foo][]', '[a]: <u v>\n\n[a]', '[\ta\t]: /u\n\n[a]',
    ],
    'autolinks': ['<https://x.y> <a@b.co> <mailto:a@b.co> <http://a.b/c?d> <notalink> <x y> <a-@b.c> <1@2.3>', '<http://a b> <HTTP://X.Y/z>', 'see <https://help.example.com/a/1>.', '<!@c>'],
    'backslash escapes and character references': ['\\* \\_ \\[x\\] \\` \\\\ \\a', '&copy; &amp &#65; &#x41; &nbsp;x', '&#0; &#x110000; &#xD800; &#55296; *a*'],
    'text a failed inline construct read across a line (lint mode)': ['> a <x\n> *b*', '> a<!--\n>*b*', '- a<!--\n  *b*', '> a [x](\n> *b*', '>n<!--\n><o>', '> a`\n>*b*'],
    'templates, URLs and e-mail addresses in text': ['Hi {{customer.name}}, see https://x.example/a_b_c and write to help@x.example.', 'Hello {% if x %}*there*{% endif %}', 'Go to www.example.com/**path**', 'a_{{x_y}}_b', '**{{name}}**', 'Order {order_id} for {$customer.name}'],
    'front matter, line endings, odd characters': [
      '---\ntitle: x\n---\n# H\n\ntext', '---\nbad: [\n---\ntext', '# T\r\n\r\npara *e*\r\nline2  \r\nline3\r\n\r\n> q\r\n> r\r\n\r\n- a\r\n- b\r\n', 'a\rb\r\r> c', 'x\ry\r\r> q\r- a\r  b',
      '', '\n\n', '   ', 'plain', '\u00a0a', 'a\u0000b *c*\u0000', 'a\u000c*b*\u000c', '\u200b*a*\u200b',
    ],
  };
  for (const [construct, snippets] of Object.entries(CONSTRUCTS)) {
    it.each(snippets.map((s) => [JSON.stringify(s).slice(0, 70), s]))(`${construct}: %s`, (_, markdown) => expectSame(markdown));
  }

  it('reads real drafts glued together the same (remark in its 64 KB pieces)', () => {
    const draft = bigDraft(200 * 1024);
    expect([...chunks(draft)].length).toBeGreaterThan(1);
    expectSame(draft);
  }, 180_000);
});

describe('fast Markdown reader: known differences from remark', () => {
  // 1. A draft over 64 KB is read by remark in independent pieces (markdown-remark.ts's chunks(),
  //    remark's time grows faster than the input), so a reference link whose definition is in
  //    another piece is plain text there; the fast reader, like CommonMark, resolves definitions
  //    across the whole draft.
  it('resolves a reference link whose definition is in another 64 KB piece', () => {
    const filler = 'Thanks for writing in, we are looking into it.\n\n'.repeat(1600);
    const draft = `See [our guide].\n\n${filler}[our guide]: https://help.example.com/guide\n`;
    expect([...chunks(draft)].length).toBeGreaterThan(1);
    const remark = parseMarkdownRemark(draft, {}), fast = parseMarkdown(draft, {});
    expect(remark.prose.slice(0, 16)).toBe('See [our guide].');
    expect(fast.prose.slice(0, 16)).toBe('See  our guide .');
    expect(fast.prose.slice(16)).toBe(remark.prose.slice(16));
  });
  // 2. micromark drops a byte order mark at the very start and counts positions without it.
  //    Drafts reach the readers decoded with the BOM removed (Document.text), so no draft has one.
  it('keeps positions after a leading U+FEFF, which remark shifts by one', () => {
    expect(parseMarkdown('\uFEFFhello *x*', {}).prose).toBe('\uFEFFhello  x ');
    expect(parseMarkdownRemark('\uFEFFhello *x*', {}).prose).toBe('\uFEFFhello *  ');
  });
  // 3. markdown.ts reads a block nested more than 100 levels deep, or with more than 2,000
  //    emphasis and link markers, as plain text with a warning (markdown-limits.ts), whichever
  //    reader it uses. The fast reader by itself has no such limit: it reads the block as
  //    Markdown (see the nesting tests below).
  it('applies the Markdown limits with either reader, in big drafts too', () => {
    const deep = '> '.repeat(150) + 'deep\n';
    expect(fastReaderAlone(deep, {}).entities).toEqual([{ kind: 'quote', start: 0, end: deep.length - 1 }]);
    const big = bigDraft(300 * 1024) + deep;
    expect(parseMarkdown(big, {}).warnings.join(' ')).toMatch(/nested 150 levels deep/);
    expect(parseMarkdownRemark(deep, {}).warnings.join(' ')).toMatch(/nested 150 levels deep/);
  }, 60_000);
});

describe('fast Markdown reader: time and memory', () => {
  // CPU time, not wall time: the bound is for the reader, not for a busy machine's scheduler.
  const cpuSeconds = (f: () => void) => {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1e6;
  };

  it('reads 1, 2 and 5 MB in time proportional to the size', () => {
    parseMarkdown(bigDraft(64 * 1024), {}); // warm-up
    const cpu: Record<number, number> = {}, wall: Record<number, number> = {};
    for (const mb of [1, 2, 5]) {
      const draft = bigDraft(mb * 1024 * 1024);
      let doc: Document | undefined;
      const t0 = performance.now();
      cpu[mb] = cpuSeconds(() => { doc = parseMarkdown(draft, { quotes: 'skip' }); });
      wall[mb] = (performance.now() - t0) / 1000;
      expect(doc!.blocks.length).toBeGreaterThan(1000 * mb);
    }
    console.log(`fast Markdown reader, CPU (wall) seconds: 1 MB ${cpu[1].toFixed(2)} (${wall[1].toFixed(2)}), 2 MB ${cpu[2].toFixed(2)} (${wall[2].toFixed(2)}), `
      + `5 MB ${cpu[5].toFixed(2)} (${wall[5].toFixed(2)}); 5 MB / 1 MB = ${(cpu[5] / cpu[1]).toFixed(1)}`);
    expect(cpu[5]).toBeLessThan(15);
  }, 180_000);
});

describe('fast Markdown reader: no recursion on nesting depth', () => {
  const deep: Record<string, string> = {
    '10,000 `>`': '>'.repeat(10_000) + ' deep\n',
    '10,000 `> ` and a lazy line': '> '.repeat(10_000) + 'deep\nlazy\n',
    '100,000 `>`': '>'.repeat(100_000) + ' deeper',
    '10,000 nested list items': '- '.repeat(10_000) + 'deep\n' + ' '.repeat(20_000) + 'still in the innermost item\n',
    '10,000 nested ordered items': '1. '.repeat(10_000) + 'deep',
    '10,000 quotes in list items': '- > '.repeat(5_000) + 'deep',
    '100,000 `*` on a line': '*'.repeat(100_000),
    '100,000 `*` in a paragraph': 'a ' + '*'.repeat(100_000) + ' b',
    '100,000 `*` as openers': '*a'.repeat(50_000),
    '100,000 `*` nested': '*'.repeat(50_000) + 'a' + '*'.repeat(50_000),
    '100,000 `*` as closers': 'a** '.repeat(50_000),
    '100,000 `_` and `*`': '*a_'.repeat(50_000),
    '100,000 `[`': '['.repeat(100_000),
    '100,000 nested brackets': '['.repeat(50_000) + 'a' + ']'.repeat(50_000),
    '30,000 unclosed comments': '<!-- '.repeat(30_000),
  };
  it.each(Object.entries(deep))('%s', (_, markdown) => {
    const t0 = performance.now();
    for (const options of OPTIONS) {
      const doc = fastReaderAlone(markdown, options);
      expect(doc.prose.length).toBe(markdown.length);
    }
    expect(performance.now() - t0).toBeLessThan(20_000);
  }, 60_000);

  it('reads nested quotes as one quote, and lints them when asked', () => {
    const markdown = '> '.repeat(10_000) + 'deep';
    expect(fastReaderAlone(markdown, {}).entities).toEqual([{ kind: 'quote', start: 0, end: markdown.length }]);
    const linted = fastReaderAlone(markdown, { quotes: 'lint' });
    expect(linted.prose.trim()).toBe('deep');
    expect(linted.blocks).toEqual([{ start: markdown.length - 4, end: markdown.length }]);
  });
});
