// Positions are exact through CRLF, tabs, accents, emoji and Markdown; non-prose is never linted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Linter } from '../src/lint.js';
import { loadRuleFile } from '../src/rules/load-rule.js';
import { parse } from '../src/parse/parse.js';
import '../src/parse/html.js';
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
  // Drafts written for this test in each helpdesk's and mail system's template syntax; the
  // expected prose has white space folded and none before punctuation.
  const DIALECTS: Array<[file: string, text: string, variables: string[], prose: string]> = [
    ['zendesk.txt', 'Hi {{ticket.requester.first_name | default: "there"}}, ticket {{ticket.id}} is solved.', ['ticket.requester.first_name', 'ticket.id'], 'Hi there, ticket is solved.'],
    ['gorgias.txt', "Hi {{ticket.customer.firstname|default('there')}}, your order left today.", ['ticket.customer.firstname'], 'Hi there, your order left today.'],
    ['helpscout.html', '<p>Hi {%customer.firstName,fallback=there%}, write to {%mailbox.email%}.</p>', ['customer.firstName', 'mailbox.email'], 'Hi there, write to.'],
    ['intercom.html', '<p>Hi <attribute key="user.name" default="there"/>, thanks.</p>', ['user.name'], 'Hi there, thanks.'],
    ['zammad.html', '<p>Dear #{ticket.customer.firstname}, ticket #{ticket.number} (#{t(ticket.state.name)}) is open.</p>', ['ticket.customer.firstname', 'ticket.number', 't(ticket.state.name)'], 'Dear, ticket () is open.'],
    ['osticket.html', '<h3>Dear %{recipient.name.first},</h3><p>Ticket <a href="%{recipient.ticket_link}">#%{ticket.number}</a> is open.</p>', ['recipient.name.first', 'ticket.number'], 'Dear, Ticket # is open.'],
    ['forum.md', 'Welcome to %{site_name}! Read [the guidelines](%{base_url}/guidelines) first; you have %{count} days.', ['site_name', 'count'], 'Welcome to! Read the guidelines first; you have days.'],
    ['chatwoot.md', 'Hola {{contact.name}}, {% if agent.name %}soy {{agent.name}}{% else %}somos el equipo{% endif %}.', ['contact.name', 'if', 'agent.name', 'else', 'endif'], 'Hola, soy somos el equipo.'],
    ['shop.txt', 'Your order {order_name} from {shop_name} has shipped: {shop_url}.', ['order_name', 'shop_name', 'shop_url'], 'Your order from has shipped:.'],
    ['otrs.txt', 'Dear <OTRS_CUSTOMER_REALNAME>, your ticket <OTRS_CONFIG_Ticket::Hook><OTRS_TICKET_TicketNumber> about <OTRS_CUSTOMER_SUBJECT[20]> is open.', ['OTRS_CUSTOMER_REALNAME', 'OTRS_CONFIG_Ticket::Hook', 'OTRS_TICKET_TicketNumber', 'OTRS_CUSTOMER_SUBJECT'], 'Dear, your ticket about is open.'],
    ['otrs.md', 'Dear <OTRS_CUSTOMER_REALNAME>, thanks for writing.', ['OTRS_CUSTOMER_REALNAME'], 'Dear, thanks for writing.'],
    ['rt.txt', 'Your request "{$Ticket->Subject}" ({$Ticket->QueueObj->Name}) was received.', ['Ticket->Subject', 'Ticket->QueueObj->Name'], 'Your request " " () was received.'],
    ['odoo.txt', 'Dear ${object.partner_id.name}, ticket ${object.number} is closed.', ['object.partner_id.name', 'object.number'], 'Dear, ticket is closed.'],
  ];
  it('recognises every dialect’s template variables: never an unfilled placeholder, fallbacks kept as prose', () => {
    const all = new Linter(builtins.rules, builtins.languages);
    for (const [file, text, variables, prose] of DIALECTS) {
      const doc = parse(text, file);
      expect(doc.entities.filter((e) => e.kind === 'template').map((e) => e.value), file).toEqual(variables);
      expect(doc.prose.replace(/\s+/g, ' ').replace(/ ([,.;:!)])/g, '$1').trim(), file).toBe(prose);
      const ids = all.lintText(text, { filePath: file, lang: file === 'chatwoot.md' ? 'es' : 'en' }).messages.map((m) => m.ruleId);
      expect(ids, file).not.toContain('unfilled-placeholder');
      // In a final draft the same variables are what must be filled in.
      const final = all.lintText(text, { filePath: file, rules: { 'unfilled-placeholder': { options: { finalDraft: true } } } }).messages.filter((m) => m.ruleId === 'unfilled-placeholder');
      expect(final.length, file).toBe(variables.length);
    }
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

describe('front matter read without the YAML parser', () => {
  it('gives what the YAML parser gives, or leaves the block to it', async () => {
    const { flatMapping } = await import('../src/parse/front-matter.js');
    const { parse: parseYaml } = await import('yaml');
    const key = fc.constantFrom('lang', 'title', 'x_1', 'a-b', 'Lang', '1x', 'ti tle');
    const value = fc.oneof(
      fc.constantFrom('en', 'ca', 'Summary', 'Refund (partial)', 'a, b', 'yes', 'No', 'null', 'true', 'y', 'on', '1.5', '0x1F', 'v1.2', 'a/b', 'x-y', 'Re: order', "'q'", '"q"', '[a]', '{a: 1}', '- a', 'a #b', '&a', '*a', '!tag', '~', '.inf', '2024-01-01', ''),
      fc.string({ unit: fc.constantFrom('a', 'B', ' ', '.', ',', '-', '/', '(', ')', '1', ':', '#', "'", '_'), maxLength: 12 }),
    );
    const line = fc.tuple(key, fc.constantFrom(': ', ':  ', ':', ' : ', ':\t'), value, fc.constantFrom('', ' ', '\t')).map((p) => p.join(''));
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
      const yaml = lines.join(eol);
      const flat = flatMapping(yaml);
      if (flat) expect(flat).toEqual(parseYaml(yaml));
    }), { numRuns: 2000 });
    expect(flatMapping('lang: en\ntitle: Summary')).toEqual({ lang: 'en', title: 'Summary' });
    expect(flatMapping('lang: en\ntags: [a, b]')).toBeUndefined();
  });
});
