import type { DatasetFacts, ReadinessFacts } from '../../src/score/facts';
import type { KeyColumnFacts } from '../../src/score/key-facts';

/** An identity column with no problems; override what the test is about. */
export function keyColumn(partial: Partial<KeyColumnFacts> = {}): KeyColumnFacts {
  return { column: 'email', kind: 'email', checked: 1000, completeness: 1, invalid: 0, junkRows: 0, fixes: { mixedCase: 0, padded: 0, mixedFormats: 0 }, formats: {}, ...partial };
}

/** A dataset with no problems at all: every scored dimension is 100. */
export function cleanDataset(name: string, partial: Partial<DatasetFacts> = {}): DatasetFacts {
  return {
    dataset: name,
    rows: 1000,
    keyedRows: 1000,
    keyColumns: [keyColumn()],
    linkedRows: 1000,
    reachesHub: true,
    attributes: { name: 1, location: 1, consent: 1, dates: 1 },
    consistency: [],
    newestAgeDays: 0,
    newestColumn: 'updated_at',
    duplicates: { column: 'email', duplicateRows: 0, duplicatedValues: 0, exact: true },
    ...partial,
  };
}

export function facts(...datasets: DatasetFacts[]): ReadinessFacts {
  return { datasets, multiDataset: datasets.length > 1 };
}
