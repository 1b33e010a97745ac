import { z } from 'zod';
import { ColumnRefSchema, IdentifierCapSchema, JunkValueSchema } from './join';

const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);

export const GraphEdgeSchema = z.object({
  left: ColumnRefSchema,
  right: ColumnRefSchema,
  transform: z.string(),
  matchRateLeft: share,
  matchRateRight: share,
  confidence: share,
});

export const DatasetLinkageSchema = z.object({
  dataset: z.string(),
  rows: count,
  /** rows whose profile also holds a record of another dataset */
  linkedRows: count,
  linkedShare: share,
  /** rows with no usable identity value (each is a profile of its own) */
  rowsWithoutKeys: count,
});

export const SourceOverlapSchema = z.object({
  /** the datasets a profile has records in, sorted */
  datasets: z.array(z.string()),
  profiles: count,
});

export const ClusterValueSchema = z.object({
  dataset: z.string(),
  column: z.string(),
  /** display label (masked when masking is on), or null when the profile kept none */
  value: z.string().nullable(),
  /** distinct row combinations (links) of its dataset it appears in */
  links: count,
});

export const StitchEstimateSchema = z.object({
  /** estimated number of unified customer profiles after linking every record on the accepted joins */
  unifiedProfiles: count,
  exact: z.boolean(),
  /** share of identity values the stitch ran on (1 when exact) */
  sampleRate: share,
  /** the identity columns the records were linked through */
  columnsUsed: z.array(ColumnRefSchema),
  datasets: z.array(DatasetLinkageSchema),
  overlaps: z.array(SourceOverlapSchema),
  /** profiles by number of distinct identity values */
  sizeDistribution: z.array(z.object({ size: z.string(), profiles: count })),
  largestClusters: z.array(
    z.object({ identityValues: count, rows: count, datasets: z.array(z.string()), topValues: z.array(ClusterValueSchema) }),
  ),
  /** distinct junk values left out of the linking */
  junkExcluded: count,
});
export type StitchEstimate = z.infer<typeof StitchEstimateSchema>;

export const IdentityGraphSchema = z.object({
  nodes: z.array(z.object({ dataset: z.string(), rows: count, joins: count })),
  edges: z.array(GraphEdgeSchema),
  /** groups of datasets connected by accepted joins */
  components: z.array(z.array(z.string())),
  hub: z.string().nullable(),
  hubChosenBy: z.enum(['user', 'most_joins']).nullable(),
  /** datasets that cannot reach the hub */
  unreachable: z.array(z.string()),
  stitch: StitchEstimateSchema,
  junk: z.array(JunkValueSchema),
  caps: z.array(IdentifierCapSchema),
});
export type IdentityGraph = z.infer<typeof IdentityGraphSchema>;
