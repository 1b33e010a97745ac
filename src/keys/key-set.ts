/**
 * A column's join keys at one sampling level: distinct hashes in ascending order with the values
 * holding each. Sorted flat arrays, so two sets compare in one merge pass and take 16 bytes a key
 * (a Map of 100,000 boxed hashes takes several times that, and join discovery holds dozens).
 */
export interface KeySet {
  hashes: Float64Array;
  counts: Float64Array;
  /** the sum of counts: values holding a key */
  values: number;
}

/**
 * The key set of `n` (hash, count) pairs, summing the counts of repeated hashes (two values a
 * recipe turns into one digest). Hashes are non-negative integers below 2^52, near uniform:
 * a bucket pass on their high part, then insertion sort within buckets, sorts them in linear time.
 */
export function keySetOf(hashes: Float64Array, counts: Float64Array, n: number): KeySet {
  let max = 0;
  for (let i = 0; i < n; i++) if (hashes[i]! > max) max = hashes[i]!;
  const buckets = 2 ** Math.min(20, Math.max(0, Math.ceil(Math.log2(Math.max(1, n)))));
  const width = (max + 1) / buckets;
  const starts = new Int32Array(buckets + 1);
  const bucketOf = (h: number): number => Math.min(buckets - 1, Math.floor(h / width));
  for (let i = 0; i < n; i++) starts[bucketOf(hashes[i]!) + 1]!++;
  for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!;
  const next = starts.slice(0, buckets);
  const sortedHashes = new Float64Array(n);
  const sortedCounts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const at = next[bucketOf(hashes[i]!)]!++;
    sortedHashes[at] = hashes[i]!;
    sortedCounts[at] = counts[i]!;
  }
  for (let b = 0; b < buckets; b++) insertionSort(sortedHashes, sortedCounts, starts[b]!, starts[b + 1]!);
  // repeated hashes: one entry with the summed count
  let m = 0;
  let values = 0;
  for (let i = 0; i < n; i++) {
    values += sortedCounts[i]!;
    if (m > 0 && sortedHashes[m - 1] === sortedHashes[i]) sortedCounts[m - 1]! += sortedCounts[i]!;
    else {
      sortedHashes[m] = sortedHashes[i]!;
      sortedCounts[m++] = sortedCounts[i]!;
    }
  }
  return { hashes: sortedHashes.subarray(0, m), counts: sortedCounts.subarray(0, m), values };
}

function insertionSort(hashes: Float64Array, counts: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const h = hashes[i]!;
    const c = counts[i]!;
    let j = i - 1;
    while (j >= from && hashes[j]! > h) {
      hashes[j + 1] = hashes[j]!;
      counts[j + 1] = counts[j]!;
      j--;
    }
    hashes[j + 1] = h;
    counts[j + 1] = c;
  }
}
