import type { EntityKind } from './document.js';
import type { ProseBuffer } from './prose-buffer.js';

/**
 * Finds what is not prose inside a run of prose text: HTML comments, helpdesk template
 * variables, URLs and e-mail addresses. Shared by every input format.
 */

const TLD = '(?:com|org|net|edu|gov|io|co|es|cat|eu|uk|us|de|fr|it|pt|info|biz|app|dev|help|support|example)';
const PATTERNS: Array<[EntityKind | 'link', string]> = [
  // HTML comments, and template-engine comments (Handlebars, Jinja/Nunjucks) that helpdesks strip.
  ['comment', '<!--[\\s\\S]*?(?:-->|$)|\\{\\{!--[\\s\\S]*?--\\}\\}|\\{\\{![\\s\\S]*?\\}\\}|\\{#[\\s\\S]*?#\\}'],
  // A Markdown-style link written in a plain-text draft: its text is prose, its target is not.
  ['link', '\\[[^\\[\\]\\n]{1,200}\\]\\((?:https?://|mailto:|www\\.|/)[^\\s()]*\\)'],
  // Liquid/Handlebars/Mustache, Liquid tags and Help Scout, Zammad, osTicket, Intercom; `${…}`
  // (Odoo, FreeMarker); OTRS/Znuny tags (`<OTRS_CUSTOMER_REALNAME>`, `<OTRS_CUSTOMER_BODY[5]>`).
  // …and mail templates' single-brace variables (PrestaShop `{shop_url}`, Smarty `{$order.id}`,
  // Request Tracker `{$Ticket->Subject}`): machine names, lower-case first unless after `$`, no
  // spaces — `{Customer Name}` is a human placeholder.
  ['template', '\\{\\{\\{?[\\s\\S]{0,500}?\\}?\\}\\}|\\{%[\\s\\S]{0,500}?%\\}|#\\{[^{}\\n]{1,200}\\}|%\\{[^{}\\n]{1,200}\\}|\\$\\{[^{}\\n]{1,200}\\}|<attribute\\b[^>]{0,500}?>(?:\\s*</attribute>)?|<(?:OTRS|OTOBO|KIX|ZNUNY)_[A-Za-z0-9_:-]{1,100}(?:\\[\\d{1,4}\\])?>|\\{(?:\\$[A-Za-z_][A-Za-z0-9_.]{0,60}(?:->[A-Za-z_]\\w{0,60}(?:\\(\\))?){0,8}|[a-z_][A-Za-z0-9_.]{0,60})\\}'],
  ['url', `(?:https?|ftp)://[^\\s<>"'\`]+|mailto:[^\\s<>"'\`]+|www\\.[^\\s<>"'\`]+|(?<![\\p{L}\\p{N}@.-])(?:[a-z0-9-]+\\.)+${TLD}(?:/[^\\s<>"'\`]*)?(?![\\p{L}\\p{N}@-])`],
  ['email', '(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}'],
];
const COMBINED = new RegExp(PATTERNS.map(([, src]) => `(${src})`).join('|'), 'giu');
const TRAILING_PUNCTUATION = /[.,;:!?'")\]}>]+$/;
/** `| fallback: "there"`, `fallback=there` (Help Scout), `default="there"` (Intercom), `|default("there")` (Jinja). */
const FALLBACK = /\b(?:fallback|default)\s*(?:[:=]\s*(?:"([^"]*)"|'([^']*)'|([^,%}"'\s][^,%}"']*))|\(\s*(?:"([^"]*)"|'([^']*)')\s*\))/iu;
const TEMPLATE_NAME = /^(?:\{\{\{?|\{%|#\{|%\{|\$\{|\{\$?)\s*([^\s|,}%]+)|key="([^"]*)"|^<([A-Z]+_[^>[]+)/u;

export function scanInline(buf: ProseBuffer, start: number, end: number): void {
  const text = buf.text.slice(start, end);
  COMBINED.lastIndex = 0;
  for (let m = COMBINED.exec(text); m; m = COMBINED.exec(text)) {
    const kindIndex = m.slice(1).findIndex((g) => g !== undefined);
    const kind = PATTERNS[kindIndex][0];
    let raw = m[0];
    if (kind === 'url') {
      const unbalanced = raw.includes('(') ? /[.,;:!?'"\]}>]+$/ : TRAILING_PUNCTUATION;
      raw = raw.replace(unbalanced, '');
    }
    const s = start + m.index, e = s + raw.length;
    if (kind === 'link') { maskLink(buf, s, raw); COMBINED.lastIndex = m.index + raw.length; continue; }
    if (kind === 'template') maskTemplate(buf, s, raw);
    else buf.mask(s, e, kind, raw);
    if (kind === 'url' && raw.toLowerCase().startsWith('mailto:')) buf.entities.push({ kind: 'email', start: s + 7, end: e, value: raw.slice(7) });
    COMBINED.lastIndex = m.index + Math.max(raw.length, 1);
  }
}

function maskLink(buf: ProseBuffer, s: number, raw: string): void {
  const close = raw.indexOf('](');
  const target = raw.slice(close + 2, -1);
  buf.mask(s, s + 1);
  buf.mask(s + close, s + raw.length, 'url', target);
  if (/^mailto:/i.test(target)) buf.entities.push({ kind: 'email', start: s + close + 2, end: s + raw.length - 1, value: target.slice(7) });
}

/** Blanks a template variable but keeps its fallback text, which the customer reads. */
function maskTemplate(buf: ProseBuffer, s: number, raw: string): void {
  const name = TEMPLATE_NAME.exec(raw);
  buf.mask(s, s + raw.length, 'template', (name?.[1] ?? name?.[2] ?? name?.[3] ?? raw).trim());
  const fb = FALLBACK.exec(raw);
  if (fb) {
    const value = fb[1] ?? fb[2] ?? fb[3] ?? fb[4] ?? fb[5];
    const at = fb.index + fb[0].lastIndexOf(value);
    buf.unmask(s + at, s + at + value.trimEnd().length);
  }
}
