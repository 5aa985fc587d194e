// The core (lint.ts, fixes, formatters and all they import) must run where there is no file
// system or process: a browser, an editor extension. Walk the import graph and prove it.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../src');
const NODE_BUILTIN = /^(?:node:|fs$|path$|os$|crypto$|url$|child_process$|process$|module$)/;

function importGraph(entry: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(entry)) return seen;
  const source = readFileSync(entry, 'utf8');
  const specs = [...source.matchAll(/^(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  seen.set(entry, specs);
  for (const spec of specs) if (spec.startsWith('.')) importGraph(join(dirname(entry), spec.replace(/\.js$/, '.ts')), seen);
  return seen;
}

describe('architecture', () => {
  it.each(['lint.ts', 'fix.ts', 'formatters/index.ts'])('%s and everything it imports use no Node-only module or process', (entry) => {
    const offenders: string[] = [];
    for (const [file, specs] of importGraph(join(SRC, entry))) {
      for (const s of specs) if (NODE_BUILTIN.test(s)) offenders.push(`${file.slice(SRC.length + 1)} imports ${s}`);
      if (/\bprocess\.(?:env|cwd|stdout|stderr|exit|argv)/.test(readFileSync(file, 'utf8'))) offenders.push(`${file.slice(SRC.length + 1)} uses process`);
    }
    expect(offenders).toEqual([]);
  });
  it('sees a Node import when there is one (the walk is not vacuous)', () => {
    const graph = importGraph(join(SRC, 'cli/main.ts'));
    expect([...graph.values()].flat().some((s) => NODE_BUILTIN.test(s))).toBe(true);
    expect(graph.size).toBeGreaterThan(10);
  });
});
