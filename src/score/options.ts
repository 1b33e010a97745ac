import { z } from 'zod';
import { StitchscanError } from '../errors';
import { DimensionSchema, type Dimension, type ScoreThresholds, type ScoreWeights } from '../model';

/**
 * Default weights of the dimensions in the overall score (they need not add up to 100: the score
 * divides by their sum). Joinability weighs most: it is the question a single customer view asks.
 */
export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = {
  identityCoverage: 20,
  keyQuality: 20,
  joinability: 25,
  completeness: 10,
  consistency: 10,
  freshness: 5,
  uniqueness: 10,
};

/** Newest activity within 30 days scores 100 for freshness, a year or older 0. */
export const DEFAULT_THRESHOLDS: Readonly<ScoreThresholds> = { freshDays: 30, staleDays: 365 };

export const ScoreOptionsSchema = z.object({
  /** weights by dimension; the ones not given keep their default */
  weights: z
    .object(Object.fromEntries(DimensionSchema.options.map((d) => [d, z.number().min(0).max(1000).optional()])) as Record<Dimension, z.ZodOptional<z.ZodNumber>>)
    .strict()
    .optional(),
  thresholds: z
    .object({ freshDays: z.number().min(0).optional(), staleDays: z.number().positive().optional() })
    .strict()
    .optional(),
});
export type ScoreOptions = z.input<typeof ScoreOptionsSchema>;

export interface ResolvedScoreOptions {
  weights: ScoreWeights;
  thresholds: ScoreThresholds;
}

/** Fills in defaults; rejects weights that sum to 0 and a stale threshold below the fresh one. */
export function resolveScoreOptions(options: ScoreOptions = {}): ResolvedScoreOptions {
  const weights = { ...DEFAULT_WEIGHTS } as ScoreWeights;
  for (const [k, v] of Object.entries(options.weights ?? {})) if (v !== undefined) weights[k as Dimension] = v;
  const thresholds = { ...DEFAULT_THRESHOLDS, ...Object.fromEntries(Object.entries(options.thresholds ?? {}).filter(([, v]) => v !== undefined)) };
  if (thresholds.staleDays <= thresholds.freshDays) {
    throw new StitchscanError('E_INVALID_OPTION', `Invalid option thresholds.staleDays: must be more than freshDays (${thresholds.freshDays}), got ${thresholds.staleDays}`);
  }
  if (Object.values(weights).every((w) => w === 0)) {
    throw new StitchscanError('E_INVALID_OPTION', 'Invalid option weights: at least one dimension must weigh more than 0, got all 0');
  }
  return { weights, thresholds };
}
