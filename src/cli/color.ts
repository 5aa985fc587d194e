import { isatty } from 'node:tty';
import { supportsColor } from 'chalk';

/** `--color`/`--no-color` win; then NO_COLOR; then whether stdout is a colour terminal. */
export function colorLevel(flag: boolean | undefined): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  if (flag === true) return supportsColor ? supportsColor.level : 1;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return 0;
  if (!isatty(1)) return 0;
  return supportsColor ? supportsColor.level : 0;
}
