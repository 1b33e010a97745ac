import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { DatasetOptionsSchema, ScanOptionsFields, type ScanInput, type ScanOptions } from './scan-options';
import { checkScoreOptions } from './score/options';
import { parseOptions } from './options-error';

export const REPORT_FORMATS = ['html', 'json', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * `stitchscan.config.json`: the datasets to scan and the scan's options. Paths are relative to
 * the config file. Unknown fields are errors, so a typo cannot be ignored silently.
 */
export const ScanConfigSchema = z
  .object(ScanOptionsFields)
  .omit({ now: true, threads: true })
  .extend({
    $schema: z.string().optional(),
    datasets: z
      .array(DatasetOptionsSchema.extend({ path: z.string({ error: 'must be the path of the file, relative to the config file' }).min(1) }).strict())
      .min(1, { error: 'must list at least one dataset' }),
    /** where the command writes reports */
    out: z.string().min(1).optional(),
    formats: z.array(z.enum(REPORT_FORMATS, { error: `must be one of ${REPORT_FORMATS.join(', ')}` })).min(1).optional(),
    /** exit 1 when the overall score is lower */
    failUnder: z.number().min(0).max(100).optional(),
  })
  .strict()
  .superRefine(checkScoreOptions);
export type ScanConfig = z.input<typeof ScanConfigSchema>;

export interface ConfiguredScan {
  inputs: ScanInput[];
  options: ScanOptions;
  out?: string;
  formats?: ReportFormat[];
  failUnder?: number;
}

/**
 * Validates a parsed config file and turns it into scan() arguments. Errors are
 * StitchscanErrors (E_INVALID_CONFIG) naming the field, what it takes and what it got.
 *
 * @param config the parsed JSON
 * @param baseDir the config file's directory: dataset paths and `out` are resolved from it
 */
export function configToScan(config: unknown, baseDir: string): ConfiguredScan {
  const parsed = parseOptions(ScanConfigSchema, config, { code: 'E_INVALID_CONFIG' });
  const { datasets, out, formats, failUnder, $schema: _schema, ...options } = parsed;
  const at = (p: string): string => (isAbsolute(p) ? p : resolve(baseDir, p));
  return {
    inputs: datasets.map(({ path, ...rest }) => ({ input: at(path), ...rest })),
    options,
    ...(out === undefined ? {} : { out: at(out) }),
    ...(formats === undefined ? {} : { formats }),
    ...(failUnder === undefined ? {} : { failUnder }),
  };
}
