import type { ValueShape } from './shape';
import { createCheckResults, type IdentityCheck } from './_check-result';
import { isAsciiLetterCode, isDigitCode, trimEndIndex, trimStartIndex } from './_text';

/**
 * Lenient email test for column detection: one `@` with something before it and a dot after it,
 * no whitespace inside, no `/`, `:` or `,`. Surrounding whitespace is tolerated. Whether the
 * address is valid is `checkEmail`'s job.
 *
 * @param value - the raw value
 * @param shape - `analyseShape(value)`
 * @returns whether the value looks like an attempt at an email address
 * @example looksLikeEmail('John.Smith@Gmail.com ', analyseShape('John.Smith@Gmail.com ')) // true
 */
export function looksLikeEmail(value: string, shape: ValueShape): boolean {
  if (shape.at !== 1 || shape.dots === 0 || shape.length < 5 || shape.length > 320) return false;
  if (shape.slashes !== 0 || shape.colons !== 0 || shape.commas !== 0) return false;
  const n = value.length;
  let s = 0;
  let e = n;
  if (shape.spaces !== 0) {
    s = trimStartIndex(value);
    e = trimEndIndex(value, s);
    if (shape.spaces !== s + (n - e)) return false;
  }
  const at = value.indexOf('@', s);
  if (at <= s || at >= e) return false;
  return value.lastIndexOf('.', e - 1) > at + 1;
}

const JUNK_LOCALS = new Set([
  'test', 'testing', 'tester', 'test1', 'test123', 'noemail', 'no-email', 'no_email', 'nomail',
  'no-mail', 'none', 'null', 'nil', 'na', 'nobody', 'noone', 'no-one', 'unknown', 'invalid',
  'fake', 'dummy', 'sample', 'example', 'email', 'asdf', 'asdfasdf', 'qwerty', 'xxx', 'xxxx',
  'abc', 'abc123', 'nope', 'dontknow', 'declined', 'refused', 'noreply', 'no-reply', 'no_reply',
  'donotreply', 'do-not-reply', 'do_not_reply', 'no', 'noemailaddress', 'n/a',
]);
const JUNK_DOMAINS = new Set([
  'example.com', 'example.org', 'example.net', 'example.co.uk', 'test.com', 'test.de', 'test.co.uk',
  'domain.com', 'email.invalid', 'noemail.com', 'nomail.com', 'none.com', 'fake.com',
  'noreply.com', 'no-reply.com', 'mailinator.com', 'localhost',
]);
/** Reserved top-level domains (RFC 2606) */
const JUNK_TLDS = new Set(['test', 'example', 'invalid', 'localhost']);

/** ASCII characters allowed in a local part besides letters and digits (no `/`, no quotes). */
const LOCAL_SPECIAL = new Uint8Array(128);
for (const ch of ".!#$%&'*+=?^_`{|}~-") LOCAL_SPECIAL[ch.charCodeAt(0)] = 1;

/** Letters of other scripts allowed in internationalised addresses (RFC 6531); no spaces, no emoji. */
function isIntlLetter(c: number): boolean {
  return c >= 0xc0 && !(c >= 0x2000 && c <= 0x206f) && c !== 0x3000 && c !== 0xfeff &&
    !(c >= 0xd800 && c <= 0xdfff);
}

const SYNTAX_INVALID = -1;
const SYNTAX_ASCII = 0;
const SYNTAX_NON_ASCII = 1;

/** Practical address syntax (RFC 5321 lengths, dot-atom local part, hostname labels). */
function emailSyntax(v: string): number {
  const n = v.length;
  const at = v.indexOf('@');
  if (n > 254 || at < 1 || at > 64 || at !== v.lastIndexOf('@') || at === n - 1) return SYNTAX_INVALID;
  let nonAscii = false;
  let prev = 46; // a leading dot is invalid
  for (let i = 0; i < at; i++) {
    const c = v.charCodeAt(i);
    if (c === 46 && prev === 46) return SYNTAX_INVALID;
    if (c >= 128) {
      if (!isIntlLetter(c)) return SYNTAX_INVALID;
      nonAscii = true;
    } else if (!isAsciiLetterCode(c) && !isDigitCode(c) && LOCAL_SPECIAL[c] !== 1) {
      return SYNTAX_INVALID;
    }
    prev = c;
  }
  if (prev === 46) return SYNTAX_INVALID;
  // domain: at least two labels of 1..63 letters, digits or inner hyphens; a TLD without digits
  let labels = 0;
  let labelStart = at + 1;
  let tldDigits = false;
  for (let i = at + 1; i <= n; i++) {
    const c = i < n ? v.charCodeAt(i) : 46;
    if (c === 46) {
      const len = i - labelStart;
      if (len < 1 || len > 63) return SYNTAX_INVALID;
      if (v.charCodeAt(labelStart) === 45 || v.charCodeAt(i - 1) === 45) return SYNTAX_INVALID;
      labels++;
      if (i < n) {
        labelStart = i + 1;
        tldDigits = false;
      }
    } else if (isDigitCode(c)) {
      tldDigits = true;
    } else if (c >= 128) {
      if (!isIntlLetter(c)) return SYNTAX_INVALID;
      nonAscii = true;
    } else if (!isAsciiLetterCode(c) && c !== 45) {
      return SYNTAX_INVALID;
    }
  }
  if (labels < 2 || n - labelStart < 2) return SYNTAX_INVALID;
  if (tldDigits && !v.startsWith('xn--', labelStart) && !v.startsWith('XN--', labelStart)) return SYNTAX_INVALID;
  return nonAscii ? SYNTAX_NON_ASCII : SYNTAX_ASCII;
}

