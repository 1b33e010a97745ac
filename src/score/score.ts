import { DimensionSchema, type Dimension, type DimensionScore, type Score } from '../model';
import { ATTRIBUTE_GROUPS } from './attributes';
import { DATASET_DIMENSIONS } from './dimensions';
import type { ReadinessFacts } from './facts';
import { gradeOf, verdictOf } from './grade';
import type { ResolvedScoreOptions } from './options';

/** Share of overall completeness given to the profile attributes found in no dataset at all. */
export const ESTATE_ATTRIBUTE_SHARE = 0.2;

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Weighted mean of the dimensions that apply; weights of the others are shared out. */
function weightedOverall(dimensions: readonly { dimension: Dimension; score: number | null }[], weights: Readonly<Record<Dimension, number>>): number {
  let sum = 0;
  let weight = 0;
  for (const d of dimensions) {
    if (d.score === null) continue;
    sum += d.score * weights[d.dimension];
    weight += weights[d.dimension];
  }
  return weight === 0 ? 0 : sum / weight;
}

function effectiveWeights(dimensions: readonly { dimension: Dimension; score: number | null }[], weights: Readonly<Record<Dimension, number>>): Map<Dimension, number> {
  const total = dimensions.reduce((s, d) => s + (d.score === null ? 0 : weights[d.dimension]), 0);
  return new Map(dimensions.map((d) => [d.dimension, d.score === null || total === 0 ? 0 : round1((100 * weights[d.dimension]) / total) / 100]));
}

function toScores(values: readonly { dimension: Dimension; score: number | null; basis: string }[], weights: Readonly<Record<Dimension, number>>): DimensionScore[] {
  const effective = effectiveWeights(values, weights);
  return values.map((v) => ({ dimension: v.dimension, score: v.score === null ? null : round1(v.score), weight: effective.get(v.dimension) ?? 0, basis: v.basis }));
}

/**
 * Scores the facts: each dimension per dataset, each overall dimension as the mean over the
 * datasets it applies to, and the overall score as the weighted mean of those (docs/scoring.md).
 * Also returns the overall before rounding (impacts are differences of it).
 */
export function scoreWithPrecision(facts: ReadinessFacts, options: ResolvedScoreOptions): { score: Score; precise: number } {
  // each dataset's dimensions, unrounded: the overall dimensions average these
  const raw = facts.datasets.map((d) => DimensionSchema.options.map((dimension) => ({ dimension, ...DATASET_DIMENSIONS[dimension](d, facts, options) })));
  const perDataset = facts.datasets.map((d, i) => {
    const overall = round1(weightedOverall(raw[i]!, options.weights));
    return { dataset: d.dataset, overall, grade: gradeOf(overall), dimensions: toScores(raw[i]!, options.weights) };
  });
  const overallValues = DimensionSchema.options.map((dimension, k) => {
    const scored = facts.datasets
      .map((d, i) => ({ dataset: d.dataset, score: raw[i]![k]!.score }))
      .filter((x): x is { dataset: string; score: number } => x.score !== null);
    if (scored.length === 0) return { dimension, score: null, basis: raw[0]?.[k]?.basis ?? 'no datasets' };
    let score = scored.reduce((a, x) => a + x.score, 0) / scored.length;
    let basis = `mean of ${scored.map((x) => `${x.dataset} ${Math.round(x.score)}`).join(', ')}`;
    if (dimension === 'completeness') {
      const present = ATTRIBUTE_GROUPS.filter((g) => facts.datasets.some((d) => d.attributes[g] !== null));
      score = (1 - ESTATE_ATTRIBUTE_SHARE) * score + ESTATE_ATTRIBUTE_SHARE * 100 * (present.length / ATTRIBUTE_GROUPS.length);
      basis += `; profile attributes found: ${present.length} of ${ATTRIBUTE_GROUPS.length} (${present.join(', ') || 'none'})`;
    }
    return { dimension, score, basis };
  });
  const precise = weightedOverall(overallValues, options.weights);
  const overall = round1(precise);
  const grade = gradeOf(overall);
  const dimensions = toScores(overallValues, options.weights);
  return { score: { overall, grade, verdict: verdictOf(grade, dimensions), dimensions, perDataset }, precise };
}
