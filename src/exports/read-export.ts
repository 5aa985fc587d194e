import type { Encoder, OffsetMap } from './offset-map.js';
import { parseJson } from './json.js';
import { parseYaml } from './yaml.js';
import { parseCsv, sniffDelimiter } from './csv.js';
import { holds, resolvePath } from './path.js';
import { textOf, type XNode } from './tree.js';
import { BUILTIN_PRESETS, detectionOrder, presetNames, resolvePreset, type BodyFormat, type Dialect, type ExportPreset, type FieldRole } from './presets.js';

/**
 * A helpdesk export (JSON, YAML or CSV) → its items and their prose fields, each field with its
 * decoded text, format, dialect, and the map from decoded offsets to file offsets. Pure: the
 * caller reads the file.
 */

export type Container = 'json' | 'yaml' | 'csv';

export interface ExportField {
  /** The field's name (`comment_value_html`, `body_text`, a CSV column). */
  name: string;
  /** RFC 6901 pointer to the string in the file (for CSV, `/row/column`, rows counted from 0). */
  pointer: string;
  role: FieldRole;
  format: BodyFormat;
  dialect: Dialect;
  text: string;
  /** Decoded offsets → file offsets. */
  map: OffsetMap;
  /** Writes a replacement the way the file writes this string. */
  encoder: Encoder;
  /** Offset of the string in the file. */
  start: number;
}

export interface ExportItem {
  pointer: string;
  id?: string;
  title?: string;
  folder?: string;
  /** The item's language as the export gives it (`es`, `es_ES`, `ca-ES`…). */
  locale?: string;
  fields: ExportField[];
}

export interface CsvColumns { body?: string; id?: string; title?: string; locale?: string; folder?: string }

export interface ReadOptions {
  /** A preset name; detected from the shape when absent. */
  from?: string;
  /** The team's presets (config `exportPresets`). */
  presets?: Record<string, ExportPreset>;
  /** json, yaml or csv; by default from the file name, else sniffed. */
  container?: Container;
  csv?: CsvColumns;
  /** Override the format and dialect of every body field (`--body-format`, `--dialect`). */
  format?: BodyFormat;
  dialect?: Dialect;
}

export interface ExportRead {
  /** The preset used: `zendesk`, a config preset's name, or `csv` for plain CSV columns. */
  source: string;
  kind: string;
  preset: ExportPreset;
  container: Container;
  items: ExportItem[];
}

/** A problem with the export as a whole (unknown shape, unknown column): one line, with an offset when known. */
export class ExportError extends Error {
  constructor(message: string, readonly offset?: number) { super(message); this.name = 'ExportError'; }
}

export { EXPORT_EXTENSIONS } from './extensions.js';

