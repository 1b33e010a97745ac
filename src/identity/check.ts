import type { CountryCode } from 'libphonenumber-js/min';
import type { SemanticType } from '../model/semantic';
import { analyseShape, createShape } from './shape';
import { createCheckResults, type IdentityCheck } from './_check-result';
import { DETECTOR_BY_TYPE } from './detectors';
import { checkEmail } from './email';
import { checkGaClientId } from './ga';
import { checkHandle } from './handle';
import { checkHash } from './hashed';
import { checkIdentifier } from './identifier';
import { checkPhone } from './phone';
import { checkUuid } from './uuid';

export type { IdentityCheck } from './_check-result';

export interface CheckIdentityOptions {
  /** country for phone numbers written without a country code */
  region: CountryCode;
}

/** Detail keys of the generic check used for kinds without their own checker. */
export const GENERIC_DETAILS = ['padded', 'invalid'] as const;
const PADDED = 1, INVALID = 2;
const genericResult = createCheckResults(GENERIC_DETAILS);
const scratch = createShape();

function checkByDetector(kind: SemanticType, raw: string): IdentityCheck {
  const trimmed = raw.trim();
  if (!DETECTOR_BY_TYPE[kind].match(trimmed, analyseShape(trimmed, scratch))) return genericResult(false, false, INVALID);
  const padded = trimmed.length !== raw.length;
  return genericResult(true, padded, padded ? PADDED : 0);
}

/**
 * Checks one value of a column of the given kind as a join key. `valid`: usable as a key once
 * normalised; `normalisable`: valid, but its text differs from the normalised form; `details`:
 * camelCase keys of what was found, for the profiler to count. Kinds with their own checker:
 * - email: `mixedCase`, `padded`, `providerVariant`, `plusTag`, `nonAscii`; not valid:
 *   `invalidSyntax`, `junk`;
 * - phone (libphonenumber-js): `e164`, `international`, `national`, `extension`, `padded`;
 *   not valid: `invalid`, with `unassignedRange` when the length fits but no operator has the range;
 * - hashed: `md5`/`sha1`/`sha256`, `uppercaseHex`, `padded`; not valid: `emptyInput`, `invalid`;
 * - uuid: `uppercase`, `noDashes`, `braces`, `padded`; not valid: `nil`, `invalid`;
 * - handle: `atPrefix`, `profileUrl`, `mixedCase`, `padded`; not valid: `invalid`;
 * - identifier: `leadingZeros`, `floatArtefact`, `padded`, `mixedCase`, `lowerCase`; not valid:
 *   `excelScientific`, `placeholder`, `invalid`;
 * - ga_client_id: `gaPrefix`, `padded`; not valid: `invalid`.
 * Other kinds are valid when their detector matches the trimmed value (`padded`, `invalid`).
 * Results are frozen and shared between calls: never mutate them.
 *
 * @param kind - the column's semantic type
 * @param raw - the value as found
 * @param options - `region` for phone numbers
 * @returns the check
 * @example checkIdentityValue('email', ' Jane@Example.org', { region: 'GB' }) // { valid: false, normalisable: false, details: ['junk'] }
 * @example checkIdentityValue('phone', '020 7946 0958', { region: 'GB' }) // { valid: true, normalisable: true, details: ['national'] }
 */
export function checkIdentityValue(kind: SemanticType, raw: string, options: CheckIdentityOptions): IdentityCheck {
  switch (kind) {
    case 'email':
      return checkEmail(raw);
    case 'phone':
      return checkPhone(raw, options.region);
    case 'hashed':
      return checkHash(raw);
    case 'uuid':
      return checkUuid(raw);
    case 'handle':
      return checkHandle(raw);
    case 'identifier':
      return checkIdentifier(raw);
    case 'ga_client_id':
      return checkGaClientId(raw);
    default:
      return checkByDetector(kind, raw);
  }
}
