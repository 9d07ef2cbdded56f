/**
 * Bytes → text, with the checks a corpus reader needs: empty, binary, invalid UTF-8,
 * byte-order marks (UTF-8 stripped, UTF-16 LE/BE decoded). Pure; never throws.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type DecodeResult =
  | { ok: true; text: string; encoding: Encoding; bom: boolean }
  | { ok: false; reason: string };

const SNIFF_BYTES = 8 * 1024;

/** Index of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  const n = bytes.length;
  let i = from;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // no overlongs
      if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f; // not above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return i;
      const c = bytes[i + k];
      const l = k === 1 ? lo : 0x80;
      const h = k === 1 ? hi : 0xbf;
      if (c < l || c > h) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** True when the sniffed prefix looks like binary data rather than text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    // C0 controls other than tab, LF, VT, FF, CR, ESC; and DEL
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) {
      control++;
    }
  }
  return control / n > 0.1;
}

function binaryText(text: string): boolean {
  const n = Math.min(text.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b) || c === 0x7f) control++;
  }
  return n > 0 && control / n > 0.1;
}

function isBlank(text: string): boolean {
  // linear, no regex backtracking on huge inputs
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x85)) {
      return false;
    }
  }
  return true;
}

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };

  // UTF-16 with a byte-order mark
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding: Encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      return { ok: false, reason: `not valid ${encoding.toUpperCase()} (truncated or unpaired surrogate)` };
    }
    if (isBlank(text)) return { ok: false, reason: 'empty file' };
    if (binaryText(text)) return { ok: false, reason: 'binary file (not text)' };
    return { ok: true, text, encoding, bom: true };
  }

  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (looksBinary(bom ? bytes.subarray(3) : bytes)) return { ok: false, reason: 'binary file (not text)' };

  let text: string;
  try {
    // ignoreBOM: false → the decoder strips a leading UTF-8 BOM
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return { ok: false, reason: `not valid UTF-8 (first bad byte at offset ${bad < 0 ? 0 : bad})` };
  }
  if (isBlank(text)) return { ok: false, reason: 'empty file' };
  return { ok: true, text, encoding: 'utf-8', bom };
}
