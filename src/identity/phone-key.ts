import { readPhone } from './phone';

/**
 * A phone number's join key: E.164 (`+447700900123`), extension dropped, read in `region` when
 * written without a country code, or null when libphonenumber-js cannot read a possible number
 * from it (counted by the caller, never guessed). Unlike `normalisePhone`, numbers that are
 * possible but not assigned (fictional ranges, new ranges the metadata does not know yet) keep a
 * key: two exports writing the same such number still share a customer.
 *
 * Compact E.164 (`+` and 8 to 15 digits) is already canonical and skips the parser, which costs
 * tens of microseconds a number.
 *
 * @example phoneKey('07700 900123', 'GB') // '+447700900123'
 * @example phoneKey('+1 (415) 555-2671 x12', 'GB') // '+14155552671'
 */
export function phoneKey(raw: string, region: string): string | null {
  const trimmed = raw.trim();
  if (isCompactE164(trimmed)) return trimmed;
  const phone = readPhone(trimmed, region);
  return phone !== undefined && phone.isPossible() ? phone.number : null;
}

function isCompactE164(v: string): boolean {
  const n = v.length;
  if (n < 9 || n > 16 || v.charCodeAt(0) !== 43 || v.charCodeAt(1) === 48) return false;
  for (let i = 1; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
