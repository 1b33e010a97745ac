import { formatShareOf } from '../format';
import type { Dimension } from '../model';
import { ATTRIBUTE_GROUPS } from './attributes';
import { CONSISTENCY_WEIGHTS } from './consistency-facts';
import type { DatasetFacts, ReadinessFacts } from './facts';
import type { KeyColumnFacts } from './key-facts';
import type { ResolvedScoreOptions } from './options';

/** A dimension's value (0 to 100, or null when it does not apply) and the figures behind it. */
interface DimensionValue {
  score: number | null;
  basis: string;
}

const pct = formatShareOf;
const clamp = (x: number): number => Math.min(100, Math.max(0, x));
/** Reaching the hub is worth this share of joinability, linked rows the rest. */
export const REACH_SHARE = 0.3;
/** Points of uniqueness lost per percent of duplicate rows. */
export const DUPLICATE_COST = 5;

/**
 * Key quality of one identity column, 0 to 100: the share of its values usable as they are.
 * Invalid and junk values are unusable; each normalisation a value needs (case, spaces, format)
 * counts once, so fixing one problem gives back exactly its share.
 */
export function keyColumnQuality(c: KeyColumnFacts): number {
  if (c.checked === 0) return 100;
  const problems = c.invalid + c.junkRows + c.fixes.mixedCase + c.fixes.padded + c.fixes.mixedFormats;
  return clamp(100 * (1 - problems / c.checked));
}

/** Each dimension of one dataset (docs/scoring.md gives the same formulas in words). */
export const DATASET_DIMENSIONS: Readonly<Record<Dimension, (d: DatasetFacts, facts: ReadinessFacts, options: ResolvedScoreOptions) => DimensionValue>> = {
  identityCoverage: (d) =>
    d.rows === 0
      ? { score: null, basis: 'no rows' }
      : { score: clamp((100 * d.keyedRows) / d.rows), basis: `${d.keyedRows} of ${d.rows} rows (${pct(d.keyedRows, d.rows)}) hold a usable identity key` },

  keyQuality: (d) => {
    const columns = d.keyColumns.filter((c) => c.checked > 0).map((c) => ({ column: c.column, quality: keyColumnQuality(c) }));
    if (columns.length === 0) return { score: null, basis: 'no identity values' };
    const score = columns.reduce((s, c) => s + c.quality, 0) / columns.length;
    return { score, basis: `mean share of values usable as they are: ${columns.map((c) => `${c.column} ${Math.round(c.quality)}`).join(', ')}` };
  },

  joinability: (d, facts) => {
    if (!facts.multiDataset || d.rows === 0) return { score: null, basis: 'needs two or more datasets' };
    const score = 100 * (REACH_SHARE * (d.reachesHub ? 1 : 0) + (1 - REACH_SHARE) * (d.linkedRows / d.rows));
    return { score, basis: `${d.reachesHub ? 'reaches' : 'cannot reach'} the hub; ${pct(d.linkedRows, d.rows)} of rows link to another source` };
  },

  completeness: (d) => {
    const parts: [string, number][] = d.keyColumns.map((c) => [c.column, c.completeness]);
    for (const g of ATTRIBUTE_GROUPS) if (d.attributes[g] !== null) parts.push([g, d.attributes[g]]);
    if (parts.length === 0) return { score: null, basis: 'no identity or profile columns' };
    const score = (100 * parts.reduce((s, [, v]) => s + v, 0)) / parts.length;
    return { score, basis: `mean fill rate of ${parts.map(([n, v]) => `${n} ${pct(v, 1)}`).join(', ')}` };
  },

  consistency: (d) => {
    if (d.rows === 0) return { score: null, basis: 'no rows' };
    let lost = 0;
    for (const p of d.consistency) lost += p.total === 0 ? 0 : (CONSISTENCY_WEIGHTS[p.problem] * p.affected) / p.total;
    const listed = d.consistency.map((p) => `${p.problem}${p.column === null ? '' : ` in ${p.column}`}`);
    return { score: clamp(100 - lost), basis: listed.length === 0 ? 'no mixed types or formats, no damaged values' : `points lost to ${listed.join(', ')}` };
  },

  freshness: (d, _facts, { thresholds }) => {
    if (d.newestAgeDays === null) return { score: null, basis: 'no date column' };
    const { freshDays, staleDays } = thresholds;
    const age = d.newestAgeDays;
    const score = age <= freshDays ? 100 : age >= staleDays ? 0 : (100 * (staleDays - age)) / (staleDays - freshDays);
    return { score, basis: `newest ${d.newestColumn} is ${age} days old (100 up to ${freshDays} days, 0 from ${staleDays})` };
  },

  uniqueness: (d) => {
    if (d.duplicates === null || d.rows === 0) return { score: null, basis: 'rows are not one per customer' };
    const share = d.duplicates.duplicateRows / d.rows;
    return { score: clamp(100 - DUPLICATE_COST * 100 * share), basis: `${d.duplicates.duplicateRows} rows (${pct(d.duplicates.duplicateRows, d.rows)}) repeat a customer's ${d.duplicates.column}` };
  },
};
