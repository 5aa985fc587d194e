import type { Entity, EntityKind } from './document.js';

const SPACE = 32, LF = 10, CR = 13, APOS = 39;
const TYPOGRAPHIC_APOSTROPHES = new Set([0x2019, 0x2018, 0x02bc]);

/**
 * Builds a Document's `prose`: starts as a copy of the text (or fully blanked) and blanks ranges
 * that are not prose, keeping line breaks so lines and offsets never move.
 */
export class ProseBuffer {
  readonly codes: Uint16Array;
  readonly entities: Entity[] = [];

  constructor(readonly text: string, blank = false) {
    this.codes = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      this.codes[i] = blank && c !== LF && c !== CR ? SPACE : TYPOGRAPHIC_APOSTROPHES.has(c) ? APOS : c;
    }
  }

  /** Blanks [start, end) and, when a kind is given, records it as an entity. */
  mask(start: number, end: number, kind?: EntityKind, value?: string): void {
    for (let i = start; i < end; i++) {
      const c = this.codes[i];
      if (c !== LF && c !== CR) this.codes[i] = SPACE;
    }
    if (kind) this.entities.push(value === undefined ? { kind, start, end } : { kind, start, end, value });
  }

  /** Copies [start, end) of the text back into the prose (used for text inside a blanked region). */
  unmask(start: number, end: number): void {
    for (let i = start; i < end; i++) {
      const c = this.text.charCodeAt(i);
      this.codes[i] = TYPOGRAPHIC_APOSTROPHES.has(c) ? APOS : c;
    }
  }

  toString(): string {
    let out = '';
    const CHUNK = 8192;
    for (let i = 0; i < this.codes.length; i += CHUNK) {
      out += String.fromCharCode.apply(null, this.codes.subarray(i, i + CHUNK) as unknown as number[]);
    }
    return out;
  }
}
