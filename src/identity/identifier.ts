import type { ValueShape } from './shape';
import { createCheckResults, type IdentityCheck } from './_check-result';
import { allDigits, isAsciiLetterCode, isDigitCode, trimEndIndex, trimStartIndex } from './_text';

function isAlnum(c: number): boolean {
  return isDigitCode(c) || isAsciiLetterCode(c);
}

/** `yyyy-mm-dd`, `yyyy.mm.dd`, `dd-mm-yyyy`, `dd.mm.yyyy` */
function isDateLike(value: string, s: number, e: number, shape: ValueShape): boolean {
  if (e - s !== 10 || shape.digits !== 8) return false;
  const sep = shape.dashes === 2 ? 45 : shape.dots === 2 ? 46 : 0;
  if (sep === 0) return false;
  const c2 = value.charCodeAt(s + 2), c4 = value.charCodeAt(s + 4);
  const c5 = value.charCodeAt(s + 5), c7 = value.charCodeAt(s + 7);
  return (c4 === sep && c7 === sep) || (c2 === sep && c5 === sep);
}

/**
 * Identifier test for column detection, the weakest type: a code without spaces of 4 to 64
 * ASCII letters, digits, `-`, `_` and `.`, holding at least one digit and starting and ending on
 * a letter or digit (`CUST-000123`, `003A000001XyZabC`, `12345678`). Dates, decimals (`12.50`)
 * and negative numbers are not identifiers; `12345.0` (a float artefact) is. Surrounding
 * whitespace is tolerated. Whether a column of them is a key is decided with its cardinality.
 *
 * @param value - the raw value
 * @param shape - `analyseShape(value)`
 * @returns whether the value looks like an identifier
 * @example looksLikeIdentifier('CUST-000123', analyseShape('CUST-000123')) // true
 */
export function looksLikeIdentifier(value: string, shape: ValueShape): boolean {
  if (shape.digits === 0 || shape.length < 4) return false;
  if (shape.at !== 0 || shape.slashes !== 0 || shape.colons !== 0 || shape.commas !== 0) return false;
  if (shape.parens !== 0 || shape.plus !== 0 || shape.others !== 0 || shape.otherLetters !== 0) return false;
  const n = value.length;
  const s = shape.spaces === 0 ? 0 : trimStartIndex(value);
  const e = shape.spaces === 0 ? n : trimEndIndex(value, s);
  if (shape.spaces !== s + (n - e) || e - s < 4 || e - s > 64) return false;
  if (!isAlnum(value.charCodeAt(s)) || !isAlnum(value.charCodeAt(e - 1))) return false;
  if (shape.upper + shape.lower === 0 && shape.underscores === 0) {
    if (shape.dots === 1 && shape.dashes === 0) return isFloatArtefactAt(value, s, e);
    if (isDateLike(value, s, e, shape)) return false;
  }
  return true;
}

/** `digits.0…0` within `value[s..e)` */
function isFloatArtefactAt(value: string, s: number, e: number): boolean {
  const dot = value.indexOf('.', s);
  if (dot <= s || dot >= e - 1 || !allDigits(value, s, dot)) return false;
  for (let i = dot + 1; i < e; i++) if (value.charCodeAt(i) !== 48) return false;
  return true;
}

/** `1.23457E+11`: Excel's scientific notation, which lost digits. */
function isExcelScientific(v: string): boolean {
  const n = v.length;
  if (n < 5 || !isDigitCode(v.charCodeAt(0))) return false;
  let i = 1;
  if (v.charCodeAt(i) === 46) {
    i++;
    const start = i;
    while (i < n && isDigitCode(v.charCodeAt(i))) i++;
    if (i === start) return false;
  }
  if ((v.charCodeAt(i) | 32) !== 101 || v.charCodeAt(i + 1) !== 43) return false;
  return allDigits(v, i + 2, n);
}

/**
 * Normalises an identifier: trim, upper case, `12345.0` to `12345`, and leading zeros stripped
 * from all-digit ids (`000123` to `123`, `0000` to `0`), so exports from spreadsheets, databases
 * and CRMs compare equal.
 *
 * @param raw - the value as found
 * @returns the normalised text
 * @example normaliseIdentifier(' cust-000123 ') // 'CUST-000123'
 * @example normaliseIdentifier('000123.0') // '123'
 */
export function normaliseIdentifier(raw: string): string {
  let v = raw.trim().toUpperCase();
  if (isFloatArtefactAt(v, 0, v.length)) v = v.slice(0, v.indexOf('.'));
  if (v.length > 1 && v.charCodeAt(0) === 48 && allDigits(v, 0, v.length)) {
    let i = 0;
    while (i < v.length - 1 && v.charCodeAt(i) === 48) i++;
    v = v.slice(i);
  }
  return v;
}

/** Values that stand for a missing id (compared after normalisation). */
export const PLACEHOLDERS: ReadonlySet<string> = new Set([
  '0', '-1', '-', '?', 'NULL', 'NONE', 'NIL', 'N/A', '#N/A', 'NA', 'UNKNOWN', 'UNDEFINED', 'NAN',
  'TEST', 'TBD', 'XXX', 'DEFAULT', 'ANONYMOUS', 'GUEST',
]);

/** Detail keys of an identifier check, in bit order. */
export const IDENTIFIER_DETAILS = [
  'leadingZeros', 'floatArtefact', 'padded', 'mixedCase', 'lowerCase', 'excelScientific', 'placeholder', 'invalid',
] as const;
const ZEROS = 1, FLOAT = 2, PADDED = 4, MIXED = 8, LOWER = 16, EXCEL = 32, PLACEHOLDER = 64, INVALID = 128;
const result = createCheckResults(IDENTIFIER_DETAILS);

/**
 * Checks one identifier as a join key. Details name what normalisation changes: `leadingZeros`
 * (all-digit id with leading zeros), `floatArtefact` (`12345.0`), `padded`, `mixedCase` (upper
 * and lower case letters) or `lowerCase` (lower case only). Not valid: empty or over 256
 * characters (`invalid`), Excel scientific notation that lost digits (`excelScientific`), and
 * placeholders such as `0`, `-1`, `N/A`, `unknown` (`placeholder`).
 *
 * @param raw - the value as found
 * @returns a shared, frozen result
 * @example checkIdentifier('000123.0') // { valid: true, normalisable: true, details: ['leadingZeros', 'floatArtefact'] }
 */
export function checkIdentifier(raw: string): IdentityCheck {
  const trimmed = raw.trim();
  if (trimmed.length === 0 || trimmed.length > 256) return result(false, false, INVALID);
  if (isExcelScientific(trimmed)) return result(false, false, EXCEL);
  const normalised = normaliseIdentifier(trimmed);
  if (PLACEHOLDERS.has(normalised)) return result(false, false, PLACEHOLDER);
  let flags = trimmed.length !== raw.length ? PADDED : 0;
  let digitsEnd = trimmed.length;
  if (isFloatArtefactAt(trimmed, 0, trimmed.length)) {
    flags |= FLOAT;
    digitsEnd = trimmed.indexOf('.');
  }
  if (digitsEnd > 1 && trimmed.charCodeAt(0) === 48 && allDigits(trimmed, 0, digitsEnd)) flags |= ZEROS;
  let upper = false;
  let lower = false;
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
  }
  if (lower) flags |= upper ? MIXED : LOWER;
  return result(true, normalised !== raw, flags);
}
