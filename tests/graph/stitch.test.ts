import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildIdentityGraph } from '../../src/graph/identity-graph';
import { findJoins } from '../../src/keys/find-joins';
import { profileDataset } from '../../src/profile/dataset';
import type { DatasetProfile, StitchEstimate } from '../../src/model';

const options = { profiledAt: '2026-01-01', region: 'GB' } as const;
const uuid = (n: number): string => `${n.toString(16).padStart(8, '0')}-4f89-41d3-9a0c-0305e82c3301`;

async function stitchOf(datasets: Record<string, object[]>, budget?: number): Promise<StitchEstimate> {
  const extra = budget === undefined ? {} : { keyBudget: budget, linkBudget: budget };
  const profiles: DatasetProfile[] = [];
  for (const [name, rows] of Object.entries(datasets)) profiles.push(await profileDataset(rows, { ...options, ...extra, name }));
  return buildIdentityGraph(profiles, findJoins(profiles)).stitch;
}

const overlapsOf = (s: StitchEstimate): Map<string, number> => new Map(s.overlaps.map((o) => [o.datasets.join('+'), o.profiles]));
const datasetOf = (s: StitchEstimate, name: string) => s.datasets.find((d) => d.dataset === name)!;

describe('stitch: small datasets with known answers', () => {
  // crm: customers 0..49 (customer_id + email), 6 customers sharing a placeholder email, 2 rows without identity
  const crm: object[] = [];
  for (let i = 0; i < 50; i++) crm.push({ customer_id: `C-${1000 + i}`, email: `person.${i}@fellside.co.uk`, tier: 'gold' });
  for (let i = 50; i < 56; i++) crm.push({ customer_id: `C-${1000 + i}`, email: 'noemail@fellside.co.uk', tier: 'silver' });
  crm.push({ customer_id: null, email: '', tier: 'bronze' }, { customer_id: '', email: null, tier: 'bronze' });
  // list: people 30..59, emails in mixed case with padding
  const list = Array.from({ length: 30 }, (_, k) => ({ email: ` Person.${30 + k}@FELLSIDE.co.uk ` }));
  // events: customers 0..39 signed in (userId + device, two rows each), 10 anonymous devices
  const events: object[] = [];
  for (let i = 0; i < 40; i++) for (let r = 0; r < 2; r++) events.push({ userId: `C-${1000 + i}`, anonymousId: uuid(i), event: r === 0 ? 'view' : 'buy' });
  for (let i = 0; i < 10; i++) events.push({ userId: null, anonymousId: uuid(100 + i), event: 'view' });

  it('unifies CRM, list and events into the profiles known by construction', async () => {
    const s = await stitchOf({ crm, list, events });
    expect(s.exact).toBe(true);
    // 50 customers + 6 junk-email customers + 2 empty rows + 10 list-only + 10 anonymous devices
    expect(s.unifiedProfiles).toBe(78);
    expect(datasetOf(s, 'crm')).toMatchObject({ rows: 58, linkedRows: 50, rowsWithoutKeys: 2 });
    expect(datasetOf(s, 'list')).toMatchObject({ rows: 30, linkedRows: 20, rowsWithoutKeys: 0 });
    expect(datasetOf(s, 'events')).toMatchObject({ rows: 90, linkedRows: 80, rowsWithoutKeys: 0 });
    expect(overlapsOf(s)).toEqual(
      new Map([
        ['crm+events', 30],
        ['crm+events+list', 10],
        ['crm+list', 10],
        ['list', 10],
        ['events', 10],
        ['crm', 8],
      ]),
    );
    // one distinct junk value (noemail@fellside.co.uk), however many rows hold it
    expect(s.junkExcluded).toBe(1);
    expect(s.sizeDistribution.reduce((n, b) => n + b.profiles, 0)).toBe(78);
  });

  it('never merges customers through a shared placeholder email', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => ({ customer_id: `C-${i}`, email: 'test@test.com' }));
    const s = await stitchOf({ crm: rows, list: [{ email: 'test@test.com' }, { email: 'TEST@test.com' }] });
    // each customer its own profile, and the list's placeholder rows link nothing
    expect(s.unifiedProfiles).toBe(10);
    expect(s.largestClusters.every((c) => c.identityValues <= 1)).toBe(true);
    expect(datasetOf(s, 'crm').linkedRows).toBe(0);
    expect(datasetOf(s, 'list')).toMatchObject({ linkedRows: 0, rowsWithoutKeys: 2 });
  });

  it('makes every row without an identity value a profile of its own', async () => {
    const s = await stitchOf({ notes: [{ email: null, note: 'a' }, { email: '', note: 'b' }, { email: '  ', note: 'c' }, { email: 'ann@fellside.co.uk', note: 'd' }, { email: 'ANN@fellside.co.uk', note: 'e' }] });
    expect(s.unifiedProfiles).toBe(4);
    expect(datasetOf(s, 'notes')).toMatchObject({ rows: 5, linkedRows: 0, rowsWithoutKeys: 3 });
    expect(overlapsOf(s)).toEqual(new Map([['notes', 4]]));
  });

  it('counts overlaps across more datasets than a bit mask holds', async () => {
    // 33 datasets (the summary keeps dataset sets as 32-bit masks up to 32): ten people in all of them, one alone in each
    const datasets: Record<string, object[]> = {};
    const shared = Array.from({ length: 10 }, (_, i) => ({ email: `person.${i}@fellside.co.uk` }));
    for (let d = 0; d < 33; d++) datasets[`source_${String(d).padStart(2, '0')}`] = [...shared, { email: `only.${d}@fellside.co.uk` }];
    const s = await stitchOf(datasets);
    expect(s.unifiedProfiles).toBe(10 + 33);
    expect(s.overlaps.filter((o) => o.datasets.length > 1)).toEqual([{ datasets: Object.keys(datasets).sort(), profiles: 10 }]);
    expect(s.datasets.every((d) => d.linkedRows === 10)).toBe(true);
  }, 120_000);
});

