import { parseDocument, LineCounter, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Problem } from './errors.js';

export type Path = ReadonlyArray<string | number>;

/**
 * A YAML file parsed for validation: its plain value plus a way to name the line and column of
 * any key path, so every error can point at the exact spot (`file:line:col`).
 */
export class YamlSource {
  readonly value: unknown;
  readonly syntaxProblems: Problem[] = [];
  private readonly doc: Document;
  private readonly lines = new LineCounter();

  /** `lineOffset`: lines above the text in its file (front matter starts on line 2). */
  constructor(readonly file: string, text: string, private readonly lineOffset = 0) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    for (const e of this.doc.errors) {
      const [s] = e.pos;
      const { line, col } = this.lines.linePos(s);
      this.syntaxProblems.push({ file, line: line + lineOffset, column: col, message: `YAML syntax error: ${e.message.split('\n')[0]}` });
    }
    this.value = this.syntaxProblems.length ? undefined : this.doc.toJS({ maxAliasCount: 100 });
  }

  /** A problem at the node of `path` (or, for a missing key, at its nearest parent). */
  problem(path: Path, message: string, atKey = false): Problem {
    let node: unknown = this.doc.contents;
    let offset = 0;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        if (atKey && key === path[path.length - 1]) { node = undefined; break; }
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
        node = node.items[key];
      } else break;
      if (node && (node as Node).range) offset = (node as Node).range![0];
    }
    if (node && (node as Node).range && !atKey) offset = (node as Node).range![0];
    const { line, col } = this.lines.linePos(offset);
    const where = path.length ? ` (at ${path.join('.')})` : '';
    return { file: this.file, line: line + this.lineOffset, column: col, message: message + where };
  }
}
