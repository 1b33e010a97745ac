// Numbers as every stage writes them for people (finding messages, score bases, reports): one
// place, so a share never reads "0%" or "100%" in one output and "<0.1%" in another.
import type { ColumnRef } from './model';

const INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ONE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A count with en-US grouping: `12,345`. */
export function formatCount(n: number): string {
  return INT.format(n);
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

/** `part` of `whole` as a share (`0%` of nothing). */
export function formatShareOf(part: number, whole: number): string {
  return formatShare(whole === 0 ? 0 : part / whole);
}

/** `dataset.column`. */
export function formatRef(ref: ColumnRef): string {
  return `${ref.dataset}.${ref.column}`;
}
