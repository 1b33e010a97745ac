import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findJoins, isStitchscanError, profileDataset, type DatasetProfile, type JoinCandidate } from '../../src/index';
import { csvTables, joinAccuracy, readRelationalTruth } from '../helpers/join-accuracy';

// Join discovery on two classic relational sample databases (fixtures/benchmarks/README.md):
// accepted joins against the declared foreign keys, direction ignored. The same computation as
// `npm run bench:joins` (bench/joins-accuracy.mjs), run from src.
// Measured when written: chinook P 1.00 R 1.00 (11/11); northwind P 1.00 R 1.00 (11/11 findable;
// recall 0.85 counting the 2 foreign keys of the empty customer_customer_demo table).

async function profileTables(dir: string): Promise<{ profiles: DatasetProfile[]; skipped: string[] }> {
  const profiles: DatasetProfile[] = [];
  const skipped: string[] = [];
  for (const table of csvTables(dir)) {
    try {
      profiles.push(await profileDataset(join(dir, `${table}.csv`), { region: 'GB', name: table }));
    } catch (error) {
      if (isStitchscanError(error) && error.code === 'E_EMPTY_INPUT') skipped.push(table);
      else throw error;
    }
  }
  return { profiles, skipped };
}

describe.each(['chinook', 'northwind'])('join discovery on the %s database', (db) => {
  const dir = join('fixtures/benchmarks', db);
  const truth = readRelationalTruth(dir);
  let profiles: DatasetProfile[] = [];
  let joins: JoinCandidate[] = [];
  let skipped: string[] = [];

  beforeAll(async () => {
    ({ profiles, skipped } = await profileTables(dir));
    joins = findJoins(profiles);
  }, 60_000);

  it('profiles every table with rows and skips only the empty ones', () => {
    const empty = Object.entries(truth.tables).filter(([, rows]) => rows === 0).map(([t]) => t).sort();
    expect(skipped.sort()).toEqual(empty);
    expect(profiles.map((p) => p.rowCount)).toEqual(profiles.map((p) => truth.tables[p.name]));
  });

  it('accepts the foreign keys with precision and recall of at least 0.9', () => {
    const a = joinAccuracy(joins, truth);
    expect(a.accepted).toBeGreaterThan(0);
    expect(a.precision, `false positives: ${a.falsePositives.join('; ')}`).toBeGreaterThanOrEqual(0.9);
    expect(a.recall, `missed: ${a.missed.join('; ')}`).toBeGreaterThanOrEqual(0.9);
    // foreign keys from tables without rows cannot be found from data
    const unfindable = truth.foreign_keys.filter((fk) => fk.from_nonnull_rows === 0);
    expect(a.unfindable).toHaveLength(unfindable.length);
    for (const fk of unfindable) expect(skipped).toContain(fk.from.split('.')[0]);
  });

  it('explains each accepted join in a sentence naming both columns', () => {
    for (const j of joins.filter((c) => c.accepted)) {
      expect(j.explanation.length, `${j.left.dataset}.${j.left.column}`).toBeGreaterThan(0);
      expect(j.explanation).toContain(`${j.left.dataset}.${j.left.column}`);
      expect(j.explanation).toContain(`${j.right.dataset}.${j.right.column}`);
    }
  });
});
