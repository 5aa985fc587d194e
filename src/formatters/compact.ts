import type { Formatter } from './formatter.js';
import { oneLine, relativePath } from './shared.js';
import { itemContext } from './item.js';

/**
 * One line per problem, `path:line:col: severity message [rule-id]`, for grep and editors' problem
 * matchers (the gcc style). Nothing else: no header, no summary, an empty string when all is clean.
 */
export const compact: Formatter = (results, { cwd }) => {
  let out = '';
  for (const r of results) {
    const path = relativePath(r.filePath, cwd);
    for (const m of r.messages) {
      const severity = m.severity === 2 ? 'error' : 'warning';
      out += `${path}:${m.line}:${m.column}: ${severity} ${m.item ? `${itemContext(m.item)} ` : ''}${oneLine(m.message)}${m.ruleId ? ` [${m.ruleId}]` : ''}\n`;
    }
  }
  return out;
};
