import type { ColumnRef, Dimension } from '../model';

const INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const UP_TO_ONE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const ONE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A count with en-US grouping: `12,345`. */
export function formatCount(n: number): string {
  return INT.format(n);
}

/** A 0-100 score, at most one decimal: `71.4`, `95`. */
export function formatScore(n: number): string {
  return UP_TO_ONE.format(n);
}

/** A signed gain with one decimal (`+3.8`), two when it would round to zero (`+0.04`). */
export function formatGain(n: number): string {
  const abs = Math.abs(n);
  const digits = abs > 0 && abs < 0.05 ? abs.toFixed(2) : ONE.format(abs);
  return `${n < 0 ? '-' : '+'}${digits}`;
}

/**
 * A share (0 to 1) as a percentage with one decimal: `70.3%`. Exactly 0 and 1 are `0%` and `100%`;
 * anything else never rounds to them (`<0.1%`, `99.9%`), so "all" and "none" are only ever true.
 */
export function formatShare(x: number): string {
  if (x <= 0) return '0%';
  if (x >= 1) return '100%';
  const p = x * 100;
  if (p < 0.05) return '<0.1%';
  return `${ONE.format(Math.min(p, 99.9))}%`;
}

/** `dataset.column`. */
export function formatRef(ref: ColumnRef): string {
  return `${ref.dataset}.${ref.column}`;
}

/** Where a finding applies: `dataset.column`, `dataset`, or null for the whole report. */
export function findingPlace(finding: { dataset: string | null; column: string | null }): string | null {
  if (finding.dataset === null) return finding.column;
  return finding.column === null ? finding.dataset : `${finding.dataset}.${finding.column}`;
}

/** Dimension names as the report prints them. */
export const DIMENSION_LABELS = {
  identityCoverage: 'Identity coverage',
  keyQuality: 'Key quality',
  joinability: 'Joinability',
  completeness: 'Completeness',
  consistency: 'Consistency',
  freshness: 'Freshness',
  uniqueness: 'Uniqueness',
} as const satisfies Record<Dimension, string>;
