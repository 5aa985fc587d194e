import type { RuleContext, RuleMeta } from './rules/rule.js';

/**
 * The plugin API: a module whose default export (or module object) has `rules`. A plugin rule
 * reports through `context.report` exactly like a YAML rule, so severities, directives, fixes
 * and every output format treat both the same.
 */
export interface PluginRule {
  meta: Pick<RuleMeta, 'id'> & Partial<Omit<RuleMeta, 'id' | 'source'>>;
  check(context: RuleContext): void;
}

export interface ReplylintPlugin {
  name?: string;
  rules: PluginRule[] | Record<string, PluginRule>;
}

/** Identity helper that gives a plugin module its types. */
export function definePlugin(plugin: ReplylintPlugin): ReplylintPlugin {
  return plugin;
}
