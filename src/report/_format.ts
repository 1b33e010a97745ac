import { formatCount, formatShare } from '../format';

export { formatCount, formatRef, formatShare, formatShareOf } from '../format';

const UP_TO_ONE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const ONE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

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
 * A share (0 to 1) as a whole percentage for dense tables and descriptions (`36%`); below 1% and
 * above 99% it is `formatShare` (`0.4%`, `<0.1%`, `99.6%`), so only exactly none or all reads
 * `0%` or `100%`.
 */
export function formatPercent(x: number): string {
  const p = x * 100;
  return p < 1 || p > 99 ? formatShare(x) : `${Math.round(p)}%`;
}

/** A count, with `~` in front when it is an estimate: `~123,456`. */
export function formatEstimate(n: number, exact: boolean): string {
  return `${exact ? '' : '~'}${formatCount(n)}`;
}

/** Rows of every dataset in the report. */
export function totalRows(report: { datasets: readonly { rowCount: number }[] }): number {
  return report.datasets.reduce((sum, d) => sum + d.rowCount, 0);
}

/** Where a finding applies: `dataset.column`, `dataset`, or null for the whole report. */
export function findingPlace(finding: { dataset: string | null; column: string | null }): string | null {
  if (finding.dataset === null) return finding.column;
  return finding.column === null ? finding.dataset : `${finding.dataset}.${finding.column}`;
}

export { DIMENSION_LABELS } from '../model';

/** The fixes a summary lists first (HTML, Markdown). */
export const TOP_FIXES = 3;
