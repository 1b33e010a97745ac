
const INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ONE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

// Counts, scores, gains, references and labels read the same in every report.
export { DIMENSION_LABELS, formatCount, formatGain, formatRef, formatScore } from '../_format';

/** A share (0 to 1) as a percentage: whole numbers, one decimal near 0 and 100 so they never round to it. */
export function formatShare(x: number): string {
  const p = x * 100;
  if (p > 0 && p < 1) return `${ONE.format(p)}%`;
  if (p > 99 && p < 100) return `${ONE.format(Math.min(p, 99.9))}%`;
  return `${INT.format(p)}%`;
}

/** A share as a CSS width, clamped to 0-100 and rounded: the only numbers that go into `style`. */
export function cssPercent(x: number): string {
  const p = Number.isFinite(x) ? Math.min(100, Math.max(0, x * 100)) : 0;
  return `${p.toFixed(1)}%`;
}

/** Cuts a label to `max` characters (whole code points) and adds an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** The hash step of a transform (`sha256`), or null for a plain normalisation. */
export function hashOf(transform: string): string | null {
  const m = /^(sha256|sha1|md5|sha512)\(/i.exec(transform);
  return m?.[1]?.toLowerCase() ?? null;
}
