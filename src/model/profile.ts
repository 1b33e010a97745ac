import { z } from 'zod';
import { FormatSchema, ReadIssueSchema, SourceInfoSchema } from './source';
import { HashAlgorithmSchema, SemanticTypeSchema } from './semantic';
import { VALUE_TYPES, type ValueType } from './kinds';

/** Physical type of one value, decided by its text alone. */
export const ValueTypeSchema = z.enum(VALUE_TYPES);
export type { ValueType };

/** Type of a column: its values' common type, or `mixed` when no type holds 95% of them. */
export const InferredTypeSchema = z.enum([
  'boolean',
  'integer',
  'decimal',
  'date',
  'datetime',
  'epoch',
  'identifier',
  'string',
  'mixed',
  'empty',
]);
export type InferredType = z.infer<typeof InferredTypeSchema>;

const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);

export const NullBreakdownSchema = z.object({
  /** the field was absent from the record (JSON, or a CSV column added later in a merge) */
  missing: count,
  /** a JSON null */
  jsonNull: count,
  /** an empty string */
  empty: count,
  /** only spaces, tabs or line breaks */
  whitespace: count,
  /** null-like tokens by their spelling as found (`NULL`, `N/A`, `-`, `none`, `undefined`, `nan`) */
  tokens: z.record(z.string(), count),
});

export const TopValueSchema = z.object({ value: z.string(), count, share });
export const PatternSchema = z.object({ pattern: z.string(), count, share });

export const NumericStatsSchema = z.object({
  count,
  min: z.number(),
  max: z.number(),
  mean: z.number(),
  stddev: z.number(),
  quantiles: z.object({ p1: z.number(), p25: z.number(), p50: z.number(), p75: z.number(), p99: z.number() }),
  /** quantiles are exact up to the budget, then from a KLL sketch with `quantileRankError` */
  quantilesExact: z.boolean(),
  quantileRankError: z.number().nonnegative(),
});

export const NumberFormatsSchema = z.object({
  /** `1,234,567` or `1,234.50` */
  thousandsComma: count,
  /** `1.234.567` or `1.234,50` */
  thousandsDot: count,
  /** `12,5` */
  decimalComma: count,
  /** Excel scientific notation that lost digits: `1.23457E+11` */
  excelScientific: count,
  /** integers written with a float artefact: `12345.0` */
  trailingDotZero: count,
  /** digit strings with a leading zero (`02134`), kept as codes */
  leadingZeros: count,
});

export const DateFormatCountSchema = z.object({
  /** date-fns format string, e.g. `dd/MM/yyyy`; `epoch-s` and `epoch-ms` for epoch numbers */
  format: z.string(),
  count,
});

export const DateStatsSchema = z.object({
  formats: z.array(DateFormatCountSchema),
  /** `day-first` or `month-first` for slash dates, decided from values with a part above 12 */
  order: z.enum(['day-first', 'month-first']).nullable(),
  /** true when slash dates exist but no value shows which part is the day */
  ambiguous: z.boolean(),
  /** slash dates that only one order can read (evidence counts) */
  dayFirstEvidence: count,
  monthFirstEvidence: count,
  min: z.string().nullable(),
  max: z.string().nullable(),
  /** whole days from the newest value to the scan time; negative if the newest is in the future */
  newestAgeDays: z.number().nullable(),
  /** values that look like dates but name no real day (`2023-02-30`) */
  invalidCount: count,
});

export const SemanticCandidateSchema = z.object({
  type: SemanticTypeSchema,
  /** share of non-null values that match the type's value test */
  share,
  /** whether the column name points to this type */
  nameMatch: z.boolean(),
});

/**
 * Checks of identity values: `valid` and `invalid` add up to `checked`; `normalisable` values are
 * valid once normalised (trim, lower case, one phone format). `details` names the counts behind
 * them (`mixedCase`, `padded`, `formats`...). `exact` is false when a value check was sampled.
 */
