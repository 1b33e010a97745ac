import type { IdentityGraph } from '../../model';
import type { DatasetFacts, ReadinessFacts } from '../facts';
import type { ResolvedScoreOptions } from '../options';
import { datasetIn, n, pct, plural, type FindingDraft } from './draft';

/** Below these shares a finding is raised. */
export const COVERAGE_MIN = 0.95;
export const SPARSE_MIN = 0.8;
export const LINK_MIN = 0.5;

/** Findings about a dataset as a whole: coverage, sparse keys, reach, link rate, freshness, duplicates. */
export function datasetFindings(d: DatasetFacts, facts: ReadinessFacts, graph: IdentityGraph, options: ResolvedScoreOptions): FindingDraft[] {
  const out: FindingDraft[] = [];
  const name = d.dataset;
  if (d.rows > 0 && d.keyedRows / d.rows < COVERAGE_MIN) {
    const missing = d.rows - d.keyedRows;
    out.push({
      code: 'IDENTITY_KEY_MISSING',
      dataset: name,
      column: null,
      evidence: { rowsWithoutKey: missing, rows: d.rows },
      message: `${n(missing)} of ${n(d.rows)} rows in ${name} (${pct(missing, d.rows)}) carry no usable identifier at all, so they can never be tied to a customer.`,
      fix: `Capture at least one identity key on every row of ${name} (${d.keyColumns.map((c) => `\`${c.column}\``).join(', ') || 'an email, phone or customer id'}); the rows without one are counted in graph.stitch.datasets[].rowsWithoutKeys.`,
      repair: (f) => void (datasetIn(f, name).keyedRows = datasetIn(f, name).rows),
    });
  }
  for (const c of d.keyColumns) {
    if (c.completeness >= SPARSE_MIN) continue;
    out.push({
      code: 'IDENTITY_COLUMN_SPARSE',
      dataset: name,
      column: c.column,
      evidence: { filledRows: Math.round(c.completeness * d.rows), rows: d.rows },
      message: `${c.column} is filled on only ${pct(c.completeness, 1)} of ${name} rows; the other ${pct(1 - c.completeness, 1)} cannot use it to find their customer.`,
      fix: `Populate \`${name}.${c.column}\` wherever the value is known (in event data: on every event after sign-in, not only on identify calls).`,
      repair: (f) => void (datasetIn(f, name).keyColumns.find((k) => k.column === c.column)!.completeness = 1),
    });
  }
  if (facts.multiDataset && !d.reachesHub && graph.hub !== null) {
    out.push({
      code: 'DATASET_UNREACHABLE',
      dataset: name,
      column: null,
      evidence: { rows: d.rows, joins: graph.nodes.find((x) => x.dataset === name)?.joins ?? 0 },
      message: `${name} cannot be linked to ${graph.hub}, directly or through another dataset: none of its ${n(d.rows)} records can join a single customer view.`,
      fix: `Add an identifier ${name} shares with ${graph.hub} or a dataset linked to it (email, or its SHA-256 as \`sha256(lower(trim(email)))\`, phone in E.164, or the customer id), or declare the key with keyHints.force if stitchscan missed it.`,
      repair: (f) => void (datasetIn(f, name).reachesHub = true),
    });
  } else if (facts.multiDataset && d.rows > 0 && d.linkedRows / d.rows < LINK_MIN) {
    out.push({
      code: 'LOW_LINK_RATE',
      dataset: name,
      column: null,
      evidence: { linkedRows: d.linkedRows, rows: d.rows },
      message: `Only ${pct(d.linkedRows, d.rows)} of ${name} rows (${n(d.linkedRows)} of ${n(d.rows)}) can be tied to a record in another source.`,
      fix: `Carry a shared identifier (email, its SHA-256, phone or customer id) on more ${name} rows (in event data: identify visitors at sign-in and attach the customer id or hashed email to their events). The score after this fix assumes the link rate reaches ${pct(LINK_MIN, 1)}, the level below which this finding is raised.`,
      repair: (f) => {
        const x = datasetIn(f, name);
        x.linkedRows = Math.max(x.linkedRows, Math.ceil(LINK_MIN * x.rows));
      },
    });
  }
  if (d.newestAgeDays !== null && d.newestAgeDays > options.thresholds.freshDays) {
    out.push({
      code: 'STALE_DATA',
      dataset: name,
      column: d.newestColumn,
      evidence: { newestAgeDays: d.newestAgeDays, freshDays: options.thresholds.freshDays, staleDays: options.thresholds.staleDays },
      message: `The newest date in ${name} (${d.newestColumn}) is ${plural(d.newestAgeDays, 'day')} old: the export may be out of date, and recent customers will be missing from the view.`,
      fix: `Re-export ${name} (newest \`${d.newestColumn}\` should be within ${options.thresholds.freshDays} days of the scan) or schedule the export; change thresholds.freshDays if this dataset is updated less often by design.`,
      repair: (f) => void (datasetIn(f, name).newestAgeDays = 0),
    });
  }
  if (d.duplicates !== null && d.duplicates.duplicateRows > 0) {
    const dup = d.duplicates;
    out.push({
      code: 'DUPLICATE_CUSTOMERS',
      dataset: name,
      column: dup.column,
      evidence: { duplicateRows: dup.duplicateRows, duplicatedValues: dup.duplicatedValues, rows: d.rows },
      message: `${plural(dup.duplicateRows, 'row')} in ${name} (${pct(dup.duplicateRows, d.rows)}) repeat${dup.duplicateRows === 1 ? 's' : ''} a customer already in it (same ${dup.column} once normalised), so counts and segments are inflated.`,
      fix: `Merge the records that share \`${name}.${dup.column}\` after normalisation (${n(dup.duplicatedValues)} values occur more than once): keep one record per customer, for example the oldest id, and map the others to it.`,
      repair: (f) => {
        const x = datasetIn(f, name);
        if (x.duplicates !== null) x.duplicates.duplicateRows = 0;
      },
    });
  }
  return out;
}
