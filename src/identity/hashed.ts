import type { HashAlgorithm } from '../model/semantic';
import type { ValueShape } from './shape';
import { createCheckResults, type IdentityCheck } from './_check-result';
import { allHex, hasAsciiUpper, trimEndIndex, trimStartIndex } from './_text';

function algorithmOfLength(length: number): HashAlgorithm | null {
  return length === 64 ? 'sha256' : length === 40 ? 'sha1' : length === 32 ? 'md5' : null;
}

/**
 * Hex digest test for column detection: 32, 40 or 64 hex characters (MD5, SHA-1, SHA-256) in any
 * case, with at least one digit and one letter (an all-digit string is an id, not a digest).
 * Surrounding whitespace is tolerated. 32 hex characters are read as MD5, never as an undashed UUID.
 *
 * @param value - the raw value
 * @param shape - `analyseShape(value)`
 * @returns whether the value looks like a hex digest
 * @example looksLikeHash('5d41402abc4b2a76b9719d911017c592', analyseShape('5d41402abc4b2a76b9719d911017c592')) // true
 */
export function looksLikeHash(value: string, shape: ValueShape): boolean {
  const hex = shape.digits + shape.hexLetters;
  if (algorithmOfLength(hex) === null || shape.digits === 0 || shape.hexLetters === 0) return false;
  if (shape.upper + shape.lower !== shape.hexLetters) return false;
  // everything else is whitespace: it must all be padding
  return hex + shape.spaces === shape.length && (shape.spaces === 0 || hexIsContiguous(value));
}

function hexIsContiguous(value: string): boolean {
  const s = trimStartIndex(value);
  return allHex(value, s, trimEndIndex(value, s));
}

/**
 * The digest algorithm a hex value's length points to: 32 = md5, 40 = sha1, 64 = sha256.
 *
 * @param value - a hex digest (surrounding whitespace is ignored)
 * @returns the algorithm, or null when the value is not 32, 40 or 64 hex characters
 * @example hashAlgorithmOf('DA39A3EE5E6B4B0D3255BFEF95601890AFD80709') // 'sha1'
 */
export function hashAlgorithmOf(value: string): HashAlgorithm | null {
  const v = value.trim();
  const algorithm = algorithmOfLength(v.length);
  return algorithm !== null && allHex(v, 0, v.length) ? algorithm : null;
}

/**
 * Normalises a hex digest: trim and lower case, as most platforms export and match them.
 *
 * @param raw - the value as found
 * @returns the normalised text
 * @example normaliseHash(' 5D41402ABC4B2A76B9719D911017C592 ') // '5d41402abc4b2a76b9719d911017c592'
 */
export function normaliseHash(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Digests of the empty string: what a pipeline emits when it hashes a missing value. */
export const EMPTY_INPUT_DIGESTS: ReadonlySet<string> = new Set([
  'd41d8cd98f00b204e9800998ecf8427e',
  'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
]);

/** Detail keys of a hashed-value check, in bit order. */
export const HASH_DETAILS = ['md5', 'sha1', 'sha256', 'uppercaseHex', 'padded', 'emptyInput', 'invalid'] as const;
const MD5 = 1, SHA1 = 2, SHA256 = 4, UPPER = 8, PADDED = 16, EMPTY_INPUT = 32, INVALID = 64;
const result = createCheckResults(HASH_DETAILS);

/**
 * Checks one hex digest as a join key. Details name the algorithm (`md5`, `sha1`, `sha256`) and
 * what normalisation changes (`uppercaseHex`, `padded`). The digest of the empty string
 * (`emptyInput`) is not valid: it stands for a missing value and would join unrelated records.
 *
 * @param raw - the value as found
 * @returns a shared, frozen result
 * @example checkHash('5D41402ABC4B2A76B9719D911017C592') // { valid: true, normalisable: true, details: ['md5', 'uppercaseHex'] }
 */
export function checkHash(raw: string): IdentityCheck {
  const algorithm = hashAlgorithmOf(raw);
  if (algorithm === null) return result(false, false, INVALID);
  const algorithmFlag = algorithm === 'md5' ? MD5 : algorithm === 'sha1' ? SHA1 : SHA256;
  const normalised = normaliseHash(raw);
  if (EMPTY_INPUT_DIGESTS.has(normalised)) return result(false, false, algorithmFlag | EMPTY_INPUT);
  let flags = algorithmFlag;
  if (hasAsciiUpper(raw)) flags |= UPPER;
  if (normalised.length !== raw.length) flags |= PADDED;
  return result(true, normalised !== raw, flags);
}
