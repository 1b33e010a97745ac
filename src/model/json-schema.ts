import { z } from 'zod';
import { ScanReportSchema } from './report';

/** Where the published JSON Schema of the ScanReport lives. */
const SCAN_REPORT_SCHEMA_ID = 'https://stitchscan.dev/schema/scan-report.schema.json';

/**
 * The JSON Schema (draft 2020-12) of the ScanReport, generated from its zod schema: the same
 * document `stitchscan schema` prints and the package ships as `stitchscan/schema.json`.
 */
export function scanReportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScanReportSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'output' });
  return { ...schema, $id: SCAN_REPORT_SCHEMA_ID, title: 'stitchscan ScanReport', description: 'Everything a stitchscan scan found: dataset profiles, joins, the identity graph and stitch estimate, the readiness score and the findings.' };
}
