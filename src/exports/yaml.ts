import { parseDocument, isAlias, isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { OffsetMap, type Encoder } from './offset-map.js';
import { ExportSyntaxError, type XNode, type XString } from './tree.js';

/**
 * YAML exports through the `yaml` package, with a map for every string scalar from its value
 * back to the file: block literals (`|`, indentation stripped), folded blocks (`>`), double
 * quotes (escapes, escaped line breaks), single quotes (`''`) and plain multi-line scalars
 * (line folding). Each decoding is checked against the `yaml` package's own value; where they
 * differ, the whole scalar is one unit (messages point at its start, fixes rewrite it whole).
 */
export function parseYaml(text: string): XNode {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, intAsBigInt: false });
  if (doc.errors.length) throw new ExportSyntaxError(`YAML syntax error: ${doc.errors[0].message.split('\n')[0]}`, doc.errors[0].pos[0]);
  const contents = doc.contents as Node | null;
  if (!contents) return { kind: 'null', raw: '', start: 0, end: text.length };
  return convert(contents, text, false);
}

function convert(node: Node, text: string, flow: boolean): XNode {
  const [start, valueEnd] = node.range ?? [0, 0, 0];
  if (isMap(node)) {
    const entries = node.items.flatMap((pair) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) return [];
      const value = pair.value ? convert(pair.value as Node, text, flow || node.flow === true) : { kind: 'null' as const, raw: '', start: valueEnd, end: valueEnd };
      return [{ key, value }];
    });
    return { kind: 'object', entries, start, end: valueEnd };
  }
  if (isSeq(node)) return { kind: 'array', items: node.items.map((n) => convert(n as Node, text, flow || node.flow === true)), start, end: valueEnd };
  if (isScalar(node)) {
    const raw = text.slice(start, valueEnd);
    if (typeof node.value === 'string') return stringScalar(node, text, flow);
    if (node.value === null) return { kind: 'null', raw, start, end: valueEnd };
    return { kind: typeof node.value === 'boolean' ? 'boolean' : 'number', raw, start, end: valueEnd };
  }
  if (isAlias(node)) return { kind: 'null', raw: text.slice(start, valueEnd), start, end: valueEnd };
  return { kind: 'null', raw: '', start, end: valueEnd };
}

function stringScalar(node: Scalar, text: string, flow: boolean): XString {
  const [start, valueEnd] = node.range!;
  const value = node.value as string;
  let decoded: { value: string; map: OffsetMap; indent?: string } | undefined;
  try {
    decoded = decodeScalar(node.type, text, start, valueEnd);
  } catch {
    decoded = undefined;
  }
  // The end of the scalar's own text (a block scalar's range includes its trailing line breaks).
  let end = valueEnd;
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') while (end > start && /[\r\n]/.test(text[end - 1])) end--;
  const whole = (s: string) => ({ range: [start, end] as [number, number], text: JSON.stringify(s) });
  if (!decoded || decoded.value !== value) {
    return { kind: 'string', value, map: new OffsetMap(start).atomic(value.length, start, end), start, end, encoder: { escape: () => undefined, whole } };
  }
  return { kind: 'string', value, map: decoded.map, start, end, encoder: encoderFor(node.type, flow, decoded.indent ?? '', whole) };
}

