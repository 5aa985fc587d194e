import { BUILTIN_RULES_DIR, loadRuleDirs } from '../../src/cli/load-rules.js';

/** The built-in rules and languages, loaded once per test file. */
export const builtins = loadRuleDirs([BUILTIN_RULES_DIR]);
export { BUILTIN_RULES_DIR };
