import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseShape } from '../../src/identity/shape';
import { hashKey, hashString, lastHash2 } from '../../src/profile/hash';
import { HeavyHitters } from '../../src/profile/sketches/heavy-hitters';
import { HLL_RELATIVE_ERROR, HyperLogLog } from '../../src/profile/sketches/hll';
import { KLL_RANK_ERROR, KllSketch } from '../../src/profile/sketches/kll';
import { addMoment, createMoments, mergeMoments, stddevOf } from '../../src/profile/sketches/moments';

describe('hashString', () => {
  it('hashes as the shape pass does, so one HyperLogLog can take values from either', () => {
    // Columns past their budget hash values in the shape pass, padded values and the exact phase
    // with hashString: the two must agree or distinct counts double up.
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        const shape = analyseShape(value);
        expect([hashString(value), lastHash2()]).toEqual([shape.hash1, shape.hash2]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('HyperLogLog', () => {
  it.each([100, 10_000, 300_000])('estimates %i distinct values within 3 standard errors', (n) => {
    const hll = new HyperLogLog();
    for (let i = 0; i < n; i++) hll.add(hashString(`user-${i}@example.com`), lastHash2());
    for (let i = 0; i < n; i++) hll.add(hashString(`user-${i}@example.com`), lastHash2());
    expect(Math.abs(hll.estimate() - n) / n).toBeLessThan(3 * HLL_RELATIVE_ERROR);
  });

  it('merges two sketches into the sketch of the union', () => {
    const a = new HyperLogLog();
    const b = new HyperLogLog();
    const whole = new HyperLogLog();
    for (let i = 0; i < 50_000; i++) {
      const h1 = hashString(String(i));
      const h2 = lastHash2();
      (i % 3 === 0 ? a : b).add(h1, h2);
      whole.add(h1, h2);
    }
    a.merge(b);
    expect(a.estimate()).toBe(whole.estimate());
    expect(HyperLogLog.fromState(a.toState()).estimate()).toBe(whole.estimate());
  });
});

describe('KllSketch', () => {
  it('answers quantiles within its rank error bound', () => {
    const sketch = new KllSketch();
    const n = 200_000;
    // A permutation of 0..n-1, so the true rank of v is v / n.
    for (let i = 0; i < n; i++) sketch.add((i * 7919) % n);
    for (const q of [0.01, 0.25, 0.5, 0.75, 0.99]) {
      expect(Math.abs(sketch.quantile(q) / n - q)).toBeLessThan(KLL_RANK_ERROR);
    }
  });

  it('merges parts within the same bound', () => {
    const a = new KllSketch();
    const b = new KllSketch();
    const n = 100_000;
    for (let i = 0; i < n; i++) (i < n / 3 ? a : b).add(i);
    a.merge(KllSketch.fromState(b.toState()));
    expect(a.n).toBe(n);
    expect(Math.abs(a.quantile(0.5) / n - 0.5)).toBeLessThan(KLL_RANK_ERROR);
  });
});

describe('HeavyHitters', () => {
  it('keeps frequent items with counts low by at most n / (k + 1)', () => {
    const hh = new HeavyHitters<string>(10, hashKey);
    const n = 100_000;
    for (let i = 0; i < n; i++) hh.add(i % 4 === 0 ? 'frequent' : `rare-${i}`);
    const [key, count] = hh.top(1)[0]!;
    expect(key).toBe('frequent');
    expect(count).toBeLessThanOrEqual(n / 4);
    expect(n / 4 - count).toBeLessThanOrEqual(hh.error);
    expect(hh.error).toBeLessThanOrEqual(n / 11);
  });

  /** The summary as a Map (how it was first written): what the flat arrays must reproduce. */
  function mapSummary(capacity: number, items: readonly [string, number][]): { entries: [string, number][]; error: number } {
    const counts = new Map<string, number>();
    let error = 0;
    for (const [key, weight] of items) {
      counts.set(key, (counts.get(key) ?? 0) + weight);
      if (counts.size <= 2 * capacity) continue;
      const cut = [...counts.values()].sort((a, b) => b - a)[capacity]!;
      error += cut;
      for (const [k, c] of counts) {
        if (c <= cut) counts.delete(k);
        else counts.set(k, c - cut);
      }
    }
    return { entries: [...counts], error };
  }

  it('keeps the counters, their order and the error of the Map-based summary', () => {
    const item = fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'), fc.integer({ min: 1, max: 20 }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(item, { maxLength: 300 }), (capacity, items) => {
        const hh = new HeavyHitters<string>(capacity, hashKey);
        for (const [key, weight] of items) hh.add(key, weight);
        expect({ entries: hh.entries(), error: hh.error }).toEqual(mapSummary(capacity, items));
      }),
      { numRuns: 500 },
    );
  });

  it('counts a key given with its hash as the same key', () => {
    const hh = new HeavyHitters<string>(4, hashKey);
    hh.add('x', 2);
    hh.add('x', 3, hashKey('x'));
    expect(hh.count('x')).toBe(5);
    expect(hh.count('y')).toBe(0);
  });

  it('drops the counters at or below the cut', () => {
    const hh = new HeavyHitters<string>(2, hashKey);
    for (const key of ['keep', 'keep', 'keep', 'a', 'b', 'c', 'd']) hh.add(key);
    expect(hh.entries()).toEqual([['keep', 2]]);
    expect(hh.top(5)).toEqual([['keep', 2]]);
  });
});

describe('moments', () => {
  it('merges halves to the mean and deviation of the whole', () => {
    const values = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 100 + i / 7);
    const whole = createMoments();
    const a = createMoments();
    const b = createMoments();
    values.forEach((v, i) => {
      addMoment(whole, v);
      addMoment(i < 400 ? a : b, v);
    });
    const merged = mergeMoments(a, b);
    expect(merged.mean).toBeCloseTo(whole.mean, 9);
    expect(stddevOf(merged)).toBeCloseTo(stddevOf(whole), 9);
    expect([merged.min, merged.max]).toEqual([whole.min, whole.max]);
  });

  it('treats a weight as repeated values', () => {
    const weighted = createMoments();
    addMoment(weighted, 5, 3);
    addMoment(weighted, 1, 1);
    const repeated = createMoments();
    for (const v of [5, 5, 5, 1]) addMoment(repeated, v);
    expect(weighted.mean).toBeCloseTo(repeated.mean, 12);
    expect(stddevOf(weighted)).toBeCloseTo(stddevOf(repeated), 12);
  });
});
