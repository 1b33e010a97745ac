// Counts, shares, scores, gains, references, labels and cuts read the same in every report.
export { DIMENSION_LABELS, findingPlace, formatCount, formatGain, formatRef, formatScore, formatShare, TOP_FIXES } from '../_format';
export { truncate } from '../_spans';

/** A share as a CSS width, clamped to 0-100 and rounded: the only numbers that go into `style`. */
export function cssPercent(x: number): string {
  const p = Number.isFinite(x) ? Math.min(100, Math.max(0, x * 100)) : 0;
  return `${p.toFixed(1)}%`;
}

/** The hash step of a transform (`sha256`), or null for a plain normalisation. */
export function hashOf(transform: string): string | null {
  const m = /^(sha256|sha1|md5|sha512)\(/i.exec(transform);
  return m?.[1]?.toLowerCase() ?? null;
}
