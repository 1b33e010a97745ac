import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KeyKind } from '../../src/identity/key-kind';
import { findJoins } from '../../src/keys/find-joins';
import { hashKey } from '../../src/profile/hash';
import { profileDataset } from '../../src/profile/dataset';
import { mergeProfiles } from '../../src/profile/merge';
import { decodeKeyTable, KeyTable, mergeKeyTables, type KeyTableState } from '../../src/profile/key-table';
import { decodeLinkTable, forEachLink, LinkTable, mergeLinkTables, type LinkTableState } from '../../src/profile/link-table';

const emailLike = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom('', ' ', 'UPPER')).map(([i, pad]) => (pad === 'UPPER' ? `Person.${i}@Fellside.CO.UK` : `${pad}person.${i}@fellside.co.uk${pad}`)) },
  { weight: 1, arbitrary: fc.constantFrom('test@test.com', 'noemail@fellside.co.uk', 'j.smith+x@gmail.com', 'jsmith@gmail.com') },
);
const idLike = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 400 }).map((i) => (i % 3 === 0 ? `000${i}.0` : `C-${i}`)) },
  { weight: 1, arbitrary: fc.constantFrom('unknown', 'n/a', '123456789', '') },
);
const valuesArb = fc.oneof(
  fc.tuple(fc.constant<KeyKind>('email'), fc.array(emailLike, { maxLength: 400 })),
  fc.tuple(fc.constant<KeyKind>('identifier'), fc.array(idLike, { maxLength: 400 })),
);

function keyTable(kind: KeyKind, values: readonly string[], budget: number): KeyTableState {
  const t = new KeyTable({ column: 'c', kind, region: 'GB', budget, mask: false });
  for (const v of values) if (v.trim().length > 0) t.add(v);
  return t.toState();
}

/** What must agree between a merge and the whole: keys with counts and variants, level, totals, junk counts. */
function keyTableFacts(state: KeyTableState): unknown {
  const data = decodeKeyTable(state);
  const width = state.recipes.length;
  const keys = new Map<number, [number, number[]]>();
  data.hashes.forEach((h, i) => keys.set(h, [data.counts[i]!, Array.from(data.variants.subarray(i * width, (i + 1) * width))]));
  return {
    level: state.level,
    keys,
    keyedValues: state.keyedValues,
    unkeyedValues: state.unkeyedValues,
    junk: new Map(state.junk.map((j) => [j.hash, [j.count, j.reason]])),
  };
}

describe('mergeKeyTables', () => {
  it('gives the table of the whole, under the budget and past it', () => {
    fc.assert(
      fc.property(valuesArb, fc.nat(), fc.constantFrom(16, 24, 32, 64, 100_000), ([kind, values], cut, budget) => {
        const at = values.length === 0 ? 0 : cut % (values.length + 1);
        const whole = keyTable(kind, values, budget);
        const merged = mergeKeyTables(keyTable(kind, values.slice(0, at), budget), keyTable(kind, values.slice(at), budget));
        expect(keyTableFacts(merged)).toEqual(keyTableFacts(whole));
      }),
      { numRuns: 200 },
    );
  });

  it('is past the budget for many distinct values', () => {
    const values = Array.from({ length: 1000 }, (_, i) => `person.${i}@fellside.co.uk`);
    const whole = keyTable('email', values, 16);
    const merged = mergeKeyTables(keyTable('email', values.slice(0, 300), 16), keyTable('email', values.slice(300), 16));
    expect(whole.level).toBeGreaterThan(0);
    expect(keyTableFacts(merged)).toEqual(keyTableFacts(whole));
  });
});

// rows of identity keys: per row, up to 3 (column, value) pairs over 3 columns
const rowArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 300 })), { maxLength: 3 });
const LINK_COLUMNS: { name: string; kind: KeyKind }[] = [
  { name: 'email', kind: 'email' },
  { name: 'customer_id', kind: 'identifier' },
  { name: 'device', kind: 'uuid' },
];

function linkTable(rows: readonly (readonly [number, number])[][], budget: number): LinkTableState {
  const t = new LinkTable(LINK_COLUMNS, budget);
  for (const row of rows) {
    for (const [column, value] of row) t.addKey(column, hashKey(`${column}/${value}`));
    t.endRow();
  }
  return t.toState();
}

