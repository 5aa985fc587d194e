import type { Formatter } from './formatter.js';
import { stylish } from './stylish.js';
import { json } from './json.js';

export const FORMATTERS: Record<string, Formatter> = { stylish, json };
export type { Formatter, FormatContext } from './formatter.js';
