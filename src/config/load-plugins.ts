import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../errors.js';
import type { Rule } from '../rules/rule.js';
import type { ReplylintPlugin } from '../plugin.js';
import type { ConfigLayer } from './load-config.js';

export interface PluginRef { spec: string; dir: string; layer: ConfigLayer }

/**
 * Loads the plugins configs name: the only way linting a repository runs its code. Never
 * installs anything; refused outright with --no-plugins.
 */
export async function loadPlugins(refs: readonly PluginRef[], allowed: boolean): Promise<Rule[]> {
  const rules: Rule[] = [];
  for (const ref of refs) {
    const at = () => ref.layer.src.problem([...ref.layer.prefix, 'plugins', (ref.layer.data.plugins ?? []).indexOf(ref.spec)], '');
    const fail = (message: string): never => { const p = at(); throw new UserError([{ ...p, message }]); };
    if (!allowed) fail(`plugin '${ref.spec}' refused: --no-plugins forbids running code from the linted repository`);
    let path: string;
    if (/^\.\.?[\\/]/.test(ref.spec)) path = resolve(ref.dir, ref.spec);
    else {
      try { path = createRequire(join(ref.dir, 'noop.js')).resolve(ref.spec); } catch {
        return fail(`cannot find plugin '${ref.spec}' from ${ref.dir} (plugins are never installed automatically: npm install ${ref.spec})`);
      }
    }
    let mod: { default?: ReplylintPlugin } & Partial<ReplylintPlugin>;
    try {
      mod = await import(pathToFileURL(/\.[mc]?ts$/.test(path) ? transpile(path, ref.dir) : path).href);
    } catch (e) {
      return fail(`cannot load plugin '${ref.spec}': ${(e as Error).message.split('\n')[0]}`);
    }
    const plugin = (mod.default ?? mod) as ReplylintPlugin;
    const list = Array.isArray(plugin.rules) ? plugin.rules : Object.values(plugin.rules ?? {});
    if (list.length === 0) fail(`plugin '${ref.spec}' exports no rules (expected { rules: [...] })`);
    for (const r of list) {
      if (!r?.meta?.id || typeof r.check !== 'function') fail(`plugin '${ref.spec}' has a rule without meta.id or check()`);
      rules.push({
        meta: {
          id: r.meta.id, severity: r.meta.severity ?? 'error', description: r.meta.description ?? '', languages: r.meta.languages ?? ['any'],
          fixable: r.meta.fixable ?? false, source: `plugin ${ref.spec}`, options: { ...(r.meta.options ?? {}) },
        },
        check: r.check,
      });
    }
  }
  return rules;
}

/** A TypeScript plugin is compiled with the project's own `typescript` package, when it has one. */
function transpile(path: string, dir: string): string {
  let ts: { transpileModule(src: string, o: object): { outputText: string } };
  try {
    ts = createRequire(join(dir, 'noop.js'))('typescript');
  } catch {
    throw new Error('a TypeScript plugin needs the `typescript` package installed in the project (or compile it to JavaScript)');
  }
  const out = ts.transpileModule(readFileSync(path, 'utf8'), { compilerOptions: { module: 99, target: 9 }, fileName: path }).outputText;
  const file = join(mkdtempSync(join(tmpdir(), 'replylint-plugin-')), 'plugin.mjs');
  writeFileSync(file, out);
  return file;
}
