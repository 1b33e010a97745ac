import type { ValueShape } from './shape';
import { createCheckResults, type IdentityCheck } from './_check-result';
import { createFoldedSet } from './_folded-set';
import { isAsciiLetterCode, isDigitCode, startsWithLower, trimEndIndex, trimStartIndex } from './_text';

/** Hosts whose first path segment is a user's handle (lower case, with the slash). */
const PROFILE_HOSTS = [
  'twitter.com/', 'x.com/', 'instagram.com/', 'tiktok.com/', 'facebook.com/', 'fb.com/',
  'threads.net/', 'youtube.com/', 'pinterest.com/', 'linkedin.com/in/', 'snapchat.com/add/',
  't.me/', 'github.com/',
] as const;
const HOST_PREFIXES = ['www.', 'mobile.', 'm.'] as const;
/** First path segments that are pages of the platform, not people. */
const RESERVED = createFoldedSet([
  'home', 'explore', 'intent', 'share', 'search', 'hashtag', 'i', 'p', 'reel', 'reels', 'tv',
  'login', 'signup', 'settings', 'watch', 'channel', 'stories', 'about', 'privacy', 'tos', 'help',
  'notifications', 'messages', 'pages', 'groups', 'events', 'status',
]);

const MAX_HANDLE = 30;

function isHandleCode(c: number): boolean {
  return isAsciiLetterCode(c) || isDigitCode(c) || c === 95 || c === 46;
}

/** Handle bounds found by `matchProfileUrl` (module scratch: the detectors allocate nothing). */
const found = { start: 0, end: 0 };

/**
 * Matches `value[s..e)` against `[http(s)://][www.]host/[@]handle[/][?query|#fragment]` for a
 * known social platform; on success, `found` holds the handle's bounds.
 */
function matchProfileUrl(value: string, s: number, e: number): boolean {
  let i = s;
  if (startsWithLower(value, i, 'https://')) i += 8;
  else if (startsWithLower(value, i, 'http://')) i += 7;
  for (const prefix of HOST_PREFIXES) {
    if (startsWithLower(value, i, prefix)) {
      i += prefix.length;
      break;
    }
  }
  let host = 0;
  for (const candidate of PROFILE_HOSTS) {
    if (startsWithLower(value, i, candidate)) {
      host = candidate.length;
      break;
    }
  }
  if (host === 0) return false;
  i += host;
  if (value.charCodeAt(i) === 64) i++;
  const start = i;
  while (i < e && i - start <= MAX_HANDLE && isHandleCode(value.charCodeAt(i))) i++;
  const end = i;
  if (end === start || end - start > MAX_HANDLE) return false;
  if (i < e && value.charCodeAt(i) === 47) i++;
  if (i < e) {
    const c = value.charCodeAt(i);
    if (c !== 63 && c !== 35) return false; // only a query or fragment may follow
    for (let j = i; j < e; j++) {
      const d = value.charCodeAt(j);
      if (d <= 32 || d === 160) return false;
    }
  }
  if (RESERVED.has(value, start, end)) return false;
  found.start = start;
  found.end = end;
  return true;
}

/** Whether `value[s..e)` is `@` and 1-30 letters, digits, `_` or `.`. */
function isAtHandle(value: string, s: number, e: number): boolean {
  if (value.charCodeAt(s) !== 64 || e - s < 2 || e - s > MAX_HANDLE + 1) return false;
  for (let i = s + 1; i < e; i++) if (!isHandleCode(value.charCodeAt(i))) return false;
  return true;
}

/**
 * Social handle test for column detection: `@name` (1-30 letters, digits, `_`, `.`), or a profile
 * URL of a known platform (`https://twitter.com/name`, `instagram.com/name`, `x.com/name`,
 * `https://www.tiktok.com/@name`). Surrounding whitespace is tolerated. A bare name is not
 * enough: it could be anything.
 *
 * @param value - the raw value
 * @param shape - `analyseShape(value)`
 * @returns whether the value looks like a handle
 * @example looksLikeHandle('@Jane_Doe', analyseShape('@Jane_Doe')) // true
 */
export function looksLikeHandle(value: string, shape: ValueShape): boolean {
  if (shape.otherLetters !== 0 || shape.length > 160) return false;
  const n = value.length;
  const s = shape.spaces === 0 ? 0 : trimStartIndex(value);
  const e = shape.spaces === 0 ? n : trimEndIndex(value, s);
  if (shape.spaces !== s + (n - e)) return false;
  if (shape.firstCode === 64 || (s > 0 && value.charCodeAt(s) === 64)) {
    return shape.at === 1 && isAtHandle(value, s, e);
  }
  if (shape.slashes === 0 || shape.dots === 0) return false;
  return matchProfileUrl(value, s, e);
}

/** Strips leading `@` and whitespace (after `toLowerCase().trim()`). */
const LEADING_AT = /^[\s@]+/;

/**
 * Normalises a social handle: lower case, no `@`, no profile-URL prefix (`https://x.com/Jane` and
 * `@Jane` both become `jane`). Handles are case-insensitive on the major platforms.
 *
 * @param raw - the value as found
 * @returns the normalised text
 * @example normaliseHandle('https://www.instagram.com/Jane.Doe/?hl=en') // 'jane.doe'
 * @example normaliseHandle(' @Jane_Doe ') // 'jane_doe'
 */
export function normaliseHandle(raw: string): string {
  const v = raw.toLowerCase().trim().replace(LEADING_AT, '');
  if (v.indexOf('/') >= 0 && matchProfileUrl(v, 0, v.length)) return v.slice(found.start, found.end);
  return v;
}

function isBareHandle(v: string): boolean {
  if (v.length === 0 || v.length > MAX_HANDLE) return false;
  let letters = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (!isHandleCode(c)) return false;
    if (c !== 46) letters++;
  }
  return letters > 0;
}

/** Detail keys of a handle check, in bit order. */
export const HANDLE_DETAILS = ['atPrefix', 'profileUrl', 'mixedCase', 'padded', 'invalid'] as const;
const AT = 1, PROFILE = 2, MIXED = 4, PADDED = 8, INVALID = 16;
const result = createCheckResults(HANDLE_DETAILS);

/**
 * Checks one social handle as a join key: `@name`, a bare `name`, or a profile URL of a known
 * platform. Details name what normalisation removes: `atPrefix`, `profileUrl`, `mixedCase`,
 * `padded`. Anything else (spaces inside, a platform page such as `/explore`, over 30
 * characters) is `invalid`.
 *
 * @param raw - the value as found
 * @returns a shared, frozen result
 * @example checkHandle('https://twitter.com/JaneDoe') // { valid: true, normalisable: true, details: ['profileUrl', 'mixedCase'] }
 */
export function checkHandle(raw: string): IdentityCheck {
  const s = trimStartIndex(raw);
  const e = trimEndIndex(raw, s);
  let flags = s !== 0 || e !== raw.length ? PADDED : 0;
  let start = s;
  let end = e;
  if (raw.charCodeAt(s) === 64) {
    flags |= AT;
    start = s + 1;
  } else if (raw.indexOf('/', s) >= 0 && matchProfileUrl(raw, s, e)) {
    flags |= PROFILE;
    start = found.start;
    end = found.end;
  }
  const handle = raw.slice(start, end);
  if (!isBareHandle(handle)) return result(false, false, INVALID);
  for (let i = 0; i < handle.length; i++) {
    const c = handle.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      flags |= MIXED;
      break;
    }
  }
  return result(true, flags !== 0, flags);
}
