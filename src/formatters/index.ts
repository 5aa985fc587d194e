import type { Formatter } from './formatter.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { compact } from './compact.js';
import { sarif } from './sarif.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { rdjson } from './rdjson.js';

export const FORMATTERS: Record<string, Formatter> = { stylish, json, compact, sarif, github, gitlab, rdjson };
export type { Formatter, FormatContext } from './formatter.js';
