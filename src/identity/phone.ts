import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/min';
import type { ValueShape } from './shape';
import { createCheckResults, type IdentityCheck } from './_check-result';
import { isAsciiLetterCode, isDigitCode, startsWithLower, trimEndIndex, trimStartIndex } from './_text';

const EXTENSION_MARKERS = ['extension', 'extn', 'ext', 'x'] as const;

/** Whether `value[i..e)` is an extension: `x`, `ext`, `ext.`, `extn`, `extension` or `#`, then 1-6 digits. */
function isExtension(value: string, i: number, e: number): boolean {
  if (value.charCodeAt(i) === 35) {
    i++;
  } else {
    let marker = 0;
    for (const m of EXTENSION_MARKERS) {
      if (startsWithLower(value, i, m)) {
        marker = m.length;
        break;
      }
    }
    if (marker === 0) return false;
    i += marker;
  }
  while (i < e) {
    const c = value.charCodeAt(i);
    if (c !== 46 && c !== 32 && c !== 9 && c !== 160) break;
    i++;
  }
  const digits = e - i;
  if (digits < 1 || digits > 6) return false;
  for (; i < e; i++) if (!isDigitCode(value.charCodeAt(i))) return false;
  return true;
}

/**
 * Phone-shaped test for column detection: 7 to 15 digits written with only spaces, `+`, `( )`,
 * `-` and `.` and an optional extension (`x123`, `ext. 123`, `#123`). A string of digits alone is
 * phone-shaped only with a leading `+` or `0`, or 10 to 15 digits (and then, starting with `1`,
 * only as `1` + 10 digits, so 10-digit epoch seconds and 13-digit epoch milliseconds are not).
 * Dates (`2024-01-31`, `31.01.2024`), dotted quads, decimals and ZIP+4 codes are rejected.
 * Surrounding whitespace is tolerated. Whether the number exists is `checkPhone`'s job.
 *
 * @param value - the raw value
 * @param shape - `analyseShape(value)`
 * @returns whether the value is written like a phone number
 * @example looksLikePhone('+44 (0)20 7946 0958', analyseShape('+44 (0)20 7946 0958')) // true
 */
export function looksLikePhone(value: string, shape: ValueShape): boolean {
  if (shape.digits < 7 || shape.digits > 21 || shape.length > 48) return false;
  if (shape.at !== 0 || shape.slashes !== 0 || shape.colons !== 0 || shape.commas !== 0) return false;
  if (shape.underscores !== 0 || shape.otherLetters !== 0 || shape.others > 1 || shape.plus > 1) return false;
  if (shape.upper + shape.lower > 9 || shape.parens > 2) return false;
  const s = trimStartIndex(value);
  const e = trimEndIndex(value, s);
  let i = s;
  const plus = value.charCodeAt(i) === 43;
  if (plus) i++;
  const firstDigit = value.charCodeAt(i);
  let digits = 0;
  let groups = 0;
  let groupLen = 0;
  let g1 = 0, g2 = 0, g3 = 0;
  let dots = 0, dashes = 0, spaces = 0, parenPairs = 0;
  let openParen = false;
  let extension = false;
  let prev = 0;
  for (; i < e; i++) {
    const c = value.charCodeAt(i);
    if (isDigitCode(c)) {
      if (groupLen === 0) groups++;
      groupLen++;
      digits++;
    } else {
      if (groupLen > 0) {
        if (groups === 1) g1 = groupLen;
        else if (groups === 2) g2 = groupLen;
        else if (groups === 3) g3 = groupLen;
        groupLen = 0;
      }
      if (c === 32 || c === 9 || c === 160) {
        spaces++;
      } else if (c === 45 || c === 46) {
        if (prev === c || prev === 0) return false; // `--`, `..`, or a leading separator
        if (c === 45) dashes++;
        else dots++;
      } else if (c === 40) {
        if (openParen || parenPairs > 0) return false;
        openParen = true;
      } else if (c === 41) {
        if (!openParen) return false;
        openParen = false;
        parenPairs++;
      } else if (isAsciiLetterCode(c) || c === 35) {
        if (!isExtension(value, i, e)) return false;
        extension = true;
        break;
      } else {
        return false;
      }
    }
    prev = c;
  }
  if (groupLen > 0) {
    if (groups === 1) g1 = groupLen;
    else if (groups === 2) g2 = groupLen;
    else if (groups === 3) g3 = groupLen;
  }
  if (openParen || digits < 7 || digits > 15) return false;
  // the number ends on a digit, or on a space before its extension
  if (!isDigitCode(prev) && !(extension && (prev === 32 || prev === 9 || prev === 160))) return false;
  if (plus || parenPairs > 0) return true;
  const separators = dots + dashes + spaces;
  if (separators === 0) {
    if (firstDigit === 48) return true;
    if (digits < 10) return false;
    return firstDigit !== 49 || digits === 11;
  }
  if (groups === 2 && dots === 1 && separators === 1) return false; // decimal
  if (groups === 2 && dashes === 1 && separators === 1 && g1 === 5 && g2 === 4) return false; // ZIP+4
  if (groups === 4 && dots === 3 && separators === 3 && digits <= 12) return false; // dotted quad
  if (groups === 3 && (dots === 2 || dashes === 2) && separators === 2) {
    if ((g1 === 4 && g2 <= 2 && g3 <= 2) || (g1 <= 2 && g2 <= 2 && g3 === 4)) return false; // date
  }
  return true;
}

