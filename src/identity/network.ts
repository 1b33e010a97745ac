import type { ValueShape } from './shape';
import { isAsciiLetterCode, isDigitCode, isHexCode, startsWithLower, trimEndIndex, trimStartIndex } from './_text';

/** Whether `value[s..e)` is a dotted quad of numbers 0-255 (leading zeros tolerated). */
function isIpv4(value: string, s: number, e: number): boolean {
  let parts = 0;
  let i = s;
  while (i <= e) {
    let len = 0;
    let octet = 0;
    while (i < e && isDigitCode(value.charCodeAt(i))) {
      octet = octet * 10 + (value.charCodeAt(i) - 48);
      len++;
      i++;
    }
    if (len < 1 || len > 3 || octet > 255) return false;
    parts++;
    if (i === e) return parts === 4;
    if (value.charCodeAt(i) !== 46 || parts === 4) return false;
    i++;
  }
  return false;
}

/** Whether `value[s..e)` is an IPv6 address, compressed (`::`) or not, with an optional IPv4 tail. */
function isIpv6(value: string, s: number, e: number): boolean {
  let i = s;
  let groups = 0;
  let compressed = false;
  if (value.charCodeAt(i) === 58) {
    if (value.charCodeAt(i + 1) !== 58) return false;
    compressed = true;
    i += 2;
    if (i === e) return true; // `::`
  }
  for (;;) {
    const start = i;
    while (i < e && isHexCode(value.charCodeAt(i))) i++;
    if (i < e && value.charCodeAt(i) === 46) {
      // embedded IPv4 (`::ffff:192.0.2.1`) ends the address and counts as two groups
      if (!isIpv4(value, start, e)) return false;
      groups += 2;
      break;
    }
    const len = i - start;
    if (len < 1 || len > 4) return false;
    groups++;
    if (i === e) break;
    if (value.charCodeAt(i) !== 58) return false;
    i++;
    if (value.charCodeAt(i) === 58) {
      if (compressed) return false;
      compressed = true;
      i++;
      if (i === e) break;
    } else if (i === e) {
      return false;
    }
  }
  return compressed ? groups <= 7 : groups === 8;
}

/**
 * IP address test for column detection: IPv4 dotted quads (0-255) and IPv6 addresses, including
 * compressed forms (`2001:db8::1`, `::1`) and IPv4-mapped ones (`::ffff:192.0.2.1`).
 * Surrounding whitespace is tolerated. Zone ids (`%eth0`) and ports are not accepted.
 *
 * @param value - the raw value
 * @param shape - `analyseShape(value)`
 * @returns whether the value is an IP address
 * @example looksLikeIp('2001:db8::8a2e:370:7334', analyseShape('2001:db8::8a2e:370:7334')) // true
 */
export function looksLikeIp(value: string, shape: ValueShape): boolean {
  if (shape.others !== 0 || shape.otherLetters !== 0 || shape.dashes !== 0 || shape.slashes !== 0) return false;
  if (shape.upper + shape.lower !== shape.hexLetters || shape.length > 64) return false;
  if (shape.colons === 0) {
    if (shape.dots !== 3 || shape.hexLetters !== 0 || shape.digits < 4 || shape.digits > 12) return false;
    const s = trimStartIndex(value);
    return isIpv4(value, s, trimEndIndex(value, s));
  }
  if (shape.colons < 2 || shape.colons > 8 || (shape.dots !== 0 && shape.dots !== 3)) return false;
  const s = trimStartIndex(value);
  return isIpv6(value, s, trimEndIndex(value, s));
}

/**
 * URL test for column detection: `http://` or `https://` followed by a host, or `www.` followed by
 * a dotted host, with no whitespace inside. Surrounding whitespace is tolerated.
 *
 * @param value - the raw value
 * @param shape - `analyseShape(value)`
 * @returns whether the value is a web address
 * @example looksLikeUrl('www.example.com/pricing', analyseShape('www.example.com/pricing')) // true
 */
export function looksLikeUrl(value: string, shape: ValueShape): boolean {
  if (shape.dots === 0 && shape.slashes < 2) return false;
  if (shape.length < 5 || shape.length > 4096) return false;
  const n = value.length;
  const s = shape.spaces === 0 ? 0 : trimStartIndex(value);
  const e = shape.spaces === 0 ? n : trimEndIndex(value, s);
  if (shape.spaces !== s + (n - e)) return false;
  let i: number;
  if (startsWithLower(value, s, 'https://')) i = s + 8;
  else if (startsWithLower(value, s, 'http://')) i = s + 7;
  else if (startsWithLower(value, s, 'www.')) {
    const dot = value.indexOf('.', s + 4);
    return dot > s + 4 && dot < e - 1;
  } else return false;
  if (i >= e) return false;
  const c = value.charCodeAt(i);
  return isAsciiLetterCode(c) || isDigitCode(c) || c === 91 || c >= 0xc0;
}
