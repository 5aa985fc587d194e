import type { FormatContext } from './formatter.js';
import type { LintMessage, LintResult } from '../lint.js';
import { LineIndex, type Position } from '../parse/lines.js';
import { md5Hex } from './md5.js';

/**
 * Helpers shared by the machine-readable formatters. Everything here is pure: no file system,
 * no process, no `node:` module — a formatter must run wherever the linter core runs.
 */

const WINDOWS_ROOT = /^(?:[A-Za-z]:[\\/]|\\\\)/;

/** A path as the formats want it: forward slashes (on Windows), relative to `cwd` when inside it. */
export function relativePath(filePath: string, cwd: string): string {
  const windows = WINDOWS_ROOT.test(cwd) || WINDOWS_ROOT.test(filePath);
  const norm = (p: string) => (windows ? p.replace(/\\/g, '/') : p);
  const file = norm(filePath), base = norm(cwd).replace(/\/+$/, '');
  if (base) {
    const same = windows ? file.toLowerCase().startsWith(base.toLowerCase() + '/') : file.startsWith(base + '/');
    if (same) return file.slice(base.length + 1);
  }
  return file.replace(/^(?:\.\/)+/, '');
}

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || WINDOWS_ROOT.test(path);
}

/** An RFC 3986 relative reference for a relative path: each segment percent-encoded. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** A `file:` URI for an absolute path (POSIX or Windows). */
export function fileUri(absolute: string): string {
  const p = absolute.replace(/\\/g, '/');
  const drive = /^([A-Za-z]:)\/?(.*)$/.exec(p);
  if (drive) return `file:///${drive[1]}/${encodePath(drive[2])}`;
  if (p.startsWith('//')) return `file:${encodePath(p)}`; // UNC: //server/share/…
  return `file://${encodePath(p)}`;
}

/** A message on one line, for line-based formats. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** The rewrite shown under a problem: the fix, else the first suggestion (as stylish shows it). */
export function rewriteOf(m: LintMessage): string | undefined {
  return m.fix?.text ?? m.suggestions?.[0]?.fix.text;
}

/** Every rewrite a message offers, the safe fix first, each with a description. */
export function rewritesOf(m: LintMessage): { desc: string; range: [number, number]; text: string; safe: boolean }[] {
  const out: { desc: string; range: [number, number]; text: string; safe: boolean }[] = [];
  if (m.fix) out.push({ desc: `Replace with ${JSON.stringify(m.fix.text)} (applied by --fix)`, range: m.fix.range, text: m.fix.text, safe: true });
  for (const s of m.suggestions ?? []) out.push({ desc: s.desc || `Replace with ${JSON.stringify(s.fix.text)}`, range: s.fix.range, text: s.fix.text, safe: false });
  return out;
}

/** The decoded text of one draft with position arithmetic. Offsets and columns are UTF-16 code units. */
export class SourceText {
  private readonly lines: LineIndex;
  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  /** 1-based line and UTF-16 column of an offset (clamped to the text). */
  position(offset: number): Position {
    return this.lines.position(Math.max(0, Math.min(offset, this.text.length)));
  }

  /** The offset of a 1-based line and UTF-16 column (clamped to the text). */
  offset(line: number, column: number): number {
    if (line > this.lines.lineCount) return this.text.length;
    return Math.max(0, Math.min(this.lines.lineStart(Math.max(1, line)) + column - 1, this.text.length));
  }

  /** The 1-based column in UTF-8 bytes of a 1-based line and UTF-16 column. */
  utf8Column(line: number, column: number): number {
    const start = this.lines.lineStart(Math.max(1, Math.min(line, this.lines.lineCount)));
    return utf8Length(this.text, start, this.offset(line, column)) + 1;
  }
}

/** UTF-8 byte length of text[start, end), counting a lone surrogate as U+FFFD (3 bytes), as TextEncoder does. */
export function utf8Length(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/** Per-run cache of SourceText, built only for files whose text the context gives. */
export function sources(ctx: FormatContext): (filePath: string) => SourceText | undefined {
  const cache = new Map<string, SourceText | undefined>();
  return (filePath) => {
    if (!cache.has(filePath)) {
      const text = ctx.sourceOf(filePath);
      cache.set(filePath, text === undefined ? undefined : new SourceText(text));
    }
    return cache.get(filePath);
  };
}

/** The text a message points at, or undefined when the draft's text is not available. */
export function matchedText(m: LintMessage, source: SourceText | undefined): string | undefined {
  if (!source) return undefined;
  return source.text.slice(source.offset(m.line, m.column), source.offset(m.endLine, m.endColumn));
}

/**
 * Fingerprints of a result's messages, stable when lines move: MD5 (hex) of the relative path, the
 * rule id, the matched text (whitespace collapsed, so re-wrapping a paragraph keeps it) and the
 * index of that (rule, text) pair among the file's problems, in order. Without the draft's text, or
 * for an empty range (a parse warning), the message stands in for the matched text. Never the line
 * number.
 */
export function fingerprints(result: LintResult, path: string, source: SourceText | undefined): string[] {
  const seen = new Map<string, number>();
  return result.messages.map((m) => {
    const text = (matchedText(m, source) || `message:${m.message}`).replace(/\s+/g, ' ').trim();
    const key = JSON.stringify([m.ruleId ?? '', text]);
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    return md5Hex(JSON.stringify([path, m.ruleId ?? '', text, index]));
  });
}
