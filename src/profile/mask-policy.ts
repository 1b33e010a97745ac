import { PERSONAL_TYPES, type SemanticType } from '../model/kinds';
import { semanticFromName } from '../identity/column-name';
import type { ValueStatsState } from './value-stats';

const PERSONAL_SET: ReadonlySet<SemanticType> = new Set(PERSONAL_TYPES);

/** A column whose values match a personal-data type this often has its display values masked. */
export const MASK_SHARE = 0.2;

/**
 * The personal-data type to mask a column's display values as, or null. Decided from value
 * matches and the column name (not the final semantic type), on purpose: a column that is 20% emails leaks
 * emails in its examples whatever its final type.
 */
export function personalTypeOf(stats: ValueStatsState, valueCount: number, columnName: string): SemanticType | null {
  if (valueCount === 0) return null;
  // A column named like personal data is masked whatever its values look like.
  const named = semanticFromName(columnName);
  if (named !== null && PERSONAL_SET.has(named)) return named;
  let best: SemanticType | null = null;
  let bestCount = 0;
  for (const type of PERSONAL_TYPES) {
    const count = stats.semantic[type] ?? 0;
    if (count > bestCount) {
      best = type;
      bestCount = count;
    }
  }
  return bestCount / valueCount >= MASK_SHARE ? best : null;
}
