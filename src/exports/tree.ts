import type { Encoder, OffsetMap } from './offset-map.js';

/**
 * An export file (JSON, YAML or CSV) as a tree that remembers where everything is: every node
 * has its source range, every string its decoded value, an offset map back to the source, and
 * an encoder that writes a replacement the way the source writes strings.
 */
export type XNode = XObject | XArray | XString | XScalar;

interface Base { start: number; end: number }
export interface XObject extends Base { kind: 'object'; entries: Array<{ key: string; value: XNode }> }
export interface XArray extends Base { kind: 'array'; items: XNode[] }
export interface XString extends Base { kind: 'string'; value: string; map: OffsetMap; encoder: Encoder }
/** Numbers keep their source text (ids beyond 2^53 stay exact); booleans and null too. */
export interface XScalar extends Base { kind: 'number' | 'boolean' | 'null'; raw: string }

/** A syntax error in an export, at a source offset. */
export class ExportSyntaxError extends Error {
  constructor(message: string, readonly offset: number) { super(message); this.name = 'ExportSyntaxError'; }
}

export function get(node: XNode | undefined, key: string): XNode | undefined {
  if (node?.kind !== 'object') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i].key === key) return node.entries[i].value;
  return undefined;
}

/** A node as text when it is a string or a number/boolean (ids stay as written). */
export function textOf(node: XNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'string') return node.value;
  if (node.kind === 'number' || node.kind === 'boolean') return node.raw;
  return undefined;
}

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
export const pointerToken = (key: string | number) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');
