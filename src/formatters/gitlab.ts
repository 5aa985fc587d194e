import type { Formatter } from './formatter.js';
import { fingerprints, relativePath, sources } from './shared.js';
import { itemContext } from './item.js';

/**
 * A GitLab Code Quality report (`artifacts: reports: codequality:`): a JSON array of issues.
 *
 * `fingerprint` is the MD5 (hex) of the file's relative path, the rule id, the matched text and the
 * index of that (rule, text) pair within the file — not the line number — so an issue keeps its
 * identity when lines are added above it, and two occurrences of one phrase stay two issues.
 */
export const gitlab: Formatter = (results, ctx) => {
  const sourceOf = sources(ctx);
  const issues = results.flatMap((r) => {
    const path = relativePath(r.filePath, ctx.cwd);
    const prints = fingerprints(r, path, sourceOf(r.filePath));
    return r.messages.map((m, i) => ({
      description: (m.item ? `${itemContext(m.item)} ` : '') + (m.ruleId ? `${m.ruleId}: ${m.message}` : m.message),
      check_name: m.ruleId ?? 'replylint',
      fingerprint: prints[i],
      severity: m.severity === 2 ? 'major' : 'minor',
      location: { path, lines: { begin: m.line } },
    }));
  });
  return JSON.stringify(issues, null, 2);
};
