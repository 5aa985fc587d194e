import type { ProseBuffer } from './prose-buffer.js';

/**
 * The line that introduces a quoted e-mail ("On Mon, Ann wrote:", "El lunes, Ana escribió:")
 * belongs to the quote, not to the agent's prose. Called after quotes are masked.
 */
export function maskQuoteAttributions(buf: ProseBuffer, attributions: RegExp[]): void {
  const text = buf.text;
  const lines: Array<[number, number]> = [];
  for (const q of buf.entities.filter((e) => e.kind === 'quote')) {
    let end = q.start;
    while (end > 0 && /\s/.test(text[end - 1])) end--;
    let start = end;
    while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    const line = text.slice(start, end);
    if (line && attributions.some((re) => re.test(line))) {
      buf.mask(start, end, 'quote');
      lines.push([start, end]);
    }
  }
  if (lines.length === 0) return;
  // The customer's own address in "Ana <ana@x.com> wrote:" is not one the draft gives. (One pass
  // with a binary search: a long thread has thousands of quotes and entities.)
  lines.sort((a, b) => a[0] - b[0]);
  const inLine = (start: number, end: number) => {
    let lo = 0, hi = lines.length - 1, found = -1;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (lines[mid][0] <= start) { found = mid; lo = mid + 1; } else hi = mid - 1; }
    return found >= 0 && end <= lines[found][1];
  };
  const kept = buf.entities.filter((e) => e.kind === 'quote' || !inLine(e.start, e.end));
  buf.entities.splice(0, buf.entities.length, ...kept);
}