function parse(trimmed: string, region: CountryCode | undefined): PhoneNumber | undefined {
  if (trimmed.length === 0 || trimmed.length > 64) return undefined;
  try {
    return parsePhoneNumberFromString(trimmed, region === undefined ? { extract: false } : { defaultCountry: region, extract: false });
  } catch {
    return undefined;
  }
}

/** Whether the digits of `written` start with the digits of `expected` (both without separators). */
function digitsStartWith(written: string, expected: string): boolean {
  let j = 0;
  for (let i = 0; i < written.length && j < expected.length; i++) {
    const c = written.charCodeAt(i);
    if (!isDigitCode(c)) continue;
    if (c !== expected.charCodeAt(j)) return false;
    j++;
  }
  return j === expected.length;
}

/** Detail keys of a phone check, in bit order. */
export const PHONE_DETAILS = ['e164', 'international', 'national', 'extension', 'padded', 'invalid', 'unassignedRange'] as const;
const E164 = 1, INTERNATIONAL = 2, NATIONAL = 4, EXTENSION = 8, PADDED = 16, INVALID = 32, UNASSIGNED = 64;
const result = createCheckResults(PHONE_DETAILS);

/**
 * Checks one phone number as a join key with libphonenumber-js (minimal metadata: length and
 * leading-digit rules per country). Numbers written without a country code are read in `region`.
 * Details say how it was written: `e164` (exactly `+442079460958`), `international` (with the
 * country code: `+44 20 7946 0958`, `0044…`, `44…`), or `national` (`020 7946 0958`); and
 * `extension`, `padded`. Unparseable or impossible numbers are `invalid`; numbers of a possible
 * length in a range no operator was assigned are `invalid` and `unassignedRange`.
 *
 * @param raw - the value as found
 * @param region - country for numbers written without a country code
 * @returns a shared, frozen result
 * @example checkPhone('(415) 555-2671', 'US') // { valid: true, normalisable: true, details: ['national'] }
 */
export function checkPhone(raw: string, region: CountryCode): IdentityCheck {
  const trimmed = raw.trim();
  const phone = parse(trimmed, region);
  if (phone === undefined) return result(false, false, INVALID);
  // The right length for its country but in no range assigned to an operator (for instance the
  // UK's 07700 900xxx, reserved for drama): not a reachable number, so not valid, but said apart.
  if (!phone.isValid()) return result(false, false, phone.isPossible() ? INVALID | UNASSIGNED : INVALID);
  const e164 = phone.number;
  let flags = trimmed.length !== raw.length ? PADDED : 0;
  if (phone.ext !== undefined && phone.ext !== '') flags |= EXTENSION;
  if (trimmed === e164) flags |= E164;
  else if (trimmed.charCodeAt(0) === 43 || trimmed.startsWith('00')) flags |= INTERNATIONAL;
  else if (digitsStartWith(trimmed, `${phone.countryCallingCode}${phone.nationalNumber}`)) flags |= INTERNATIONAL;
  else flags |= NATIONAL;
  return result(true, raw !== e164, flags);
}

export interface NormalisePhoneOptions {
  /**
   * ISO 3166 country for numbers written without a country code, e.g. `GB`. A plain string in
   * the public type (libphonenumber-js's own CountryCode type does not resolve for every
   * TypeScript module setting); an unknown code reads no national number.
   */
  region: string;
}

/**
 * Normalises a phone number to E.164 (`+442079460958`), dropping any extension, with
 * libphonenumber-js. Numbers written without a country code are read in `region`.
 *
 * @param raw - the value as found
 * @param options - `region`
 * @returns the E.164 number, or null when it cannot be parsed or is not a valid number (the same
 *   test as `checkPhone`: length and leading digits for its country)
 * @example normalisePhone('020 7946 0958', { region: 'GB' }) // '+442079460958'
 * @example normalisePhone('+1 (415) 555-2671 ext. 12', { region: 'GB' }) // '+14155552671'
 */
export function normalisePhone(raw: string, options: NormalisePhoneOptions): string | null {
  const phone = readPhone(raw, options.region);
  return phone !== undefined && phone.isValid() ? phone.number : null;
}

/** Parses a phone number read in `region` (any case; an unknown region reads no national number), or undefined. */
export function readPhone(raw: string, region: string): PhoneNumber | undefined {
  const code = region.toUpperCase();
  return parse(raw.trim(), isSupportedCountry(code) ? code : undefined);
}
