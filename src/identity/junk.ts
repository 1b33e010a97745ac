import { hash as digest } from 'node:crypto';
import { EMPTY_INPUT_DIGESTS } from './hashed';
import { PLACEHOLDERS } from './identifier';
import type { KeyKind } from './key-kind';

/**
 * Placeholder identifiers: values typed into a required field by people who had no real one, or
 * written by systems for a missing value. Matched on the canonical value. A junk value links
 * everyone who carries it into one profile, so join discovery and the stitch leave it out.
 */
const JUNK_EMAIL_LOCALS = new Set([
  'test', 'testing', 'tester', 'noemail', 'no-email', 'no_email', 'no.email', 'noreply', 'no-reply', 'donotreply',
  'do-not-reply', 'none', 'no', 'null', 'na', 'n/a', 'nil', 'unknown', 'nobody', 'noone', 'dummy', 'fake', 'asdf',
  'example', 'email', 'mail', 'x', 'xx', 'xxx', 'a', 'abc', 'sample', 'invalid', 'declined', 'refused', 'optout',
]);
const JUNK_EMAIL_DOMAINS = new Set([
  'test.com', 'example.com', 'example.org', 'example.net', 'email.com', 'none.com', 'noemail.com', 'nomail.com',
  'no.com', 'x.com', 'xx.com', 'xxx.com', 'test.test', 'invalid', 'mailinator.com', 'fake.com', 'domain.com',
]);
const JUNK_DIGIT_RUNS = ['123456789', '1234567890', '0123456789', '987654321', '9876543210', '12345678', '1234567'];

/** Canonical emails that stand for "no email": hashed too, so a hashed column's junk is found. */
const WELL_KNOWN_JUNK_EMAILS = ['test@test.com', 'noemail@noemail.com', 'none@none.com', 'no@email.com', 'x@x.com', 'test@example.com', 'email@example.com', 'noreply@example.com'];
const JUNK_DIGESTS = new Set([
  ...EMPTY_INPUT_DIGESTS,
  ...WELL_KNOWN_JUNK_EMAILS.flatMap((e) => (['md5', 'sha1', 'sha256'] as const).map((a) => digest(a, e, 'hex'))),
]);

/**
 * Why a canonical key is a placeholder rather than a person's identifier, or null when it is
 * not one: `placeholder_email` (`test@test.com`, `noemail@…`), `repeated_digits`
 * (`0000000000`), `digit_sequence` (`123456789`), `placeholder_word` (`unknown`, `n/a`),
 * `hash_of_placeholder` (the digest of an empty string or of `test@test.com`),
 * `nil_uuid`.
 *
 * @example junkReason('email', 'noemail@fellside.co.uk') // 'placeholder_email'
 * @example junkReason('phone', '+440000000000') // 'repeated_digits'
 */
export function junkReason(kind: KeyKind, canonical: string): string | null {
  switch (kind) {
    case 'email':
      return junkEmail(canonical);
    case 'phone':
      return junkDigits(canonical.startsWith('+') ? canonical.slice(1) : canonical, 3);
    case 'hashed':
      return JUNK_DIGESTS.has(canonical) ? 'hash_of_placeholder' : null;
    case 'uuid':
      return /^[0-]+$/.test(canonical) || /^[f-]+$/.test(canonical) ? 'nil_uuid' : null;
    default: {
      // An id of 0 or -1 stands for none; in a column of plain values (counts) it is a value.
      if (isPlaceholderWord(canonical, kind !== 'value')) return 'placeholder_word';
      return /^\d+$/.test(canonical) && canonical.length >= 6 ? junkDigits(canonical, 0) : null;
    }
  }
}

/** Longest junk local part and domain: longer ones are not looked up (every email of a pass comes here). */
const JUNK_LOCAL_MAX = Math.max(...[...JUNK_EMAIL_LOCALS].map((l) => l.length));
const JUNK_DOMAIN_MAX = Math.max(...[...JUNK_EMAIL_DOMAINS].map((d) => d.length));

function junkEmail(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 0) return isPlaceholderWord(email, true) ? 'placeholder_word' : null;
  if (at <= JUNK_LOCAL_MAX && JUNK_EMAIL_LOCALS.has(email.slice(0, at))) return 'placeholder_email';
  if (email.length - at - 1 <= JUNK_DOMAIN_MAX && JUNK_EMAIL_DOMAINS.has(email.slice(at + 1))) return 'placeholder_email';
  if (at >= 3 && sameCharFrom(email, 0, at)) return 'placeholder_email';
  return null;
}

/** Whether `text[from..to)` is one character repeated. */
function sameCharFrom(text: string, from: number, to = text.length): boolean {
  const c = text.charCodeAt(from);
  for (let i = from + 1; i < to; i++) if (text.charCodeAt(i) !== c) return false;
  return true;
}

/** Digits that are one digit repeated or a run like 123456789, after at most `prefix` digits (a phone's country code). */
function junkDigits(digits: string, prefix: number): string | null {
  for (let k = 0; k <= prefix && digits.length - k >= 6; k++) {
    if (isDigit(digits.charCodeAt(k)) && sameCharFrom(digits, k)) return 'repeated_digits';
  }
  for (const run of JUNK_DIGIT_RUNS) if (digits.endsWith(run) && digits.length - run.length <= prefix) return 'digit_sequence';
  return null;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Whether a raw cell of any column is a stand-in for a missing value that repeats by design: a
 * placeholder email (`test@test.com`) or a placeholder word (`UNKNOWN`, `N/A`, `TEST`). Numbers
 * (`0`, `-1`) are left alone: in a column of counts or line numbers they are real values.
 */
export function isPlaceholderText(text: string): boolean {
  if (text.includes('@')) return junkEmail(text.trim().toLowerCase()) !== null;
  return isPlaceholderWord(text.trim(), false);
}

/** A placeholder word (`UNKNOWN`, `N/A`); the numeric ones (`0`, `-1`) only when `numbers`. */
function isPlaceholderWord(text: string, numbers: boolean): boolean {
  return PLACEHOLDERS.has(text.toUpperCase()) && (numbers || !/^-?\d+$/.test(text));
}
