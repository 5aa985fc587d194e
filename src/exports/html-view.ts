import { charRefAt, HTML_ELEMENTS, tokenizeHtml } from '../parse/html.js';
import { OffsetMap, type Encoder } from './offset-map.js';

/**
 * HTML with its character references decoded where that changes no markup: `don&#39;t`,
 * `informaci&oacute;n`, `&nbsp;` become the characters they stand for, so phrases match across
 * them, while `&lt;b&gt;` (which would become a tag) and `&amp;copy;` (a new reference) stay as
 * written. The view is still HTML, linted with the HTML parser; the map leads every offset back
 * to the source, and fixes are written back escaped.
 */
export interface HtmlView { text: string; map: OffsetMap }

export function htmlView(source: string): HtmlView {
  const map = new OffsetMap(0);
  let text = '', copied = 0;
  for (const tok of tokenizeHtml(source)) {
    if (tok.type !== 'text') continue;
    for (let i = tok.start; i < tok.end;) {
      const ref = source[i] === '&' ? charRefAt(source, i) : undefined;
      if (!ref || ref.end > tok.end || !safeToDecode(source, ref.value, ref.end)) { i++; continue; }
      text += source.slice(copied, i);
      map.linear(i - copied, copied);
      text += ref.value;
      map.atomic(ref.value.length, ref.start, ref.end);
      i = copied = ref.end;
    }
  }
  text += source.slice(copied);
  map.linear(source.length - copied, copied);
  return { text, map };
}

/** A decoded `<` must not open a tag, a decoded `&` must not start a reference. */
function safeToDecode(source: string, value: string, after: number): boolean {
  if (value === '&') return charRefAt('&' + source.slice(after, after + 40), 0) === undefined;
  if (value === '<') {
    const next = /^\/?([A-Za-z][A-Za-z0-9:-]*)|^[!?/]/.exec(source.slice(after, after + 40));
    return !next || (next[1] !== undefined && !HTML_ELEMENTS.has(next[1].toLowerCase()) && !/[:-]/.test(next[1]));
  }
  return true;
}

/**
 * Replacement text written into HTML: `&` and `<` escaped, line breaks as `<br>` (a rule's
 * rewrite is plain text: an added paragraph after "\n\n" must show as one), the rest as is.
 */
export const htmlEncoder: Encoder = { escape: (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\r?\n/g, '<br>') };