function isJunk(lower: string, at: number): boolean {
  const local = lower.slice(0, at);
  if (JUNK_LOCALS.has(local)) return true;
  const domain = lower.slice(at + 1);
  if (JUNK_DOMAINS.has(domain)) return true;
  // `x@x.com`, `aa@aa.net`: a short local part repeated as the domain name is a placeholder.
  if (local.length <= 4 && domain.startsWith(`${local}.`) && domain.indexOf('.', local.length + 1) < 0) return true;
  return JUNK_TLDS.has(domain.slice(domain.lastIndexOf('.') + 1));
}

function isGmail(domain: string): boolean {
  return domain === 'gmail.com' || domain === 'googlemail.com';
}

/** Detail keys of an email check, in bit order. */
export const EMAIL_DETAILS = [
  'mixedCase', 'padded', 'providerVariant', 'plusTag', 'nonAscii', 'invalidSyntax', 'junk',
] as const;
const MIXED = 1, PADDED = 2, PROVIDER = 4, PLUS = 8, NON_ASCII = 16, INVALID = 32, JUNK = 64;
const result = createCheckResults(EMAIL_DETAILS);

/**
 * Checks one email address as a join key. Invalid syntax (`invalidSyntax`) and placeholder
 * addresses (`junk`: `test@test.com`, `noemail@…`, `no-reply@…`, `…@example.com`) are not valid;
 * for valid ones, details name what normalisation would change (`mixedCase`, `padded`) and
 * provider-specific variants (`providerVariant`: Gmail dots, `+tag` or googlemail.com; `plusTag`:
 * a `+tag` at any provider). `nonAscii` marks internationalised addresses.
 *
 * @param raw - the value as found
 * @returns a shared, frozen result
 * @example checkEmail(' Jane.Doe+news@Gmail.com') // { valid: true, normalisable: true, details: ['mixedCase', 'padded', 'providerVariant', 'plusTag'] }
 */
export function checkEmail(raw: string): IdentityCheck {
  const trimmed = raw.trim();
  const syntax = emailSyntax(trimmed);
  if (syntax === SYNTAX_INVALID) return result(false, false, INVALID);
  const lower = trimmed.toLowerCase();
  const at = lower.indexOf('@');
  if (isJunk(lower, at)) return result(false, false, JUNK);
  let flags = syntax === SYNTAX_NON_ASCII ? NON_ASCII : 0;
  if (lower !== trimmed) flags |= MIXED;
  if (trimmed.length !== raw.length) flags |= PADDED;
  const plus = lower.indexOf('+') >= 0;
  if (plus) flags |= PLUS;
  const domain = lower.slice(at + 1);
  if (isGmail(domain) && (plus || domain === 'googlemail.com' || lower.lastIndexOf('.', at) >= 0)) {
    flags |= PROVIDER;
  }
  return result(true, lower !== raw, flags);
}

export interface NormaliseEmailOptions {
  /**
   * Apply provider rules: for Gmail, drop dots and the `+tag` from the local part and write
   * googlemail.com as gmail.com. [false]
   */
  providerRules?: boolean;
}

/**
 * Normalises an email address for joining: trim, lower case, and, only when asked, Gmail's rules
 * (left out when they would leave the local part empty). Any text is accepted; the result is
 * idempotent.
 *
 * @param raw - the value as found
 * @param options - `providerRules` [false]
 * @returns the normalised text
 * @example normaliseEmail(' Jane.Doe+news@GoogleMail.com ') // 'jane.doe+news@googlemail.com'
 * @example normaliseEmail('Jane.Doe+news@GoogleMail.com', { providerRules: true }) // 'janedoe@gmail.com'
 */
export function normaliseEmail(raw: string, options: NormaliseEmailOptions = {}): string {
  const lower = raw.trim().toLowerCase();
  if (options.providerRules !== true) return lower;
  const at = lower.lastIndexOf('@');
  if (at < 0 || !isGmail(lower.slice(at + 1))) return lower;
  let local = lower.slice(0, at);
  const plus = local.indexOf('+');
  if (plus >= 0) local = local.slice(0, plus);
  local = local.replaceAll('.', '');
  // nothing left (`+news@gmail.com`): not a Gmail address we can canonicalise
  return local.length === 0 ? lower : `${local}@gmail.com`;
}
