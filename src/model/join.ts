import { z } from 'zod';

const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);

/** How a column's values are compared (see `keyKindOf`). */
export const KeyKindSchema = z.enum(['email', 'phone', 'hashed', 'uuid', 'handle', 'ga_client_id', 'identifier', 'value']);

export const ColumnRefSchema = z.object({ dataset: z.string(), column: z.string() });
export type ColumnRef = z.infer<typeof ColumnRefSchema>;

/** A column reference as one string, for maps and sets (`\u0000` cannot occur in either name's meaning). */
export const columnRefKey = (r: ColumnRef): string => `${r.dataset}\u0000${r.column}`;
/** Whether a candidate join or graph edge has `r` on either side. */
export const touchesColumn = (j: { left: ColumnRef; right: ColumnRef }, r: ColumnRef): boolean => columnRefKey(j.left) === columnRefKey(r) || columnRefKey(j.right) === columnRefKey(r);

/** One hash recipe tried on a plain column against a hashed one. */
export const RecipeMatchSchema = z.object({
  /** e.g. `sha256(lower(trim(email)))` */
  transform: z.string(),
  matchedValues: count,
  /** matched distinct values over the hashed side's distinct values */
  matchRate: share,
});

/**
 * A candidate join between two columns, measured on normalised values. Containment is matched
 * distinct values over each side's distinct values; match rate is the share of each side's
 * values (rows) whose key finds a partner.
 */
export const JoinCandidateSchema = z.object({
  left: ColumnRefSchema,
  right: ColumnRefSchema,
  keyKind: KeyKindSchema,
  /** the normalisation, e.g. `lower(trim(email))`, or the hash recipe applied to one side */
  transform: z.string(),
  /** the side the transform's hash step applies to, `both` when both sides are only normalised */
  transformSide: z.enum(['left', 'right', 'both']),
  matchedValues: count,
  distinctLeft: count,
  distinctRight: count,
  containmentLeft: share,
  containmentRight: share,
  jaccard: share,
  matchRateLeft: share,
  matchRateRight: share,
  cardinality: z.enum(['1:1', '1:n', 'n:1', 'n:m']),
  /** similarity of the column (and table) names, a weak signal only */
  nameSimilarity: share,
  confidence: share,
  accepted: z.boolean(),
  /** the acceptance rule that applies: `identity` (same person-key kind), `key` (a foreign key into a key), `none` */
  rule: z.enum(['identity', 'key', 'none']),
  /** one plain sentence: why it was accepted, or why not */
  explanation: z.string(),
  /** machine-readable evidence and rejection codes, e.g. `low_cardinality`, `generic_domain_no_name_evidence` */
  reasons: z.array(z.string()),
  /** both sides in one dataset (`reports_to` to `employee_id`) */
  selfJoin: z.boolean(),
  /** true when every figure is exact; false when measured on the coordinated sample */
  exact: z.boolean(),
  /** share of keys the figures were measured on (1 when exact); counts are scaled up by its inverse */
  sampleRate: share,
  /** for hashed-to-plain candidates: every recipe tried, best first */
  recipes: z.array(RecipeMatchSchema),
  /** distinct junk values left out of the comparison, both sides together */
  junkExcluded: count,
});
export type JoinCandidate = z.infer<typeof JoinCandidateSchema>;

/** A value that would merge different people into one profile. */
export const JunkValueSchema = z.object({
  dataset: z.string(),
  column: z.string(),
  /** the value as found, masked when masking is on */
  value: z.string(),
  /** the 52-bit hash of its canonical form, in hex: how findJoins and the stitch recognise it */
  keyHash: z.string(),
  /** `placeholder_email`, `repeated_digits`, `digit_sequence`, `placeholder_word`, `hash_of_placeholder`, `nil_uuid`, or `too_many_people` */
  reason: z.string(),
  rows: count,
  /** distinct identifiers of other columns that occur with it in the same rows (people behind it), when known */
  people: count.nullable(),
});
export type JunkValue = z.infer<typeof JunkValueSchema>;

/** A suggested per-identifier cap for identity resolution, from the data. */
export const IdentifierCapSchema = z.object({
  dataset: z.string(),
  column: z.string(),
  /** the most distinct values of the column one profile holds within the dataset (junk left out) */
  maxPerProfile: count,
  /** the 99th percentile of the same */
  p99PerProfile: count,
  suggestedCap: count,
  message: z.string(),
});
export type IdentifierCap = z.infer<typeof IdentifierCapSchema>;

export const JunkReportSchema = z.object({
  values: z.array(JunkValueSchema),
  caps: z.array(IdentifierCapSchema),
});
export type JunkReport = z.infer<typeof JunkReportSchema>;
