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
  const flat = flatMapping(yaml);
  if (flat) return { end, yaml, data: flat };
  try {
    const data: unknown = parseYaml(m[1]);
    if (data === null || data === undefined) return { end, yaml };
    if (typeof data !== 'object' || Array.isArray(data)) return { end, yaml, error: 'front matter is not a YAML mapping' };
    return { end, yaml, data: data as Record<string, unknown> };
  } catch (e) {
    return { end, yaml, error: `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}` };
  }
}

/** `key: value`, the value a plain word or words: a string to any YAML reader. */
const PLAIN_LINE = /^([A-Za-z_][\w-]*):[ \t]+([A-Za-z][\w .,/()-]*?)[ \t]*$/;
/** Plain words YAML reads as something else than a string. */
const NOT_A_STRING = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/**
 * The common front matter, `lang: en` and a title, read without the YAML parser (loading it
 * was a tenth of a one-draft run); anything else (quotes, lists, comments, a value YAML could
 * read as a number, a boolean or null, a key twice) goes to the parser.
 */
export function flatMapping(yaml: string): Record<string, string> | undefined {
  const data: Record<string, string> = {};
  for (const line of yaml.split(/\r?\n/)) {
    const m = PLAIN_LINE.exec(line);
    if (!m || NOT_A_STRING.test(m[2]) || Object.hasOwn(data, m[1])) return undefined;
    data[m[1]] = m[2];
  }
  return Object.keys(data).length ? data : undefined;
}
