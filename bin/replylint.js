#!/usr/bin/env -S node --no-regexp-tier-up --min-semi-space-size=16
// Thin shim: starts the CLI and sets the exit code once output is flushed.
//
// --no-regexp-tier-up (in the line above, so it is set before V8 starts): V8 first compiles a
// regular expression to bytecode and interprets it, and compiles it to machine code on a later
// run ("tier-up"). For replylint's large phrase patterns the bytecode step costs about three times
// the machine-code one and is then thrown away: 1,000 drafts took 6.2 s instead of 3.9 s, and a
// 5 MB draft 14 s instead of 6 s. The flag cannot be set from here: v8.setFlagsFromString()
// after start-up made about one run in twenty crash (SIGSEGV). Since phrases are tried only where
// they can begin, the flag matters less: it saves a one-draft run ~20 ms of bytecode compiling.
// --min-semi-space-size=16 (MB): a young generation that starts large enough for loading the
// rules, which otherwise took a dozen scavenges: one draft 7-13% faster (interleaved runs).
// `node bin/replylint.js` (no flags) gives the same results, a little more slowly.

const { run } = await import('../dist/bundle/main.js');

process.exitCode = await run(process.argv);
