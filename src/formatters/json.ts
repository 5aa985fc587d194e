import type { Formatter } from './formatter.js';

/** ESLint-compatible JSON: an array of results, each with `messages`, counts and `lang`. */
export const json: Formatter = (results) => JSON.stringify(results);
