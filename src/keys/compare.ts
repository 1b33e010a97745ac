import type { KeySet } from './key-set';

/** Overlap of two key sets, measured on the sample they share. */
export interface Overlap {
  matched: number;
  distinctA: number;
  distinctB: number;
  valuesA: number;
  valuesB: number;
  matchedValuesA: number;
  matchedValuesB: number;
  /** every matched key holds one value on this side */
  oneA: boolean;
  oneB: boolean;
}

/** Compares two key sets in one merge pass over their sorted hashes. */
export function compareKeySets(a: KeySet, b: KeySet): Overlap {
  let matched = 0;
  let matchedValuesA = 0;
  let matchedValuesB = 0;
  let oneA = true;
  let oneB = true;
  const ha = a.hashes;
  const hb = b.hashes;
  let i = 0;
  let j = 0;
  while (i < ha.length && j < hb.length) {
    const x = ha[i]!;
    const y = hb[j]!;
    if (x < y) i++;
    else if (y < x) j++;
    else {
      const countA = a.counts[i++]!;
      const countB = b.counts[j++]!;
      matched++;
      matchedValuesA += countA;
      matchedValuesB += countB;
      if (countA > 1) oneA = false;
      if (countB > 1) oneB = false;
    }
  }
  return { matched, distinctA: ha.length, distinctB: hb.length, valuesA: a.values, valuesB: b.values, matchedValuesA, matchedValuesB, oneA, oneB };
}
