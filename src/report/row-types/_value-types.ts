import type { ColumnProfile } from '../../model/profile';
import type { JsonSchemaType } from './_json-schema';

/**
 * Which JSON types a column's values have, and how text values are written.
 *
 * The profiler counts physical types on each value's text (`String(value)` for JSON numbers and
 * booleans), so `42` and `"42"`, `true` and `"true"` look alike in a profile. A column whose
 * values read as numbers is typed as JSON numbers unless a written form that `String(number)`
 * never produces (`1,234`, `12,5`, `12.0`, `1.2E+11`) shows that some of them are strings; true/false
 * words other than `true`/`false` (`yes`, `Y`, `TRUE`) are strings.
 */

/** Words the profiler reads as booleans (profile/infer-type.ts), compared in lower case. */
const BOOLEAN_WORDS: ReadonlySet<string> = new Set(['true', 'false', 'yes', 'no', 'y', 'n', 't', 'f']);
const ORDER: readonly JsonSchemaType[] = ['string', 'integer', 'number', 'boolean'];

/** Null spellings that are strings in the source: empty, blank and null tokens (`N/A`, `NULL`). */
export function textNullCount(column: ColumnProfile): number {
  let tokens = 0;
  for (const count of Object.values(column.nulls.tokens)) tokens += count;
  return column.nulls.empty + column.nulls.whitespace + tokens;
}

/** Whether the listed character patterns are exact and account for every value. */
export function patternsCoverAll(column: ColumnProfile): boolean {
  if (!column.patternsExact || column.patterns.length === 0) return false;
  return column.patterns.reduce((sum, p) => sum + p.count, 0) >= column.valueCount;
}

/** Whether `topValues` lists every distinct value with its exact count (and unmasked). */
export function topValuesComplete(column: ColumnProfile): boolean {
  return !column.masked && column.distinctExact && column.topValuesExact && column.topValues.length >= column.distinctCount;
}

/**
 * The JSON types of a JSON (or in-memory) column's non-null scalar values, in a stable order;
 * empty when the column holds only nulls. `integer` is dropped when `number` is present.
 */
export function jsonValueTypes(column: ColumnProfile): JsonSchemaType[] {
  const c = column.typeCounts;
  const f = column.numberFormats;
  const types = new Set<JsonSchemaType>();
  if (c.string + c.date + c.datetime > 0) types.add('string');
  if (c.code > 0) {
    types.add('string');
    // Digit strings past 15 digits without a leading zero may be large JSON numbers.
    if (c.code > f.leadingZeros) types.add('number');
  }
  if (c.integer + c.decimal > 0) {
    types.add(c.decimal > 0 ? 'number' : 'integer');
    if (f.thousandsComma + f.thousandsDot + f.decimalComma + f.trailingDotZero + f.excelScientific > 0) types.add('string');
  }
  if (c.boolean > 0) {
    const spelled = booleanSpellings(column);
    if (spelled.json) types.add('boolean');
    if (spelled.text) types.add('string');
  }
  if (textNullCount(column) > 0) types.add('string');
  if (types.has('number')) types.delete('integer');
  return ORDER.filter((t) => types.has(t));
}

/** Whether the boolean-looking values include `true`/`false` (json) and other spellings (text). */
function booleanSpellings(column: ColumnProfile): { json: boolean; text: boolean } {
  if (!topValuesComplete(column)) return { json: true, text: true };
  let json = false;
  let text = false;
  for (const { value } of column.topValues) {
    if (value === 'true' || value === 'false') json = true;
    else if (BOOLEAN_WORDS.has(value.trim().toLowerCase())) text = true;
  }
  return { json, text };
}

/** Integers as text: an optional sign and digits. */
const DIGITS = '[+-]?\\d+';
/** Numbers as text: `12`, `12.5`, `.5`, `12.`, with an optional exponent (`1.2E+11`). */
const NUMBER = '[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?';

/**
 * A `pattern` for a column whose values are all text, when every non-null value read as an
 * integer (or a digit code), or every one as a plain number; null otherwise (dates, words, and
 * numbers with thousands separators or decimal commas get a description instead). Surrounding
 * white space is allowed, as the profiler trims before typing, and so are the column's null
 * spellings (empty, blank, null tokens). The pattern has no ambiguous repetition (no ReDoS).
 *
 * @example patternOf(quantity) // '^\\s*[+-]?\\d+\\s*$'
 */
export function patternOf(column: ColumnProfile): string | null {
  const c = column.typeCounts;
  const f = column.numberFormats;
  if (column.valueCount === 0 || f.thousandsComma + f.thousandsDot + f.decimalComma > 0) return null;
  const digits = c.integer + c.code;
  const form = digits === column.valueCount ? DIGITS : digits + c.decimal === column.valueCount ? NUMBER : null;
  if (form === null) return null;
  const tokens = Object.entries(column.nulls.tokens)
    .filter(([, count]) => count > 0)
    .map(([token]) => escapeRegex(token))
    .sort();
  const body = tokens.length === 0 ? form : [form, ...tokens].join('|');
  const blank = column.nulls.empty + column.nulls.whitespace > 0;
  if (blank) return `^\\s*(?:(?:${body})\\s*)?$`;
  return tokens.length === 0 ? `^\\s*${body}\\s*$` : `^\\s*(?:${body})\\s*$`;
}

/** Escapes a literal for a JSON Schema (ECMA-262, `u` flag) pattern. */
function escapeRegex(text: string): string {
  return text.replace(/[$()*+./?[\\\]^{|}]/g, '\\$&');
}
