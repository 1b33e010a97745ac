import type { DatasetProfile } from '../model';
import { keyColumnsOf, keySetAt } from '../keys/key-columns';

/** Person keys that, repeated in a customer list, mean one person entered twice. */
const PERSON_KINDS = new Set(['email', 'phone', 'hashed', 'handle']);
/**
 * A column whose values are at least this unique lists customers; below it, rows are events or
 * memberships that repeat a person by design.
 */
export const ENTITY_UNIQUENESS = 0.8;

export interface DuplicateFacts {
  /** the person key that shows the most duplicates */
  column: string;
  /** rows beyond the first of each normalised key value (junk, placeholders and shared values, left out) */
  duplicateRows: number;
  /** distinct normalised values that occur more than once */
  duplicatedValues: number;
  exact: boolean;
}

/**
 * Duplicate customers inside one dataset: rows that share a normalised person key (email, phone,
 * hashed email, handle). Only for datasets whose rows are customers: the key is mostly unique and
 * is not part of a composite candidate key (an email listed once per mailing list is no duplicate).
 * Null when no column qualifies.
 */
export function duplicateFactsOf(profile: DatasetProfile, junk: ReadonlyMap<string, ReadonlySet<number>> = new Map()): DuplicateFacts | null {
  const composite = new Set(profile.candidateKeys.filter((k) => k.columns.length > 1).flatMap((k) => k.columns));
  let best: DuplicateFacts | null = null;
  for (const column of keyColumnsOf(profile, junk)) {
    if (!PERSON_KINDS.has(column.kind) || composite.has(column.profile.name)) continue;
    // the keys at the table's own level (junk left out), scaled up from the sample
    const level = column.table.state.level;
    let values = 0;
    let repeats = 0;
    let repeated = 0;
    for (const count of keySetAt(column, level).counts) {
      values += count;
      repeats += count - 1;
      if (count > 1) repeated++;
    }
    if (values === 0 || (values - repeats) / values < ENTITY_UNIQUENESS) continue;
    const scale = 2 ** level;
    const facts = { column: column.profile.name, duplicateRows: Math.round(repeats * scale), duplicatedValues: Math.round(repeated * scale), exact: level === 0 };
    if (best === null || facts.duplicateRows > best.duplicateRows) best = facts;
  }
  return best;
}
