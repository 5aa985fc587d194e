import { OffsetMap, type Encoder } from './offset-map.js';
import { ExportSyntaxError, type XNode, type XString } from './tree.js';

/**
 * A small JSON parser that keeps positions: every string is decoded with a map from decoded
 * offsets to file offsets through `\n`, `\"`, `\uXXXX` and surrogate pairs (a pair is one
 * unit: a range never splits it). Numbers keep their text. Strict RFC 8259.
 */
export function parseJson(text: string): XNode {
  const p = new JsonParser(text);
  p.ws();
  const value = p.value();
  p.ws();
  if (p.i < text.length) throw new ExportSyntaxError('unexpected text after the JSON value', p.i);
  return value;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class JsonParser {
  i = 0;
  /** True when the file writes every non-ASCII character as \uXXXX: replacements do the same. */
  private readonly asciiOnly: boolean;
  constructor(private readonly text: string) {
    this.asciiOnly = !/[^\x00-\x7f]/.test(text) && /\\u[0-9a-fA-F]{4}/.test(text);
  }

  ws(): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++; else break;
    }
  }

  private fail(message: string, at = this.i): never {
    throw new ExportSyntaxError(at >= this.text.length ? `unexpected end of JSON (${message})` : message, Math.min(at, this.text.length));
  }

  value(): XNode {
    const t = this.text, c = t[this.i], start = this.i;
    if (c === '{') {
      this.i++;
      const entries: Array<{ key: string; value: XNode }> = [];
      this.ws();
      if (t[this.i] === '}') { this.i++; return { kind: 'object', entries, start, end: this.i }; }
      for (;;) {
        this.ws();
        if (t[this.i] !== '"') this.fail('expected a "quoted" key');
        const key = this.string().value;
        this.ws();
        if (t[this.i] !== ':') this.fail("expected ':' after the key");
        this.i++;
        this.ws();
        entries.push({ key, value: this.value() });
        this.ws();
        if (t[this.i] === ',') { this.i++; continue; }
        if (t[this.i] === '}') { this.i++; return { kind: 'object', entries, start, end: this.i }; }
        this.fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      this.i++;
      const items: XNode[] = [];
      this.ws();
      if (t[this.i] === ']') { this.i++; return { kind: 'array', items, start, end: this.i }; }
      for (;;) {
        this.ws();
        items.push(this.value());
        this.ws();
        if (t[this.i] === ',') { this.i++; continue; }
        if (t[this.i] === ']') { this.i++; return { kind: 'array', items, start, end: this.i }; }
        this.fail("expected ',' or ']'");
      }
    }
    if (c === '"') return this.string();
    for (const [word, kind] of [['true', 'boolean'], ['false', 'boolean'], ['null', 'null']] as const) {
      if (t.startsWith(word, this.i)) { this.i += word.length; return { kind, raw: word, start, end: this.i }; }
    }
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = this.i;
    const n = m.exec(t);
    if (n && n[0] !== '' && n[0] !== '-') { this.i += n[0].length; return { kind: 'number', raw: n[0], start, end: this.i }; }
    return this.fail(c === undefined ? 'a value was expected' : `unexpected character ${JSON.stringify(c)}`);
  }

  string(): XString {
    const t = this.text, start = this.i;
    this.i++;
    const map = new OffsetMap(this.i);
    let value = '', run = this.i;
    const flush = () => { if (this.i > run) { value += t.slice(run, this.i); map.linear(this.i - run, run); } };
    for (;;) {
      if (this.i >= t.length) this.fail('unterminated string', start);
      const c = t.charCodeAt(this.i);
      if (c === 34) { flush(); this.i++; break; }
      if (c < 0x20) this.fail('control character in a string (write it as an escape such as \\n)');
      if (c !== 92) { this.i++; continue; }
      flush();
      const at = this.i, e = t[this.i + 1];
      if (e === 'u') {
        const code = this.hex4(at + 2);
        let decoded = String.fromCharCode(code), end = at + 6;
        // A surrogate pair written as two escapes is one character: one unit for ranges.
        if (code >= 0xd800 && code <= 0xdbff && t[end] === '\\' && t[end + 1] === 'u') {
          const low = this.hex4(end + 2, false);
          if (low >= 0xdc00 && low <= 0xdfff) { decoded += String.fromCharCode(low); end += 6; }
        }
        value += decoded;
        map.atomic(decoded.length, at, end);
        this.i = end;
      } else if (e !== undefined && ESCAPES[e] !== undefined) {
        value += ESCAPES[e];
        map.atomic(1, at, at + 2);
        this.i = at + 2;
      } else this.fail(`invalid escape \\${e ?? ''}`, at);
      run = this.i;
    }
    return { kind: 'string', value, map, start, end: this.i, encoder: jsonEncoder(this.asciiOnly) };
  }

  private hex4(at: number, strict = true): number {
    const h = this.text.slice(at, at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) { if (strict) this.fail('invalid \\u escape', at - 2); return -1; }
    return parseInt(h, 16);
  }
}

/** Text → the inside of a JSON string, escaped as JSON.stringify does (and ASCII-only when the file is). */
export function escapeJson(s: string, asciiOnly = false): string {
  const body = JSON.stringify(s).slice(1, -1);
  return asciiOnly ? body.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : body;
}

const jsonEncoder = (asciiOnly: boolean): Encoder => ({ escape: (s) => escapeJson(s, asciiOnly) });
