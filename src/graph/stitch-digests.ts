import { SAMPLING_RECIPE } from '../identity/key-canon';
import { HASH_SPACE, type KeyTableData } from '../profile/key-table';
import { HashIndex } from '../profile/sketches/hash-index';

/**
 * The recipe digests of a plain email or phone column's values, read from its key table. A value
 * missing from the table has no digest below any limit the stitch samples at (the stitch's level
 * is at least the table's), so it has none that matters.
 */
export class PlainDigests {
  private readonly index: HashIndex;
  private readonly width: number;

  constructor(readonly table: KeyTableData) {
    this.width = table.state.recipes.length;
    this.index = new HashIndex(table.hashes.length);
    for (let i = 0; i < table.hashes.length; i++) this.index.add(table.hashes[i]!, i);
  }

  /**
   * The value's sampling hash (its SHA-256 digest's hash). For a value the table does not hold,
   * HASH_SPACE + its hash: above every limit, and one distinct stand-in per value.
   */
  samplingHash(hash: number): number {
    const entry = this.index.get(hash);
    return entry < 0 ? HASH_SPACE + hash : this.table.variants[entry * this.width + SAMPLING_RECIPE]!;
  }

  /** Calls `visit(hash, digest)` for every value of the table under recipe `recipe`. */
  forEach(recipe: number, visit: (hash: number, digest: number) => void): void {
    const { hashes, variants } = this.table;
    for (let i = 0; i < hashes.length; i++) visit(hashes[i]!, variants[i * this.width + recipe]!);
  }
}
