import { hash as digest } from 'node:crypto';
import { normaliseEmail } from './email';
import { normaliseGaClientId } from './ga';
import { normaliseHandle } from './handle';
import { normaliseHash } from './hashed';
import { normaliseIdentifier } from './identifier';
import { phoneKey } from './phone-key';
import { normaliseUuid } from './uuid';
import type { KeyKind } from './key-kind';

export type HashRecipeAlgorithm = 'sha256' | 'md5' | 'sha1';

/** A transform that turns a plain identity value into what a hashed column holds. */
export interface HashRecipe {
  /** e.g. `sha256(lower(trim(email)))` */
  name: string;
  algorithm: HashRecipeAlgorithm;
  /** applied to the column's canonical value; null when it leaves the value unchanged */
  prepare: ((canonical: string) => string) | null;
  /** applies provider rules (Gmail dots and +tags): reported as its own recipe, never silently */
  providerRules: boolean;
}

const ALGORITHMS: readonly HashRecipeAlgorithm[] = ['sha256', 'md5', 'sha1'];

const gmail = (canonical: string): string => normaliseEmail(canonical, { providerRules: true });
const digitsOnly = (e164: string): string => e164.slice(1);

/** Recipes tried for plain email columns, in the order reported. */
export const EMAIL_RECIPES: readonly HashRecipe[] = [
  ...ALGORITHMS.map((algorithm) => ({ name: `${algorithm}(lower(trim(email)))`, algorithm, prepare: null, providerRules: false })),
  ...ALGORITHMS.map((algorithm) => ({ name: `${algorithm}(gmail_canonical(lower(trim(email))))`, algorithm, prepare: gmail, providerRules: true })),
];

/** Recipes tried for plain phone columns: E.164 with its `+` (Google) and digits only (Meta). */
export const PHONE_RECIPES: readonly HashRecipe[] = [
  ...ALGORITHMS.map((algorithm) => ({ name: `${algorithm}(e164(phone))`, algorithm, prepare: null, providerRules: false })),
  { name: 'sha256(e164_digits(phone))', algorithm: 'sha256', prepare: digitsOnly, providerRules: false },
];

/**
 * The recipe whose digest samples plain emails and phones (index into either list): SHA-256 of the
 * canonical value, the form ad platforms take. A plain value is kept in a coordinated sample when
 * its SHA-256 digest's hash is, so a row holding it and a row holding that digest elsewhere are
 * kept or dropped together, and plain values still agree with each other.
 */
export const SAMPLING_RECIPE = 0;

/** The recipes a kind's plain values are hashed with, to meet hashed columns. */
export function recipesFor(kind: KeyKind): readonly HashRecipe[] {
  return kind === 'email' ? EMAIL_RECIPES : kind === 'phone' ? PHONE_RECIPES : [];
}

/**
 * The 52-bit key of the digest of a value already through the recipe's `prepare`: its first 52
 * bits, the number `digestKey` reads from the first 13 digits of the hex digest, so the two meet.
 * The digest is taken as latin1 (`binary`) text, one character per byte: half the length of hex,
 * and faster to make and to read than hex (this runs three to four times per email or phone).
 */
export function recipeKey(recipe: HashRecipe, prepared: string): number {
  const bytes = digest(recipe.algorithm, prepared, 'binary'); // 'binary' is Node's name for latin1
  let key = 0;
  for (let i = 0; i < 6; i++) key = key * 256 + bytes.charCodeAt(i);
  return key * 16 + (bytes.charCodeAt(6) >> 4);
}

/**
 * The canonical text of a value for joining, by key kind, or null when the value cannot be a
 * key (a phone number libphonenumber-js cannot read, an empty value). Canonical forms: emails
 * `lower(trim())`, phones E.164, hashes lower-case hex, UUIDs lower-case dashed, handles without
 * `@` or profile URL, GA client ids without the `GA1.2.` prefix, identifiers and other values
 * trimmed, upper case, without float artefacts or leading zeros.
 *
 * @example canonicalKey('email', ' Ann@Example.COM ', 'GB') // 'ann@example.com'
 * @example canonicalKey('identifier', '000123.0', 'GB') // '123'
 */
export function canonicalKey(kind: KeyKind, raw: string, region: string): string | null {
  let value: string | null;
  switch (kind) {
    case 'email':
      value = normaliseEmail(raw);
      break;
    case 'phone':
      value = phoneKey(raw, region);
      break;
    case 'hashed':
      value = normaliseHash(raw);
      break;
    case 'uuid':
      value = normaliseUuid(raw);
      break;
    case 'handle':
      value = normaliseHandle(raw);
      break;
    case 'ga_client_id':
      value = normaliseGaClientId(raw);
      break;
    case 'identifier':
    case 'value':
      value = normaliseIdentifier(raw);
      break;
  }
  return value === null || value.length === 0 ? null : value;
}
