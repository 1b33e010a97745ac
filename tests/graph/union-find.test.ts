import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyedUnionFind, UnionFind } from '../../src/graph/union-find';

function components(sets: UnionFind): number {
  const roots = new Set<number>();
  for (let i = 0; i < sets.count; i++) roots.add(sets.find(i));
  return roots.size;
}

/** Connected components by breadth-first search over an adjacency list. */
function bfsComponents(n: number, edges: readonly [number, number][]): number {
  const adjacent: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    adjacent[a]!.push(b);
    adjacent[b]!.push(a);
  }
  const seen = new Array<boolean>(n).fill(false);
  let count = 0;
  for (let start = 0; start < n; start++) {
    if (seen[start]) continue;
    count++;
    seen[start] = true;
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const next of adjacent[node]!) {
        if (!seen[next]) {
          seen[next] = true;
          queue.push(next);
        }
      }
    }
  }
  return count;
}

describe('UnionFind', () => {
  it('adds elements as singletons and unites them', () => {
    const sets = new UnionFind();
    const ids = [sets.add(), sets.add(), sets.add(), sets.add(), sets.add()];
    expect(ids).toEqual([0, 1, 2, 3, 4]);
    expect(sets.count).toBe(5);
    expect(components(sets)).toBe(5);
    sets.union(0, 1);
    sets.union(3, 4);
    expect(components(sets)).toBe(3);
    expect(sets.find(0)).toBe(sets.find(1));
    expect(sets.find(1)).not.toBe(sets.find(3));
    const root = sets.union(1, 4);
    expect([0, 1, 3, 4].map((i) => sets.find(i))).toEqual([root, root, root, root]);
    expect(sets.find(2)).toBe(2);
    expect(sets.union(0, 3)).toBe(root);
    expect(components(sets)).toBe(2);
  });

  it('unites an element with itself as a no-op', () => {
    const sets = new UnionFind();
    const a = sets.add();
    expect(sets.union(a, a)).toBe(a);
    expect(components(sets)).toBe(1);
  });

  it('handles a long chain', () => {
    const sets = new UnionFind();
    for (let i = 0; i < 100_000; i++) sets.add();
    for (let i = 1; i < 100_000; i++) sets.union(i - 1, i);
    expect(sets.find(0)).toBe(sets.find(99_999));
    expect(components(sets)).toBe(1);
  });

  it('counts as many components as a breadth-first search', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 120 }))),
        ([n, edges]) => {
          const sets = new UnionFind();
          for (let i = 0; i < n; i++) sets.add();
          for (const [a, b] of edges) sets.union(a, b);
          expect(components(sets)).toBe(bfsComponents(n, edges));
          // same root exactly when BFS says connected: check each edge endpoint pair
          for (const [a, b] of edges) expect(sets.find(a)).toBe(sets.find(b));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('KeyedUnionFind', () => {
  it('interns keys once', () => {
    const keyed = new KeyedUnionFind<string>();
    const a = keyed.id('a');
    expect(keyed.id('a')).toBe(a);
    expect(keyed.has('a')).toBe(true);
    expect(keyed.has('b')).toBe(false);
    expect(keyed.lookup('b')).toBeUndefined();
    const b = keyed.id('b');
    keyed.sets.union(a, b);
    expect(keyed.sets.find(keyed.lookup('a')!)).toBe(keyed.sets.find(keyed.lookup('b')!));
    expect(keyed.sets.count).toBe(2);
  });
});
