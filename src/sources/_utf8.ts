/** Result of scanning bytes as UTF-8 the way a WHATWG decoder reads them. */
export interface Utf8Scan {
  /** Offsets of invalid sequences, one per U+FFFD a decoder emits. */
  errors: number[];
  /** Well-formed multi-byte sequences seen (evidence that the text really is UTF-8). */
  multibyte: number;
  /** Bytes at the end that start a sequence the input has not finished (0 when `final`). */
  tail: number;
}

/**
 * Scans bytes as UTF-8 following the WHATWG decoder's error rules, so that `errors` matches the
 * replacement characters TextDecoder produces. With `final` false an unfinished sequence at the
 * end is reported as `tail`, not as an error.
 */
export function scanUtf8(bytes: Uint8Array, final: boolean): Utf8Scan {
  const errors: number[] = [];
  let multibyte = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) [need, lo] = [2, 0xa0];
    else if (b === 0xed) [need, hi] = [2, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) need = 2;
    else if (b === 0xf0) [need, lo] = [3, 0x90];
    else if (b === 0xf4) [need, hi] = [3, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else {
      errors.push(i);
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      if (j >= n) {
        if (!final) return { errors, multibyte, tail: n - i };
        ok = false;
        break;
      }
      const c = bytes[j] ?? 0;
      if (c < lo || c > hi) {
        ok = false;
        break;
      }
      lo = 0x80;
      hi = 0xbf;
    }
    if (ok) multibyte++;
    else errors.push(i);
    // On error the offending byte is read again as the start of the next sequence.
    i = j;
  }
  return { errors, multibyte, tail: 0 };
}

/** Number of `byte` values in `bytes[start, end)`, using the native search. */
export function countByte(bytes: Uint8Array, byte: number, start = 0, end = bytes.length): number {
  let count = 0;
  let i = bytes.indexOf(byte, start);
  while (i !== -1 && i < end) {
    count++;
    i = bytes.indexOf(byte, i + 1);
  }
  return count;
}
