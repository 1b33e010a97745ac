import { z } from 'zod';
import { DimensionSchema, ScoreThresholdsSchema, ScoreWeightsSchema, type ScoreThresholds, type ScoreWeights } from '../model';

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

export const ScoreOptionsShape = {
  /** weights by dimension; the ones not given keep their default */
  weights: ScoreWeightsSchema.partial().strict().optional(),
  /** freshness thresholds; the ones not given keep their default */
  thresholds: ScoreThresholdsSchema.partial().strict().optional(),
};

/**
 * What no single field can check: the stale threshold above the fresh one, and some weight above
 * 0, each counting the defaults of what is not given. Checked with the options, before any file is read.
 */
export function checkScoreOptions(options: z.output<z.ZodObject<typeof ScoreOptionsShape>>, ctx: z.RefinementCtx): void {
  const fresh = options.thresholds?.freshDays ?? DEFAULT_THRESHOLDS.freshDays;
  const stale = options.thresholds?.staleDays ?? DEFAULT_THRESHOLDS.staleDays;
  if (stale <= fresh) ctx.addIssue({ code: 'custom', path: ['thresholds', 'staleDays'], message: `must be more than freshDays (${fresh})` });
  if (DimensionSchema.options.every((d) => (options.weights?.[d] ?? DEFAULT_WEIGHTS[d]) === 0)) {
    ctx.addIssue({ code: 'custom', path: ['weights'], message: 'at least one dimension must weigh more than 0' });
  }
}

export const ScoreOptionsSchema = z.object(ScoreOptionsShape).strict().superRefine(checkScoreOptions);
export type ScoreOptions = z.input<typeof ScoreOptionsSchema>;

export interface ResolvedScoreOptions {
  weights: ScoreWeights;
  thresholds: ScoreThresholds;
}

/** The defaults, with each value given (and not undefined) in place of its default. */
function withDefaults<T extends object>(defaults: Readonly<T>, given: Partial<T> | undefined): T {
  return { ...defaults, ...Object.fromEntries(Object.entries(given ?? {}).filter(([, v]) => v !== undefined)) } as T;
}

/** Fills in the defaults of options checked by ScoreOptionsSchema. */
export function resolveScoreOptions(options: ScoreOptions = {}): ResolvedScoreOptions {
  return { weights: withDefaults(DEFAULT_WEIGHTS, options.weights), thresholds: withDefaults(DEFAULT_THRESHOLDS, options.thresholds) };
}
