import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import { StitchscanError } from '../errors';
import { parseOptions } from '../options-error';
import { EncodingSchema } from '../model';
import { DEFAULT_KEY_BUDGET } from './key-table';
import { DEFAULT_LINK_BUDGET } from './link-table';

export const DEFAULT_DISTINCT_BUDGET = 50_000;
export const DEFAULT_REGION = 'US';

export const ProfileOptionsSchema = z.object({
  /** dataset name; default: the file name without extensions */
  name: z.string().min(1).optional(),
  /** input format; default: detected from extension and content */
  format: z.enum(['csv', 'ndjson', 'json'], { error: 'must be csv, ndjson or json' }).optional(),
  encoding: z.enum(EncodingSchema.options, { error: `must be one of ${EncodingSchema.options.join(', ')}` }).optional(),
  /** CSV field delimiter; default: sniffed among , ; tab | */
  delimiter: z.string().min(1, { error: 'must be 1 to 8 characters' }).max(8, { error: 'must be 1 to 8 characters' }).optional(),
  hasHeader: z.boolean().optional(),
  /** ISO 3166 region for phone numbers written without a country code */
  region: z
    .string()
    .transform((r) => r.toUpperCase())
    .refine((r): boolean => isSupportedCountry(r), { message: 'must be a two-letter ISO 3166 country code such as US, GB or DE' })
    .default(DEFAULT_REGION),
  /** distinct values per column counted exactly before switching to HyperLogLog */
  distinctBudget: z.number().int().min(16).max(10_000_000).default(DEFAULT_DISTINCT_BUDGET),
  /** distinct join keys per identity column kept exactly before a coordinated sample (see docs/joins.md) */
  keyBudget: z.number().int().min(16).max(10_000_000).default(DEFAULT_KEY_BUDGET),
  /** distinct combinations of identity keys in a row kept exactly before a coordinated sample */
  linkBudget: z.number().int().min(16).max(10_000_000).default(DEFAULT_LINK_BUDGET),
  /** mask personal data in top values and examples */
  mask: z.boolean().default(true),
  /** the time freshness is measured against; default: now */
  profiledAt: z.union([z.date(), z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
  /**
   * profile in a worker thread while this one reads (1.4 to 1.6 times one thread's throughput on the
   * CSV bench on two cores: its `profile` and `one thread` lines);
   * default: only for files of 16 MB or more on a machine with more than one core
   */
  threads: z.boolean().optional(),
  /** keep the mergeable sketch state in the profile (needed by mergeProfiles) */
  sketches: z.boolean().default(true),
});

export interface ProgressEvent {
  dataset: string;
  rows: number;
  bytesRead: number;
  totalBytes: number | null;
}

export type ProfileOptions = z.input<typeof ProfileOptionsSchema> & {
  /** called after each batch of rows, for progress bars */
  onProgress?: (event: ProgressEvent) => void;
};

export type ResolvedProfileOptions = z.output<typeof ProfileOptionsSchema> & {
  region: CountryCode;
  profiledAt: Date;
  onProgress?: (event: ProgressEvent) => void;
};

/** Validates options; a bad value is a StitchscanError naming the option, what it takes and what it got. */
export function resolveProfileOptions(options: ProfileOptions = {}): ResolvedProfileOptions {
  const { onProgress, ...rest } = options;
  const value = parseOptions(ProfileOptionsSchema, rest);
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new StitchscanError('E_INVALID_OPTION', 'Invalid option onProgress: must be a function');
  }
  const profiledAt = value.profiledAt === undefined ? new Date() : new Date(value.profiledAt);
  return { ...value, region: value.region as CountryCode, profiledAt, ...(onProgress ? { onProgress } : {}) };
}
