import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { RuleMeta } from '../rules/rule.js';
import { CONFIG_NAMES, loadConfigFile, type ConfigLayer } from './load-config.js';
import { applyData, emptyConfig, presetData, type EffectiveConfig } from './effective-config.js';

export interface ResolverOptions {
  cwd: string;
  /** --config FILE: this file alone, no lookup. */
  configFile?: string;
  /** false with --no-config-lookup. */
  lookup: boolean;
}

const toPosix = (p: string) => p.split(sep).join('/');

/**
 * Finds the configs that govern a file: from its directory upward, nearest last, stopping at
 * `root: true` or the filesystem root. Each directory is looked up once per run.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, ConfigLayer[]>();
  private readonly explicit?: ConfigLayer[];

  constructor(private readonly options: ResolverOptions) {
    if (options.configFile) {
      const layer = loadConfigFile(resolve(options.cwd, options.configFile));
      this.explicit = layer ? [layer] : [];
    }
  }

  layersFor(filePath: string): ConfigLayer[] {
    if (this.explicit) return this.explicit;
    if (!this.options.lookup) return [];
    return this.chain(dirname(resolve(this.options.cwd, filePath)));
  }

  private chain(dir: string): ConfigLayer[] {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const own = this.configIn(dir);
    const parent = dirname(dir);
    const chain = own?.data.root || parent === dir ? (own ? [own] : []) : [...this.chain(parent), ...(own ? [own] : [])];
    this.byDir.set(dir, chain);
    return chain;
  }

  private configIn(dir: string): ConfigLayer | undefined {
    for (const name of CONFIG_NAMES) {
      const file = join(dir, name);
      if (existsSync(file) && statSync(file).isFile()) {
        const layer = loadConfigFile(file);
        if (layer) return layer;
      }
    }
    return undefined;
  }

  /** Every layer met so far, bases included, each once. */
  loadedLayers(): ConfigLayer[] {
    const seen = new Set<ConfigLayer>();
    const add = (l: ConfigLayer) => { if (seen.has(l)) return; seen.add(l); l.bases.forEach((b) => typeof b !== 'string' && add(b)); };
    (this.explicit ?? []).forEach(add);
    for (const chain of this.byDir.values()) chain.forEach(add);
    return [...seen];
  }
}

/** Merges a file's layers (farthest first): each layer's bases, then its keys, then its matching overrides. */
export function effectiveConfig(layers: readonly ConfigLayer[], filePath: string, rules: readonly RuleMeta[]): EffectiveConfig {
  const into = emptyConfig();
  const apply = (layer: ConfigLayer) => {
    for (const base of layer.bases) typeof base === 'string' ? applyData(into, presetData(base, rules), rules) : apply(base);
    applyData(into, layer.data, rules);
    const rel = toPosix(relative(layer.dir, filePath));
    for (const o of layer.data.overrides ?? []) {
      if (globMatch(o.files, rel) && !(o.excludedFiles && globMatch(o.excludedFiles, rel))) applyData(into, o, rules);
    }
    into.files.push(layer.file);
  };
  layers.forEach(apply);
  return into;
}

const matchers = new Map<string, (p: string) => boolean>();
/** Globs are relative to the config's directory; a glob without a slash matches the file name anywhere. */
export function globMatch(globs: string | string[], rel: string): boolean {
  return [globs].flat().some((g) => {
    let m = matchers.get(g);
    if (!m) matchers.set(g, (m = picomatch(g, { dot: true, basename: !g.includes('/') })));
    return m(rel);
  });
}

/** Directories named by `rulePaths` and modules named by `plugins`, resolved from each config's directory. */
export function extensionsOf(layers: readonly ConfigLayer[]): { rulePaths: string[]; plugins: Array<{ spec: string; dir: string; layer: ConfigLayer }> } {
  const rulePaths: string[] = [], plugins: Array<{ spec: string; dir: string; layer: ConfigLayer }> = [];
  for (const l of layers) {
    for (const p of l.data.rulePaths ?? []) rulePaths.push(resolve(l.dir, p));
    for (const spec of l.data.plugins ?? []) plugins.push({ spec, dir: l.dir, layer: l });
  }
  return { rulePaths: [...new Set(rulePaths)], plugins };
}
