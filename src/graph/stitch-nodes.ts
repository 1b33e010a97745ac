import { HashIndex } from '../profile/sketches/hash-index';
import { UnionFind } from './union-find';

/**
 * The identity values of the stitch as union-find elements, found by (key space, hash) through
 * one HashIndex per space: numbers in flat arrays, no object or string per value.
 */
export class StitchNodes {
  readonly sets = new UnionFind();
  private readonly index: HashIndex[] = [];
  readonly hash: number[] = [];
  /** the column (an index into the stitch's used columns, which names its dataset) that first held the value */
  readonly column: number[] = [];
  /** distinct row combinations (links) the value appears in */
  readonly links: number[] = [];
  /** the hash the value was sampled on (see samplingHash): a profile's chance of being sampled counts these */
  readonly sampling: number[] = [];

  get size(): number {
    return this.hash.length;
  }

  /** The node of `hash` in `space`, or -1. */
  find(space: number, hash: number): number {
    return this.index[space]?.get(hash) ?? -1;
  }

  /** The node of `hash` in `space`, created for `column` when new. */
  add(space: number, hash: number, column: number, sampling: number): number {
    let index = this.index[space];
    if (index === undefined) this.index[space] = index = new HashIndex();
    const known = index.get(hash);
    if (known >= 0) return known;
    const id = this.sets.add();
    index.add(hash, id);
    this.hash.push(hash);
    this.column.push(column);
    this.links.push(0);
    this.sampling.push(sampling);
    return id;
  }
}
