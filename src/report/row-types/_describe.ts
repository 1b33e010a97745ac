import { isPersonalType } from '../../identity/mask';
import type { ColumnProfile } from '../../model/profile';
import type { SemanticType } from '../../model/semantic';
import { formatCount, formatPercent as pct } from '../_format';
import { truncate } from '../_spans';
import type { JsonSchemaFormat } from './_json-schema';
import { patternsCoverAll, textNullCount } from './_value-types';

const SEMANTIC_LABELS = {
  email: 'Email address',
  phone: 'Phone number',
  uuid: 'UUID',
  hashed: 'Hashed value',
  ga_client_id: 'Google Analytics client id',
  ip: 'IP address',
  url: 'Web address',
  postal_code: 'Postal code',
  country: 'Country',
  first_name: 'First name',
  last_name: 'Last name',
  full_name: 'Full name',
  handle: 'Social media handle',
  identifier: 'Identifier',
} as const satisfies Record<SemanticType, string>;

const PATTERN_LEGEND: readonly (readonly [string, string])[] = [
  ['A', 'A upper-case letter'],
  ['a', 'a lower-case letter'],
  ['9', '9 digit'],
];
/** Longest example quoted, in code points; a longer one is cut and ends in an ellipsis. */
const EXAMPLE_MAX = 60;

export interface DescribeContext {
  /** CSV: every value is text */
  textual: boolean;
  rowCount: number;
  /** the format asserted, if any */
  format: JsonSchemaFormat | null;
  /** whether the property lists its values in an `enum` */
  enumerated: boolean;
}

/**
 * A plain-language description of a column for its property: meaning, how values are written,
 * null shares, arrays, distinct values, why an expected format is not asserted, and an example
 * (masked for personal data; none when personal data was profiled unmasked).
 */
export function describeColumn(column: ColumnProfile, context: DescribeContext): string {
  const parts: string[] = [];
  if (column.semanticType !== null) {
    const algorithm = column.hashAlgorithm === null ? '' : ` (${column.hashAlgorithm})`;
    parts.push(`${SEMANTIC_LABELS[column.semanticType]}${algorithm}, ${pct(column.semanticConfidence)} confidence.`);
  }
  const values = valuesPhrase(column);
  if (values !== null) parts.push(context.textual ? `Read as ${values}.` : `${capitalise(values)}.`);
  const shape = context.enumerated ? null : shapePhrase(column);
  if (shape !== null) parts.push(shape);
  const nulls = nullsPhrase(column, context.rowCount);
  if (nulls !== null) parts.push(nulls);
  if (column.multiValued !== null) {
    const { rows, maxItems } = column.multiValued;
    parts.push(`An array in ${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'} (up to ${formatCount(maxItems)} ${maxItems === 1 ? 'item' : 'items'}).`);
  }
  const distinct = `${formatCount(column.distinctCount)} distinct ${column.distinctCount === 1 ? 'value' : 'values'}`;
  parts.push(column.distinctExact ? `${distinct}.` : `About ${distinct} (estimated).`);
  const caveat = formatCaveat(column, context.format);
  if (caveat !== null) parts.push(caveat);
  const example = examplePhrase(column);
  if (example !== null) parts.push(example);
  return parts.join(' ');
}

function valuesPhrase(column: ColumnProfile): string | null {
  const n = column.numeric;
  const range = n === null ? '' : n.min === n.max ? `, all ${num(n.min)}` : ` from ${num(n.min)} to ${num(n.max)}`;
  switch (column.inferredType) {
    case 'integer':
      return `integers${range}`;
    case 'decimal':
      return `numbers${range}`;
    case 'epoch':
      return `Unix timestamps in ${column.epochUnit === 'ms' ? 'milliseconds' : 'seconds'}`;
    case 'date':
    case 'datetime': {
      const kind = column.inferredType === 'date' ? 'dates' : 'dates and times';
      const formats = column.dateFormats.slice(0, 3).map((f) => f.format);
      const written = formats.length === 0 ? '' : ` written ${formats.join(' or ')} (date-fns format)`;
      return `${kind}${written}${column.dateAmbiguous ? ', day and month order ambiguous' : ''}`;
    }
    case 'boolean':
      return 'true/false values';
    case 'identifier':
      // Digits that must stay text; phone numbers and postcodes written with other characters too say nothing here.
      if (column.typeCounts.string > 0) return null;
      return column.numberFormats.leadingZeros > 0 ? 'codes written with digits, some with leading zeros' : 'codes written with digits';
    case 'mixed':
      return `mixed values: ${column.typeMix.slice(0, 3).map((t) => `${pct(t.share)} ${t.type}`).join(', ')}`;
    case 'empty':
      return 'no values';
    default:
      return null;
  }
}

