// Counts, shares, scores, gains, references, labels and cuts read the same in every report.
import { HashAlgorithmSchema } from '../../model';

export { DIMENSION_LABELS, findingPlace, formatCount, formatEstimate, formatGain, formatRef, formatScore, formatShare, formatShareOf, TOP_FIXES, totalRows } from '../_format';
export { truncate } from '../_spans';

/** A share as a CSS width, clamped to 0-100 and rounded: the only numbers that go into `style`. */
export function cssPercent(x: number): string {
  const p = Number.isFinite(x) ? Math.min(100, Math.max(0, x * 100)) : 0;
  return `${p.toFixed(1)}%`;
}

/** A transform that starts with one of the hash algorithms joins use: `sha256(lower(trim(email)))`. */
const HASH_STEP = new RegExp(`^(${HashAlgorithmSchema.options.join('|')})\\(`, 'i');

/** The hash step of a transform (`sha256`), or null for a plain normalisation. */
export function hashOf(transform: string): string | null {
  return HASH_STEP.exec(transform)?.[1]?.toLowerCase() ?? null;
}
