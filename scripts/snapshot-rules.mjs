#!/usr/bin/env node
// Build step: validates the built-in rule files once and stores them in dist/builtin-rules.json,
// so a run skips parsing and checking them while they are unchanged (any edit is detected).
import { writeBuiltinSnapshot } from '../dist/cli/load-rules.js';

try {
  writeBuiltinSnapshot();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