/** `Every value has the shape A999999 (A upper-case letter, 9 digit).` for codes of fixed shape. */
function shapePhrase(column: ColumnProfile): string | null {
  if (column.inferredType !== 'string' && column.inferredType !== 'identifier') return null;
  const shapes = coveringPatterns(column);
  if (shapes === null || shapes.length > 3) return null;
  const legend = PATTERN_LEGEND.filter(([symbol]) => shapes.some((s) => s.includes(symbol)))
    .map(([, text]) => text);
  const which = shapes.length === 1 ? `the shape ${shapes[0]!}` : `one of the shapes ${shapes.join(', ')}`;
  return `Every value has ${which}${legend.length > 0 ? ` (${legend.join(', ')})` : ''}.`;
}

/** Character patterns when they are exact, whole (not cut) and cover every value; else null. */
export function coveringPatterns(column: ColumnProfile): string[] | null {
  if (column.valueCount === 0 || !patternsCoverAll(column)) return null;
  if (column.patterns.some((p) => p.pattern.endsWith('\u2026'))) return null;
  return column.patterns.map((p) => p.pattern);
}

function nullsPhrase(column: ColumnProfile, rowCount: number): string | null {
  if (rowCount === 0) return null;
  const n = column.nulls;
  const kinds: [string, number][] = [
    ['missing', n.missing],
    ['null', n.jsonNull],
    ['empty', n.empty],
    ['blank', n.whitespace],
    ...Object.entries(n.tokens).map(([token, c]): [string, number] => [JSON.stringify(token), c]),
  ];
  const found = kinds.filter(([, c]) => c > 0).map(([kind, c]) => `${kind} in ${pct(c / rowCount)}`);
  if (found.length === 0) return null;
  return `${capitalise(found.join(', '))} of rows.`;
}

function formatCaveat(column: ColumnProfile, format: JsonSchemaFormat | null): string | null {
  if (format !== null || (column.semanticType !== 'email' && column.semanticType !== 'uuid') || column.identity === null) return null;
  const d = column.identity.details;
  const reasons: [string, number][] = [
    ['with invalid syntax', column.semanticType === 'email' ? (d['invalidSyntax'] ?? 0) : (d['invalid'] ?? 0)],
    ['padded with spaces', d['padded'] ?? 0],
    ['non-ASCII', d['nonAscii'] ?? 0],
    ['in braces', d['braces'] ?? 0],
    ['without dashes', d['noDashes'] ?? 0],
    ['null spellings (empty, blank or a null token)', textNullCount(column)],
  ];
  const found = reasons.filter(([, c]) => c > 0).map(([why, c]) => `${formatCount(c)} ${why}`);
  if (found.length === 0) return null;
  const sampled = column.identity.exact ? '' : ' (sampled)';
  return `No format "${column.semanticType}" asserted: ${found.join(', ')}${sampled}.`;
}

function examplePhrase(column: ColumnProfile): string | null {
  const example = column.examples[0];
  if (example === undefined) return null;
  // Privacy by default: raw personal values never reach the schema.
  if (isPersonalType(column.semanticType) && !column.masked) return null;
  return `Example${column.masked ? ' (masked)' : ''}: ${JSON.stringify(truncate(example, EXAMPLE_MAX))}.`;
}

function num(n: number): string {
  return Number(n.toPrecision(12)).toLocaleString('en-US', { maximumFractionDigits: 12 });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
