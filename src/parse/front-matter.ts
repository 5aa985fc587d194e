import { parse as parseYaml } from 'yaml';
import type { ProseBuffer } from './prose-buffer.js';

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)(?:\r?\n|^)(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export interface FrontMatter { data?: Record<string, unknown>; end: number; error?: string; yaml: string }

/** Finds YAML front matter at the top of a draft, blanks it, and parses it. */
export function takeFrontMatter(buf: ProseBuffer): FrontMatter | undefined {
  const m = FRONT_MATTER.exec(buf.text);
  if (!m) return undefined;
  const end = m[0].length, yaml = m[1];
  buf.mask(0, end, 'frontmatter');
  try {
    const data: unknown = parseYaml(m[1]);
    if (data === null || data === undefined) return { end, yaml };
    if (typeof data !== 'object' || Array.isArray(data)) return { end, yaml, error: 'front matter is not a YAML mapping' };
    return { end, yaml, data: data as Record<string, unknown> };
  } catch (e) {
    return { end, yaml, error: `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}` };
  }
}
