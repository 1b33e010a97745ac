import type { JoinCandidate, ScanReport } from '../../model';
import { formatCount, formatRef, formatShare } from '../_format';
import { code, markdownTable } from './escape';

/** The accepted joins with their figures, then how many candidates were rejected. */
export function joinsSection(report: ScanReport): string {
  const accepted = report.joins.filter((j) => j.accepted);
  const rejected = report.joins.length - accepted.length;
  const lines = ['## Joins', ''];
  if (accepted.length === 0) {
    lines.push('No join was accepted: no two datasets share an identity column that links their records.');
  } else {
    lines.push(
      markdownTable(
        ['Left', 'Right', 'Transform', 'Containment L', 'Containment R', 'Match rate L', 'Match rate R', 'Cardinality', 'Confidence'],
        accepted.map(joinRow),
        ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'l', 'r'],
      ),
      '',
      'Containment: the share of each side’s distinct values found on the other side. Match rate: the share of each side’s rows whose key finds a partner.' +
        (accepted.some((j) => !j.exact) ? ' `~` marks figures measured on a sample of the keys.' : ''),
    );
  }
  lines.push(
    '',
    rejected === 0
      ? 'No candidate join was rejected.'
      : `${formatCount(rejected)} other candidate ${rejected === 1 ? 'join was' : 'joins were'} measured and rejected (each with its reason in the JSON report’s \`joins\`).`,
  );
  return lines.join('\n');
}

function joinRow(j: JoinCandidate): string[] {
  const share = (x: number): string => `${j.exact ? '' : '~'}${formatShare(x)}`;
  return [
    code(formatRef(j.left)),
    code(formatRef(j.right)),
    j.transformSide === 'both' ? code(j.transform) : `${code(j.transform)} on ${j.transformSide}`,
    share(j.containmentLeft),
    share(j.containmentRight),
    share(j.matchRateLeft),
    share(j.matchRateRight),
    j.cardinality,
    j.confidence.toFixed(2),
  ];
}
