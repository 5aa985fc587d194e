import { summarize, type Linter, type LintItem, type LintMessage, type LintOptions, type LintResult } from '../lint.js';
import type { Fix, Suggestion } from '../rules/rule.js';
import { LineIndex } from '../parse/lines.js';
import { liftFix, type Encoder, type OffsetMap } from './offset-map.js';
import { htmlEncoder, htmlView } from './html-view.js';
import { readExport, type ExportField, type ExportItem, type ExportRead, type ReadOptions } from './read-export.js';

/**
 * Lints a helpdesk export item by item, each prose field with the same core as any draft
 * (Linter.lintText), and maps every message, fix and suggestion back to the raw file through
 * the field's escapes (and, for HTML, its character references). Pure: no file system.
 */

/** Rules about the whole draft: one report per item, not per field (a body giving an address is enough). */
const PER_ITEM_RULES = new Set(['missing-contact-email']);
/** Rules that only make sense for a reply's body, not its subject line or chat version. */
const BODY_ONLY_RULES = ['missing-contact-email', 'long-paragraph'];

export interface ExportLintOptions extends ReadOptions, Omit<LintOptions, 'filePath'> {
  filePath: string;
}

/** One layer of decoding: offsets of `inner` map to the layer outside it; fixes are escaped by `encoder`. */
interface Layer { inner: string; map: OffsetMap; encoder: Encoder }

export function lintExport(linter: Linter, raw: string, options: ExportLintOptions): { result: LintResult; read: ExportRead } {
  const read = readExport(raw, options.filePath, options);
  const rawLines = new LineIndex(raw);
  const messages: LintMessage[] = [];
  const langs = new Map<string, number>();
  for (const item of read.items) {
    const localeLang = item.locale?.toLowerCase().split(/[-_]/)[0];
    let hint = localeLang && linter.languages.has(localeLang) ? localeLang : undefined;
    const bodies = item.fields.filter((f) => f.role === 'body');
    const others = item.fields.filter((f) => f.role !== 'body');
    const perItem: LintMessage[][] = [];
    for (const field of [...bodies, ...others]) {
      const isBody = field.role === 'body';
      const { result, mapped } = lintField(linter, field, item, read, rawLines, {
        ...options,
        lang: hint ?? options.lang,
        config: { ...options.config, ...(options.config?.signatureEmail || !read.preset.signatureEmail ? {} : { signatureEmail: read.preset.signatureEmail }) },
        rules: { ...options.rules, ...(isBody ? {} : Object.fromEntries(BODY_ONLY_RULES.map((id) => [id, { severity: 0 as const }]))) },
      });
      // A subject is too short to detect its language: it takes the body's.
      if (isBody && !hint && result.lang) hint = result.lang;
      if (result.lang) langs.set(result.lang, (langs.get(result.lang) ?? 0) + 1);
      if (isBody) perItem.push(mapped.filter((m) => m.ruleId !== null && PER_ITEM_RULES.has(m.ruleId)));
      messages.push(...mapped.filter((m) => !(m.ruleId !== null && PER_ITEM_RULES.has(m.ruleId))));
    }
    // The item gives a contact address when any of its bodies does: report at most once, on the first body.
    for (const id of PER_ITEM_RULES) {
      const reports = perItem.map((list) => list.filter((m) => m.ruleId === id));
      if (reports.length && reports.every((r) => r.length > 0)) messages.push(reports[0][0]);
    }
  }
  messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
  const lang = [...langs].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { result: summarize(options.filePath, lang, messages), read };
}

function lintField(linter: Linter, field: ExportField, item: ExportItem, read: ExportRead, rawLines: LineIndex, options: ExportLintOptions): { result: LintResult; mapped: LintMessage[] } {
  const fieldLayer: Layer = { inner: field.text, map: field.map, encoder: field.encoder };
  const layers: Layer[] = [];
  let text = field.text;
  if (field.format === 'html') {
    const view = htmlView(field.text);
    layers.push({ inner: view.text, map: view.map, encoder: htmlEncoder });
    text = view.text;
  }
  const ext = field.format === 'html' ? 'html' : field.format === 'markdown' ? 'md' : 'txt';
  const { filePath, rules, config, lang, reportUnusedDisableDirectives } = options;
  const result = linter.lintText(text, { filePath: `${filePath}#${field.pointer}.${ext}`, rules, config, lang, reportUnusedDisableDirectives });
  const fieldLines = new LineIndex(field.text);
  const itemOf = (fieldOffset: number): LintItem => {
    const p = fieldLines.position(fieldOffset);
    return { source: read.source, kind: read.kind, id: item.id ?? null, title: item.title ?? null, field: field.name, pointer: field.pointer, line: p.line, column: p.column };
  };
  const mapped = mapMessages(result.messages, text, layers, fieldLayer, rawLines, itemOf);
  return { result, mapped };
}

/**
 * Messages of a linted text → messages about the file: positions through every layer (view →
 * field → file), fixes and suggestions escaped layer by layer; one that cannot be written is dropped.
 */
export function mapMessages(messages: readonly LintMessage[], text: string, layers: Layer[], last: Layer, rawLines: LineIndex, itemOf?: (offset: number) => LintItem): LintMessage[] {
  const lines = new LineIndex(text);
  const offsetOf = (line: number, column: number) => Math.min(lines.lineStart(line) + column - 1, text.length);
  const all = [...layers, last];
  const through = (s: number, e: number, upTo = all.length): [number, number] => {
    for (const layer of all.slice(0, upTo)) {
      const ns = layer.map.toOuter(s, 'start');
      e = e === s ? ns : Math.max(ns, layer.map.toOuter(e, 'end'));
      s = ns;
    }
    return [s, e];
  };
  const lift = (fix: Fix): Fix | undefined => {
    let f: Fix | undefined = fix;
    for (const layer of all) { if (!f) return undefined; f = liftFix(f, layer.map, layer.inner, layer.encoder); }
    return f;
  };
  return messages.map((m) => {
    const s = offsetOf(m.line, m.column), e = offsetOf(m.endLine, m.endColumn);
    const [rs, re] = through(s, e);
    const start = rawLines.position(rs), end = rawLines.position(re);
    const fix = m.fix ? lift(m.fix) : undefined;
    const suggestions = (m.suggestions ?? []).flatMap((sg): Suggestion[] => { const f = lift(sg.fix); return f ? [{ ...sg, fix: f }] : []; });
    const { fix: _f, suggestions: _s, ...rest } = m;
    return {
      ...rest, line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
      ...(fix ? { fix } : {}), ...(suggestions.length ? { suggestions } : {}),
      ...(itemOf ? { item: itemOf(through(s, s, layers.length)[0]) } : {}),
    };
  });
}

/** An HTML file through its view: character references decoded where safe, positions and fixes mapped back. */
export function lintHtml(linter: Linter, raw: string, options: LintOptions & { filePath: string }): LintResult {
  const view = htmlView(raw);
  const result = linter.lintText(view.text, options);
  if (view.text === raw) return result;
  const identity: Layer = { inner: view.text, map: view.map, encoder: htmlEncoder };
  const messages = mapMessages(result.messages, view.text, [], identity, new LineIndex(raw));
  return { ...summarize(result.filePath, result.lang, messages) };
}
