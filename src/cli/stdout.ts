import { writeSync } from 'node:fs';

let stream = false;

/**
 * Writes to standard output without Node's stream for it, unless it must: making `process.stdout`
 * cost a one-draft run ~12 ms (for a pipe it loads net and the streams). Written synchronously,
 * as that stream writes to files and pipes. A reader that stops early (`replylint … | head`) is
 * not an error: the run ends as it would have, with its exit code. A descriptor left non-blocking
 * by the parent that is full (EAGAIN) hands the rest, and all later output, to `process.stdout`,
 * which waits for the reader.
 */
export function writeOut(data: string | Uint8Array): void {
  let bytes = typeof data === 'string' ? Buffer.from(data) : data;
  while (bytes.length && !stream) {
    try {
      bytes = bytes.subarray(writeSync(1, bytes));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return;
      if (code !== 'EAGAIN') throw e;
      stream = true;
      process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code !== 'EPIPE') throw err; });
    }
  }
  if (bytes.length) process.stdout.write(bytes);
}
