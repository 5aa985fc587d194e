import type { Formatter } from './formatter.js';
import { relativePath, rewriteOf } from './shared.js';
import { itemContext } from './item.js';

/** GitHub's escaping of a workflow command's data (as `@actions/core` escapes it). */
export const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** GitHub's escaping of a workflow command's property value: the data escaping plus `:` and `,`. */
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands, one per problem, which the runner turns into annotations on the
 * pull request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`.
 * Columns are UTF-16 code units, as in every replylint format except rdjson.
 */
export const github: Formatter = (results, { cwd }) => {
  let out = '';
  for (const r of results) {
    const file = relativePath(r.filePath, cwd);
    for (const m of r.messages) {
      const rewrite = rewriteOf(m);
      const message = (m.item ? `${itemContext(m.item)} ` : '') + m.message + (rewrite === undefined ? '' : ` (suggestion: ${JSON.stringify(rewrite)}${m.fix ? ', fixable with --fix' : ''})`);
      const props: [string, string | number][] = [
        ['file', file], ['line', m.line], ['col', m.column], ['endLine', m.endLine], ['endColumn', m.endColumn],
        ['title', m.ruleId ?? 'replylint'],
      ];
      const command = m.severity === 2 ? 'error' : 'warning';
      out += `::${command} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(message)}\n`;
    }
  }
  return out;
};