export function containerOf(fileName: string | undefined, text: string): Container {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

export function parseContainer(text: string, container: Container, fileName?: string): { root: XNode; columns?: string[] } {
  if (container === 'json') return { root: parseJson(text) };
  if (container === 'yaml') return { root: parseYaml(text) };
  const delimiter = /\.tsv$/i.test(fileName ?? '') ? '\t' : sniffDelimiter(text);
  return parseCsv(text, delimiter);
}

export function readExport(text: string, fileName: string | undefined, options: ReadOptions = {}): ExportRead {
  const container = options.container ?? containerOf(fileName, text);
  const { root, columns } = parseContainer(text, container, fileName);
  const custom = options.presets ?? {};
  const csvGiven = Boolean(options.csv && Object.values(options.csv).some(Boolean));
  let source: string, preset: ExportPreset;
  if (options.from) {
    const p = resolvePreset(options.from, custom);
    if (!p) throw new ExportError(`unknown export preset '${options.from}'; valid: ${presetNames(custom).join(', ')}`);
    source = options.from; preset = p;
  } else if (container === 'csv' && options.csv?.body) {
    source = 'csv'; preset = { kind: 'row', items: ['[*]'], fields: [] };
  } else {
    const found = detectPreset(root, custom);
    if (!found) {
      const csvHint = container === 'csv' ? `, or name the text column with --csv-body-column (columns: ${(columns ?? []).join(', ')})` : '';
      throw new ExportError(`cannot tell which helpdesk export this is; use --from ${presetNames(custom).join('|')}${csvHint}`);
    }
    ({ source, preset } = found);
  }
  if (container === 'csv' && csvGiven) preset = withCsvColumns(preset, options.csv!, columns ?? [], options);
  if (options.format || options.dialect) {
    preset = { ...preset, fields: (preset.fields ?? []).map((f) => ((f.role ?? 'body') === 'body' ? { ...f, ...(options.format ? { format: options.format } : {}), ...(options.dialect ? { dialect: options.dialect } : {}) } : f)) };
  }
  const items = itemsOf(root, preset).map((found) => readItem(found.node, found.pointer, preset));
  return { source, kind: preset.kind ?? 'item', preset, container, items };
}

/** The first preset (the team's, then the built-in ones) whose items have what it detects. */
export function detectPreset(root: XNode, custom: Record<string, ExportPreset> = {}): { source: string; preset: ExportPreset } | undefined {
  for (const name of detectionOrder(custom)) {
    const preset = resolvePreset(name, custom);
    if (!preset?.detect?.length) continue;
    for (const path of preset.items ?? ['$']) {
      const nodes = resolvePath(root, path).filter((f) => f.node.kind === 'object');
      if (nodes.length) {
        if (preset.detect.every((t) => holds(nodes[0].node, t))) return { source: name, preset };
        continue;
      }
      // An envelope with no items yet (`{ "macros": [] }`) is still recognisable by its key.
      const prefix = path.endsWith('[*]') ? path.slice(0, -3) : '';
      if (prefix && path !== '[*]') {
        const list = resolvePath(root, prefix);
        if (list.length && list[0].node.kind === 'array' && list[0].node.items.length === 0) return { source: name, preset };
      }
    }
  }
  return undefined;
}

function itemsOf(root: XNode, preset: ExportPreset): Array<{ node: XNode; pointer: string }> {
  for (const path of preset.items ?? ['$']) {
    const found = resolvePath(root, path).filter((f) => f.node.kind === 'object');
    if (found.length) return found;
    const prefix = path.endsWith('[*]') ? path.slice(0, -3) : undefined;
    if (prefix !== undefined && (prefix === '' ? root.kind === 'array' : resolvePath(root, prefix).some((f) => f.node.kind === 'array'))) return [];
  }
  return [];
}

const first = (item: XNode, paths: string | string[] | undefined): string | undefined => {
  for (const p of [paths ?? []].flat()) {
    for (const f of resolvePath(item, p)) {
      const t = textOf(f.node);
      if (t !== undefined && t !== '') return t;
    }
  }
  return undefined;
};

const hasText = (item: XNode, path: string) => resolvePath(item, path).some((f) => f.node.kind === 'string' && f.node.value.trim() !== '');

function readItem(item: XNode, pointer: string, preset: ExportPreset): ExportItem {
  const fields: ExportField[] = [];
  for (const spec of preset.fields ?? []) {
    if (spec.unless && hasText(item, spec.unless)) continue;
    for (const f of resolvePath(item, spec.path, pointer)) {
      if (f.node.kind !== 'string' || f.node.value.trim() === '') continue;
      fields.push({
        name: spec.name ?? spec.path.replace(/\[[^\]]*\]/g, '').split('.').filter(Boolean).pop() ?? spec.path,
        pointer: f.pointer,
        role: spec.role ?? 'body',
        format: spec.format ?? preset.format ?? 'text',
        dialect: spec.dialect ?? preset.dialect ?? 'none',
        text: f.node.value, map: f.node.map, encoder: f.node.encoder, start: f.node.start,
      });
    }
  }
  return { pointer, id: first(item, preset.id), title: first(item, preset.title), folder: first(item, preset.folder), locale: first(item, preset.locale), fields };
}

/** --csv-*-column: columns by header name, or by number (1 = the first column). */
function withCsvColumns(preset: ExportPreset, csv: CsvColumns, columns: string[], options: ReadOptions): ExportPreset {
  const column = (which: string, given: string | undefined): string | undefined => {
    if (!given) return undefined;
    const name = columns.includes(given) ? given
      : columns.find((c) => c.toLowerCase() === given.toLowerCase())
      ?? (/^\d+$/.test(given) && Number(given) >= 1 && Number(given) <= columns.length ? columns[Number(given) - 1] : undefined);
    // A column name is one path key, whatever it contains.
    if (name !== undefined) return /^[^.[\]"']+$/.test(name) ? name : `[${JSON.stringify(name)}]`;
    throw new ExportError(`--csv-${which}-column '${given}' is not a column of this file; columns: ${columns.join(', ')}`);
  };
  const body = column('body', csv.body);
  const next: ExportPreset = { ...preset };
  if (body) next.fields = [{ path: body, name: body.replace(/^\["(.*)"\]$/, '$1'), format: options.format ?? 'text', dialect: options.dialect ?? 'none' }];
  const id = column('id', csv.id), title = column('title', csv.title), locale = column('locale', csv.locale), folder = column('folder', csv.folder);
  if (id) next.id = id;
  if (title) next.title = title;
  if (locale) next.locale = locale;
  if (folder) next.folder = folder;
  return next;
}

export { BUILTIN_PRESETS, presetNames };
