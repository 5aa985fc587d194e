import { Chalk } from 'chalk';
import type { Formatter } from './formatter.js';
import { relativePath, rewriteOf } from './shared.js';
import { itemKey, itemLabel } from './item.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** ESLint's default look: grouped by file, aligned columns, the rewrite under its problem, a summary. */
export const stylish: Formatter = (results, { cwd, colorLevel }) => {
  const c = new Chalk({ level: colorLevel });
  let out = '', errors = 0, warnings = 0, fixErrors = 0, fixWarnings = 0;
  for (const r of results) {
    if (r.messages.length === 0) continue;
    errors += r.errorCount; warnings += r.warningCount;
    fixErrors += r.fixableErrorCount; fixWarnings += r.fixableWarningCount;
    const rows = r.messages.map((m) => [`${m.line}:${m.column}`, m.severity === 2 ? 'error' : 'warning', m.message.replace(/\s*\n\s*/g, ' '), m.ruleId ?? '']);
    const width = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length)));
    out += `\n${c.underline(relativePath(r.filePath, cwd))}\n`;
    // Messages about an export item are grouped under it; each names its field and where in it.
    let group = '';
    r.messages.forEach((m, i) => {
      const [pos, sev, msg, id] = rows[i];
      const key = itemKey(m.item);
      if (m.item && key !== group) out += `  ${c.bold(`[${itemLabel(m.item)}]`)}\n`;
      group = key;
      const indent = m.item ? '    ' : '  ';
      const where = m.item ? `  ${c.dim(`› ${m.item.field} ${m.item.line}:${m.item.column}`)}` : '';
      const sevText = (sev === 'error' ? c.red : c.yellow)(sev.padEnd(width[1]));
      out += `${indent}${c.dim(pos.padEnd(width[0]))}  ${sevText}  ${msg.padEnd(width[2])}  ${c.dim(id.padEnd(m.item ? width[3] : 0))}${where}`.trimEnd() + '\n';
      const rewrite = rewriteOf(m);
      if (rewrite !== undefined) out += `${indent}${' '.repeat(width[0])}  ${c.green(`suggestion: ${JSON.stringify(rewrite.trim())}`)}${m.fix ? c.dim(' (fixable)') : ''}\n`;
    });
  }
  const total = errors + warnings;
  if (total === 0) return '';
  out += '\n' + (errors ? c.red.bold : c.yellow.bold)(`✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`) + '\n';
  if (fixErrors + fixWarnings > 0) {
    out += (errors ? c.red.bold : c.yellow.bold)(`  ${plural(fixErrors, 'error')} and ${plural(fixWarnings, 'warning')} potentially fixable with the \`--fix\` option.`) + '\n';
  }
  return out;
};
