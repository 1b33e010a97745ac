import { IDENTITY_TYPES, type CandidateKey, type ColumnProfile, type InferredType, type SemanticType } from '../model';
import { pairUniqueness, type KeySampleState } from './key-sample';

/** A single column is a key when this unique and this complete. */
export const KEY_UNIQUENESS = 0.95;
export const KEY_COMPLETENESS = 0.9;
/** An identity column (email, device id...) is a candidate when at least this complete. */
export const IDENTITY_MIN_COMPLETENESS = 0.2;
/** ...and holds at least this many distinct values, and this share of its values. */
export const MIN_IDENTITY_DISTINCT = 20;
export const IDENTITY_MIN_UNIQUENESS = 0.01;
export const PAIR_UNIQUENESS = 0.99;
export const MAX_CANDIDATES = 8;

const IDENTITY_SET: ReadonlySet<SemanticType> = new Set(IDENTITY_TYPES);
/** Types that are never keys however unique: quantities, flags and timestamps. */
const NON_KEY_TYPES: ReadonlySet<InferredType> = new Set(['boolean', 'decimal', 'date', 'datetime', 'epoch', 'empty']);

const percent = (x: number): string => `${(x * 100).toFixed(x >= 0.995 && x < 1 ? 1 : 0)}%`;

/**
 * Candidate identity keys of a dataset, best first: single columns that are unique and complete,
 * or that hold an identity type (email, phone, device id...) even when repeated (events repeat
 * a user id on every row); and two-column keys, tested on the key sample, when no single column
 * is a key.
 */
export function findCandidateKeys(columns: readonly ColumnProfile[], rowCount: number, sample: KeySampleState | null): CandidateKey[] {
  const singles: CandidateKey[] = [];
  for (const column of columns) {
    if (column.multiValued !== null || NON_KEY_TYPES.has(column.inferredType) || rowCount === 0) continue;
    const uniqueness = Math.min(1, column.distinctCount / Math.max(1, rowCount - column.nullCount));
    const completeness = column.completeness;
    const identity = column.semanticType !== null && IDENTITY_SET.has(column.semanticType);
    const isKey = uniqueness >= KEY_UNIQUENESS && completeness >= KEY_COMPLETENESS && column.valueCount > 1;
    // A repeated identity column must still tell people apart: a product id with 30 values does not.
    const separates = column.distinctCount >= Math.max(MIN_IDENTITY_DISTINCT, IDENTITY_MIN_UNIQUENESS * column.valueCount);
    if (!isKey && !(identity && completeness >= IDENTITY_MIN_COMPLETENESS && separates)) continue;
    const kind = identity ? `${column.semanticType} column` : `${column.inferredType} column`;
    const reason = isKey
      ? `${kind}, ${percent(uniqueness)} distinct and ${percent(completeness)} filled: identifies each row`
      : `${kind}, ${percent(completeness)} filled, ${percent(uniqueness)} distinct: identifies a person across rows`;
    const identityBoost = identity ? 0.1 * column.semanticConfidence : 0;
    singles.push({
      columns: [column.name],
      reason,
      uniqueness,
      completeness,
      score: Math.min(1, (isKey ? 0.9 : 0.6) * completeness * Math.max(uniqueness, identity ? 0.5 : 0) + identityBoost),
      exact: column.distinctExact,
    });
  }
  singles.sort((a, b) => b.score - a.score);
  const hasSingleKey = singles.some((k) => k.uniqueness >= KEY_UNIQUENESS && k.completeness >= KEY_COMPLETENESS);
  const pairs = hasSingleKey || sample === null ? [] : findPairKeys(columns, sample);
  return [...singles, ...pairs].sort((a, b) => b.score - a.score).slice(0, MAX_CANDIDATES);
}

function findPairKeys(columns: readonly ColumnProfile[], sample: KeySampleState): CandidateKey[] {
  const eligible = columns.filter(
    (c) =>
      sample.columns.includes(c.name) &&
      c.completeness >= KEY_COMPLETENESS &&
      c.multiValued === null &&
      !NON_KEY_TYPES.has(c.inferredType) &&
      c.distinctCount > 1,
  );
  const found: CandidateKey[] = [];
  for (let i = 0; i < eligible.length; i++) {
    for (let j = i + 1; j < eligible.length; j++) {
      const a = eligible[i]!;
      const b = eligible[j]!;
      const { uniqueness, rows } = pairUniqueness(sample, a.name, b.name);
      if (rows < 2 || uniqueness < PAIR_UNIQUENESS) continue;
      const completeness = Math.min(a.completeness, b.completeness);
      found.push({
        columns: [a.name, b.name],
        reason: `no single column is a key; together ${percent(uniqueness)} distinct in the first ${rows} rows`,
        uniqueness,
        completeness,
        score: 0.8 * uniqueness * completeness,
        exact: false,
      });
    }
  }
  return found.sort((x, y) => y.score - x.score).slice(0, 3);
}
