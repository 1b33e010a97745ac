/**
 * Allocation-free text helpers shared by the detectors and checkers. Internal: never re-exported.
 *
 * Whitespace here is exactly what `analyseShape` counts as `spaces` (space, tab, CR, LF, NBSP), so
 * a detector can compute how many spaces are inside a value as `shape.spaces - padding`.
 */

/** Space, tab, LF, CR or no-break space: the characters `ValueShape.spaces` counts. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

export function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** Index of the first character that is not whitespace (`value.length` when there is none). */
export function trimStartIndex(value: string): number {
  const n = value.length;
  let s = 0;
  while (s < n && isSpaceCode(value.charCodeAt(s))) s++;
  return s;
}

/** Index after the last character that is not whitespace, never below `start`. */
export function trimEndIndex(value: string, start: number): number {
  let e = value.length;
  while (e > start && isSpaceCode(value.charCodeAt(e - 1))) e--;
  return e;
}

/**
 * Case-insensitive comparison of `value[at..]` with a lower-case ASCII `prefix`, without slicing.
 */
export function startsWithLower(value: string, at: number, prefix: string): boolean {
  const m = prefix.length;
  if (at + m > value.length) return false;
  for (let i = 0; i < m; i++) {
    let c = value.charCodeAt(at + i);
    if (c >= 65 && c <= 90) c |= 32;
    if (c !== prefix.charCodeAt(i)) return false;
  }
  return true;
}

/** Whether `value[start..end)` consists of ASCII digits only (and is not empty). */
export function allDigits(value: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) if (!isDigitCode(value.charCodeAt(i))) return false;
  return true;
}

/** Whether `value[start..end)` consists of hex digits only (and is not empty). */
export function allHex(value: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) if (!isHexCode(value.charCodeAt(i))) return false;
  return true;
}

/** Whether `value` holds an ASCII upper-case letter. */
export function hasAsciiUpper(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}
