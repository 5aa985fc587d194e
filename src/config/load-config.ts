import { readFileSync } from 'node:fs';
import { dirname, resolve, basename } from 'node:path';
import { UserError, type Problem } from '../errors.js';
import { YamlSource, type Path } from '../yaml-source.js';
import { configShape, PRESETS, type ConfigData } from './config.js';

/** One config file, validated, with the files it extends loaded before it. */
export interface ConfigLayer {
  file: string;
  dir: string;
  src: YamlSource;
  /** Where the config sits inside the file (`['replylint']` in package.json). */
  prefix: Path;
  data: ConfigData;
  /** What `extends` names, in order: presets by name, files as layers. */
  bases: Array<string | ConfigLayer>;
}

export const CONFIG_NAMES = ['.replylintrc.yaml', '.replylintrc.yml', '.replylintrc.json', 'replylint.config.yaml', 'package.json'];

/** Reads a config file; for package.json, its `replylint` key (undefined when it has none). */
export function loadConfigFile(file: string, chain: readonly string[] = []): ConfigLayer | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError([{ file, message: `cannot read config file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }]);
  }
  const src = new YamlSource(file, text);
  if (src.syntaxProblems.length) throw new UserError(src.syntaxProblems);
  const isPackage = basename(file) === 'package.json';
  const prefix: Path = isPackage ? ['replylint'] : [];
  const value = isPackage ? (src.value as Record<string, unknown> | null)?.replylint : src.value ?? {};
  if (value === undefined) return undefined;
  const problems: Problem[] = [];
  configShape(value, prefix, { src, problems });
  const data = value as ConfigData;
  const dir = dirname(file);
  const bases: ConfigLayer['bases'] = [];
  if (!problems.length) {
    for (const [i, name] of [data.extends ?? []].flat().entries()) {
      const at = Array.isArray(data.extends) ? [...prefix, 'extends', i] : [...prefix, 'extends'];
      if ((PRESETS as readonly string[]).includes(name)) { bases.push(name); continue; }
      if (!/^\.\.?[\\/]/.test(name)) {
        problems.push(src.problem(at, `cannot extend '${name}'; valid: ${PRESETS.join(', ')}, or a relative path such as ./base.yaml`));
        continue;
      }
      const target = resolve(dir, name);
      if (chain.includes(target) || target === file) { problems.push(src.problem(at, `'${name}' extends itself in a cycle`)); continue; }
      const base = loadConfigFile(target, [...chain, file]);
      if (base) bases.push(base);
    }
  }
  if (problems.length) throw new UserError(problems);
  return { file, dir, src, prefix, data, bases };
}
