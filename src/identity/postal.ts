import type { ValueShape } from './shape';
import { allDigits, isDigitCode, trimEndIndex, trimStartIndex } from './_text';

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSeparator(c: number): boolean {
  return c === 32 || c === 45;
}

/** Canadian `K1A 0B1` (letter digit letter, optional space or dash, digit letter digit). */
function isCanadian(v: string, s: number, e: number): boolean {
  const n = e - s;
  if (n !== 6 && !(n === 7 && isSeparator(v.charCodeAt(s + 3)))) return false;
  const t = s + n - 3;
  return isLetter(v.charCodeAt(s)) && isDigitCode(v.charCodeAt(s + 1)) && isLetter(v.charCodeAt(s + 2)) &&
    isDigitCode(v.charCodeAt(t)) && isLetter(v.charCodeAt(t + 1)) && isDigitCode(v.charCodeAt(t + 2));
}

/** UK outward code: A9, A99, A9A, AA9, AA99, AA9A. */
function isUkOutward(v: string, s: number, e: number): boolean {
  const n = e - s;
  if (n < 2 || n > 4 || !isLetter(v.charCodeAt(s))) return false;
  const c1 = v.charCodeAt(s + 1);
  if (isDigitCode(c1)) {
    if (n === 2) return true;
    const c2 = v.charCodeAt(s + 2);
    return n === 3 && (isDigitCode(c2) || isLetter(c2));
  }
  if (!isLetter(c1) || n < 3 || !isDigitCode(v.charCodeAt(s + 2))) return false;
  if (n === 3) return true;
  const c3 = v.charCodeAt(s + 3);
  return isDigitCode(c3) || isLetter(c3);
}

/** UK `SW1A 1AA`, `M1 1AE`, `EC1A 1BB`: outward code, optional space, digit letter letter. */
function isUk(v: string, s: number, e: number): boolean {
  const n = e - s;
  if (n < 5 || n > 8) return false;
  const t = e - 3;
  if (!isDigitCode(v.charCodeAt(t)) || !isLetter(v.charCodeAt(t + 1)) || !isLetter(v.charCodeAt(t + 2))) return false;
  const outwardEnd = v.charCodeAt(t - 1) === 32 ? t - 1 : t;
  return isUkOutward(v, s, outwardEnd);
}

/**
 * Postal code test for column detection: US ZIP (`12345`, `12345-6789`), German and French
 * 5-digit codes, UK postcodes (`SW1A 1AA`, `M1 1AE`, `EC1A 1BB`) and Canadian ones (`K1A 0B1`),
 * any case, with or without the space. Surrounding whitespace is tolerated. Five digits are also
 * plain numbers: a column needs a postal name to be read as postal codes (see decide.ts).
 *
 * @param value - the raw value
 * @param shape - `analyseShape(value)`
 * @returns whether the value is written like a postal code
 * @example looksLikePostalCode('sw1a1aa', analyseShape('sw1a1aa')) // true
 */
export function looksLikePostalCode(value: string, shape: ValueShape): boolean {
  if (shape.digits < 2 || shape.digits > 9 || shape.length < 5 || shape.length > 14) return false;
  if (shape.others !== 0 || shape.otherLetters !== 0 || shape.dots !== 0 || shape.at !== 0) return false;
  if (shape.slashes !== 0 || shape.colons !== 0 || shape.underscores !== 0 || shape.parens !== 0) return false;
  const s = trimStartIndex(value);
  const e = trimEndIndex(value, s);
  const n = e - s;
  if (shape.upper + shape.lower === 0) {
    if (n === 5) return allDigits(value, s, e);
    return n === 10 && value.charCodeAt(s + 5) === 45 && allDigits(value, s, s + 5) && allDigits(value, s + 6, e);
  }
  return isCanadian(value, s, e) || isUk(value, s, e);
}
