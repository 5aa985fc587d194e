// The parse floor for the benchmark: unified + remark-parse alone (the project's own copies),
// parsing every Markdown file under the given files or directories in one process, and nothing
// else (no rules, no output). A Markdown linter built on remark cannot beat this without
// parsing less. Usage: node test/bench/parse-floor.mjs <file|dir>...
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';

const processor = unified().use(remarkParse);
const isMarkdown = (name) => /\.(md|markdown)$/i.test(name);

function walk(path, out) {
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child, out);
      else if (isMarkdown(entry.name)) out.push(child);
    }
  } else out.push(path);
  return out;
}

const files = [];
for (const arg of process.argv.slice(2)) walk(arg, files);
let nodes = 0;
for (const file of files) {
  const tree = processor.parse(readFileSync(file, 'utf8'));
  nodes += tree.children.length;
}
process.stdout.write(`${JSON.stringify({ files: files.length, topLevelNodes: nodes })}\n`);
