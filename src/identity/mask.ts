import { PERSONAL_TYPES, type SemanticType } from '../model/kinds';
import { normaliseHandle } from './handle';
import { isDigitCode } from './_text';

const PERSONAL: ReadonlySet<SemanticType> = new Set(PERSONAL_TYPES);
const STARS = '***';

/**
 * Whether values of a semantic type are personal data, masked in reports by default (email,
 * phone, ip, names, handle, postal code).
 *
 * @param type - a semantic type, or null
 * @returns true for personal types
 * @example isPersonalType('email') // true
 * @example isPersonalType('hashed') // false
 */
export function isPersonalType(type: SemanticType | null): boolean {
  return type !== null && PERSONAL.has(type);
}

/** The first character (a whole code point), or '' */
function firstChar(v: string): string {
  const cp = v.codePointAt(0);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

function maskEmail(v: string): string {
  const at = v.lastIndexOf('@');
  if (at < 0) return `${firstChar(v)}${STARS}`;
  return `${firstChar(v.slice(0, at))}${STARS}@${v.slice(at + 1)}`;
}

/** Masks every digit but the last two (and a leading `+` country code), keeping separators. */
function maskPhone(v: string): string {
  let digits = 0;
  for (let i = 0; i < v.length; i++) if (isDigitCode(v.charCodeAt(i))) digits++;
  if (digits < 5) return STARS;
  // `+44 ...`: the country code, up to 3 digits followed by a separator, stays visible
  let keepUntil = 0;
  if (v.charCodeAt(0) === 43) {
    let i = 1;
    while (i < v.length && isDigitCode(v.charCodeAt(i))) i++;
    if (i > 1 && i <= 4 && i < v.length) keepUntil = i;
  }
  let seen = 0;
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (!isDigitCode(c)) {
      out += v.charAt(i);
      continue;
    }
    seen++;
    out += i < keepUntil || seen > digits - 2 ? v.charAt(i) : '*';
  }
  return out;
}

function maskIp(v: string): string {
  if (v.indexOf(':') >= 0) {
    const groups = v.split(':').filter((g) => g.length > 0);
    return groups.length >= 2 ? `${groups[0] ?? ''}:${groups[1] ?? ''}:*:*` : `${STARS}`;
  }
  const parts = v.split('.');
  return parts.length === 4 ? `${parts[0] ?? ''}.${parts[1] ?? ''}.*.*` : STARS;
}

/**
 * Masks a value of a personal semantic type for display in reports, deterministically:
 * - email: first character and domain, `j***@gmail.com`;
 * - phone: every digit but the last two (and a `+` country code), separators kept,
 *   `+44 ** **** **23`;
 * - first, last and full names: first letter, `J***`;
 * - handle: `@` and first character, `@j***`;
 * - ip: first two parts, `192.168.*.*`, `2001:db8:*:*`;
 * - postal code: first two characters, `SW***`.
 * Other types (uuid, hashed, ga_client_id, url, country, identifier) and null are returned
 * unchanged: they are not personal data by themselves. Surrounding whitespace is dropped.
 *
 * @param value - the value as found
 * @param type - the column's semantic type, or null
 * @returns the masked value
 * @example maskValue('John.Smith@gmail.com', 'email') // 'J***@gmail.com'
 * @example maskValue('+44 20 7946 0923', 'phone') // '+44 ** **** **23'
 */
export function maskValue(value: string, type: SemanticType | null): string {
  if (type === null || !PERSONAL.has(type)) return value;
  const v = value.trim();
  if (v.length === 0) return v;
  switch (type) {
    case 'email':
      return maskEmail(v);
    case 'phone':
      return maskPhone(v);
    case 'handle':
      return `@${firstChar(normaliseHandle(v))}${STARS}`;
    case 'ip':
      return maskIp(v);
    case 'postal_code':
      return `${v.slice(0, 2)}${STARS}`;
    default:
      return `${firstChar(v)}${STARS}`;
  }
}
