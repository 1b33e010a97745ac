import { z } from 'zod';
import { assertDatasetNamed } from '../dataset-names';
import { parseOptions } from '../options-error';
import type { ColumnRef, DatasetProfile, IdentityGraph, JoinCandidate, JunkReport } from '../model';
import { findJunkIdentifiers, junkHashesByDataset } from '../keys/junk';
import { stitch } from './stitch';
import { UnionFind } from './union-find';

export const BuildIdentityGraphOptionsSchema = z.object({
  /** the dataset the others should reach (default: the one with most accepted joins, then the surest ones) */
  hub: z.string().min(1).optional(),
});
export type BuildIdentityGraphOptions = z.input<typeof BuildIdentityGraphOptionsSchema> & {
  /** junk found beforehand with findJunkIdentifiers (computed when absent) */
  junk?: JunkReport;
  /** columns the stitch must not link through (keyHints.ignore) */
  ignore?: readonly ColumnRef[];
};

/**
 * The identity graph of a set of datasets: datasets as nodes, accepted joins as edges, the
 * connected groups, the hub and the datasets that cannot reach it, and the dry-run stitch
 * (estimated unified customer profiles, linked rows per dataset, source overlaps, profile sizes
 * and the largest clusters).
 *
 * @param profiles the profiles given to findJoins
 * @param joins its result (only accepted joins are used)
 * @param options hub, junk
 * @example
 * const graph = buildIdentityGraph(profiles, findJoins(profiles));
 * graph.stitch.unifiedProfiles;
 */
export function buildIdentityGraph(profiles: readonly DatasetProfile[], joins: readonly JoinCandidate[], options: BuildIdentityGraphOptions = {}): IdentityGraph {
  const { hub: wantedHub } = parseOptions(BuildIdentityGraphOptionsSchema, { hub: options.hub });
  const names = profiles.map((p) => p.name);
  if (wantedHub !== undefined) assertDatasetNamed(names, wantedHub, 'hub');
  const accepted = joins.filter((j) => j.accepted);
  const index = new Map(names.map((n, i) => [n, i]));
  const groups = new UnionFind();
  for (const _ of names) groups.add();
  const joinCount = names.map(() => 0);
  const confidence = names.map(() => 0);
  for (const j of accepted) {
    const a = index.get(j.left.dataset);
    const b = index.get(j.right.dataset);
    if (a === undefined || b === undefined) continue;
    groups.union(a, b);
    if (a !== b) {
      joinCount[a]!++;
      joinCount[b]!++;
      confidence[a]! += j.confidence;
      confidence[b]! += j.confidence;
    }
  }
  const byRoot = new Map<number, string[]>();
  names.forEach((n, i) => byRoot.set(groups.find(i), [...(byRoot.get(groups.find(i)) ?? []), n]));
  const components = [...byRoot.values()].sort((a, b) => b.length - a.length);
  let hub: string | null = wantedHub ?? null;
  if (hub === null && profiles.length > 0) {
    const best = profiles
      .map((p, i) => ({ name: p.name, joins: joinCount[i]!, confidence: confidence[i]!, rows: p.rowCount }))
      .sort((a, b) => b.joins - a.joins || b.confidence - a.confidence || b.rows - a.rows)[0]!;
    hub = best.name;
  }
  const hubRoot = hub === null ? -1 : groups.find(index.get(hub)!);
  const junk = options.junk ?? findJunkIdentifiers(profiles);
  return {
    nodes: profiles.map((p, i) => ({ dataset: p.name, rows: p.rowCount, joins: joinCount[i]! })),
    edges: accepted.map((j) => ({
      left: j.left,
      right: j.right,
      transform: j.transform,
      matchRateLeft: j.matchRateLeft,
      matchRateRight: j.matchRateRight,
      confidence: j.confidence,
    })),
    components,
    hub,
    hubChosenBy: hub === null ? null : wantedHub !== undefined ? 'user' : 'most_joins',
    unreachable: names.filter((_, i) => groups.find(i) !== hubRoot),
    stitch: stitch(profiles, joins, junkHashesByDataset(profiles, junk), options.ignore),
    junk: junk.values,
    caps: junk.caps,
  };
}
