import { HashIndex } from './hash-index';

/**
 * Misra-Gries frequent-items summary with batched decrements (Agarwal et al., "Mergeable
 * summaries", 2012). Keeps at most 2k counters; when full, subtracts the (k+1)-th largest count
 * from every counter and drops those at or below zero, so each update costs O(1) amortised.
 * A reported count underestimates the true count by at most `error` (total decrement so far),
 * which is at most n / (k + 1).
 *
 * Counters live in flat arrays of fixed size, found by a uniform hash of the key (`hashOf`: the
 * 52-bit hashKey of a text, where two keys sharing a counter is about 3e-11 likely at 513 keys).
 * A Map churned: every reduction shrank its table and the next 2k keys grew it again, and the
 * tables, living across collections, were promoted to the old generation as garbage.
 */
export class HeavyHitters<TKey> {
  error = 0;
  /** counters in use, in first-counted order */
  private size = 0;
  private readonly keys: (TKey | undefined)[];
  private readonly hashes: Float64Array;
  private readonly counts: Float64Array;
  private readonly index: HashIndex;
  /** where reduce sorts the counts */
  private readonly sorted: Float64Array;

  constructor(
    readonly capacity: number,
    private readonly hashOf: (key: TKey) => number,
  ) {
    const slots = 2 * capacity + 1;
    this.keys = new Array<TKey | undefined>(slots).fill(undefined);
    this.hashes = new Float64Array(slots);
    this.counts = new Float64Array(slots);
    this.sorted = new Float64Array(slots);
    this.index = new HashIndex(slots);
  }

  /** Counts `key` `weight` times; `hash` is `hashOf(key)` when the caller has it already. */
  add(key: TKey, weight = 1, hash = this.hashOf(key)): void {
    const entry = this.index.get(hash);
    if (entry >= 0) {
      this.counts[entry]! += weight;
      return;
    }
    const i = this.size++;
    this.keys[i] = key;
    this.hashes[i] = hash;
    this.counts[i] = weight;
    this.index.add(hash, i);
    if (this.size > 2 * this.capacity) this.reduce();
  }

  /** The count of `key`, or 0 when it has no counter. */
  count(key: TKey): number {
    const entry = this.index.get(this.hashOf(key));
    return entry < 0 ? 0 : this.counts[entry]!;
  }

  /** Every counter, in first-counted order. */
  entries(): [TKey, number][] {
    const out: [TKey, number][] = [];
    for (let i = 0; i < this.size; i++) out.push([this.keys[i] as TKey, this.counts[i]!]);
    return out;
  }

  /** Drops to at most `capacity` counters, keeping their order. */
  reduce(): void {
    const n = this.size;
    if (n <= this.capacity) return;
    const { keys, hashes, counts, sorted } = this;
    sorted.set(counts.subarray(0, n));
    const ascending = sorted.subarray(0, n).sort();
    const cut = ascending[n - 1 - this.capacity]!;
    this.error += cut;
    this.index.clear();
    let kept = 0;
    for (let i = 0; i < n; i++) {
      if (counts[i]! <= cut) continue;
      keys[kept] = keys[i];
      hashes[kept] = hashes[i]!;
      counts[kept] = counts[i]! - cut;
      this.index.add(hashes[kept]!, kept);
      kept++;
    }
    // dropped keys are released, not held until their slot is reused
    keys.fill(undefined, kept, n);
    this.size = kept;
  }

  /** The `n` keys with the highest counts, highest first (ties in first-counted order). */
  top(n: number): [TKey, number][] {
    return this.entries()
      .sort((a, b) => b[1] - a[1])
      .slice(0, n);
  }
}
