/**
 * Character-class pattern of a value: `A` for an upper-case letter, `a` for a lower-case or
 * other letter, `9` for a digit, anything else kept as is (`(555) 123-4567` -> `(999) 999-9999`).
 * Patterns are cut at 24 characters with a trailing `…` so free text does not make every
 * pattern distinct.
 */
import { isLetterCode, otherLetterClass, PATTERN_LENGTH } from '../identity/shape';

export const PATTERN_MAX_LENGTH = PATTERN_LENGTH;
const buffer = new Uint16Array(PATTERN_MAX_LENGTH + 1);

export function patternOf(value: string): string {
  const n = Math.min(value.length, PATTERN_MAX_LENGTH);
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    let p = c;
    if (c >= 48 && c <= 57) p = 57;
    else if (c >= 97 && c <= 122) p = 97;
    else if (c >= 65 && c <= 90) p = 65;
    else if (c >= 0xc0 && isLetterCode(c)) p = otherLetterClass(value, i, c);
    buffer[i] = p;
  }
  let length = n;
  if (value.length > PATTERN_MAX_LENGTH) buffer[length++] = 0x2026;
  return String.fromCharCode.apply(null, buffer.subarray(0, length) as unknown as number[]);
}
