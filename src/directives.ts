import type { Document } from './parse/document.js';
import type { LineIndex } from './parse/lines.js';
import { didYouMean } from './shape.js';

/**
 * Inline directives: `<!-- replylint-disable rule-a, rule-b -->` in Markdown and HTML; in plain
 * text a template comment, `{{!-- replylint-disable … --}}` or `{# replylint-disable … #}`,
 * because every helpdesk template engine strips those before a macro is sent, while an HTML
 * comment in a plain-text e-mail would reach the customer as text.
 */
type Kind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
interface Directive { kind: Kind; rules: string[]; start: number; end: number; line: number; used: Set<string> }
export interface DirectiveProblem { range: [number, number]; message: string }

const MARKDOWN = /^<!--\s*replylint-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->$/;
const TEMPLATE = /^(?:\{\{!--|\{\{!|\{#)\s*replylint-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)(?:--\}\}|\}\}|#\})$/;

export class Directives {
  private readonly list: Directive[] = [];
  readonly problems: DirectiveProblem[] = [];

  constructor(doc: Document, lines: LineIndex, knownRules: readonly string[]) {
    for (const e of doc.entities) {
      if (e.kind !== 'comment') continue;
      const raw = doc.text.slice(e.start, e.end);
      const md = MARKDOWN.exec(raw), tpl = TEMPLATE.exec(raw);
      if (md && doc.format === 'text') {
        this.problems.push({ range: [e.start, e.end], message: 'In plain text, write directives as {{!-- replylint-… --}}: an HTML comment would reach the customer as text' });
        continue;
      }
      const m = md ?? tpl;
      if (!m) continue;
      const rules = m[2].replace(/--\s*.*$/s, '').split(/[\s,]+/).filter(Boolean);
      for (const r of rules) {
        if (!knownRules.includes(r)) this.problems.push({ range: [e.start, e.end], message: `Unknown rule '${r}' in replylint-${m[1]} directive${didYouMean(r, knownRules)}` });
      }
      const line = lines.position(m[1] === 'disable-next-line' ? e.end : e.start).line + (m[1] === 'disable-next-line' ? 1 : 0);
      this.list.push({ kind: m[1] as Kind, rules, start: e.start, end: e.end, line, used: new Set() });
    }
  }

  /** True when a directive turns `ruleId` off at `offset` (on `line`); remembers what was used. */
  suppresses(ruleId: string, offset: number, line: number): boolean {
    const applies = (d: Directive) => d.rules.length === 0 || d.rules.includes(ruleId);
    for (const d of this.list) {
      if ((d.kind === 'disable-line' || d.kind === 'disable-next-line') && d.line === line && applies(d)) { d.used.add(ruleId); return true; }
    }
    let last: Directive | undefined;
    for (const d of this.list) {
      if (d.start > offset) break;
      if ((d.kind === 'disable' || d.kind === 'enable') && applies(d)) last = d;
    }
    if (last?.kind === 'disable') { last.used.add(ruleId); return true; }
    return false;
  }

  /** Directives that turned nothing off (for --report-unused-disable-directives). */
  unused(): DirectiveProblem[] {
    return this.list
      .filter((d) => d.kind !== 'enable' && (d.rules.length ? d.rules.some((r) => !d.used.has(r)) : d.used.size === 0))
      .map((d) => {
        const idle = d.rules.filter((r) => !d.used.has(r));
        return { range: [d.start, d.end] as [number, number], message: `Unused replylint-${d.kind} directive (no problems were reported${idle.length ? ` from ${idle.map((r) => `'${r}'`).join(', ')}` : ''})` };
      });
  }
}
