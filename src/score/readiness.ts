import type { ColumnRef, DatasetProfile, Finding, IdentityGraph, JoinCandidate, Score } from '../model';
import { parseOptions } from '../options-error';
import { collectFacts } from './facts';
import { draftFindings, findingsWithImpact } from './findings';
import { resolveScoreOptions, ScoreOptionsSchema, type ResolvedScoreOptions, type ScoreOptions } from './options';
import { scoreWithPrecision } from './score';

/**
 * The readiness score and the findings, from the profiles (with sketches), their joins and the
 * identity graph. Each finding carries the score the report would have with that problem fixed.
 *
 * @param profiles the profiles given to findJoins
 * @param joins findJoins' result
 * @param graph buildIdentityGraph's result
 * @param options weights by dimension and freshness thresholds (docs/scoring.md); `ignore`: the
 *   columns of keyHints.ignore, so that no finding asks to fix what the user set aside
 * @example
 * const { score, findings } = assessReadiness(profiles, joins, graph, { weights: { freshness: 0 } });
 */
export function assessReadiness(
  profiles: readonly DatasetProfile[],
  joins: readonly JoinCandidate[],
  graph: IdentityGraph,
  options: ScoreOptions & { ignore?: readonly ColumnRef[] } = {},
): { score: Score; findings: Finding[] } {
  const { ignore = [], ...scoreOptions } = options;
  return assess(profiles, joins, graph, resolveScoreOptions(parseOptions(ScoreOptionsSchema, scoreOptions)), ignore);
}

/** assessReadiness with options already checked and resolved (scan resolves them once, up front). */
export function assess(
  profiles: readonly DatasetProfile[],
  joins: readonly JoinCandidate[],
  graph: IdentityGraph,
  options: ResolvedScoreOptions,
  ignore: readonly ColumnRef[],
): { score: Score; findings: Finding[] } {
  const facts = collectFacts(profiles, graph);
  // scored once: the report's score is also what every finding's impact starts from
  const current = scoreWithPrecision(facts, options);
  const findings = findingsWithImpact(draftFindings(facts, profiles, joins, graph, options, ignore), facts, options, current);
  return { score: current.score, findings };
}
