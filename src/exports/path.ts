import { get, pointerToken, textOf, type XNode } from './tree.js';

/**
 * Paths into an export, as presets write them: keys joined by dots, `[*]` for every element of
 * a list, `[2]` for one element, `[field=comment_value_html]` for the elements whose `field` is
 * that text, and `$` for the node itself.
 *
 *   macros[*]                                   every macro of a Zendesk export
 *   actions[field=comment_value_html].value     the HTML body action of one macro
 *   actions[name=setResponseText].arguments.body_html
 */
type Step = { key: string } | { index: number } | { all: true } | { where: string; equals: string };

const cache = new Map<string, Step[]>();

export function parsePath(path: string): Step[] {
  const hit = cache.get(path);
  if (hit) return hit;
  const steps: Step[] = [];
  const src = path.trim();
  if (src !== '$' && src !== '') {
    const re = /([^.[\]]+)|\[([^\]]*)\]|(\.)/y;
    let expectKey = true, at = 0;
    while (at < src.length) {
      re.lastIndex = at;
      const m = re.exec(src);
      if (!m) throw new Error(`'${path}' is not a valid path (at '${src.slice(at)}')`);
      at = re.lastIndex;
      if (m[1] !== undefined) {
        if (!expectKey) throw new Error(`'${path}': a key must follow a '.'`);
        steps.push({ key: m[1] }); expectKey = false;
      } else if (m[2] !== undefined) {
        const inner = m[2].trim();
        const quoted = /^(["'])(.*)\1$/.exec(inner);
        if (quoted) steps.push({ key: quoted[2] });
        else if (inner === '*') steps.push({ all: true });
        else if (/^-?\d+$/.test(inner)) steps.push({ index: Number(inner) });
        else if (/^[^=]+=.*$/.test(inner)) { const eq = inner.indexOf('='); steps.push({ where: inner.slice(0, eq).trim(), equals: inner.slice(eq + 1).trim().replace(/^(["'])(.*)\1$/, '$2') }); }
        else throw new Error(`'${path}': [${inner}] is not [*], [number] or [key=value]`);
        expectKey = false;
      } else expectKey = true;
    }
    if (steps.length === 0) throw new Error(`'${path}' is not a valid path`);
  }
  cache.set(path, steps);
  return steps;
}

/** A path's error, or undefined when it is valid (for config validation). */
export function pathProblem(path: string): string | undefined {
  try { parsePath(path); return undefined; } catch (e) { return (e as Error).message; }
}

export interface Found { node: XNode; pointer: string }

/** Every node a path reaches from `node`, with its RFC 6901 pointer (from `pointer` on). */
export function resolvePath(node: XNode, path: string, pointer = ''): Found[] {
  let current: Found[] = [{ node, pointer }];
  for (const step of parsePath(path)) {
    const next: Found[] = [];
    for (const { node: n, pointer: p } of current) {
      if ('key' in step) {
        const v = get(n, step.key);
        if (v) next.push({ node: v, pointer: `${p}/${pointerToken(step.key)}` });
      } else if (n.kind === 'array') {
        n.items.forEach((item, i) => {
          if ('all' in step) next.push({ node: item, pointer: `${p}/${i}` });
          else if ('index' in step) { if (i === (step.index < 0 ? n.items.length + step.index : step.index)) next.push({ node: item, pointer: `${p}/${i}` }); }
          else if (textOf(get(item, step.where)) === step.equals) next.push({ node: item, pointer: `${p}/${i}` });
        });
      } else if ('where' in step && n.kind === 'object' && textOf(get(n, step.where)) === step.equals) {
        next.push({ node: n, pointer: p });
      }
    }
    current = next;
  }
  return current;
}

/** `path` or `path=value`: true when the path reaches something (equal to the value). */
export function holds(node: XNode, test: string): boolean {
  const eq = /^([^=[]*(?:\[[^\]]*\][^=[]*)*)=(.*)$/.exec(test);
  const found = resolvePath(node, eq ? eq[1] : test);
  if (!eq) return found.length > 0;
  const want = eq[2].trim().replace(/^(["'])(.*)\1$/, '$2');
  return found.some((f) => textOf(f.node) === want);
}
