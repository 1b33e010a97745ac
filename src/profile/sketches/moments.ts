/**
 * Count, mean and sum of squared deviations (Welford), mergeable with Chan et al.'s parallel
 * formula, so that two halves merge to the whole up to floating-point rounding.
 */
export interface Moments {
  n: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
}

export function createMoments(): Moments {
  return { n: 0, mean: 0, m2: 0, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY };
}

/** Adds `x` with integer weight `w` (a value seen w times). */
export function addMoment(m: Moments, x: number, w = 1): void {
  const n = m.n + w;
  const delta = x - m.mean;
  m.mean += (delta * w) / n;
  m.m2 += delta * (x - m.mean) * w;
  m.n = n;
  if (x < m.min) m.min = x;
  if (x > m.max) m.max = x;
}

export function mergeMoments(a: Moments, b: Moments): Moments {
  if (a.n === 0) return { ...b };
  if (b.n === 0) return { ...a };
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  return {
    n,
    mean: a.mean + (delta * b.n) / n,
    m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
  };
}

/** Population standard deviation. */
export function stddevOf(m: Moments): number {
  return m.n > 0 ? Math.sqrt(Math.max(0, m.m2) / m.n) : 0;
}
