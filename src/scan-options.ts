import { z } from 'zod';
import { DatasetRoleSchema, type DatasetRole } from './model';
import { KeyHintsSchema } from './keys/key-hints';
import { ProfileOptionsSchema, type ProgressEvent } from './profile/options';
import { ScoreOptionsSchema } from './score/options';
import type { SourceInput } from './sources';

/** Options of one dataset, in a ScanInput object or a config file entry. */
export const DatasetOptionsSchema = z.object({
  name: z.string().min(1).optional(),
  role: DatasetRoleSchema.optional(),
  format: ProfileOptionsSchema.shape.format,
  encoding: ProfileOptionsSchema.shape.encoding,
  delimiter: ProfileOptionsSchema.shape.delimiter,
  hasHeader: z.boolean().optional(),
  /** phone region of this dataset, instead of the scan's */
  region: ProfileOptionsSchema.shape.region.unwrap().optional(),
});

/** Options of a scan (everything but the inputs and the progress callback). */
export const ScanOptionsSchema = z
  .object({
    region: ProfileOptionsSchema.shape.region,
    /** the dataset the others should reach; default: the one with most joins */
    hub: z.string().min(1).optional(),
    mask: z.boolean().default(true),
    distinctBudget: ProfileOptionsSchema.shape.distinctBudget,
    keyBudget: ProfileOptionsSchema.shape.keyBudget,
    linkBudget: ProfileOptionsSchema.shape.linkBudget,
    /** the time ages are measured against (freshness); default: now */
    now: ProfileOptionsSchema.shape.profiledAt,
    threads: z.boolean().optional(),
    keyHints: KeyHintsSchema.optional(),
    /** candidate joins below this confidence are not accepted */
    minConfidence: z.number().min(0).max(1).optional(),
  })
  .extend(ScoreOptionsSchema.shape)
  .strict();

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
