import type { DatasetProfile } from '../model';
import { identityKeysOf } from '../keys/key-columns';
import { decodeKeyTable } from '../profile/key-table';

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
  /** rows beyond the first of each normalised key value (junk left out) */
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
export function duplicateFactsOf(profile: DatasetProfile): DuplicateFacts | null {
  const composite = new Set(profile.candidateKeys.filter((k) => k.columns.length > 1).flatMap((k) => k.columns));
  let best: DuplicateFacts | null = null;
  for (const state of identityKeysOf(profile).tables) {
    if (!PERSON_KINDS.has(state.kind) || composite.has(state.column)) continue;
    const table = decodeKeyTable(state);
    let values = 0;
    let repeats = 0;
    let repeated = 0;
    for (const c of table.counts) {
      values += c;
      repeats += c - 1;
      if (c > 1) repeated++;
    }
    if (values === 0 || (values - repeats) / values < ENTITY_UNIQUENESS) continue;
    const scale = 2 ** state.level;
    const facts = { column: state.column, duplicateRows: Math.round(repeats * scale), duplicatedValues: Math.round(repeated * scale), exact: state.level === 0 };
    if (best === null || facts.duplicateRows > best.duplicateRows) best = facts;
  }
  return best;
}
