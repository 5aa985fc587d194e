import type { ProseBuffer } from './prose-buffer.js';

/**
 * The line that introduces a quoted e-mail ("On Mon, Ann wrote:", "El lunes, Ana escribió:")
 * belongs to the quote, not to the agent's prose. Called after quotes are masked.
 */
export function maskQuoteAttributions(buf: ProseBuffer, attributions: RegExp[]): void {
  const text = buf.text;
  for (const q of buf.entities.filter((e) => e.kind === 'quote')) {
    let end = q.start;
    while (end > 0 && /\s/.test(text[end - 1])) end--;
    let start = end;
    while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    const line = text.slice(start, end);
    if (line && attributions.some((re) => re.test(line))) {
      buf.mask(start, end, 'quote');
      // The customer's own address in "Ana <ana@x.com> wrote:" is not one the draft gives.
      for (let i = buf.entities.length - 1; i >= 0; i--) {
        const e = buf.entities[i];
        if (e.kind !== 'quote' && e.start >= start && e.end <= end) buf.entities.splice(i, 1);
      }
    }
  }
}
