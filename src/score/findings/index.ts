import type { ColumnRef, DatasetProfile, Finding, IdentityGraph, JoinCandidate, Score } from '../../model';
import type { ReadinessFacts } from '../facts';
import type { ResolvedScoreOptions } from '../options';
import { scoreWithPrecision } from '../score';
import { FINDING_CODES, severityOf } from './codes';
import { consistencyFindings } from './consistency-findings';
import { datasetFindings } from './dataset-findings';
import type { FindingDraft } from './draft';
import { estateFindings } from './estate-findings';
import { keyFindings } from './key-findings';

const round2 = (x: number): number => Math.round(x * 100) / 100;
const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/** Every problem in the facts, as drafts (no impact yet). */
export function draftFindings(facts: ReadinessFacts, profiles: readonly DatasetProfile[], joins: readonly JoinCandidate[], graph: IdentityGraph, options: ResolvedScoreOptions, ignore: readonly ColumnRef[] = []): FindingDraft[] {
  return [
    ...facts.datasets.flatMap((d) => [...keyFindings(d, graph), ...datasetFindings(d, facts, graph, options), ...consistencyFindings(d)]),
    ...estateFindings(facts, profiles, joins, graph, ignore),
  ];
}

/**
 * Findings with their impact: each is re-scored on a copy of the facts with that one problem
 * repaired, and the list is sorted by the score gained (then severity, then code).
 *
 * @param current the score of `facts` when the caller has it already
 */
export function findingsWithImpact(
  drafts: readonly FindingDraft[],
  facts: ReadinessFacts,
  options: ResolvedScoreOptions,
  current: { score: Score; precise: number } = scoreWithPrecision(facts, options),
): Finding[] {
  const { score, precise } = current;
  const findings = drafts.map((draft): Finding => {
    const copy = structuredClone(facts);
    draft.repair(copy);
    const { score: after, precise: afterPrecise } = scoreWithPrecision(copy, options);
    const dimension = FINDING_CODES[draft.code].dimension;
    const before = score.dimensions.find((d) => d.dimension === dimension)?.score ?? 0;
    const afterDimension = after.dimensions.find((d) => d.dimension === dimension)?.score ?? before;
    const gain = round2(afterPrecise - precise);
    return {
      code: draft.code,
      severity: severityOf(draft.code, gain),
      dimension,
      dataset: draft.dataset,
      column: draft.column,
      evidence: draft.evidence,
      message: draft.message,
      fix: draft.fix,
      impact: { scoreBefore: round2(precise), scoreAfter: round2(afterPrecise), gain, dimensionBefore: before, dimensionAfter: afterDimension },
    };
  });
  return findings.sort(
    (a, b) => b.impact.gain - a.impact.gain || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code) || (a.dataset ?? '').localeCompare(b.dataset ?? '') || (a.column ?? '').localeCompare(b.column ?? ''),
  );
}
