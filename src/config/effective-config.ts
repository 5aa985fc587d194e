import type { RuleSetting } from '../lint.js';
import type { RuleMeta } from '../rules/rule.js';
import { toSeverity, type ConfigData, type RuleEntry } from './config.js';
import type { ExportPreset } from '../exports/presets.js';

/** What applies to one file once every config layer, preset and override is merged. */
export interface EffectiveConfig {
  lang?: string;
  quotes: 'skip' | 'lint';
  contactEmail?: string;
  /** Export preset (`from`), appended signature's address, team-address template variables, team presets. */
  from?: string;
  signatureEmail?: string;
  contactVariables?: string[];
  exportPresets?: Record<string, ExportPreset>;
  /** Only rules that a layer named; the others run at their default severity. */
  rules: Record<string, RuleSetting>;
  /** Config files that contributed, farthest first. */
  files: string[];
}

export const emptyConfig = (): EffectiveConfig => ({ quotes: 'skip', rules: {}, files: [] });

/** Presets are configs too: named sets of rule settings over the rules of the run. */
export function presetData(name: string, rules: readonly RuleMeta[]): ConfigData {
  if (name === 'replylint:recommended') return {};
  const everyRule = (extra: (r: RuleMeta) => Record<string, unknown> | undefined): ConfigData => ({
    rules: Object.fromEntries(rules.map((r) => {
      const options = extra(r);
      return [r.id, options ? ['error', options] : 'error'];
    })) as Record<string, RuleEntry>,
  });
  if (name === 'replylint:strict') return everyRule(() => undefined);
  // replylint:all: strict, and option switches that widen a rule (finalDraft) turned on.
  return everyRule((r) => (typeof r.options.finalDraft === 'boolean' ? { finalDraft: true } : undefined));
}

/**
 * Lays one config's keys over the merged result so far (nearer configs are applied later).
 * A severity-only entry keeps the options set further away, as ESLint does.
 */
export function applyData(into: EffectiveConfig, data: Omit<ConfigData, 'extends' | 'overrides'>, rules: readonly RuleMeta[]): void {
  if (data.lang !== undefined) into.lang = data.lang;
  if (data.quotes !== undefined) into.quotes = data.quotes;
  if (data.from !== undefined) into.from = data.from;
  if (data.signatureEmail !== undefined) into.signatureEmail = data.signatureEmail;
  if (data.contactVariables !== undefined) into.contactVariables = [...(into.contactVariables ?? []), ...data.contactVariables];
  if (data.exportPresets !== undefined) into.exportPresets = { ...into.exportPresets, ...data.exportPresets };
  if (data.contactEmail !== undefined) {
    into.contactEmail = data.contactEmail;
    for (const r of rules) if ('contactEmail' in r.options) mergeRule(into, r.id, { options: { contactEmail: data.contactEmail } });
  }
  for (const [id, entry] of Object.entries(data.rules ?? {})) {
    const [sev, options] = Array.isArray(entry) ? entry : [entry];
    mergeRule(into, id, { severity: toSeverity(sev), options });
  }
}

function mergeRule(into: EffectiveConfig, id: string, s: { severity?: RuleSetting['severity']; options?: Record<string, unknown> }): void {
  const prev = into.rules[id];
  const severity = s.severity ?? prev?.severity;
  const options = prev?.options || s.options ? { ...(prev?.options ?? {}), ...(s.options ?? {}) } : undefined;
  into.rules[id] = { ...(severity !== undefined ? { severity } : {}), ...(options ? { options } : {}) };
}
