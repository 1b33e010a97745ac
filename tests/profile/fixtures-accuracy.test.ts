import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { profileDataset, type ColumnProfile, type DatasetProfile } from '../../src/index';

// The demo fixtures' ground truth (written by fixtures/generate.ts) against what profiling finds.
interface GroundTruth {
  datasets: Record<string, { path: string; rowCount: number; columns: string[]; uniqueColumns: string[]; uniqueColumnSets?: string[][]; dateColumns: Record<string, string> }>;
  identityColumns: Record<string, { column: string; semanticType: string }[]>;
  defects: {
    customers: { emailMixedCase: number; emailPadded: number; emailMissing: number; emailJunk: number; phoneMissing: number; phoneMobile: number };
    subscribers: { emailMixedCase: number; firstNameMissing: number };
  };
}
const truth = JSON.parse(readFileSync('fixtures/ground-truth.json', 'utf8')) as GroundTruth;
const profiles = new Map<string, DatasetProfile>();
const column = (dataset: string, name: string): ColumnProfile => {
  const found = profiles.get(dataset)?.columns.find((c) => c.name === name);
  if (found === undefined) throw new Error(`${dataset} has no column ${name}`);
  return found;
};

beforeAll(async () => {
  for (const [name, dataset] of Object.entries(truth.datasets)) {
    profiles.set(name, await profileDataset(dataset.path, { region: 'GB', profiledAt: '2026-11-01T00:00:00Z' }));
  }
}, 120_000);

describe('profiles of the demo fixtures', () => {
  it('read every row and every column of each dataset', () => {
    for (const [name, dataset] of Object.entries(truth.datasets)) {
      const profile = profiles.get(name)!;
      expect(profile.rowCount, name).toBe(dataset.rowCount);
      expect(profile.malformedRowCount, name).toBe(0);
      expect(profile.columns.map((c) => c.name).sort(), name).toEqual([...dataset.columns].sort());
    }
  });

  it('give each identity column its true semantic type', () => {
    for (const [dataset, columns] of Object.entries(truth.identityColumns)) {
      for (const { column: name, semanticType } of columns) expect(column(dataset, name).semanticType, `${dataset}.${name}`).toBe(semanticType);
    }
  });

  it('find the unique columns and composite keys as candidate keys', () => {
    for (const [name, dataset] of Object.entries(truth.datasets)) {
      const keys = profiles.get(name)!.candidateKeys.map((k) => k.columns);
      for (const unique of dataset.uniqueColumns) {
        expect(column(name, unique).distinctCount, `${name}.${unique}`).toBe(dataset.rowCount);
        expect(keys, name).toContainEqual([unique]);
      }
      for (const set of dataset.uniqueColumnSets ?? []) expect(keys, name).toContainEqual(set);
    }
  });

  it('name each date column by its format, reading day-first dates as day-first', () => {
    for (const [name, dataset] of Object.entries(truth.datasets)) {
      for (const [dateColumn, format] of Object.entries(dataset.dateColumns)) {
        const formats = column(name, dateColumn).dateFormats;
        expect(formats, `${name}.${dateColumn}`).toHaveLength(1);
        // `Z` fits the date-fns zone tokens X, XX and XXX alike.
        expect(formats[0]!.format.replace(/(?<!X)X{1,3}$/, 'X'), `${name}.${dateColumn}`).toBe(format);
      }
    }
    expect(column('customers', 'created_date').dates).toMatchObject({ order: 'day-first', ambiguous: false });
  });

  it('count the deliberate email and phone defects exactly', () => {
    const d = truth.defects.customers;
    const email = column('customers', 'email');
    expect(email.nullCount).toBe(d.emailMissing);
    expect(email.identity?.details).toMatchObject({ mixedCase: d.emailMixedCase, padded: d.emailPadded, junk: d.emailJunk });
    expect(email.identity?.exact).toBe(true);
    const phone = column('customers', 'phone');
    expect(phone.nullCount).toBe(d.phoneMissing);
    // The fixture's mobiles are in the UK range reserved for drama: possible, but in no assigned range.
    expect(phone.identity?.details.unassignedRange).toBe(d.phoneMobile);
    expect(column('subscribers', 'Email Address').identity?.details.mixedCase).toBe(truth.defects.subscribers.emailMixedCase);
    expect(column('subscribers', 'First Name').nullCount).toBe(truth.defects.subscribers.firstNameMissing);
  });

  it('detect the SHA-256 hashed emails of the events and the social export', () => {
    expect(column('events', 'traits.email_sha256').hashAlgorithm).toBe('sha256');
    expect(column('followers', 'follower.hashedEmail').hashAlgorithm).toBe('sha256');
  });
});
