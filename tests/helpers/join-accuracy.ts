import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JoinCandidate } from '../../src/index';

/** A relational benchmark's ground truth (fixtures/benchmarks/<db>/ground_truth.json). */
export interface RelationalTruth {
  tables: Record<string, number>;
  primary_keys: Record<string, string[]>;
  foreign_keys: { from: string; to: string; from_nonnull_rows: number; from_rows_matching: number; coverage: number }[];
}

export interface JoinAccuracy {
  /** accepted joins (distinct column pairs, direction ignored) */
  accepted: number;
  /** foreign keys that can be found from data (their referencing column has values) */
  findable: number;
  truePositives: number;
  precision: number;
  /** recall over the findable foreign keys */
  recall: number;
  /** recall over every foreign key, the unfindable ones included */
  recallAll: number;
  falsePositives: string[];
  missed: string[];
  /** foreign keys from columns without values (empty tables): cannot be found from data */
  unfindable: string[];
}

/** `A.x = B.y` with the two sides sorted, so direction is ignored. */
export const pairKey = (a: string, b: string): string => [a, b].sort().join(' = ');

export function readRelationalTruth(dir: string): RelationalTruth {
  return JSON.parse(readFileSync(join(dir, 'ground_truth.json'), 'utf8')) as RelationalTruth;
}

export const csvTables = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => f.slice(0, -'.csv'.length));

/** Precision and recall of the accepted joins against the ground truth's foreign keys, direction ignored. */
export function joinAccuracy(joins: readonly JoinCandidate[], truth: RelationalTruth): JoinAccuracy {
  const accepted = new Set(joins.filter((j) => j.accepted).map((j) => pairKey(`${j.left.dataset}.${j.left.column}`, `${j.right.dataset}.${j.right.column}`)));
  const all = new Set(truth.foreign_keys.map((fk) => pairKey(fk.from, fk.to)));
  const findable = new Set(truth.foreign_keys.filter((fk) => fk.from_nonnull_rows > 0).map((fk) => pairKey(fk.from, fk.to)));
  const unfindable = [...all].filter((k) => !findable.has(k));
  const truePositives = [...accepted].filter((k) => all.has(k)).length;
  const foundFindable = [...findable].filter((k) => accepted.has(k)).length;
  return {
    accepted: accepted.size,
    findable: findable.size,
    truePositives,
    precision: accepted.size === 0 ? 0 : truePositives / accepted.size,
    recall: findable.size === 0 ? 1 : foundFindable / findable.size,
    recallAll: all.size === 0 ? 1 : truePositives / all.size,
    falsePositives: [...accepted].filter((k) => !all.has(k)),
    missed: [...findable].filter((k) => !accepted.has(k)),
    unfindable,
  };
}
