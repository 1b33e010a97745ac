import type { ColumnProfile } from '../../model/profile';
import type { JsonSchemaFormat } from './_json-schema';
import { patternsCoverAll, textNullCount } from './_value-types';

/** RFC 3339 `date-time` layouts among the date-fns formats the profiler names. */
const RFC3339_DATE_TIME = /^yyyy-MM-dd'T'HH:mm:ss(?:\.S+)?XXX$/;
/** `http://` or `https://` as character patterns (`aaaaa://`), in either case. */
const WEB_SCHEME = /^a{4,5}:\/\//i;

/**
 * The `format` of a column of strings, asserted only where no value the profile checked
 * contradicts it: `email` and `uuid` when the identity checks found no invalid, padded or
 * otherwise non-standard value; `ipv4`/`ipv6` and `uri` (http/https) when the exact character
 * patterns of every value show one kind; `date`/`date-time` when every value is an ISO 8601
 * date (`yyyy-MM-dd`) or an RFC 3339 timestamp with seconds and zone. Never when the column also
 * holds null spellings (empty, blank, `N/A`), which would fail the format. Sampled identity
 * checks count as evidence; the description says when counts are estimates.
 *
 * @param column a column whose non-null values are all strings
 * @returns the format, or null
 */
export function formatOf(column: ColumnProfile): JsonSchemaFormat | null {
  if (column.valueCount === 0 || textNullCount(column) > 0) return null;
  switch (column.semanticType) {
    case 'email':
      // `junk` placeholders (test@test.com) are invalid as keys but are well-formed addresses.
      return identityClean(column, ['invalidSyntax', 'padded', 'nonAscii']) ? 'email' : null;
    case 'uuid':
      return identityClean(column, ['invalid', 'noDashes', 'braces', 'padded']) && column.identity!.invalid === 0 ? 'uuid' : null;
    case 'ip':
      return ipFamily(column);
    case 'url':
      return column.semanticShare === 1 && patternsCoverAll(column) && column.patterns.every((p) => WEB_SCHEME.test(p.pattern)) ? 'uri' : null;
    default:
      return dateFormatOf(column);
  }
}

/** Identity checks of every value, with none of the listed details. */
function identityClean(column: ColumnProfile, blocking: readonly string[]): boolean {
  const identity = column.identity;
  if (identity === null || identity.checked !== column.valueCount) return false;
  return blocking.every((key) => (identity.details[key] ?? 0) === 0);
}

function ipFamily(column: ColumnProfile): JsonSchemaFormat | null {
  if (column.semanticShare !== 1 || !column.semanticExact || !patternsCoverAll(column)) return null;
  const v6 = column.patterns.filter((p) => p.pattern.includes(':')).length;
  if (v6 === 0) return 'ipv4';
  return v6 === column.patterns.length ? 'ipv6' : null;
}

function dateFormatOf(column: ColumnProfile): JsonSchemaFormat | null {
  const c = column.typeCounts;
  const formats = column.dateFormats;
  if (formats.length === 0 || (column.dates?.invalidCount ?? 0) > 0) return null;
  if (c.date === column.valueCount && formats.every((f) => f.format === 'yyyy-MM-dd')) return 'date';
  if (c.datetime === column.valueCount && formats.every((f) => RFC3339_DATE_TIME.test(f.format))) return 'date-time';
  return null;
}
