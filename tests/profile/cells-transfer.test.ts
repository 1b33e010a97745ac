import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCells, encodeCells } from '../../src/profile/_cells-transfer';
import type { Cell } from '../../src/model';

const scalar = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
const cell: fc.Arbitrary<Cell> = fc.oneof(scalar, fc.constant(undefined), fc.array(scalar, { maxLength: 3 }));

describe('encodeCells / decodeCells', () => {
  it('gives back exactly the cells of the slots, undefined, NaN, -0 and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { maxLength: 20 }), fc.subarray([0, 1, 2, 3]), (batch, slots) => {
        const rows = decodeCells(structuredClone(encodeCells(batch, slots)));
        expect(rows).toHaveLength(batch.length);
        rows.forEach((row, r) => {
          expect(row).toHaveLength(slots.length);
          slots.forEach((slot, k) => expect(row[k]).toStrictEqual(batch[r]![slot]));
        });
      }),
    );
  });

  it('sends CSV and NDJSON cells as JSON text, and falls back to v8 for values JSON would change', () => {
    expect(encodeCells([['a', 'b'], ['c', 'd']], [1])).toEqual({ json: '[["b"],["d"]]', width: 1, absent: [] });
    expect(encodeCells([[1, undefined, null, ['x', 2]]], [0, 1, 2, 3])).toEqual({ json: '[[1,null,null,["x",2]]]', width: 4, absent: [1] });
    for (const odd of [Number.NaN, -0, Number.POSITIVE_INFINITY, [1, Number.NaN]]) expect('v8' in encodeCells([[odd as Cell]], [0])).toBe(true);
  });
});
