import type { Formatter } from './formatter.js';
import { relativePath, rewritesOf, sources, type SourceText } from './shared.js';
import { itemContext } from './item.js';

interface RdPosition { line: number; column: number }
interface RdRange { start: RdPosition; end: RdPosition }

/**
 * reviewdog's Diagnostic Format as one `DiagnosticResult` JSON object (`reviewdog -f=rdjson`).
 *
 * rdjson columns are 1-based UTF-8 byte counts (reviewdog.proto, `Position.column`), while
 * replylint's are UTF-16 code units, so every column is converted using the draft's text: "né bad"
 * puts "bad" at column 5, not 4. Ranges are end-exclusive in both. Without the draft's text (a
 * result built elsewhere), columns are passed through unconverted. A message about a helpdesk
 * export item names the item first, as github, gitlab and compact do.
 */
export const rdjson: Formatter = (results, ctx) => {
  const sourceOf = sources(ctx);
  const diagnostics = results.flatMap((r) => {
    const path = relativePath(r.filePath, ctx.cwd);
    const source = sourceOf(r.filePath);
    const pos = (line: number, column: number): RdPosition => ({ line, column: source ? source.utf8Column(line, column) : column });
    return r.messages.map((m) => {
      const suggestions = source ? rewritesOf(m).map((w) => ({ range: rangeOf(source, w.range), text: w.text })) : [];
      return {
        message: (m.item ? `${itemContext(m.item)} ` : '') + m.message,
        location: { path, range: { start: pos(m.line, m.column), end: pos(m.endLine, m.endColumn) } },
        severity: m.severity === 2 ? 'ERROR' : 'WARNING',
        ...(m.ruleId ? { code: { value: m.ruleId } } : {}),
        ...(suggestions.length ? { suggestions } : {}),
      };
    });
  });
  return JSON.stringify({ source: { name: 'replylint' }, diagnostics }, null, 2);
};

function rangeOf(source: SourceText, [start, end]: [number, number]): RdRange {
  const at = (offset: number): RdPosition => {
    const p = source.position(offset);
    return { line: p.line, column: source.utf8Column(p.line, p.column) };
  };
  return { start: at(start), end: at(end) };
}
