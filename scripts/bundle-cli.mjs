// Build step: bundles the CLI (dist/cli/main.js and its worker) into dist/bundle/, which
// bin/replylint.js runs. Why: a one-draft run spent most of its time resolving, reading and
// compiling ~100 modules one by one; one bundle with a few lazily loaded chunks (formatters,
// HTML and export readers, remark) loads in a fraction of it. The library (dist/index.js,
// dist/node.js) stays unbundled. dist/bundle/ sits beside dist/cli/, so the paths the code finds
// from import.meta.url (../../rules/, ../builtin-rules.json, ../../package.json, ./worker.js)
// point where they point from dist/cli/.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'bundle');

/**
 * scslre (with refa, ~1 MB) checks the regexes of a team's own rule files for catastrophic
 * backtracking; the built-in rules are checked at build time. The bundle leaves it out and
 * requires it on first use, so runs with built-in rules only never load it.
 */
const lazyScslre = {
  name: 'lazy-scslre',
  setup(b) {
    b.onResolve({ filter: /^scslre$/ }, () => ({ path: 'scslre', namespace: 'lazy-scslre' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-scslre' }, () => ({
      contents: `import { createRequire } from 'node:module';
let scslre;
export const analyse = (...args) => (scslre ??= createRequire(import.meta.url)('scslre')).analyse(...args);`,
      loader: 'js',
      resolveDir: ROOT,
    }));
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
  plugins: [lazyScslre],
  logLevel: 'warning',
});
