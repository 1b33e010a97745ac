/** Overlap of two key sets (hash -> values), measured on the sample they share. */
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

export function compareKeySets(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): Overlap {
  let matched = 0;
  let matchedValuesA = 0;
  let matchedValuesB = 0;
  let oneA = true;
  let oneB = true;
  const [small, large, smallIsA] = a.size <= b.size ? [a, b, true] : [b, a, false];
  for (const [hash, countSmall] of small) {
    const countLarge = large.get(hash);
    if (countLarge === undefined) continue;
    matched++;
    const countA = smallIsA ? countSmall : countLarge;
    const countB = smallIsA ? countLarge : countSmall;
    matchedValuesA += countA;
    matchedValuesB += countB;
    if (countA > 1) oneA = false;
    if (countB > 1) oneB = false;
  }
  return {
    matched,
    distinctA: a.size,
    distinctB: b.size,
    valuesA: sum(a),
    valuesB: sum(b),
    matchedValuesA,
    matchedValuesB,
    oneA,
    oneB,
  };
}

function sum(map: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const v of map.values()) total += v;
  return total;
}