function linkFacts(state: LinkTableState): unknown {
  const data = decodeLinkTable(state);
  const links = new Map<string, number>();
  forEachLink(data, (count, start, size) => {
    const pairs: string[] = [];
    for (let k = start; k < start + size; k++) pairs.push(`${state.columns[data.columnsOf[k]!]!.name}:${data.hashes[k]!}`);
    const id = [...new Set(pairs)].sort().join('|');
    links.set(id, (links.get(id) ?? 0) + count);
  });
  return { level: state.level, links, emptyRows: state.emptyRows, rows: state.rows, columns: state.columns.map((c) => c.name).sort() };
}

describe('mergeLinkTables', () => {
  it('gives the link table of the whole, under the budget and past it', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 400 }), fc.nat(), fc.constantFrom(16, 32, 64, 200_000), (rows, cut, budget) => {
        const at = rows.length === 0 ? 0 : cut % (rows.length + 1);
        const whole = linkTable(rows, budget);
        const merged = mergeLinkTables(linkTable(rows.slice(0, at), budget), linkTable(rows.slice(at), budget));
        expect(linkFacts(merged)).toEqual(linkFacts(whole));
      }),
      { numRuns: 200 },
    );
  });

  it('matches columns by name when the parts tracked different columns', () => {
    const a = new LinkTable([LINK_COLUMNS[0]!], 100);
    a.addKey(0, hashKey('x'));
    a.endRow();
    const b = new LinkTable([LINK_COLUMNS[1]!, LINK_COLUMNS[0]!], 100);
    b.addKey(1, hashKey('x'));
    b.addKey(0, hashKey('c1'));
    b.endRow();
    b.addKey(1, hashKey('x'));
    b.endRow();
    const merged = mergeLinkTables(a.toState(), b.toState());
    expect(merged.columns.map((c) => c.name)).toEqual(['email', 'customer_id']);
    expect(linkFacts(merged)).toMatchObject({
      links: new Map([
        [`email:${hashKey('x')}`, 2],
        [[`customer_id:${hashKey('c1')}`, `email:${hashKey('x')}`].sort().join('|'), 1],
      ]),
      rows: 3,
    });
  });
});

describe('mergeProfiles and findJoins', () => {
  const crm = Array.from({ length: 240 }, (_, i) => ({
    customer_id: `C-${1000 + i}`,
    email: i % 5 === 0 ? ` Person.${i}@Fellside.co.uk` : `person.${i}@fellside.co.uk`,
    tier: ['gold', 'silver', 'bronze'][i % 3]!,
  }));
  const events = Array.from({ length: 300 }, (_, i) => ({
    event: ['view', 'click', 'buy'][i % 3]!,
    user_email: `person.${(i * 7) % 400}@fellside.co.uk`,
    customer_ref: `C-${1000 + ((i * 7) % 400)}`,
  }));
  const options = { profiledAt: '2026-01-01', region: 'GB' } as const;
  const summary = (joins: ReturnType<typeof findJoins>): unknown =>
    joins.map((j) => ({ ...j })).sort((x, y) => JSON.stringify([x.left, x.right, x.transform]).localeCompare(JSON.stringify([y.left, y.right, y.transform])));

  it('finds the same joins on merged halves as on the whole', async () => {
    const ev = await profileDataset(events, { ...options, name: 'events' });
    for (const budget of [100_000, 16]) {
      const whole = await profileDataset(crm, { ...options, name: 'crm', keyBudget: budget, linkBudget: budget });
      const merged = mergeProfiles(
        await profileDataset(crm.slice(0, 97), { ...options, name: 'crm', keyBudget: budget, linkBudget: budget }),
        await profileDataset(crm.slice(97), { ...options, name: 'crm', keyBudget: budget, linkBudget: budget }),
      );
      const joinsWhole = findJoins([whole, ev]);
      const joinsMerged = findJoins([merged, ev]);
      expect(joinsWhole.some((j) => j.accepted)).toBe(true);
      expect(summary(joinsMerged)).toEqual(summary(joinsWhole));
    }
  });
});