export const IdentityStatsSchema = z.object({
  kind: SemanticTypeSchema,
  checked: count,
  valid: count,
  invalid: count,
  normalisable: count,
  details: z.record(z.string(), count),
  exact: z.boolean(),
});

export const ColumnProfileSchema = z.object({
  name: z.string(),
  index: count,
  inferredType: InferredTypeSchema,
  /** count of values of each physical type; shares of non-null values in `typeMix` */
  typeCounts: z.record(ValueTypeSchema, count),
  typeMix: z.array(z.object({ type: ValueTypeSchema, share })),
  /** rows (of the dataset) in which the column holds no usable value, by every kind of null */
  nullCount: count,
  nulls: NullBreakdownSchema,
  /** non-null values seen; multi-valued cells count each item */
  valueCount: count,
  distinctCount: count,
  distinctExact: z.boolean(),
  /** relative standard error of `distinctCount` (0 when exact) */
  distinctError: z.number().nonnegative(),
  /** distinct / non-null values */
  uniqueness: share,
  /** non-null rows / rows */
  completeness: share,
  topValues: z.array(TopValueSchema),
  topValuesExact: z.boolean(),
  /** top-value counts may be low by at most this much (0 when exact) */
  topValuesError: count,
  /** personal-data values in `topValues` and `examples` are masked */
  masked: z.boolean(),
  examples: z.array(z.string()),
  lengths: z.object({ min: count, mean: z.number().nonnegative(), max: count }).nullable(),
  patterns: z.array(PatternSchema),
  patternsExact: z.boolean(),
  numeric: NumericStatsSchema.nullable(),
  numberFormats: NumberFormatsSchema,
  dateFormats: z.array(DateFormatCountSchema),
  dateAmbiguous: z.boolean(),
  dates: DateStatsSchema.nullable(),
  epochUnit: z.enum(['s', 'ms']).nullable(),
  semanticType: SemanticTypeSchema.nullable(),
  semanticConfidence: share,
  semanticShare: share,
  /** false when semantic matches were counted on a sample (values past the distinct budget) */
  semanticExact: z.boolean(),
  semanticCandidates: z.array(SemanticCandidateSchema),
  hashAlgorithm: HashAlgorithmSchema.nullable(),
  identity: IdentityStatsSchema.nullable(),
  /** rows holding an array; items are profiled one by one */
  multiValued: z.object({ rows: count, maxItems: count }).nullable(),
  /** short machine-readable notes, e.g. `excel_mangled`, `leading_zeros`, `mixed_types` */
  flags: z.array(z.string()),
  /** mergeable state of every statistic; dropped by `stripSketches()` */
  sketch: z.unknown().optional(),
});
export type ColumnProfile = z.infer<typeof ColumnProfileSchema>;

export const CandidateKeySchema = z.object({
  columns: z.array(z.string()).min(1),
  reason: z.string(),
  /** distinct / rows for single columns; estimated distinct pairs / sampled rows for pairs */
  uniqueness: share,
  completeness: share,
  score: share,
  exact: z.boolean(),
});
export type CandidateKey = z.infer<typeof CandidateKeySchema>;

export const ProfileOptionsUsedSchema = z.object({
  region: z.string(),
  distinctBudget: count,
  mask: z.boolean(),
});

export const DatasetProfileSchema = z.object({
  schemaVersion: z.number().int().positive(),
  name: z.string(),
  format: FormatSchema,
  source: SourceInfoSchema,
  /** data rows profiled (malformed rows excluded, see `issues`) */
  rowCount: count,
  /** rows skipped because they could not be read as a record */
  malformedRowCount: count,
  columns: z.array(ColumnProfileSchema),
  candidateKeys: z.array(CandidateKeySchema),
  issues: z.array(ReadIssueSchema),
  /** the time that ages (freshness) are measured against, ISO 8601 */
  profiledAt: z.string(),
  options: ProfileOptionsUsedSchema,
  /** mergeable dataset-level state (composite-key sketches); dropped by `stripSketches()` */
  sketch: z.unknown().optional(),
});
export type DatasetProfile = z.infer<typeof DatasetProfileSchema>;
