import type { ScanReport } from '../model';
import { datasetsSection } from './markdown/datasets';
import { findingsSection } from './markdown/findings';
import { joinsSection } from './markdown/joins';
import { stitchSection } from './markdown/stitch';
import { summarySection } from './markdown/summary';

/**
 * The full report as GitHub-flavoured Markdown: the executive summary first (score, grade,
 * verdict, dimensions, top three fixes), then datasets, accepted joins, the stitch estimate and
 * every finding with its fix. Data values are escaped, so a column name cannot break a table or
 * inject HTML. Pure: report in, text out.
 * @param report a ScanReport
 * @returns Markdown text ending in a newline
 * @example await writeFile('report.md', renderMarkdown(await scan(inputs)))
 */
export function renderMarkdown(report: ScanReport): string {
  const sections = [summarySection(report), datasetsSection(report), joinsSection(report), stitchSection(report), findingsSection(report)];
  return `${sections.join('\n\n')}\n`;
}
