import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

/** Bytes of a draft → text, or a reason to skip it. Decoding is where user data is most at risk. */
export type Decoded =
  | { ok: true; text: string; hadBom: boolean; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; lossy: boolean }
  | { ok: false; reason: string };

export function decodeDraft(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  if (bytes.subarray(0, 8000).includes(0)) {
    const order = utf16WithoutBom(bytes.subarray(0, 8000));
    return { ok: false, reason: order ? `looks like ${order} text without a byte-order mark, skipped (save it as UTF-8)` : 'binary file (NUL bytes), skipped' };
  }
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hadBom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), hadBom, encoding: 'utf-8', lossy: false };
  } catch {
    return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), hadBom, encoding: 'utf-8', lossy: true };
  }
}

/** UTF-16 without a BOM shows as text whose every other byte is NUL (Latin letters, digits, spaces). */
function utf16WithoutBom(head: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const pairs = head.length >> 1;
  if (pairs < 2) return undefined;
  let evenNul = 0, oddNul = 0;
  for (let i = 0; i + 1 < head.length; i += 2) { if (head[i] === 0 && head[i + 1] !== 0) evenNul++; if (head[i + 1] === 0 && head[i] !== 0) oddNul++; }
  return oddNul >= pairs * 0.9 ? 'UTF-16LE' : evenNul >= pairs * 0.9 ? 'UTF-16BE' : undefined;
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(2));
  return { ok: true, text, hadBom: true, encoding, lossy: text.includes('\ufffd') };
}

/** Text → bytes the way the file was: a UTF-8 BOM is put back if it had one. */
export function encodeLike(text: string, decoded: Extract<Decoded, { ok: true }>): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!decoded.hadBom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/**
 * A file's bytes, if it is a regular file. Opened without blocking (a FIFO named `reply.md` would
 * otherwise wait forever for a writer) and checked on the open descriptor, so it cannot be swapped
 * for something else between the check and the read.
 */
export function readRegularFile(path: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
