import { UserError } from '../errors.js';
import type { RuleMeta } from '../rules/rule.js';
import { YamlSource } from '../yaml-source.js';
import { frontMatterShape, PRESETS, type ConfigData } from './config.js';
import { checkRuleSettings } from './check-rule-settings.js';
import { applyData, presetData, type EffectiveConfig } from './effective-config.js';

/**
 * A draft's front matter may carry a `replylint:` block of config keys for that file alone.
 * Its other keys belong to the user. Errors name the draft, line and column.
 */
export function applyFrontMatterConfig(into: EffectiveConfig, yaml: string, filePath: string, rules: ReadonlyMap<string, RuleMeta>): void {
  const src = new YamlSource(filePath, yaml, 1);
  const block = (src.value as Record<string, unknown> | undefined)?.replylint;
  if (block === undefined) return;
  const problems = [...src.syntaxProblems];
  frontMatterShape(block, ['replylint'], { src, problems });
  const data = block as ConfigData;
  for (const [i, name] of [data.extends ?? []].flat().entries()) {
    if (!(PRESETS as readonly string[]).includes(name)) problems.push(src.problem(['replylint', 'extends', ...(Array.isArray(data.extends) ? [i] : [])], `a draft can only extend a preset: ${PRESETS.join(', ')}`));
  }
  if (!problems.length) problems.push(...checkRuleSettings(src, ['replylint'], data, rules));
  if (problems.length) throw new UserError(problems);
  const metas = [...rules.values()];
  for (const name of [data.extends ?? []].flat()) applyData(into, presetData(name, metas), metas);
  applyData(into, data, metas);
}
