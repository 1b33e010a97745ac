import { ScanReportSchema, type ScanReport } from '../model';

/**
 * The report as JSON, validated against its schema first: a report that does not match the
 * published contract is a bug, and fails here rather than in a consumer's pipeline.
 */
export function renderJson(report: ScanReport, options: { indent?: number } = {}): string {
  return `${JSON.stringify(ScanReportSchema.parse(report), null, options.indent ?? 2)}\n`;
}
