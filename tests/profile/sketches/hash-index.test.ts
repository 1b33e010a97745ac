import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HashIndex } from '../../../src/profile/sketches/hash-index';
import { decodeLinkTable, LinkTable, mergeLinkTables } from '../../../src/profile/link-table';

const hash52 = fc.integer({ min: 0, max: 2 ** 31 - 1 }).chain((hi) => fc.integer({ min: 0, max: 2 ** 21 - 1 }).map((lo) => hi * 2 ** 21 + lo));

describe('HashIndex', () => {
  it('finds every key it was given, across growth, and nothing else (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(hash52, { maxLength: 3000 }), fc.array(hash52, { maxLength: 50 }), (keys, probes) => {
        const index = new HashIndex(4);
        keys.forEach((k, i) => index.add(k, i));
        expect(index.size).toBe(keys.length);
        keys.forEach((k, i) => expect(index.get(k)).toBe(i));
        const known = new Set(keys);
        for (const p of probes) if (!known.has(p)) expect(index.get(p)).toBe(-1);
      }),
      { numRuns: 60 },
    );
  });

  it('tells apart entries whose keys collide, and forgets everything on clear', () => {
    const index = new HashIndex();
    index.add(42, 0);
    index.add(42, 1);
    expect(index.get(42, (e) => e === 1)).toBe(1);
    expect(index.get(42, (e) => e === 0)).toBe(0);
    expect(index.get(42, () => false)).toBe(-1);
    index.clear();
    expect(index.get(42)).toBe(-1);
    expect(index.size).toBe(0);
  });
});

describe('LinkTable', () => {
  it('counts a row once per distinct set of keys, whatever their order and repeats (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 4, selector: (t) => t.join() }), { minLength: 1, maxLength: 40 }), (rows) => {
        const build = (flip: boolean): LinkTable => {
          const table = new LinkTable([0, 1, 2, 3].map((i) => ({ name: `c${i}`, kind: 'email' as const })), 1000);
          for (const pairs of rows) {
            const ordered = flip ? [...pairs].reverse() : pairs;
            // a repeated pair (a multi-valued cell naming one key twice) counts once
            for (const [c, h] of [...ordered, ordered[0]!]) table.addKey(c, h * 1e9);
            table.endRow();
          }
          return table;
        };
        const a = build(false).toState();
        const b = build(true).toState();
        expect(b).toEqual(a);
        const distinct = new Set(rows.map((pairs) => JSON.stringify([...pairs].sort((x, y) => x[0] - y[0] || x[1] - y[1]))));
        const data = decodeLinkTable(a);
        expect(data.counts.length).toBe(distinct.size);
        expect(data.counts.reduce((s, c) => s + c, 0)).toBe(rows.length);
      }),
      { numRuns: 100 },
    );
  });
});

describe('mergeLinkTables', () => {
  const part = (kind: 'email' | 'phone', hashes: number[], dropped = false) => {
    const t = new LinkTable([{ name: 'c0', kind }], 1000);
    for (const h of hashes) {
      t.addKey(0, h);
      t.endRow();
    }
    const state = t.toState();
    return dropped ? { ...state, columns: state.columns.map((c) => ({ ...c, dropped: true })) } : state;
  };

  it('keeps a column dropped by either part dropped, whichever comes first', () => {
    const a = part('email', [1, 2]);
    const b = part('email', [2, 3], true);
    expect(mergeLinkTables(a, b).columns[0]!.dropped).toBe(true);
    expect(mergeLinkTables(b, a).columns[0]!.dropped).toBe(true);
  });

  it('drops a column tracked as two kinds, and counts the rows it leaves keyless', () => {
    const merged = mergeLinkTables(part('email', [1, 2]), part('phone', [5, 6, 7]));
    expect(merged.columns[0]!.dropped).toBe(true);
    expect(merged.rows).toBe(5);
    // the phone part's rows lost their only key: they are rows without keys, not lost rows
    expect(merged.emptyRows).toBe(3);
  });
});
