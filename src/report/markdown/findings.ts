import type { Finding, ScanReport } from '../../model';
import { DIMENSION_LABELS, findingPlace, formatCount, formatGain, formatScore } from '../_format';
import { escapeProse, escapeText } from './escape';

/** Every finding, largest gain first: where, how bad, what it means, how to fix it, what it is worth. */
export function findingsSection(report: ScanReport): string {
  const n = report.findings.length;
  const intro = n === 0 ? 'No problems found.' : `${formatCount(n)} ${n === 1 ? 'finding' : 'findings'}, largest score gain first.`;
  return ['## Findings', '', intro, ...report.findings.map(findingBlock)].join('\n');
}

function findingBlock(f: Finding): string {
  const place = findingPlace(f);
  const title = escapeText(f.code, { lineStart: false }) + (place === null ? '' : ` · ${escapeText(place, { lineStart: false })}`);
  const evidence = Object.entries(f.evidence)
    .map(([name, value]) => `${escapeText(name, { lineStart: false })} ${formatCount(value)}`)
    .join(' · ');
  const { scoreBefore, scoreAfter, gain, dimensionBefore, dimensionAfter } = f.impact;
  const dimension = DIMENSION_LABELS[f.dimension];
  const lines = [
    '',
    `### ${title}`,
    '',
    `**Severity:** ${f.severity} · **Dimension:** ${dimension}`,
    '',
    escapeProse(f.message),
    '',
    `**Fix:** ${escapeProse(f.fix)}`,
    '',
  ];
  if (evidence !== '') lines.push(`- **Evidence:** ${evidence}`);
  lines.push(
    `- **Impact:** score ${formatScore(scoreBefore)} → ${formatScore(scoreAfter)} (${formatGain(gain)}); ` +
      `${dimension} ${formatScore(dimensionBefore)} → ${formatScore(dimensionAfter)}`,
  );
  return lines.join('\n');
}
