import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJoins, fromRows, mergeProfiles, profileDataset, stripSketches, type DatasetProfile } from '../../src/index';
import { IDENTITY_KEYS_VERSION } from '../../src/profile/identity-keys';

const at = '2026-11-01T00:00:00.000Z';
const cellValue = fc.oneof(
  fc.constantFrom('', ' ', 'NULL', 'n/a', 'gold', 'silver', 'Y', 'N', '0042', '2024-03-05', '05/03/2024', '25/12/2023', 'a@b.co', 'A@B.CO'),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x.toFixed(2)),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
);
const rowsArb = fc.array(fc.record({ a: cellValue, b: cellValue, c: cellValue }, { requiredKeys: [] }), { minLength: 2, maxLength: 120 });

async function profile(rows: object[], distinctBudget: number): Promise<DatasetProfile> {
  return profileDataset(fromRows(rows, { name: 'parts' }), { profiledAt: at, distinctBudget, mask: false });
}

/** The profile without fields that are estimated or float-rounded; compared exactly. */
function exactPart(p: DatasetProfile): unknown {
  const stripped = stripSketches(p);
  return {
    ...stripped,
    columns: stripped.columns.map((c) => ({
      ...c,
      numeric: c.numeric === null ? null : { ...c.numeric, mean: Math.round(c.numeric.mean * 1e6), stddev: Math.round(c.numeric.stddev * 1e6) },
      lengths: c.lengths === null ? null : { ...c.lengths, mean: Math.round(c.lengths.mean * 1e9) },
      // ties in top values may order differently; compare as sets
      topValues: [...c.topValues].sort((x, y) => y.count - x.count || x.value.localeCompare(y.value)),
      patterns: [...c.patterns].sort((x, y) => y.count - x.count || x.pattern.localeCompare(y.pattern)),
    })),
  };
}

describe('mergeProfiles', () => {
  it('merges two halves into exactly the profile of the whole when under the distinct budget', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb, fc.nat(), async (rows, cut) => {
        const at2 = 1 + (cut % (rows.length - 1));
        const whole = await profile(rows, 10_000);
        const merged = mergeProfiles(await profile(rows.slice(0, at2), 10_000), await profile(rows.slice(at2), 10_000));
        expect(exactPart(merged)).toEqual(exactPart(whole));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps exact counts exact and estimates within bounds past the budget', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 50, max: 3000 }), fc.integer({ min: 1, max: 99 }), async (n, percent) => {
        const rows = Array.from({ length: n }, (_, i) => ({ id: `user-${i}`, group: `g${i % 7}`, amount: String(i % 100) }));
        const cut = Math.max(1, Math.floor((n * percent) / 100));
        const whole = await profile(rows, 64);
        const merged = mergeProfiles(await profile(rows.slice(0, cut), 64), await profile(rows.slice(cut), 64));
        const truth: Record<string, number> = { id: n, group: Math.min(n, 7), amount: Math.min(n, 100) };
        for (const name of ['id', 'group', 'amount']) {
          const m = merged.columns.find((c) => c.name === name)!;
          const w = whole.columns.find((c) => c.name === name)!;
          expect([m.valueCount, m.nullCount, m.typeCounts, m.numeric?.min, m.numeric?.max]).toEqual([w.valueCount, w.nullCount, w.typeCounts, w.numeric?.min, w.numeric?.max]);
          expect(m.distinctExact).toBe(w.distinctExact);
          if (!m.distinctExact) expect(Math.abs(m.distinctCount - truth[name]!) / truth[name]!).toBeLessThan(4 * m.distinctError);
          else expect(m.distinctCount).toBe(w.distinctCount);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('refuses profiles without sketches or made with other options', async () => {
    const a = await profile([{ x: '1' }], 100);
    const b = await profile([{ x: '2' }], 200);
    expect(() => mergeProfiles(a, b)).toThrow(expect.objectContaining({ code: 'E_MERGE_MISMATCH' }));
    expect(() => mergeProfiles(stripSketches(a), a)).toThrow(expect.objectContaining({ code: 'E_INVALID_PROFILE' }));
  });

  it('refuses a profile whose join keys are of an older version, instead of merging keys that cannot meet', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: `C${i}`, email: `p${i}@fellside.co.uk` }));
    const a = await profile(rows, 100);
    const state = a.sketch as { keys: { v: number; links: Record<string, unknown> | null } };
    expect(state.keys.v).toBe(IDENTITY_KEYS_VERSION);
    // version 1 hashed a digest's text (and, earlier still, had no per-link sampling hashes)
    const { mins: _mins, ...older } = state.keys.links!;
    for (const keys of [{ ...state.keys, v: 1 }, { ...state.keys, v: 1, links: older }]) {
      const old = { ...a, sketch: { ...state, keys } };
      expect(() => mergeProfiles(old, a)).toThrow(expect.objectContaining({ code: 'E_INVALID_PROFILE', message: expect.stringContaining('older form') }));
      expect(() => findJoins([old, { ...a, name: 'other' }])).toThrow(expect.objectContaining({ code: 'E_INVALID_PROFILE', message: expect.stringContaining('older form') }));
    }
    expect(() => mergeProfiles(a, a)).not.toThrow();
  });
});
