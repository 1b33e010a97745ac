import type { ScanReport } from '../../model';
import { formatCount, formatScore } from '../_format';
import { code, escapeText, markdownTable } from './escape';

/** One row per dataset: what it is, its size, identity columns, reading problems and score. */
export function datasetsSection(report: ScanReport): string {
  const rows = report.datasets.map((d) => {
    const input = report.inputs.find((i) => i.dataset === d.name);
    const score = report.score.perDataset.find((s) => s.dataset === d.name);
    const identity = d.columns.filter((c) => c.identity !== null).map((c) => code(c.name));
    return [
      escapeText(d.name, { lineStart: false }),
      input === undefined ? '' : input.role,
      d.source.compression === null ? d.format : `${d.format} (${d.source.compression})`,
      formatCount(d.rowCount),
      formatCount(d.columns.length),
      identity.length === 0 ? 'none' : identity.join(', '),
      formatCount(d.malformedRowCount),
      score === undefined ? 'not scored' : `${formatScore(score.overall)} (${score.grade})`,
    ];
  });
  return [
    '## Datasets',
    '',
    markdownTable(
      ['Dataset', 'Role', 'Format', 'Rows', 'Columns', 'Identity columns', 'Malformed rows', 'Score'],
      rows,
      ['l', 'l', 'l', 'r', 'r', 'l', 'r', 'r'],
    ),
  ].join('\n');
}
