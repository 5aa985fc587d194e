#!/usr/bin/env node
// Thin shim: starts the CLI and sets the exit code once output is flushed.
import { setFlagsFromString } from 'node:v8';

// V8 first interprets a regular expression and compiles it on a later run ("tier-up"). Our phrase
// unions run over a long draft thousands of times, and with tier-up a 5 MB draft took 14 s
// instead of 6 s (see test/bench/RESULTS.md); compiled at once, one draft costs the same.
setFlagsFromString('--no-regexp-tier-up');
// A reader that stops early (`replylint … | head`) is not an error, and no reason for a stack
// trace: the run ends as it would have, with its exit code.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
});
const { run } = await import('../dist/bundle/main.js');

process.exitCode = await run(process.argv);
