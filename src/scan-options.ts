import { z } from 'zod';
import { DatasetRoleSchema, type DatasetRole } from './model';
import { BuildIdentityGraphOptionsSchema } from './graph/identity-graph';
import { FindJoinsOptionsSchema } from './keys/find-joins';
import { KeyHintsSchema } from './keys/key-hints';
import { ProfileOptionsSchema, type ProgressEvent } from './profile/options';
import { checkScoreOptions, ScoreOptionsShape } from './score/options';
import type { SourceInput } from './sources';

/** Options of one dataset, in a ScanInput object or a config file entry. */
export const DatasetOptionsSchema = z.object({
  name: z.string().min(1).optional(),
  role: DatasetRoleSchema.optional(),
  format: ProfileOptionsSchema.shape.format,
  encoding: ProfileOptionsSchema.shape.encoding,
  delimiter: ProfileOptionsSchema.shape.delimiter,
  hasHeader: ProfileOptionsSchema.shape.hasHeader,
  /** phone region of this dataset, instead of the scan's */
  region: ProfileOptionsSchema.shape.region.unwrap().optional(),
});

/** The fields of scan options, each from the schema of the stage that takes it. */
export const ScanOptionsFields = {
  region: ProfileOptionsSchema.shape.region,
  hub: BuildIdentityGraphOptionsSchema.shape.hub,
  mask: ProfileOptionsSchema.shape.mask,
  distinctBudget: ProfileOptionsSchema.shape.distinctBudget,
  keyBudget: ProfileOptionsSchema.shape.keyBudget,
  linkBudget: ProfileOptionsSchema.shape.linkBudget,
  /** the time ages are measured against (freshness); default: now */
  now: ProfileOptionsSchema.shape.profiledAt,
  threads: ProfileOptionsSchema.shape.threads,
  keyHints: KeyHintsSchema.prefault({}),
  minConfidence: FindJoinsOptionsSchema.shape.minConfidence.unwrap().optional(),
  ...ScoreOptionsShape,
};

/** Options of a scan (everything but the inputs and the progress callback). */
export const ScanOptionsSchema = z.object(ScanOptionsFields).strict().superRefine(checkScoreOptions);

/** A dataset to scan: a path, stream or rows, or that with its own options. */
export type ScanInput = SourceInput | ({ input: SourceInput } & z.input<typeof DatasetOptionsSchema>);

export type ScanOptions = z.input<typeof ScanOptionsSchema> & {
  /** called as each dataset is read, for progress bars */
  onProgress?: (event: ProgressEvent & { index: number; of: number }) => void;
};

export interface ResolvedInput {
  input: SourceInput;
  name: string;
  options: z.output<typeof DatasetOptionsSchema>;
  role: DatasetRole;
}

/** Tells a `{ input, ...options }` object from a source (rows arrays, streams and iterables have no `input`). */
export function isDatasetObject(x: ScanInput): x is { input: SourceInput } & z.input<typeof DatasetOptionsSchema> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof URL) && Object.hasOwn(x, 'input') && !(Symbol.asyncIterator in x) && !('pipe' in x);
}
