import type { ValueShape } from '../identity/shape';

/**
 * Date and datetime recognition. Formats are named with date-fns tokens (`dd/MM/yyyy`); the
 * parsing itself is done here with anchored, linear regexes because date-fns `parse` costs
 * microseconds per call and runs on every value of every column. tests/profile/dates.test.ts
 * checks each format against date-fns `parse` as the reference.
 *
 * Slash and dash dates whose order is unknown (`05/03/2024`) are reported with an order-neutral
 * code; the column decides day-first versus month-first from the values that only one order
 * can read (a part above 12).
 */
export const DATE_OUT = {
  /** date-fns format for unambiguous values; '' for slash dates (see `slashCode`) */
  format: '',
  /** timestamp in ms (UTC when the value names no zone) for unambiguous values */
  ts: 0,
  /** slash dates: layout code (see slashFormatName), and their reading under each order */
  slashCode: -1,
  /** 1 only day-first reads it, 2 only month-first, 3 both */
  slashOrder: 0,
  tsDayFirst: 0,
  tsMonthFirst: 0,
  /** the value looks like a date but names no real day (`2023-02-30`, `31/31/2020`) */
  invalid: false,
};

const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DMY_DOT = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASH = /^(\d{1,2})([/-])(\d{1,2})[/-](\d{4}|\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp][Mm]))?)?$/;
const RFC2822 =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? ([+-]\d{4}|GMT|UT|UTC|Z)$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Returns 0 when the value is no date, 1 for a date, 2 for a datetime; details in DATE_OUT. */
export function parseDate(value: string, shape: ValueShape): 0 | 1 | 2 {
  DATE_OUT.invalid = false;
  DATE_OUT.slashCode = -1;
  DATE_OUT.format = '';
  const c4 = value.charCodeAt(4);
  if (c4 === 45 /* - */ && shape.dashes >= 2) return parseIso(value);
  if (c4 === 47 /* / */ && shape.slashes === 2) return parseYmdSlash(value);
  if (shape.dots === 2 && shape.slashes === 0 && shape.dashes === 0) return parseDmyDot(value);
  if ((shape.slashes === 2 || shape.dashes === 2) && shape.colons <= 2) return parseSlash(value);
  if (shape.upper >= 2 && shape.spaces >= 3) return parseRfc2822(value);
  return 0;
}

/**
 * ISO 8601 (`yyyy-MM-dd`, then optionally `T` or a space, `HH:mm`, `:ss`, a fraction and a zone:
 * `Z`, `+HH`, `+HHmm` or `+HH:mm`), read by character codes: event files carry one such
 * timestamp per row, and a regex with captures costs several times more.
 */
