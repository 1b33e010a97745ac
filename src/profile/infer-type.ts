import type { ValueShape } from '../identity/shape';
import type { ValueType } from '../model';
import { parseDate, DATE_OUT } from './dates';

/**
 * Physical type of one trimmed, non-null value. Ordered tests in the arquero parse-values
 * idiom, but gated on the value's shape so most values need no regex at all.
 * Side outputs (numeric value, number-format flags) go to NUMBER_OUT to avoid allocation.
 */
export const NUMBER_OUT = {
  value: 0,
  /** 0 plain, 1 thousands comma, 2 thousands dot, 3 decimal comma */
  format: 0,
  excelScientific: false,
  trailingDotZero: false,
  /** a `code` value that starts with 0 (as opposed to one longer than 15 digits) */
  leadingZero: false,
};

const BOOLEAN_WORDS: ReadonlySet<string> = new Set(['true', 'false', 'yes', 'no', 'y', 'n', 't', 'f']);

const SIGNED_INTEGER = /^[+-]\d+$/;
const SCIENTIFIC = /^[+-]?(\d)(?:\.(\d+))?e([+-]?\d{1,3})$/i;
const THOUSANDS_COMMA = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const THOUSANDS_DOT = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/** Values are tried as dates only with this many digits and characters (`5/3/24` is the shortest). */
export const DATE_MIN_DIGITS = 4;
export const DATE_MIN_LENGTH = 6;
export const DATE_MAX_LENGTH = 40;

/** Most digits a double represents exactly for every integer (2^53 has 16 digits). */
const MAX_SAFE_DIGITS = 15;

export function classifyValue(value: string, shape: ValueShape): ValueType {
  const n = shape.length;
  NUMBER_OUT.format = 0;
  NUMBER_OUT.excelScientific = false;
  NUMBER_OUT.trailingDotZero = false;
  NUMBER_OUT.leadingZero = false;
  DATE_OUT.invalid = false;
  const letters = shape.upper + shape.lower;

  if (shape.digits === n) {
    // Leading zeros and very long digit strings are codes: numbers would lose them.
    if ((n > 1 && shape.firstCode === 48) || n > MAX_SAFE_DIGITS) {
      NUMBER_OUT.leadingZero = shape.firstCode === 48;
      return 'code';
    }
    NUMBER_OUT.value = Number(value);
    return 'integer';
  }
  if (letters === 0 && shape.digits > 0 && shape.others === 0 && shape.spaces === 0) {
    const kind = classifyNumeric(value, shape);
    if (kind !== null) return kind;
  }
  if (n <= 5 && letters === n && BOOLEAN_WORDS.has(value.toLowerCase())) return 'boolean';
  if (letters > 0 && shape.digits > 0 && shape.others === 0 && shape.spaces === 0 && shape.at === 0) {
    const scientific = classifyScientific(value, shape);
    if (scientific !== null) return scientific;
  }
  // The shortest date is `5/3/24`; the parser rejects everything else by separators.
  if (shape.digits >= DATE_MIN_DIGITS && n >= DATE_MIN_LENGTH && n <= DATE_MAX_LENGTH) {
    const kind = parseDate(value, shape);
    if (kind === 1) return 'date';
    if (kind === 2) return 'datetime';
  }
  return 'string';
}

function classifyNumeric(value: string, shape: ValueShape): ValueType | null {
  const signs = shape.dashes + shape.plus;
  if (signs > 1 || shape.colons + shape.slashes + shape.underscores + shape.parens + shape.at > 0) return null;
  if (shape.dots === 0 && shape.commas === 0) {
    if (signs === 1 && SIGNED_INTEGER.test(value)) {
      if (shape.digits > MAX_SAFE_DIGITS) return 'code';
      NUMBER_OUT.value = Number(value);
      return 'integer';
    }
    return null;
  }
  // Digits, one dot and at most a leading sign: a plain decimal, no regex needed.
  if (shape.commas === 0 && shape.dots === 1 && shape.digits + 1 + signs === shape.length && (signs === 0 || shape.firstCode === 43 || shape.firstCode === 45)) {
    NUMBER_OUT.value = Number(value);
    NUMBER_OUT.trailingDotZero = value.endsWith('.0');
    return 'decimal';
  }
  if (shape.commas > 0 && THOUSANDS_COMMA.test(value)) {
    NUMBER_OUT.format = 1;
    NUMBER_OUT.value = Number(value.replaceAll(',', ''));
    return shape.dots === 1 ? 'decimal' : 'integer';
  }
  if (shape.dots > 0 && THOUSANDS_DOT.test(value) && (shape.dots > 1 || shape.commas === 1)) {
    NUMBER_OUT.format = 2;
    NUMBER_OUT.value = Number(value.replaceAll('.', '').replace(',', '.'));
    return shape.commas === 1 ? 'decimal' : 'integer';
  }
  if (shape.dots === 0 && shape.commas === 1 && DECIMAL_COMMA.test(value)) {
    NUMBER_OUT.format = 3;
    NUMBER_OUT.value = Number(value.replace(',', '.'));
    return 'decimal';
  }
  return null;
}

/**
 * `1.23457E+11`: Excel shows long numbers in scientific notation and, when saved to CSV, keeps
 * only the digits shown. Digits are lost when the exponent exceeds the mantissa's decimals.
 */
function classifyScientific(value: string, shape: ValueShape): ValueType | null {
  if (shape.upper + shape.lower !== 1 || shape.length > 24) return null;
  const match = SCIENTIFIC.exec(value);
  if (match === null) return null;
  const decimals = match[2]?.length ?? 0;
  const exponent = Number(match[3]);
  NUMBER_OUT.value = Number(value);
  NUMBER_OUT.excelScientific = exponent > decimals && exponent >= 5;
  return 'decimal';
}

export { DATE_OUT };