function encoderFor(type: Scalar['type'], flow: boolean, indent: string, whole: Encoder['whole']): Encoder {
  switch (type) {
    case 'QUOTE_DOUBLE':
      return { escape: escapeDouble, whole };
    case 'QUOTE_SINGLE':
      return { escape: (s) => (/[\r\n]/.test(s) ? undefined : s.replace(/'/g, "''")), whole };
    case 'BLOCK_LITERAL':
      // Every new line is indented like the block (a line of only spaces is an empty line).
      return { escape: (s) => (/\r/.test(s) ? undefined : s.replace(/\n(?!\n)/g, '\n' + indent)), whole };
    case 'BLOCK_FOLDED':
      return { escape: (s) => (/[\r\n]/.test(s) ? undefined : s), whole };
    default:
      // Plain: only text that cannot change how the line parses.
      return { escape: (s) => (/[\r\n:#"'`{}[\]|>&*!%@]/.test(s) || (flow && s.includes(',')) || /^\s|\s$/.test(s) ? undefined : s), whole };
  }
}

function escapeDouble(s: string): string {
  return s.replace(/[\\"\x00-\x1f\x7f]/g, (c) => {
    const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r' };
    return named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

interface Line { start: number; end: number; breakEnd: number }

function linesOf(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let i = from;
  while (i < to) {
    let e = i;
    while (e < to && text[e] !== '\n' && text[e] !== '\r') e++;
    const breakEnd = e < to ? (text[e] === '\r' && text[e + 1] === '\n' ? e + 2 : e + 1) : e;
    lines.push({ start: i, end: e, breakEnd });
    i = breakEnd;
    if (e >= to) break;
  }
  return lines;
}

function decodeScalar(type: Scalar['type'], text: string, start: number, end: number): { value: string; map: OffsetMap; indent?: string } | undefined {
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') return decodeBlock(type === 'BLOCK_FOLDED', text, start, end);
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') return decodeFlow(type, text, start + 1, end - 1);
  return decodeFlow('PLAIN', text, start, end);
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/** Quoted and plain scalars: escapes (double quotes), `''` (single), and line folding. */
function decodeFlow(type: 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'PLAIN', text: string, from: number, to: number): { value: string; map: OffsetMap } {
  const map = new OffsetMap(from);
  let value = '';
  const lines = linesOf(text, from, to);
  const content = (l: Line, first: boolean, last: boolean): [number, number] => {
    let s = l.start, e = l.end;
    if (!first) while (s < e && (text[s] === ' ' || text[s] === '\t')) s++;
    if (!last) while (e > s && (text[e - 1] === ' ' || text[e - 1] === '\t') && !(type === 'QUOTE_DOUBLE' && escapedAt(text, e - 1, s))) e--;
    return [s, e];
  };
  let k = 0;
  while (k < lines.length) {
    const [s, e0] = content(lines[k], k === 0, k === lines.length - 1);
    let e = e0;
    // A double-quoted line ending in an unescaped backslash continues without a space.
    const joined = type === 'QUOTE_DOUBLE' && k < lines.length - 1 && text[e - 1] === '\\' && !escapedAt(text, e - 1, s);
    if (joined) e--;
    value += decodeRun(type, text, s, e, map);
    if (k === lines.length - 1) break;
    // Count the empty lines up to the next line with content.
    let j = k + 1;
    while (j < lines.length - 1 && text.slice(lines[j].start, lines[j].end).trim() === '') j++;
    const [nextStart] = content(lines[j], false, j === lines.length - 1);
    const empties = j - k - 1;
    const fold = joined ? '' : empties === 0 ? ' ' : '\n'.repeat(empties);
    value += fold;
    map.atomic(fold.length, e, nextStart);
    k = j;
  }
  return { value, map };
}

/** True when text[at] is escaped by an odd run of backslashes before it (within the line). */
function escapedAt(text: string, at: number, lineStart: number): boolean {
  let n = 0;
  for (let i = at - 1; i >= lineStart && text[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

function decodeRun(type: 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'PLAIN', text: string, s: number, e: number, map: OffsetMap): string {
  if (type === 'PLAIN') { map.linear(e - s, s); return text.slice(s, e); }
  let out = '', run = s, i = s;
  const flush = () => { out += text.slice(run, i); map.linear(i - run, run); };
  while (i < e) {
    if (type === 'QUOTE_SINGLE' && text[i] === "'" && text[i + 1] === "'") {
      flush(); out += "'"; map.atomic(1, i, i + 2); i += 2; run = i; continue;
    }
    if (type === 'QUOTE_DOUBLE' && text[i] === '\\') {
      flush();
      const c = text[i + 1];
      const hex = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
      let decoded: string, len: number;
      if (hex) {
        const h = text.slice(i + 2, i + 2 + hex);
        if (!/^[0-9a-fA-F]+$/.test(h) || h.length !== hex) throw new Error('bad escape');
        decoded = String.fromCodePoint(parseInt(h, 16)); len = 2 + hex;
      } else {
        if (DOUBLE_ESCAPES[c] === undefined) throw new Error('bad escape');
        decoded = DOUBLE_ESCAPES[c]; len = 2;
      }
      out += decoded; map.atomic(decoded.length, i, i + len); i += len; run = i; continue;
    }
    i++;
  }
  flush();
  return out;
}

/** `|` and `>` blocks: the header, then lines indented at least as far as the first content line. */
function decodeBlock(folded: boolean, text: string, start: number, end: number): { value: string; map: OffsetMap; indent: string } | undefined {
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd < 0 || headerEnd >= end) return undefined;
  const header = text.slice(start + 1, headerEnd).replace(/\s+#.*$/, '').trim();
  const chomp = header.includes('-') ? 'strip' : header.includes('+') ? 'keep' : 'clip';
  const explicit = /[1-9]/.exec(header);
  const lines = linesOf(text, headerEnd + 1, end);
  let indent: number;
  if (explicit) {
    let ls = start;
    while (ls > 0 && text[ls - 1] !== '\n' && text[ls - 1] !== '\r') ls--;
    let parent = 0;
    while (text[ls + parent] === ' ') parent++;
    indent = parent + Number(explicit[0]);
  } else {
    const first = lines.find((l) => text.slice(l.start, l.end).trim() !== '');
    if (!first) return undefined;
    indent = 0;
    while (text[first.start + indent] === ' ') indent++;
  }
  const map = new OffsetMap(headerEnd + 1);
  let value = '';
  const isEmpty = (l: Line) => text.slice(l.start, l.end).trim() === '' && l.end - l.start <= indent;
  let last = lines.length - 1;
  while (last >= 0 && isEmpty(lines[last])) last--;
  const moreIndented = (l: Line) => /[ \t]/.test(text[l.start + indent] ?? '');
  for (let k = 0; k <= last; k++) {
    const l = lines[k];
    const s = Math.min(l.start + indent, l.end);
    value += text.slice(s, l.end);
    map.linear(l.end - s, s);
    if (k === last) break;
    // The line break after this line.
    if (!folded || isEmpty(l) || moreIndented(l)) {
      breakAt(l);
      continue;
    }
    // Folding: a break between two ordinary lines is a space; before empty lines it disappears.
    let j = k + 1;
    while (j <= last && isEmpty(lines[j])) j++;
    if (j === k + 1 && !moreIndented(lines[j])) { value += ' '; map.atomic(1, l.end, l.breakEnd); }
    else if (j > k + 1 && !moreIndented(lines[j])) map.atomic(0, l.end, l.breakEnd);
    else breakAt(l);
  }
  function breakAt(l: Line) {
    value += '\n';
    if (l.breakEnd - l.end === 1) map.linear(1, l.end); else map.atomic(1, l.end, l.breakEnd);
  }
  if (last >= 0 && chomp !== 'strip' && lines[last].breakEnd > lines[last].end) {
    breakAt(lines[last]);
    if (chomp === 'keep') for (let k = last + 1; k < lines.length; k++) if (lines[k].breakEnd > lines[k].end) breakAt(lines[k]);
  }
  return { value, map, indent: ' '.repeat(indent) };
}