function parseIso(value: string): 0 | 1 | 2 {
  const n = value.length;
  if (n < 10 || !digitsAt(value, 0, 4) || !digitsAt(value, 5, 2) || value.charCodeAt(7) !== 45 || !digitsAt(value, 8, 2)) return 0;
  const y = num(value, 0, 4);
  const mo = num(value, 5, 2);
  const d = num(value, 8, 2);
  if (n === 10) {
    DATE_OUT.format = 'yyyy-MM-dd';
    return finish(y, mo, d, 0, 0, 0, 0, 0) ? 1 : 0;
  }
  const sep = value.charCodeAt(10);
  if ((sep !== 84 && sep !== 32) || n < 16 || !digitsAt(value, 11, 2) || value.charCodeAt(13) !== 58 || !digitsAt(value, 14, 2)) return 0;
  const hh = num(value, 11, 2);
  const mm = num(value, 14, 2);
  let i = 16;
  let seconds = false;
  let ss = 0;
  let fraction = 0;
  let ms = 0;
  if (i < n && value.charCodeAt(i) === 58) {
    if (!digitsAt(value, i + 1, 2)) return 0;
    seconds = true;
    ss = num(value, i + 1, 2);
    i += 3;
    const c = value.charCodeAt(i);
    if (i < n && (c === 46 || c === 44)) {
      let j = i + 1;
      while (j < n && j - i - 1 < 9 && isDigit(value.charCodeAt(j))) j++;
      fraction = j - i - 1;
      if (fraction === 0) return 0;
      // Milliseconds are the first three fraction digits (`.5` is 500 ms, `.123456` is 123 ms).
      ms = num(value, i + 1, Math.min(3, fraction)) * 10 ** (3 - Math.min(3, fraction));
      i = j;
    }
  }
  let zone: string | undefined;
  let offset = 0;
  if (i === n - 1 && value.charCodeAt(i) === 90) {
    zone = 'Z'; // the common case, without slicing a string per value
  } else if (i < n) {
    zone = value.slice(i);
    const c = value.charCodeAt(i);
    if (zone === 'Z') offset = 0;
    else if ((c === 43 || c === 45) && /^[+-]\d{2}(?::?\d{2})?$/.test(zone)) offset = zoneMinutes(zone);
    else return 0;
  }
  DATE_OUT.format = isoFormatName(sep === 84, seconds, fraction, zone);
  return finish(y, mo, d, hh, mm, ss, ms, offset) ? 2 : 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function digitsAt(value: string, start: number, count: number): boolean {
  for (let i = start; i < start + count; i++) if (!isDigit(value.charCodeAt(i))) return false;
  return true;
}

function num(value: string, start: number, count: number): number {
  let x = 0;
  for (let i = start; i < start + count; i++) x = x * 10 + value.charCodeAt(i) - 48;
  return x;
}

function parseYmdSlash(value: string): 0 | 1 | 2 {
  const m = YMD_SLASH.exec(value);
  if (m === null) return 0;
  const [, y, mo, d, hh, mm, ss] = m;
  DATE_OUT.format = `yyyy/MM/dd${timeSuffix(hh, ss)}`;
  return finishWithTime(+y!, +mo!, +d!, hh, mm, ss);
}

function parseDmyDot(value: string): 0 | 1 | 2 {
  const m = DMY_DOT.exec(value);
  if (m === null) return 0;
  const [, d, mo, y, hh, mm, ss] = m;
  const padded = d!.length === 2 && mo!.length === 2;
  DATE_OUT.format = `${padded ? 'dd.MM' : 'd.M'}.yyyy${timeSuffix(hh, ss)}`;
  return finishWithTime(+y!, +mo!, +d!, hh, mm, ss);
}

/** A date with an optional ` HH:mm[:ss]` (no zone): 1 for a date, 2 for a datetime, 0 if impossible. */
function finishWithTime(y: number, mo: number, d: number, hh: string | undefined, mm: string | undefined, ss: string | undefined): 0 | 1 | 2 {
  if (!finish(y, mo, d, hh === undefined ? 0 : +hh, mm === undefined ? 0 : +mm, ss === undefined ? 0 : +ss, 0, 0)) return 0;
  return hh === undefined ? 1 : 2;
}

function parseSlash(value: string): 0 | 1 | 2 {
  const m = SLASH.exec(value);
  if (m === null) return 0;
  const [, a, sep, b, y, hh, mm, ss, ampm] = m;
  let year = +y!;
  // Two-digit years: 00-68 -> 2000s, 69-99 -> 1900s, as date-fns and POSIX strptime do.
  if (y!.length === 2) year += year < 69 ? 2000 : 1900;
  let hour = hh === undefined ? 0 : +hh;
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return invalid();
    hour = (hour % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
  }
  const minute = mm === undefined ? 0 : +mm;
  const second = ss === undefined ? 0 : +ss;
  const first = +a!;
  const second2 = +b!;
  const dayFirst = finish(year, second2, first, hour, minute, second, 0, 0);
  const tsDayFirst = DATE_OUT.ts;
  const monthFirst = finish(year, first, second2, hour, minute, second, 0, 0);
  const tsMonthFirst = DATE_OUT.ts;
  if (!dayFirst && !monthFirst) return invalid();
  DATE_OUT.invalid = false;
  DATE_OUT.slashOrder = dayFirst && monthFirst ? 3 : dayFirst ? 1 : 2;
  DATE_OUT.tsDayFirst = tsDayFirst;
  DATE_OUT.tsMonthFirst = tsMonthFirst;
  DATE_OUT.ts = dayFirst ? tsDayFirst : tsMonthFirst;
  const padded = a!.length === 2 && b!.length === 2;
  const timeKind = hh === undefined ? 0 : (ampm === undefined ? 1 : 3) + (ss === undefined ? 0 : 1);
  DATE_OUT.slashCode = (padded ? 1 : 0) | (sep === '-' ? 2 : 0) | (y!.length === 2 ? 4 : 0) | (timeKind << 3);
  return hh === undefined ? 1 : 2;
}

function parseRfc2822(value: string): 0 | 1 | 2 {
  const m = RFC2822.exec(value);
  if (m === null) return 0;
  const [, d, mon, y, hh, mm, ss, zone] = m;
  const month = MONTHS.indexOf(mon!) + 1;
  const offset = zone!.startsWith('+') || zone!.startsWith('-') ? zoneMinutes(zone!) : 0;
  const weekday = value.charCodeAt(3) === 44 ? 'EEE, ' : '';
  const zoneToken = zone!.startsWith('+') || zone!.startsWith('-') ? 'xx' : `'${zone}'`;
  DATE_OUT.format = `${weekday}d MMM yyyy HH:mm${ss === undefined ? '' : ':ss'} ${zoneToken}`;
  return finish(+y!, month, +d!, +hh!, +mm!, ss === undefined ? 0 : +ss, 0, offset) ? 2 : 0;
}

/** Validates the parts and sets DATE_OUT.ts; false (and DATE_OUT.invalid) for impossible dates. */
function finish(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMinutes: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 60 || y < 1000) {
    DATE_OUT.invalid = true;
    return false;
  }
  DATE_OUT.ts = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offsetMinutes * 60_000;
  return true;
}

