import type { ValueShape } from './shape';
import { createCheckResults, type IdentityCheck } from './_check-result';
import { isDigitCode, startsWithLower, trimEndIndex, trimStartIndex } from './_text';

function digitRun(value: string, i: number, e: number): number {
  let j = i;
  while (j < e && isDigitCode(value.charCodeAt(j))) j++;
  return j - i;
}

/**
 * Start of the `random.timestamp` part of a Google Analytics client id in `value[s..e)`, or -1:
 * `1234567890.1234567890` (6-10 digits, a dot, a 10-digit timestamp in seconds) or the `_ga`
 * cookie form `GA1.2.1234567890.1234567890`.
 */
function clientIdStart(value: string, s: number, e: number): number {
  let i = s;
  if (startsWithLower(value, i, 'ga')) {
    i += 2;
    const version = digitRun(value, i, e);
    if (version < 1 || version > 2 || value.charCodeAt(i + version) !== 46) return -1;
    i += version + 1;
    const depth = digitRun(value, i, e);
    if (depth < 1 || depth > 2 || value.charCodeAt(i + depth) !== 46) return -1;
    i += depth + 1;
  }
  const start = i;
  const random = digitRun(value, i, e);
  if (random < 6 || random > 10 || value.charCodeAt(i + random) !== 46) return -1;
  i += random + 1;
  return digitRun(value, i, e) === 10 && i + 10 === e ? start : -1;
}

/**
 * Google Analytics client id test for column detection: `1234567890.1234567890` or
 * `GA1.2.1234567890.1234567890`. Surrounding whitespace is tolerated.
 *
 * @param value - the raw value
 * @param shape - `analyseShape(value)`
 * @returns whether the value looks like a GA client id
 * @example looksLikeGaClientId('GA1.2.1234567890.1700000000', analyseShape('GA1.2.1234567890.1700000000')) // true
 */
export function looksLikeGaClientId(value: string, shape: ValueShape): boolean {
  if (shape.digits < 16 || (shape.dots !== 1 && shape.dots !== 3) || shape.upper + shape.lower > 2) return false;
  if (shape.others !== 0 || shape.dashes !== 0 || shape.length > 64) return false;
  const s = trimStartIndex(value);
  const e = trimEndIndex(value, s);
  return clientIdStart(value, s, e) >= 0;
}

/**
 * Normalises a GA client id to its `random.timestamp` part (`GA1.2.` cookie prefix removed), so
 * that the cookie value and the client id sent in hits compare equal. Other text is only trimmed.
 *
 * @param raw - the value as found
 * @returns the normalised text
 * @example normaliseGaClientId('GA1.2.1234567890.1700000000') // '1234567890.1700000000'
 */
export function normaliseGaClientId(raw: string): string {
  const v = raw.trim();
  const start = clientIdStart(v, 0, v.length);
  return start > 0 ? v.slice(start) : v;
}

/** Detail keys of a GA client id check, in bit order. */
export const GA_DETAILS = ['gaPrefix', 'padded', 'invalid'] as const;
const PREFIX = 1, PADDED = 2, INVALID = 4;
const result = createCheckResults(GA_DETAILS);

/**
 * Checks one Google Analytics client id. Details name what normalisation removes: `gaPrefix`
 * (the `GA1.2.` cookie prefix), `padded`.
 *
 * @param raw - the value as found
 * @returns a shared, frozen result
 * @example checkGaClientId('GA1.2.1234567890.1700000000') // { valid: true, normalisable: true, details: ['gaPrefix'] }
 */
export function checkGaClientId(raw: string): IdentityCheck {
  const trimmed = raw.trim();
  const start = clientIdStart(trimmed, 0, trimmed.length);
  if (start < 0) return result(false, false, INVALID);
  const flags = (start > 0 ? PREFIX : 0) | (trimmed.length !== raw.length ? PADDED : 0);
  return result(true, flags !== 0, flags);
}
