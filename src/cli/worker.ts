import { parentPort, workerData } from 'node:worker_threads';
import { openSession } from './session.js';
import { lintFile, type FileOutcome } from './lint-file.js';
import type { FoundFile } from './find-files.js';
import type { CliOptions } from './options.js';

/** A worker thread of `--concurrency`: its own session (configs, rules), a contiguous slice of the files. */
interface Job { files: FoundFile[]; allFiles: string[]; opts: CliOptions; cwd: string }

const job = workerData as Job;
const session = await openSession(job.opts, job.allFiles, job.cwd);
const outcomes: FileOutcome[] = [];
for (const file of job.files) outcomes.push(await lintFile(session, file, job.opts));
parentPort!.postMessage(outcomes);