function invalid(): 0 {
  DATE_OUT.invalid = true;
  return 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function zoneMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

function timeSuffix(hh: string | undefined, ss: string | undefined): string {
  if (hh === undefined) return '';
  return ss === undefined ? ' HH:mm' : ' HH:mm:ss';
}

const isoNames = new Map<number, string>();
const ZONE_TOKENS = ['', 'X', 'XX', 'XXX'] as const;

/** The date-fns format of an ISO layout, cached by a numeric key (no string built per value). */
function isoFormatName(t: boolean, seconds: boolean, fraction: number, zone: string | undefined): string {
  const zoneKind = zone === undefined ? 0 : zone === 'Z' || zone.length === 6 ? 3 : zone.length === 5 ? 2 : 1;
  const key = (t ? 1 : 0) | (seconds ? 2 : 0) | (fraction << 2) | (zoneKind << 6);
  let name = isoNames.get(key);
  if (name === undefined) {
    name = `yyyy-MM-dd${t ? "'T'" : ' '}HH:mm${seconds ? ':ss' : ''}${fraction > 0 ? `.${'S'.repeat(fraction)}` : ''}${ZONE_TOKENS[zoneKind]}`;
    isoNames.set(key, name);
  }
  return name;
}

/** The date-fns format of a slash-date layout code read in the given order. */
export function slashFormatName(code: number, order: 'day-first' | 'month-first'): string {
  const padded = (code & 1) !== 0;
  const sep = (code & 2) !== 0 ? '-' : '/';
  const year = (code & 4) !== 0 ? 'yy' : 'yyyy';
  const timeKind = code >> 3;
  const day = padded ? 'dd' : 'd';
  const month = padded ? 'MM' : 'M';
  const date = order === 'day-first' ? `${day}${sep}${month}${sep}${year}` : `${month}${sep}${day}${sep}${year}`;
  const time = ['', ' HH:mm', ' HH:mm:ss', ' h:mm a', ' h:mm:ss a'][timeKind] ?? '';
  return date + time;
}
