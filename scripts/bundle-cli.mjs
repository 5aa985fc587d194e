// Build step: bundles the CLI (dist/cli/main.js and its worker) into dist/bundle/, which
// bin/replylint.js runs. Why: a one-draft run spent most of its time resolving, reading and
// compiling ~100 modules one by one; one bundle with a few lazily loaded chunks (formatters,
// HTML and export readers, remark) loads in a fraction of it. The library (dist/index.js,
// dist/node.js) stays unbundled. dist/bundle/ sits beside dist/cli/, so the paths the code finds
// from import.meta.url (../../rules/, ../builtin-rules.json, ../../package.json, ./worker.js)
// point where they point from dist/cli/. The bundle needs no node_modules at run time.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'bundle');

/**
 * Dependencies a run often does without, each built into a CommonJS file of its own beside the
 * bundle and required (synchronously, as the code expects) the first time one of its exports is
 * called: scslre (with refa, ~1 MB) checks the regexes of a team's own rule files, the built-in
 * ones being checked at build time; yaml (170 KB) reads config files, front matter and rule files
 * from source, none of which a draft linted with the built-in rules and no config needs.
 */
const LAZY = {
  scslre: { functions: ['analyse'], classes: [] },
  yaml: { functions: ['parse', 'parseDocument', 'isAlias', 'isMap', 'isPair', 'isScalar', 'isSeq'], classes: ['LineCounter'] },
};

const lazyDependencies = {
  name: 'lazy-dependencies',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(?:${Object.keys(LAZY).join('|')})$`) }, (args) => ({ path: args.path, namespace: 'lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, ({ path: name }) => ({
      contents: [
        "import { createRequire } from 'node:module';",
        'let dep;',
        `const load = () => (dep ??= createRequire(import.meta.url)('./${name}.cjs'));`,
        ...LAZY[name].functions.map((f) => `export const ${f} = (...args) => load().${f}(...args);`),
        ...LAZY[name].classes.map((c) => `export function ${c}(...args) { return new (load().${c})(...args); }`),
      ].join('\n'),
      loader: 'js',
      resolveDir: ROOT,
    }));
  },
};

/**
 * commander requires `node:child_process` (for subcommands run as programs, which replylint has
 * none of): with it come net, dgram, streams… some forty of Node's modules a run never uses. It
 * gets an object that requires the real module if a property is ever read.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(?:node:)?child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

/**
 * Node's own modules are required, not imported: importing one as ESM reads every export of it
 * (`node:fs` then loads fs/promises, readline and the streams); a required one is read only for
 * the names the code uses, when it uses them.
 */
const requiredBuiltins = {
  name: 'required-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'import-statement' ? { path: args.path, namespace: 'required-builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'required-builtin' }, ({ path }) => ({ contents: `module.exports = require('${path}');`, loader: 'js' }));
  },
};

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: { main: join(ROOT, 'dist/cli/main.js'), worker: join(ROOT, 'dist/cli/worker.js') },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies (commander, yaml…) call require() for Node's own modules.
  banner: { js: "import { createRequire as __replylintRequire } from 'node:module'; const require = __replylintRequire(import.meta.url);" },
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'none',
  chunkNames: 'chunk-[hash]',
  plugins: [lazyDependencies, lazyChildProcess, requiredBuiltins],
  logLevel: 'warning',
});
for (const name of Object.keys(LAZY)) {
  await build({
    stdin: { contents: `module.exports = require('${name}');`, resolveDir: ROOT, loader: 'js' },
    outfile: join(OUT, `${name}.cjs`),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}
