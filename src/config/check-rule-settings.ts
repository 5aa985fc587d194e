import type { Problem } from '../errors.js';
import type { RuleMeta } from '../rules/rule.js';
import type { Path, YamlSource } from '../yaml-source.js';
import { didYouMean } from '../shape.js';
import type { ConfigData } from './config.js';

/**
 * Rule ids and options can only be checked once the rules of the run are loaded (built-in,
 * rulePaths, plugins): an unknown id or option is an error at its key, with the valid choices.
 */
export function checkRuleSettings(src: YamlSource, prefix: Path, data: Pick<ConfigData, 'rules' | 'overrides'>, rules: ReadonlyMap<string, RuleMeta>): Problem[] {
  const problems: Problem[] = [];
  const ids = [...rules.keys()];
  const checkRules = (entries: ConfigData['rules'], at: Path) => {
    for (const [id, entry] of Object.entries(entries ?? {})) {
      const meta = rules.get(id);
      if (!meta) {
        problems.push(src.problem([...at, id], `unknown rule '${id}'${didYouMean(id, ids)}; valid rules: ${ids.join(', ')}`, true));
        continue;
      }
      const options = Array.isArray(entry) ? entry[1] : undefined;
      for (const [key, value] of Object.entries(options ?? {})) {
        const known = Object.keys(meta.options);
        if (!(key in meta.options)) {
          problems.push(src.problem([...at, id, 1, key], `unknown option '${key}' for rule '${id}'${known.length ? `; valid options: ${known.join(', ')}` : '; it takes no options'}`, true));
        } else if (typeof value !== typeof meta.options[key] || (typeof value === 'number' && !(value >= 0))) {
          problems.push(src.problem([...at, id, 1, key], `option '${key}' of rule '${id}' expects ${typeof meta.options[key] === 'number' ? 'a non-negative number' : `a ${typeof meta.options[key]}`}, got ${JSON.stringify(value)}`));
        }
      }
    }
  };
  checkRules(data.rules, [...prefix, 'rules']);
  (data.overrides ?? []).forEach((o, i) => checkRules(o.rules, [...prefix, 'overrides', i, 'rules']));
  return problems;
}
