import type { ValueShape } from './shape';
import { createCheckResults, type IdentityCheck } from './_check-result';
import { allHex, hasAsciiUpper, isHexCode, trimEndIndex, trimStartIndex } from './_text';

/** Whether `value[s..s+36)` is 8-4-4-4-12 hex. */
function isDashedUuidAt(value: string, s: number): boolean {
  for (let i = 0; i < 36; i++) {
    const c = value.charCodeAt(s + i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
    } else if (!isHexCode(c)) {
      return false;
    }
  }
  return true;
}

/** Start of the 36-character dashed form inside `value[s..e)` (plain or in `{ }`), or -1. */
function dashedStart(value: string, s: number, e: number): number {
  const n = e - s;
  if (n === 36) return isDashedUuidAt(value, s) ? s : -1;
  if (n === 38 && value.charCodeAt(s) === 123 && value.charCodeAt(e - 1) === 125) {
    return isDashedUuidAt(value, s + 1) ? s + 1 : -1;
  }
  return -1;
}

/**
 * UUID test for column detection: 8-4-4-4-12 hex digits in any case, optionally in braces
 * (`{…}`, as Microsoft tools write GUIDs). Surrounding whitespace is tolerated. 32 hex digits
 * without dashes are not accepted here: they are read as an MD5 digest.
 *
 * @param value - the raw value
 * @param shape - `analyseShape(value)`
 * @returns whether the value looks like a UUID
 * @example looksLikeUuid('3F2504E0-4F89-11D3-9A0C-0305E82C3301', analyseShape('3F2504E0-4F89-11D3-9A0C-0305E82C3301')) // true
 */
export function looksLikeUuid(value: string, shape: ValueShape): boolean {
  if (shape.dashes !== 4 || shape.digits + shape.hexLetters !== 32) return false;
  if (shape.upper + shape.lower !== shape.hexLetters || shape.length < 36) return false;
  const s = trimStartIndex(value);
  return dashedStart(value, s, trimEndIndex(value, s)) >= 0;
}

const NIL = '00000000-0000-0000-0000-000000000000';
const MAX = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/**
 * Normalises a UUID to its canonical form: lower case, 8-4-4-4-12 with dashes, no braces.
 * Text that is not a UUID is only trimmed and lower-cased.
 *
 * @param raw - the value as found
 * @returns the normalised text
 * @example normaliseUuid('{3F2504E0-4F89-11D3-9A0C-0305E82C3301}') // '3f2504e0-4f89-11d3-9a0c-0305e82c3301'
 * @example normaliseUuid('3f2504e04f8911d39a0c0305e82c3301') // '3f2504e0-4f89-11d3-9a0c-0305e82c3301'
 */
export function normaliseUuid(raw: string): string {
  // most ids arrive canonical: check once rather than trim, lower-case and copy
  if (raw.length === 36 && isCanonical(raw)) return raw;
  const v = raw.trim().toLowerCase();
  const start = dashedStart(v, 0, v.length);
  if (start >= 0) return start === 0 ? v : v.slice(start, start + 36);
  if (v.length === 32 && allHex(v, 0, 32)) {
    return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20)}`;
  }
  return v;
}

/** Lower-case hex in the 8-4-4-4-12 layout. */
function isCanonical(v: string): boolean {
  for (let i = 0; i < 36; i++) {
    const c = v.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
    } else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** Detail keys of a UUID check, in bit order. */
export const UUID_DETAILS = ['uppercase', 'noDashes', 'braces', 'padded', 'nil', 'invalid'] as const;
const UPPER = 1, NO_DASHES = 2, BRACES = 4, PADDED = 8, NIL_FLAG = 16, INVALID = 32;
const result = createCheckResults(UUID_DETAILS);

/**
 * Checks one UUID as a join key. Details name what normalisation changes: `uppercase`,
 * `noDashes` (32 hex digits; only when the column was already decided to hold UUIDs),
 * `braces`, `padded`. The nil and max UUIDs (`nil`) are placeholders, not valid keys.
 *
 * @param raw - the value as found
 * @returns a shared, frozen result
 * @example checkUuid('3F2504E0-4F89-11D3-9A0C-0305E82C3301') // { valid: true, normalisable: true, details: ['uppercase'] }
 */
export function checkUuid(raw: string): IdentityCheck {
  const trimmed = raw.trim();
  let flags = trimmed.length !== raw.length ? PADDED : 0;
  const start = dashedStart(trimmed, 0, trimmed.length);
  if (start < 0) {
    if (trimmed.length !== 32 || !allHex(trimmed, 0, 32)) return result(false, false, INVALID);
    flags |= NO_DASHES;
  } else if (start !== 0) {
    flags |= BRACES;
  }
  if (hasAsciiUpper(raw)) flags |= UPPER;
  const normalised = normaliseUuid(raw);
  if (normalised === NIL || normalised === MAX) return result(false, false, NIL_FLAG);
  return result(true, normalised !== raw, flags);
}
