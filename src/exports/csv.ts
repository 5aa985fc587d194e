import { OffsetMap, type Encoder } from './offset-map.js';
import { ExportSyntaxError, type XArray, type XObject, type XString } from './tree.js';

/**
 * CSV (RFC 4180) with positions: each field's decoded value and a map back to the file through
 * its quotes and `""` escapes. The first row names the columns; each later row becomes an object
 * keyed by those names, so presets address columns exactly as they address JSON keys.
 */

const CANDIDATES = [',', ';', '\t', '|'];

/** The delimiter of the header line: the candidate that occurs most often outside quotes. */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',', n = 0;
  for (const [c, k] of counts) if (k > n) { best = c; n = k; }
  return best;
}

interface Field { value: string; start: number; end: number; quoted: boolean; map: OffsetMap }

export function parseCsvRows(text: string, delimiter: string): Field[][] {
  const rows: Field[][] = [];
  let row: Field[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return rows;
  for (;;) {
    const start = i, map = new OffsetMap(text[i] === '"' ? i + 1 : i);
    let value = '', quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      let run = i;
      for (;;) {
        if (i >= n) throw new ExportSyntaxError('unterminated quoted field', start);
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += text.slice(run, i) + '"';
            map.linear(i - run, run).atomic(1, i, i + 2);
            i += 2; run = i;
            continue;
          }
          value += text.slice(run, i);
          map.linear(i - run, run);
          i++;
          break;
        }
        i++;
      }
      if (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') throw new ExportSyntaxError(`unexpected ${JSON.stringify(text[i])} after a quoted field (a quote inside a field is written "")`, i);
    } else {
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
      value = text.slice(start, i);
      map.linear(i - start, start);
    }
    row.push({ value, start, end: i, quoted, map });
    if (i >= n) { rows.push(row); break; }
    if (text[i] === delimiter) { i++; continue; }
    // End of record: \r\n, \n or \r.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  return rows.filter((r) => !(r.length === 1 && r[0].value === '' && !r[0].quoted));
}

/** A CSV file → an array of row objects keyed by the header's column names. */
export function parseCsv(text: string, delimiter = sniffDelimiter(text)): { root: XArray; columns: string[] } {
  const rows = parseCsvRows(text, delimiter);
  if (rows.length === 0) throw new ExportSyntaxError('empty CSV file: the first row must name the columns', 0);
  const columns = rows[0].map((f) => f.value.trim());
  const items: XObject[] = rows.slice(1).map((r) => ({
    kind: 'object',
    start: r[0].start,
    end: r[r.length - 1].end,
    entries: r.map((f, k) => ({ key: columns[k] ?? String(k + 1), value: stringNode(f, delimiter) })),
  }));
  return { root: { kind: 'array', items, start: 0, end: text.length }, columns };
}

function stringNode(f: Field, delimiter: string): XString {
  const encoder: Encoder = {
    escape: (s) => (f.quoted ? s.replace(/"/g, '""') : /["\r\n]/.test(s) || s.includes(delimiter) ? undefined : s),
    // An unquoted field that now needs quotes is rewritten whole, quoted.
    whole: (s) => ({ range: [f.start, f.end], text: `"${s.replace(/"/g, '""')}"` }),
  };
  return { kind: 'string', value: f.value, map: f.map, start: f.start, end: f.end, encoder };
}
