import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KeyKind } from '../../src/identity/key-kind';
import type { Cell } from '../../src/model';
import { computeKnownKeys, helperHashers } from '../../src/profile/known-keys';
import { KeyTable } from '../../src/profile/key-table';

// Values of the kinds whose keys the main thread computes, with the cases a table treats apart:
// padded and mixed-case values, Gmail dots and tags, placeholders (junk), unreadable phones,
// nulls, repeats (the memo) and multi-valued cells.
const emailValue = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom(' Ann.Lee+news@Gmail.com ', 'annlee@gmail.com', 'test@test.com', 'noreply@example.com', 'n/a', '', '  ', 'not an email'),
);
const phoneValue = fc.oneof(
  fc.stringMatching(/^\+?[0-9 ()-]{4,16}$/),
  fc.constantFrom('+44 20 7946 0958', '020 7946 0958', '(020) 7946-0958', '0000000000', '1111111111', 'ext 12', 'NULL', ''),
);
const cell = (value: fc.Arbitrary<string>): fc.Arbitrary<Cell> => fc.oneof({ weight: 8, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.array(value, { maxLength: 3 }) });

/** The table's state fed through `add` alone, and fed records computed elsewhere where there are some. */
function bothWays(kind: KeyKind, cells: readonly Cell[], budget: number) {
  const options = { column: 'c', kind, region: 'GB', budget, mask: true };
  const plain = new KeyTable(options);
  const known = new KeyTable(options);
  const [records] = computeKnownKeys(
    cells.map((c) => [c]),
    [{ index: 0, kind }],
    helperHashers([{ index: 0, kind }], 'GB'),
  );
  const samplings: [number, number][] = [];
  cells.forEach((c, r) => {
    if (c === null || c === undefined) return;
    for (const value of typeof c === 'object' ? c : [c]) {
      if (value === null) continue;
      const text = String(value);
      const a = plain.add(text);
      const b = typeof c === 'string' && !Number.isNaN(records![r * known.stride]!) ? known.addKnown(text, records!, r * known.stride) : known.add(text);
      samplings.push([a, plain.lastSampling], [b, known.lastSampling]);
    }
  });
  return { plain: plain.toRawState(), known: known.toRawState(), samplings };
}

describe('keys computed on another thread', () => {
  it.each([
    ['email', emailValue],
    ['phone', phoneValue],
  ] as const)('count as the table would have counted them itself (%s)', (kind, value) => {
    fc.assert(
      fc.property(fc.array(cell(value), { maxLength: 60 }), fc.constantFrom(4, 1000), (cells, budget) => {
        const { plain, known, samplings } = bothWays(kind, cells, budget);
        expect(known).toEqual(plain);
        // each value gave the same hash and link sampling hash both ways
        for (let i = 0; i < samplings.length; i += 2) expect(samplings[i + 1]).toEqual(samplings[i]);
      }),
      { numRuns: 300 },
    );
  });

  it('are computed only for the columns with hash recipes, and leave nulls and lists to the table', () => {
    const tracked = [
      { index: 0, kind: 'identifier' as const },
      { index: 1, kind: 'email' as const },
    ];
    const hashers = helperHashers(tracked, 'GB');
    expect(hashers.map((h) => h?.kind ?? null)).toEqual([null, 'email']);
    const [ids, emails] = computeKnownKeys(
      [
        ['1', 'ann.lee@fellside.co.uk'],
        ['2', null],
        ['3', ['bob@fellside.co.uk']],
        ['4', 'test@test.com'],
      ],
      tracked,
      hashers,
    );
    expect(ids).toBeNull();
    const stride = hashers[1]!.stride;
    const hashes = [0, 1, 2, 3].map((r) => emails![r * stride]!);
    expect(hashes[0]).toBeGreaterThanOrEqual(0);
    // a null, a list and junk (a placeholder address) are the table's to key
    expect(hashes.slice(1).every(Number.isNaN)).toBe(true);
  });
});
