#!/usr/bin/env node
// Thin shim: starts the CLI and sets the exit code once output is flushed.
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv);
