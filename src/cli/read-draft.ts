/** Bytes of a draft → text, or a reason to skip it. Decoding is where user data is most at risk. */
export type Decoded =
  | { ok: true; text: string; hadBom: boolean; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; lossy: boolean }
  | { ok: false; reason: string };

export function decodeDraft(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  if (bytes.subarray(0, 8000).includes(0)) return { ok: false, reason: 'binary file (NUL bytes), skipped' };
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hadBom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), hadBom, encoding: 'utf-8', lossy: false };
  } catch {
    return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), hadBom, encoding: 'utf-8', lossy: true };
  }
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
