import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { Session } from './session.js';

/** --print-config FILE: the merged settings of every rule for that file, as JSON. */
export function printConfig(session: Session, file: string): string {
  const abs = resolve(session.cwd, file);
  const eff = session.configFor(abs);
  const rules = Object.fromEntries(session.rules.map((r) => {
    const s = eff.rules[r.meta.id];
    const severity = s?.severity ?? (r.meta.severity === 'error' ? 2 : 1);
    return [r.meta.id, [['off', 'warn', 'error'][severity], { ...r.meta.options, ...(s?.options ?? {}) }]];
  }));
  return JSON.stringify({ file: abs, configFiles: eff.files, lang: eff.lang ?? null, quotes: eff.quotes, contactEmail: eff.contactEmail ?? null, ...(eff.from ? { from: eff.from } : {}), ...(eff.signatureEmail ? { signatureEmail: eff.signatureEmail } : {}), ...(eff.contactVariables?.length ? { contactVariables: eff.contactVariables } : {}), rules }, null, 2);
}

/** --list-rules: every rule with severity, languages, fixability and a one-line description. */
export function listRules(session: Session, json: boolean): string {
  const rows = session.rules.map((r) => ({ id: r.meta.id, severity: r.meta.severity, languages: r.meta.languages, fixable: r.meta.fixable, description: r.meta.description, source: r.meta.source.startsWith(session.cwd) ? r.meta.source.slice(session.cwd.length + 1) : r.meta.source }));
  if (json) return JSON.stringify(rows, null, 2);
  const w = Math.max(...rows.map((r) => r.id.length));
  return rows.map((r) => `${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${r.languages.join(',').padEnd(8)}  ${r.fixable ? 'fixable' : '       '}  ${r.description}`).join('\n');
}

const STARTER = `# replylint configuration (see the README, "Configuration").
# Files are linted with every built-in rule at its default severity (replylint:recommended).
# Other presets: replylint:strict (every rule an error), replylint:all (strict, and template
# variables such as {{first_name}} flagged as unfilled placeholders).
extends: replylint:recommended

# Language of drafts whose front matter has no \`lang:\`; leave unset to detect en/es/ca.
# lang: es

# The team's address: missing-contact-email then offers a fix that adds it.
# contactEmail: support@example.com

# Quoted customer text (> lines, blockquotes): skip (default) or lint.
# quotes: skip

rules:
  # rule-id: off | warn | error, or [severity, { options }]
  # long-sentence: [warn, { words: 35 }]
  # condescension: error

# overrides:
#   - files: ["macros/billing/**"]
#     rules:
#       unfilled-placeholder: [error, { finalDraft: true }]

# ignorePatterns: ["drafts/archive/**"]
# rulePaths: ["./replylint-rules"]   # directories of the team's own YAML rule files
# plugins: ["./replylint-plugin.js"] # JavaScript rules; refused with --no-plugins
`;

/** --init: writes a commented starter config, never over an existing one. */
export function init(cwd: string): string {
  const file = join(cwd, '.replylintrc.yaml');
  if (existsSync(file)) throw new UserError([{ file, message: 'already exists; not overwritten' }]);
  writeFileSync(file, STARTER);
  return `Wrote ${file}`;
}
