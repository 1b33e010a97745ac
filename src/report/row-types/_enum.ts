import { isPersonalType } from '../../identity/mask';
import type { ColumnProfile } from '../../model/profile';
import { IDENTITY_TYPES, type SemanticType } from '../../model/semantic';
import type { JsonScalar } from './_json-schema';
import { topValuesComplete } from './_value-types';

/** Most values an enum lists (the profile keeps at most 10 top values). */
const MAX_ENUM_VALUES = 12;
/** Longest value an enum lists: categories are short labels, not free text or user agents. */
const MAX_ENUM_LENGTH = 48;

const IDENTITY: ReadonlySet<SemanticType> = new Set(IDENTITY_TYPES);

/**
 * The `enum` of a low-cardinality column of strings: every distinct value, when the profile
 * lists them all with exact counts and each value repeats (at least twice as many values as
 * distinct ones, so a handful of free-text rows does not become a category) and is a short label.
 * Never for personal data (`isPersonalType`), masked columns, identifiers and URLs (open sets),
 * or columns read as numbers or dates. Null spellings that are strings (empty, tokens) are listed;
 * blank values are not enumerable, so they rule the enum out. JSON null is added by the caller.
 *
 * @param column a column whose non-null values are all strings
 * @returns the values, sorted, or null
 */
export function enumOf(column: ColumnProfile): JsonScalar[] | null {
  const semantic = column.semanticType;
  if (isPersonalType(semantic) || semantic === 'url' || (semantic !== null && IDENTITY.has(semantic))) return null;
  if (column.inferredType !== 'string' && column.inferredType !== 'boolean') return null;
  const distinct = column.distinctCount;
  if (!topValuesComplete(column) || distinct === 0 || distinct > MAX_ENUM_VALUES) return null;
  if (column.valueCount < 2 * distinct || column.nulls.whitespace > 0) return null;
  if (column.lengths !== null && column.lengths.max > MAX_ENUM_LENGTH) return null;
  const values = column.topValues.map((v) => v.value).sort();
  if (column.nulls.empty > 0) values.push('');
  const tokens = Object.entries(column.nulls.tokens).filter(([, count]) => count > 0);
  values.push(...tokens.map(([token]) => token).sort());
  return [...new Set(values)];
}
