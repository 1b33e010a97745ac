import type { ScanReport } from '../../model';
import { DIMENSION_LABELS, formatCount, formatGain, formatScore, TOP_FIXES, totalRows } from '../_format';
import { escapeProse, escapeText } from './escape';

/** The title, what was scanned, and the executive summary for the marketing lead. */
export function summarySection(report: ScanReport): string {
  const { score } = report;
  const names = report.datasets.map((d) => escapeText(d.name, { lineStart: false })).join(', ');
  const lines = [
    '# stitchscan report',
    '',
    `${formatCount(report.datasets.length)} ${report.datasets.length === 1 ? 'dataset' : 'datasets'} (${names}), ${formatCount(totalRows(report))} rows, ` +
      `scanned ${escapeText(report.generatedAt, { lineStart: false })} by ${escapeText(report.tool.name, { lineStart: false })} ${escapeText(report.tool.version, { lineStart: false })}. ` +
      (report.options.mask ? 'Personal data is masked.' : '**Masking is off: personal data is shown as found.**'),
    '',
    '## Summary',
    '',
    `**Readiness score: ${formatScore(score.overall)}/100 · grade ${score.grade}**`,
    '',
    escapeProse(score.verdict),
    '',
  ];
  for (const d of score.dimensions) {
    const value = d.score === null ? 'not scored' : `${formatScore(d.score)}/100`;
    const basis = d.basis.trim() === '' ? '' : ` (${escapeText(d.basis, { lineStart: false })})`;
    lines.push(`- **${DIMENSION_LABELS[d.dimension]}:** ${value}${basis}`);
  }
  lines.push('', '### Top fixes', '');
  const top = report.findings.slice(0, TOP_FIXES);
  if (top.length === 0) lines.push('No problems found.');
  top.forEach((f, i) => {
    const { scoreBefore, scoreAfter, gain } = f.impact;
    lines.push(`${i + 1}. ${escapeProse(f.message)} Score ${formatScore(scoreBefore)} → ${formatScore(scoreAfter)} (${formatGain(gain)}).`);
  });
  return lines.join('\n');
}
