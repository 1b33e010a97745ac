import { junkHashesByDataset } from '../keys/junk';
import type { DatasetProfile, IdentityGraph } from '../model';
import { attributeFactsOf, type AttributeGroup } from './attributes';
import { consistencyFactsOf, type ConsistencyFact } from './consistency-facts';
import { duplicateFactsOf, type DuplicateFacts } from './duplicates';
import { keyColumnFactsOf, type KeyColumnFacts } from './key-facts';

/**
 * Everything the score is computed from, per dataset: counts, not judgements. Findings repair a
 * copy of these facts and re-score it, so "the score after the fix" is the same formula applied
 * to the data as it would be.
 */
export interface DatasetFacts {
  dataset: string;
  rows: number;
  /** rows with at least one usable (valid, non-junk) identity value */
  keyedRows: number;
  /** the identity columns the stitch links records through */
  keyColumns: KeyColumnFacts[];
  /** rows whose unified profile also holds a record of another dataset */
  linkedRows: number;
  /** in the hub's group of datasets (always true for the hub itself) */
  reachesHub: boolean;
  /** completeness of the best column of each attribute group, null when the dataset has none */
  attributes: Record<AttributeGroup, number | null>;
  consistency: ConsistencyFact[];
  /** whole days since the newest date in the dataset, null without date columns */
  newestAgeDays: number | null;
  newestColumn: string | null;
  /** null when the rows are not one per customer (event logs, list memberships) */
  duplicates: DuplicateFacts | null;
}

export interface ReadinessFacts {
  datasets: DatasetFacts[];
  /** joinability needs at least two datasets */
  multiDataset: boolean;
}

/** The facts behind the score, from the profiles, the joins and the identity graph. */
export function collectFacts(profiles: readonly DatasetProfile[], graph: IdentityGraph): ReadinessFacts {
  const junk = junkHashesByDataset(profiles, { values: graph.junk, caps: graph.caps });
  const datasets = profiles.map((profile): DatasetFacts => {
    const linkage = graph.stitch.datasets.find((d) => d.dataset === profile.name);
    const used = new Set(graph.stitch.columnsUsed.filter((c) => c.dataset === profile.name).map((c) => c.column));
    const junkRows = new Map<string, number>();
    for (const j of graph.junk) if (j.dataset === profile.name) junkRows.set(j.column, (junkRows.get(j.column) ?? 0) + j.rows);
    const keyColumns = profile.columns.filter((c) => used.has(c.name) && c.identity !== null).map((c) => keyColumnFactsOf(c, profile.rowCount, junkRows.get(c.name) ?? 0));
    const dates = newestDate(profile);
    return {
      dataset: profile.name,
      rows: profile.rowCount,
      keyedRows: linkage === undefined ? 0 : Math.max(0, profile.rowCount - linkage.rowsWithoutKeys),
      keyColumns,
      linkedRows: linkage?.linkedRows ?? 0,
      reachesHub: graph.hub !== null && !graph.unreachable.includes(profile.name),
      attributes: attributeFactsOf(profile),
      consistency: consistencyFactsOf(profile),
      newestAgeDays: dates?.age ?? null,
      newestColumn: dates?.column ?? null,
      duplicates: duplicateFactsOf(profile, junk.get(profile.name)),
    };
  });
  return { datasets, multiDataset: profiles.length > 1 };
}

/** The newest date of any date column, as days before the scan; future dates count as today. */
function newestDate(profile: DatasetProfile): { age: number; column: string } | null {
  let best: { age: number; column: string } | null = null;
  for (const c of profile.columns) {
    const age = c.dates?.newestAgeDays;
    if (age === undefined || age === null) continue;
    const clamped = Math.max(0, age);
    if (best === null || clamped < best.age) best = { age: clamped, column: c.name };
  }
  return best;
}

