import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureCosts, passesBudget, shareWork, workerSlots, type PassCosts } from '../../src/profile/share-work';
import { profileFirstRows } from '../../src/profile/identity-keys';
import { resolveProfileOptions } from '../../src/profile/options';

const costs = (over: Partial<PassCosts>): PassCosts => ({ read: 1, columns: [1, 1, 1, 1], keys: 1, send: 0, receive: 0, ...over });
const loads = (c: PassCosts, tracked: number[], columns: number[]): [number, number] => {
  const sent = new Set([...tracked, ...columns]);
  const main = c.read + c.send * sent.size + c.columns.reduce((sum, cost, i) => sum + (columns.includes(i) ? 0 : cost), 0);
  const worker = c.keys + c.receive * sent.size + columns.reduce((sum, i) => sum + c.columns[i]!, 0);
  return [main, worker];
};

describe('shareWork', () => {
  it('gives the worker columns until both threads are as busy', () => {
    const columns = shareWork(costs({ read: 2, keys: 0, columns: [1, 1, 1, 1] }), []);
    expect(columns).toHaveLength(3);
    expect(Math.max(...loads(costs({ read: 2, keys: 0 }), [], columns))).toBe(3);
  });

  it('keeps every column on the main thread when the identity keys alone outweigh reading and profiling', () => {
    expect(shareWork(costs({ read: 1, keys: 10 }), [{ index: 0, kind: 'email' }])).toEqual([]);
  });

  it('counts the transfer of a column the worker does not receive yet, and not of a tracked one', () => {
    // Receiving a cell costs the worker more than profiling it, except for the tracked column's, received anyway:
    // of two columns that cost the same, only the tracked one moves.
    expect(shareWork(costs({ read: 10, keys: 0, columns: [3, 3], send: 0, receive: 10 }), [{ index: 1, kind: 'phone' }])).toEqual([1]);
    // the same worker load without the tracked column: now column 1 would cost its transfer too, and stays
    expect(shareWork(costs({ read: 10, keys: 10, columns: [3, 3], send: 0, receive: 10 }), [])).toEqual([]);
  });

  it('never leaves the busier thread busier than with every column on the main thread', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.array(fc.nat(29), { maxLength: 5 }),
        (columns, read, keys, send, receive, trackedAt) => {
          const c: PassCosts = { read, keys, columns, send, receive };
          const tracked = [...new Set(trackedAt.filter((i) => i < columns.length))].map((index) => ({ index, kind: 'identifier' as const }));
          const given = shareWork(c, tracked);
          const allOnMain = Math.max(...loads(c, tracked.map((t) => t.index), []));
          expect(Math.max(...loads(c, tracked.map((t) => t.index), given))).toBeLessThanOrEqual(allOnMain + 1e-9);
          expect(given).toEqual([...new Set(given)].sort((a, b) => a - b));
        },
      ),
    );
  });
});

describe('workerSlots', () => {
  it('sends the worker the cells of the tracked columns and of its own, each once, in column order', () => {
    expect(workerSlots([{ index: 4, kind: 'phone' }, { index: 1, kind: 'email' }], [4, 2])).toEqual([1, 2, 4]);
    expect(workerSlots([], [])).toEqual([]);
  });
});

describe('measureCosts', () => {
  it('times each column, the identity keys and the transfer of a cell, per row', () => {
    const rows = Array.from({ length: 500 }, (_, i) => [`user${i}@fellside.co.uk`, i % 3 === 0 ? 'gold' : 'silver', String(i)]);
    const names = ['email', 'tier', 'n'];
    const options = resolveProfileOptions({});
    const c = measureCosts(names, rows, [{ index: 0, kind: 'email' }], 0.01, options, profileFirstRows(names, rows, options), 500);
    expect(c.read).toBe(0.01);
    expect(c.columns).toHaveLength(3);
    for (const value of [...c.columns, c.keys, c.send, c.receive]) expect(value).toBeGreaterThan(0);
    // an email column costs its recipe digests on top of the profile: more than a column of three values
    expect(c.keys).toBeGreaterThan(c.columns[1]!);
  });

  it('times a column that will pass the distinct budget as it will mostly run: analysing every value', () => {
    // Phone numbers, all distinct: counted exactly on the first rows, each checked once by
    // libphonenumber-js; past the budget, checked on a sample. Timed exactly, they looked ten times dearer.
    const names = ['phone', 'tier'];
    const rows = Array.from({ length: 2000 }, (_, i) => [`+44 7700 ${String(900000 + i)}`, ['gold', 'silver', 'bronze'][i % 3]!]);
    const [phone, tier] = profileFirstRows(names, rows, resolveProfileOptions({}));
    expect(passesBudget(phone!, 1_000_000, 50_000)).toBe(true);
    // 2,000 rows stay within the budget of 50,000, and three tiers stay within it however many rows
    expect(passesBudget(phone!, 2000, 50_000)).toBe(false);
    expect(passesBudget(tier!, 1_000_000, 50_000)).toBe(false);
  });
});