describe('stitch: sampled estimate', () => {
  /** 20,000 people with 1 to 3 identifiers (email, phone, device) from a fixed-seed generator. */
  function people(): { email: string; phone: string; device: string; k: number }[] {
    let seed = 7;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    return Array.from({ length: 20_000 }, (_, i) => ({
      email: `person.${i}@fellside.co.uk`,
      phone: `+447700${String(100_000 + i)}`,
      device: uuid(i),
      k: 1 + Math.floor(random() * 3),
    }));
  }

  it('stays within 10% of the exact count on one dataset', async () => {
    const rows = people().map((p) => ({ email: p.email, phone: p.k >= 2 ? p.phone : null, device: p.k >= 3 ? p.device : null }));
    const exact = await stitchOf({ crm: rows });
    expect(exact.exact).toBe(true);
    expect(exact.unifiedProfiles).toBe(20_000);
    const sampled = await stitchOf({ crm: rows }, 2000);
    expect(sampled.exact).toBe(false);
    expect(sampled.sampleRate).toBeLessThan(1);
    expect(Math.abs(sampled.unifiedProfiles / exact.unifiedProfiles - 1)).toBeLessThan(0.1);
  }, 120_000);

  // Across two datasets (crm: email + phone; devices: device + email for a third of the people).
  const twoDatasets = (): { crm: object[]; devices: object[] } => {
    const all = people();
    return {
      crm: all.map((p) => ({ email: p.email, phone: p.k >= 2 ? p.phone : null })),
      devices: all.filter((p) => p.k === 3).map((p) => ({ device: p.device, email: p.email })),
    };
  };

  it('estimates unified profiles within 10% when rows meet through one shared key', async () => {
    // crm: email + phone; list: the email of two thirds of the people. A profile is a star around its email.
    const all = people();
    const data = { crm: all.map((p) => ({ email: p.email, phone: p.k >= 2 ? p.phone : null })), list: all.filter((p) => p.k >= 2).map((p) => ({ email: p.email })) };
    const exact = await stitchOf(data);
    expect(exact.unifiedProfiles).toBe(20_000);
    const sampled = await stitchOf(data, 2000);
    expect(sampled.exact).toBe(false);
    expect(Math.abs(sampled.unifiedProfiles / exact.unifiedProfiles - 1)).toBeLessThan(0.1);
  }, 120_000);

  // A plain email and its SHA-256 digest are sampled on the same hash, so the rows holding them are
  // kept or dropped together: linked rows and profiles stay within 10% although the two columns
  // share no value as written.
  it('keeps plain emails and their SHA-256 digests in the sample together', async () => {
    const all = people();
    const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
    const data = {
      crm: all.map((p) => ({ email: p.email })),
      loyalty: all.filter((p) => p.k >= 2).map((p) => ({ email_sha256: sha(p.email) })),
    };
    const exact = await stitchOf(data);
    expect(exact.unifiedProfiles).toBe(20_000);
    const sampled = await stitchOf(data, 2000);
    expect(sampled.exact).toBe(false);
    expect(Math.abs(sampled.unifiedProfiles / exact.unifiedProfiles - 1)).toBeLessThan(0.1);
    for (const name of ['crm', 'loyalty']) {
      const truth = datasetOf(exact, name).linkedRows;
      expect(truth).toBeGreaterThan(10_000);
      expect(Math.abs(datasetOf(sampled, name).linkedRows / truth - 1), name).toBeLessThan(0.1);
    }
  }, 120_000);

  // Known limit (docs/joins.md, "Reading a sampled stitch"): a sampled value brings in its own rows
  // only, so a profile chained through two rows (device -> email -> phone) that was sampled on its
  // device or its phone is seen in part and counted as more than one profile. Here a third of the
  // profiles are such chains: the estimate is high by about a tenth, and must stay below a quarter.
  it('overestimates profiles chained across two datasets by the known bias, and no more', async () => {
    const data = twoDatasets();
    const exact = await stitchOf(data);
    expect(exact.exact).toBe(true);
    expect(exact.unifiedProfiles).toBe(20_000);
    const sampled = await stitchOf(data, 2000);
    expect(sampled.exact).toBe(false);
    const ratio = sampled.unifiedProfiles / exact.unifiedProfiles;
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThan(1.25);
  }, 120_000);

  // Product bug: sampled linkedRows are about half too low (3,433 for 6,639 at budget 2000): a
  // sampled row whose profile's other-dataset row holds none of its sampled values counts as
  // unlinked (the chained profiles above). Kept rows are weighted by their chance of being kept.
  it.fails('estimates linked rows across two datasets within 10% (fails: ~48% low)', async () => {
    const data = twoDatasets();
    const exact = await stitchOf(data);
    const sampled = await stitchOf(data, 2000);
    for (const name of ['crm', 'devices']) {
      const truth = datasetOf(exact, name).linkedRows;
      expect(truth).toBeGreaterThan(0);
      expect(Math.abs(datasetOf(sampled, name).linkedRows / truth - 1)).toBeLessThan(0.1);
    }
  }, 120_000);

  // Pins the bias above, so that the it.fails cannot pass on a crash: the sampled stitch runs, and
  // is low by the known amount (when it is fixed, this and the it.fails fail together).
  it('is, today, about half low on sampled linked rows, and no worse', async () => {
    const data = twoDatasets();
    const exact = await stitchOf(data);
    const sampled = await stitchOf(data, 2000);
    for (const name of ['crm', 'devices']) {
      const ratio = datasetOf(sampled, name).linkedRows / datasetOf(exact, name).linkedRows;
      expect(ratio, name).toBeGreaterThan(0.4);
      expect(ratio, name).toBeLessThan(0.7);
    }
  }, 120_000);
});
