import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareKeySets } from '../../src/keys/compare';
import { keySetOf } from '../../src/keys/key-set';

/** The obvious version: maps of hash -> summed count, compared key by key. */
function naive(a: [number, number][], b: [number, number][]) {
  const toMap = (pairs: [number, number][]) => {
    const m = new Map<number, number>();
    for (const [h, c] of pairs) m.set(h, (m.get(h) ?? 0) + c);
    return m;
  };
  const ma = toMap(a);
  const mb = toMap(b);
  let matched = 0, matchedValuesA = 0, matchedValuesB = 0, oneA = true, oneB = true;
  for (const [h, ca] of ma) {
    const cb = mb.get(h);
    if (cb === undefined) continue;
    matched++;
    matchedValuesA += ca;
    matchedValuesB += cb;
    if (ca > 1) oneA = false;
    if (cb > 1) oneB = false;
  }
  const sum = (m: Map<number, number>) => [...m.values()].reduce((s, v) => s + v, 0);
  return { matched, distinctA: ma.size, distinctB: mb.size, valuesA: sum(ma), valuesB: sum(mb), matchedValuesA, matchedValuesB, oneA, oneB };
}

const setOf = (pairs: [number, number][]) =>
  keySetOf(Float64Array.from(pairs.map((p) => p[0])), Float64Array.from(pairs.map((p) => p[1])), pairs.length);

// hashes from a small range collide often (repeats and matches); the full 52-bit range checks the buckets
const hash = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 2 ** 52 - 1 }));
const pairs = fc.array(fc.tuple(hash, fc.integer({ min: 1, max: 5 })), { maxLength: 300 });

describe('key sets', () => {
  it('sorts hashes ascending and sums repeated ones', () => {
    fc.assert(
      fc.property(pairs, (input) => {
        const set = setOf(input);
        for (let i = 1; i < set.hashes.length; i++) expect(set.hashes[i]!).toBeGreaterThan(set.hashes[i - 1]!);
        const expected = new Map<number, number>();
        for (const [h, c] of input) expected.set(h, (expected.get(h) ?? 0) + c);
        expect(new Map([...set.hashes].map((h, i) => [h, set.counts[i]!]))).toEqual(expected);
        expect(set.values).toBe(input.reduce((s, p) => s + p[1], 0));
      }),
    );
  });

  it('compares like maps of hash to count', () => {
    fc.assert(
      fc.property(pairs, pairs, (a, b) => {
        expect(compareKeySets(setOf(a), setOf(b))).toEqual(naive(a, b));
      }),
    );
  });

  it('handles empty sets and hashes at the top of the range', () => {
    expect(compareKeySets(setOf([]), setOf([[5, 1]]))).toMatchObject({ matched: 0, distinctA: 0, distinctB: 1, valuesB: 1 });
    const top = 2 ** 52 - 1;
    expect(compareKeySets(setOf([[top, 2], [0, 1]]), setOf([[top, 1]]))).toMatchObject({ matched: 1, matchedValuesA: 2, oneA: false, oneB: true });
  });
});
