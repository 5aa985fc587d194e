import type { Fix } from '../rules/rule.js';

/**
 * Where each character of a decoded string came from in its source: the JSON string `"a\nb"`
 * decodes to three characters, the middle one from the two source characters `\n`.
 *
 * A map is a list of segments over the decoded string, in order and without gaps. A `linear`
 * segment maps character for character (plain text); an `atomic` one maps a short decoded run
 * to a whole source span (an escape, an HTML character reference, a folded line break) that
 * cannot be split: a range that starts or ends inside it is widened to all of it.
 */
export interface Segment { inner: number; innerEnd: number; outer: number; outerEnd: number; atomic: boolean }

export class OffsetMap {
  readonly segments: Segment[] = [];
  private innerLength = 0;

  /** `origin`: the source offset an empty string stands at. */
  constructor(private readonly origin = 0) {}

  /** `length` decoded characters copied from source offset `outer` on. */
  linear(length: number, outer: number): this {
    if (length <= 0) return this;
    const last = this.segments[this.segments.length - 1];
    if (last && !last.atomic && last.innerEnd === this.innerLength && last.outerEnd === outer) {
      last.innerEnd += length; last.outerEnd += length;
    } else {
      this.segments.push({ inner: this.innerLength, innerEnd: this.innerLength + length, outer, outerEnd: outer + length, atomic: false });
    }
    this.innerLength += length;
    return this;
  }

  /** `length` decoded characters (possibly none) standing for the source span [outer, outerEnd). */
  atomic(length: number, outer: number, outerEnd: number): this {
    this.segments.push({ inner: this.innerLength, innerEnd: this.innerLength + length, outer, outerEnd, atomic: true });
    this.innerLength += length;
    return this;
  }

  get length(): number { return this.innerLength; }

  /** The segment holding a decoded offset (for `end`, the one holding the character before it). */
  private find(offset: number, side: 'start' | 'end'): Segment | undefined {
    const segs = this.segments;
    let lo = 0, hi = segs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1, s = segs[mid];
      const inside = side === 'start' ? s.inner <= offset && offset < s.innerEnd : s.inner < offset && offset <= s.innerEnd;
      if (inside) return s;
      if ((side === 'start' ? s.innerEnd <= offset : s.innerEnd < offset)) lo = mid + 1; else hi = mid - 1;
    }
    return undefined;
  }

  /**
   * A decoded offset → its source offset, and the decoded offset the source offset stands for
   * (they differ when the offset falls inside an atomic segment: the range is widened).
   * `start` sides map to the start of the character at `offset`; `end` sides to the end of the
   * character before it, so a range never swallows indentation or a skipped span next to it.
   */
  expand(offset: number, side: 'start' | 'end'): { inner: number; outer: number } {
    const seg = this.find(offset, side);
    if (!seg) {
      if (this.segments.length === 0) return { inner: 0, outer: this.origin };
      if (offset <= 0) return { inner: 0, outer: this.segments[0].outer };
      const last = this.segments[this.segments.length - 1];
      return { inner: this.innerLength, outer: last.outerEnd };
    }
    if (!seg.atomic) return { inner: offset, outer: seg.outer + (offset - seg.inner) };
    if (side === 'start') return offset === seg.inner ? { inner: offset, outer: seg.outer } : { inner: seg.inner, outer: seg.outer };
    return offset === seg.innerEnd ? { inner: offset, outer: seg.outerEnd } : { inner: seg.innerEnd, outer: seg.outerEnd };
  }

  toOuter(offset: number, side: 'start' | 'end'): number {
    return this.expand(offset, side).outer;
  }
}

/**
 * How a replacement is written back into the source: the decoded text → the source text, or
 * undefined when it cannot be written in place (then `whole` may rewrite the whole value).
 */
export interface Encoder {
  escape(decoded: string): string | undefined;
  /** Rewrites the whole value (e.g. a plain YAML scalar as a quoted one): the new decoded value → a source fix. */
  whole?(decoded: string): Fix | undefined;
}

/**
 * A fix on a decoded string → the same fix on its source: the range mapped (and widened to whole
 * escapes), the text escaped the way the source writes it. Undefined when it cannot be written.
 */
export function liftFix(fix: Fix, map: OffsetMap, decoded: string, encoder: Encoder): Fix | undefined {
  const [s, e] = fix.range;
  if (s < 0 || e < s || e > decoded.length) return undefined;
  const a = map.expand(s, 'start');
  // An insertion between two segments stays there; anything else is widened to whole escapes.
  const b = e === s && a.inner === s ? a : map.expand(e, 'end');
  const innerStart = Math.min(a.inner, s), innerEnd = Math.max(b.inner, e);
  const replacement = decoded.slice(innerStart, s) + fix.text + decoded.slice(e, innerEnd);
  const escaped = encoder.escape(replacement);
  if (escaped !== undefined) return { range: [a.outer, Math.max(a.outer, b.outer)], text: escaped };
  return encoder.whole?.(decoded.slice(0, s) + fix.text + decoded.slice(e));
}
