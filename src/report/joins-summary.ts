import type { IdentityGraph, JoinCandidate } from '../model';
import { formatCount as fmt, formatEstimate, formatRef as ref, formatShare as pct } from './_format';
import { terminalText } from './_spans';
import { SAMPLED_STITCH_CAVEAT } from './_stitch-caveat';
import { textTable } from './text-table';

/** Rejected candidates shown (the strongest), so a reader sees what almost joined and why not. */
export const REJECTED_SHOWN = 5;

/**
 * The terminal summary of join discovery and the dry-run stitch: accepted joins with their
 * figures and one sentence each, the strongest rejected candidates, junk identifiers, suggested
 * caps and the stitch estimate. Pure: joins and graph in, text out.
 * @example console.log(renderJoinsSummary(joins, buildIdentityGraph(profiles, joins)))
 */
export function renderJoinsSummary(joins: readonly JoinCandidate[], graph: IdentityGraph): string {
  const accepted = joins.filter((j) => j.accepted);
  const lines: string[] = [`Joins: ${accepted.length} accepted of ${joins.length} candidates`, ''];
  if (accepted.length > 0) {
    lines.push(
      ...textTable(
        ['left', 'right', 'transform', 'matched', 'contain L', 'contain R', 'rows L', 'rows R', 'card.', 'conf.'],
        accepted.map((j) => [
          ref(j.left),
          ref(j.right),
          j.transformSide === 'both' ? j.transform : `${j.transform} (${j.transformSide})`,
          formatEstimate(j.matchedValues, j.exact),
          pct(j.containmentLeft),
          pct(j.containmentRight),
          pct(j.matchRateLeft),
          pct(j.matchRateRight),
          j.cardinality,
          j.confidence.toFixed(2),
        ]),
        ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'l', 'r'],
      ),
      '',
    );
    for (const j of accepted) lines.push(`  - ${j.explanation}`);
  }
  const rejected = joins.filter((j) => !j.accepted).slice(0, REJECTED_SHOWN);
  if (rejected.length > 0) {
    lines.push('', 'Strongest rejected candidates');
    for (const j of rejected) lines.push(`  - ${j.explanation}`);
  }
  if (graph.junk.length > 0) {
    lines.push('', 'Junk identifiers (left out of matching)');
    for (const v of graph.junk) {
      const people = v.people === null ? '' : `, ${fmt(v.people)} distinct other ids`;
      lines.push(`  - ${ref(v)} ${v.value}: ${v.reason}, ${fmt(v.rows)} rows${people}`);
    }
  }
  if (graph.caps.length > 0) {
    lines.push('', 'Suggested identifier caps');
    for (const c of graph.caps) lines.push(`  - ${c.message}`);
  }
  const s = graph.stitch;
  lines.push(
    '',
    `Dry-run stitch (${s.exact ? 'exact' : `estimated on a ${pct(s.sampleRate)} coordinated sample`}): ${fmt(s.unifiedProfiles)} unified customer profiles`,
  );
  if (!s.exact) lines.push(SAMPLED_STITCH_CAVEAT);
  lines.push(
    ...textTable(
      ['dataset', 'rows', 'linked to another source', 'share'],
      s.datasets.map((d) => [d.dataset, fmt(d.rows), fmt(d.linkedRows), pct(d.linkedShare)]),
      ['l', 'r', 'r', 'r'],
    ),
  );
  lines.push('', 'Profiles by sources');
  for (const o of s.overlaps) lines.push(`  ${o.datasets.join(' + ')}: ${fmt(o.profiles)}`);
  if (graph.hub !== null) {
    lines.push('', `Hub: ${graph.hub}${graph.unreachable.length === 0 ? '; every dataset reaches it' : `; cannot reach it: ${graph.unreachable.join(', ')}`}`);
  }
  // data (names, junk values) reaches the terminal: no control character, no line break passes as found
  return lines.map(terminalText).join('\n');
}
