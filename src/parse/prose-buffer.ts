import type { Entity, EntityKind } from './document.js';

const SPACE = 32, LF = 10, CR = 13, APOS = 39;
/** ’ ‘ ʼ read as ' (compared directly: a Set lookup per character is most of a 50 MB draft's parse). */
const straighten = (c: number) => (c === 0x2019 || c === 0x2018 || c === 0x02bc ? APOS : c);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Builds a Document's `prose`: starts as a copy of the text (or fully blanked) and blanks ranges
 * that are not prose, keeping line breaks so lines and offsets never move.
 */
export class ProseBuffer {
  readonly codes: Uint16Array;
  readonly entities: Entity[] = [];

  constructor(readonly text: string, blank = false) {
    const codes = (this.codes = new Uint16Array(text.length));
    if (blank) {
      codes.fill(SPACE);
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) codes[i] = LF;
      for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) codes[i] = CR;
    } else {
      for (let i = 0; i < text.length; i++) codes[i] = straighten(text.charCodeAt(i));
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
    for (let i = start; i < end; i++) this.codes[i] = straighten(this.text.charCodeAt(i));
  }

  toString(): string {
    // TextDecoder is native and fast, but turns a lone surrogate into U+FFFD: only when there is none.
    if (LITTLE_ENDIAN && typeof TextDecoder !== 'undefined' && wellFormed(this.codes)) return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(this.codes);
    let out = '';
    const CHUNK = 8192;
    for (let i = 0; i < this.codes.length; i += CHUNK) {
      out += String.fromCharCode.apply(null, this.codes.subarray(i, i + CHUNK) as unknown as number[]);
    }
    return out;
  }
}

/** No lone surrogate: every high surrogate is followed by a low one, and no low one stands alone. */
function wellFormed(codes: Uint16Array): boolean {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff) return false;
    const next = codes[i + 1];
    if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
    i++;
  }
  return true;
}
