import { z } from 'zod';
import { ScanConfigSchema } from './config';

/** JSON Schema of stitchscan.config.json, for editors (`"$schema"` in the config file). */
export function configJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(ScanConfigSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }), title: 'stitchscan config file' };
}
