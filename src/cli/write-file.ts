import { accessSync, chmodSync, chownSync, constants, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { crypto } from './lazy-module.js';

/**
 * The temporary file `writeFileAtomic` writes before its rename (`.reply.md.replylint-<pid>-<hex>.tmp`).
 * A run killed in between (SIGKILL, power loss) leaves it behind: no later run lints it.
 */
export const FIX_TEMP_FILE = /^\..+\.replylint-\d+-[0-9a-f]{8}\.tmp$/;

/** True for the name (or path) of a temporary file left by an interrupted `--fix`. */
export const isFixTempFile = (path: string): boolean => FIX_TEMP_FILE.test(basename(path));

/**
 * Replaces a file's content atomically: a temporary file in the same directory, same mode,
 * renamed over the target (through a symlink, over the link's target). An interrupted run
 * leaves the file either as it was or fully written. A read-only file (no write permission bit, or
 * not writable by this user) is refused, although a rename could replace it: its owner said no.
 * The owner and group are kept where the system allows it (a run as root).
 */
export function writeFileAtomic(path: string, data: Uint8Array): void {
  const target = realpathSync(path);
  const st = statSync(target);
  const mode = st.mode & 0o7777;
  const readOnly = () => Object.assign(new Error(`${target}: read-only file`), { code: 'read-only file' });
  if ((mode & 0o222) === 0) throw readOnly();
  try { accessSync(target, constants.W_OK); } catch { throw readOnly(); }
  const tmp = join(dirname(target), `.${basename(target)}.replylint-${process.pid}-${crypto().randomBytes(4).toString('hex')}.tmp`);
  // FIX_TEMP_FILE must match this name: a run killed between write and rename leaves it behind.
  try {
    writeFileSync(tmp, data, { mode, flag: 'wx' });
    chmodSync(tmp, mode);
    if (st.uid !== process.getuid?.() || st.gid !== process.getgid?.()) {
      try { chownSync(tmp, st.uid, st.gid); } catch { /* only root may give a file away */ }
    }
    renameSync(tmp, target);
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* nothing was written */ }
    throw e;
  }
}
