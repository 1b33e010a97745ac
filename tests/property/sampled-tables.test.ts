import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalKey } from '../../src/identity/key-canon';
import { hashKey } from '../../src/profile/hash';
import { decodeKeyTable, KeyTable, levelLimit } from '../../src/profile/key-table';
import { decodeLinkTable, forEachLink, LinkTable } from '../../src/profile/link-table';

// The streaming tables grow flat arrays and compact them in place each time they sample. These
// tests hold them to a model built without either: the distinct keys (or links) of the whole
// input, the lowest level whose limit keeps at most `budget` of them, and those kept with their
// full counts, in first-seen order.

/** The lowest level at which at most `budget` of `mins` are below the limit. */
function modelLevel(mins: readonly number[], budget: number): number {
  let level = 0;
  while (mins.filter((m) => m < levelLimit(level)).length > budget) level++;
  return level;
}

describe('KeyTable sampling, against a model', () => {
  it('keeps exactly the distinct identifiers below the final limit, with full counts, in first-seen order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 600 }), fc.constantFrom(4, 8, 16, 64, 100_000), (ids, budget) => {
        const table = new KeyTable({ column: 'id', kind: 'identifier', region: 'GB', budget, mask: false });
        for (const id of ids) table.add(`C-${id}`);
        const state = table.toState();

        const counts = new Map<number, number>();
        for (const id of ids) {
          const hash = hashKey(canonicalKey('identifier', `C-${id}`, 'GB')!);
          counts.set(hash, (counts.get(hash) ?? 0) + 1);
        }
        const level = modelLevel([...counts.keys()], budget);
        const kept = [...counts].filter(([hash]) => hash < levelLimit(level));

        const data = decodeKeyTable(state);
        expect(state.level).toBe(level);
        expect([...data.hashes].map((hash, i) => [hash, data.counts[i]])).toEqual(kept);
        expect(state.keyedValues).toBe(ids.length);
      }),
      { numRuns: 200 },
    );
  });
});

// a row: up to 4 (column, value) pairs over 3 columns; repeats within a row count once
const rowArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 120 })), { maxLength: 4 });
const COLUMNS = [
  { name: 'email', kind: 'email' as const },
  { name: 'customer_id', kind: 'identifier' as const },
  { name: 'device', kind: 'uuid' as const },
];

describe('LinkTable sampling, against a model', () => {
  it('keeps exactly the distinct links below the final limit, with full counts, in first-seen order', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 500 }), fc.constantFrom(4, 8, 16, 64, 200_000), (rows, budget) => {
        const table = new LinkTable(COLUMNS, budget);
        // the model: each row's canonical link (pairs sorted, repeats dropped) and its smallest hash
        const links = new Map<string, { count: number; min: number }>();
        let emptyRows = 0;
        for (const row of rows) {
          for (const [column, value] of row) table.addKey(column, hashKey(`${column}/${value}`));
          table.endRow();
          const pairs = [...new Set(row.map(([column, value]) => `${column}:${hashKey(`${column}/${value}`)}`))];
          if (pairs.length === 0) {
            emptyRows++;
            continue;
          }
          const id = pairs
            .map((p) => p.split(':').map(Number) as [number, number])
            .sort((a, b) => a[0] - b[0] || a[1] - b[1])
            .map(([c, h]) => `${c}:${h}`)
            .join('|');
          const min = Math.min(...row.map(([column, value]) => hashKey(`${column}/${value}`)));
          const link = links.get(id);
          if (link === undefined) links.set(id, { count: 1, min });
          else link.count++;
        }
        const level = modelLevel([...links.values()].map((l) => l.min), budget);
        const kept = [...links].filter(([, l]) => l.min < levelLimit(level)).map(([id, l]) => [id, l.count]);

        const state = table.toState();
        const data = decodeLinkTable(state);
        const found: [string, number][] = [];
        forEachLink(data, (count, start, size) => {
          const pairs: string[] = [];
          for (let k = start; k < start + size; k++) pairs.push(`${data.columnsOf[k]}:${data.hashes[k]}`);
          found.push([pairs.join('|'), count]);
        });
        expect(state.level).toBe(level);
        expect(found).toEqual(kept);
        expect(state.emptyRows).toBe(emptyRows);
        expect(state.rows).toBe(rows.length);
      }),
      { numRuns: 200 },
    );
  });
});
