import type { Cell } from '../model';
import type { TrackedColumn } from './identity-keys';
import { JUNK_KEY, KeyHasher, NO_KEY, RECORD_HASH } from './key-hasher';
import { isNullLike } from './null-like';

/**
 * Per tracked column, the key records (see KeyHasher) of one batch's values, `stride` numbers
 * a row, or null for a column whose keys were not computed. In a record, a negative hash says
 * the value gave no key and NaN says its table computes it (a null, junk, or not one string).
 */
export type KnownKeys = (Float64Array | null)[];

/** A hash that leaves the value to its table (KeyTable.add). */
export const UNKNOWN_KEY = Number.NaN;
/** A hash that says the value gave no key. */
export const NO_KEY_HASH = -1;

/**
 * The hashers the main thread keys a batch with when the worker is behind: the tracked columns
 * with hash recipes (emails and phones), whose digests are most of the worker's work.
 */
export function helperHashers(tracked: readonly TrackedColumn[], region: string): (KeyHasher | null)[] {
  return tracked.map((t) => {
    const hasher = new KeyHasher(t.kind, region);
    return hasher.recipes.length > 0 ? hasher : null;
  });
}

/** The key records of `batch` for the tracked columns that have a hasher. */
export function computeKnownKeys(batch: readonly (readonly Cell[])[], tracked: readonly TrackedColumn[], hashers: readonly (KeyHasher | null)[]): KnownKeys {
  return tracked.map((t, i) => {
    const hasher = hashers[i] ?? null;
    if (hasher === null) return null;
    const { stride } = hasher;
    const records = new Float64Array(batch.length * stride);
    for (let r = 0; r < batch.length; r++) {
      const cell = batch[r]![t.index];
      const at = r * stride;
      if (typeof cell !== 'string' || isNullLike(cell)) {
        records[at + RECORD_HASH] = UNKNOWN_KEY;
        continue;
      }
      const outcome = hasher.key(cell, records, at);
      if (outcome === NO_KEY) records[at + RECORD_HASH] = NO_KEY_HASH;
      else if (outcome === JUNK_KEY) records[at + RECORD_HASH] = UNKNOWN_KEY;
    }
    return records;
  });
}

/** The buffers of `keys`, to transfer rather than copy. */
export function knownKeysBuffers(keys: KnownKeys | null): ArrayBuffer[] {
  return (keys ?? []).flatMap((records) => (records === null ? [] : [records.buffer as ArrayBuffer]));
}
