/**
 * Misra-Gries frequent-items summary with batched decrements (Agarwal et al., "Mergeable
 * summaries", 2012). Keeps at most 2k counters; when full, subtracts the (k+1)-th largest count
 * from every counter and drops those at or below zero, so each update costs O(1) amortised.
 * A reported count underestimates the true count by at most `error` (total decrement so far),
 * which is at most n / (k + 1).
 */
export class HeavyHitters<TKey> {
  readonly counts = new Map<TKey, number>();
  error = 0;

  constructor(readonly capacity: number) {}

  add(key: TKey, weight = 1): void {
    const counts = this.counts;
    counts.set(key, (counts.get(key) ?? 0) + weight);
    if (counts.size > 2 * this.capacity) this.reduce();
  }

  merge(other: HeavyHitters<TKey>): void {
    for (const [key, count] of other.counts) this.counts.set(key, (this.counts.get(key) ?? 0) + count);
    this.error += other.error;
    if (this.counts.size > 2 * this.capacity) this.reduce();
  }

  /** Drops to at most `capacity` counters. */
  reduce(): void {
    if (this.counts.size <= this.capacity) return;
    const sorted = [...this.counts.values()].sort((a, b) => b - a);
    const cut = sorted[this.capacity]!;
    this.error += cut;
    for (const [key, count] of this.counts) {
      if (count <= cut) this.counts.delete(key);
      else this.counts.set(key, count - cut);
    }
  }

  /** The `n` keys with the highest counts, highest first. */
  top(n: number): [TKey, number][] {
    return [...this.counts].sort((a, b) => b[1] - a[1]).slice(0, n);
  }
}
