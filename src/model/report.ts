import { z } from 'zod';
import { IdentityGraphSchema } from './graph';
import { JoinCandidateSchema } from './join';
import { DatasetProfileSchema } from './profile';

const count = z.number().int().nonnegative();
const points = z.number().min(0).max(100);

/** The seven readiness dimensions (docs/scoring.md gives each formula). */
export const DimensionSchema = z.enum([
  'identityCoverage',
  'keyQuality',
  'joinability',
  'completeness',
  'consistency',
  'freshness',
  'uniqueness',
]);
export type Dimension = z.infer<typeof DimensionSchema>;

/** Dimension names as people read them (reports; the verdict lower-cases them). */
export const DIMENSION_LABELS = {
  identityCoverage: 'Identity coverage',
  keyQuality: 'Key quality',
  joinability: 'Joinability',
  completeness: 'Completeness',
  consistency: 'Consistency',
  freshness: 'Freshness',
  uniqueness: 'Uniqueness',
} as const satisfies Record<Dimension, string>;

export const GradeSchema = z.enum(['A', 'B', 'C', 'D', 'E', 'F']);
export type Grade = z.infer<typeof GradeSchema>;

/** What a dataset holds, as the user declares it (config file); `other` when not said. */
export const DatasetRoleSchema = z.enum(['crm', 'web', 'email', 'social', 'other'], { error: 'must be one of crm, web, email, social, other' });
export type DatasetRole = z.infer<typeof DatasetRoleSchema>;

export const DimensionScoreSchema = z.object({
  dimension: DimensionSchema,
  /** 0 to 100, or null when the dimension does not apply (no date column for freshness, one dataset for joinability) */
  score: points.nullable(),
  /** the weight it carries in the overall score (weights of null dimensions are shared out among the others) */
  weight: z.number().nonnegative(),
  /** one line: the figures the score comes from */
  basis: z.string(),
});
export type DimensionScore = z.infer<typeof DimensionScoreSchema>;

export const DatasetScoreSchema = z.object({
  dataset: z.string(),
  overall: points,
  grade: GradeSchema,
  dimensions: z.array(DimensionScoreSchema),
});
export type DatasetScore = z.infer<typeof DatasetScoreSchema>;

export const ScoreSchema = z.object({
  /** weighted mean of the overall dimensions, 0 to 100, one decimal */
  overall: points,
  grade: GradeSchema,
  /** one plain sentence for the marketing lead */
  verdict: z.string(),
  dimensions: z.array(DimensionScoreSchema),
  perDataset: z.array(DatasetScoreSchema),
});
export type Score = z.infer<typeof ScoreSchema>;

export const SeveritySchema = z.enum(['high', 'medium', 'low']);
export type Severity = z.infer<typeof SeveritySchema>;

/** What fixing a finding is worth: the report re-scored with that one problem removed. */
export const FindingImpactSchema = z.object({
  scoreBefore: points,
  scoreAfter: points,
  /** scoreAfter - scoreBefore, two decimals (scores here have two decimals so that small fixes show) */
  gain: z.number(),
  dimensionBefore: points,
  dimensionAfter: points,
});

export const FindingSchema = z.object({
  /** stable, documented in docs/findings/<CODE>.md */
  code: z.string().regex(/^[A-Z][A-Z0-9_]+$/),
  severity: SeveritySchema,
  /** the dimension the problem lowers */
  dimension: DimensionSchema,
  dataset: z.string().nullable(),
  column: z.string().nullable(),
  /** the counts behind the finding, e.g. `{ affected: 427, checked: 4822 }` */
  evidence: z.record(z.string(), z.number()),
  /** for the marketing lead: what is wrong and why it matters, in plain words */
  message: z.string(),
  /** for the data engineer: exactly what to change */
  fix: z.string(),
  impact: FindingImpactSchema,
});
export type Finding = z.infer<typeof FindingSchema>;

export const ScoreWeightsSchema = z.object(
  Object.fromEntries(DimensionSchema.options.map((d) => [d, z.number().nonnegative()])) as Record<Dimension, z.ZodNumber>,
);
export type ScoreWeights = z.infer<typeof ScoreWeightsSchema>;

export const ScoreThresholdsSchema = z.object({
  /** newest activity at most this many days old scores 100 for freshness */
  freshDays: z.number().nonnegative(),
  /** newest activity this many days old or more scores 0 */
  staleDays: z.number().positive(),
});
export type ScoreThresholds = z.infer<typeof ScoreThresholdsSchema>;

export const ScanInputInfoSchema = z.object({
  dataset: z.string(),
  role: DatasetRoleSchema,
  /** the file path, or null for streams and in-memory rows */
  path: z.string().nullable(),
});

export const ScanOptionsUsedSchema = z.object({
  region: z.string(),
  hub: z.string().nullable(),
  mask: z.boolean(),
  distinctBudget: count,
  keyBudget: count,
  linkBudget: count,
  weights: ScoreWeightsSchema,
  thresholds: ScoreThresholdsSchema,
});

/** Version of the ScanReport JSON layout; bump on any breaking change. */
export const SCAN_REPORT_SCHEMA_VERSION = 1;

/** The product's public contract: everything a scan found, as plain JSON. */
export const ScanReportSchema = z.object({
  schemaVersion: z.literal(SCAN_REPORT_SCHEMA_VERSION),
  tool: z.object({ name: z.literal('stitchscan'), version: z.string() }),
  /** when the scan ran, ISO 8601; ages are measured against it */
  generatedAt: z.string(),
  options: ScanOptionsUsedSchema,
  inputs: z.array(ScanInputInfoSchema),
  /** one profile per dataset, without the mergeable sketch state */
  datasets: z.array(DatasetProfileSchema),
  /** every candidate join measured, accepted or not, best first */
  joins: z.array(JoinCandidateSchema),
  graph: IdentityGraphSchema,
  score: ScoreSchema,
  /** sorted by impact, largest gain first */
  findings: z.array(FindingSchema),
});
export type ScanReport = z.infer<typeof ScanReportSchema>;
