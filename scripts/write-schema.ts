// Writes the JSON Schemas in schema/ from their zod schemas (npm run schema); a test keeps them in step.
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../src/config-json-schema';
import { scanReportJsonSchema } from '../src/model/json-schema';

const write = (file: string, schema: unknown): void => writeFileSync(new URL(`../schema/${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
write('scan-report.schema.json', scanReportJsonSchema());
write('stitchscan.config.schema.json', configJsonSchema());
