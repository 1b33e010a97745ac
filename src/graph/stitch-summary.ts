import { columnRefKey as refKey, type ColumnRef, type DatasetProfile, type StitchEstimate } from '../model';
import type { KeyTableState } from '../profile/key-table';
import { HashIndex } from '../profile/sketches/hash-index';
import type { StitchNodes } from './stitch-nodes';

/** Profiles listed among the largest clusters. */
export const LARGEST_CLUSTERS = 5;
const SIZE_BUCKETS: readonly [string, number, number][] = [
  ['1', 1, 1],
  ['2', 2, 2],
  ['3', 3, 3],
  ['4-5', 4, 5],
  ['6-10', 6, 10],
  ['11-50', 11, 50],
  ['51+', 51, Number.POSITIVE_INFINITY],
];

/** The linked rows of the stitch (one entry per distinct link), in parallel arrays. */
export interface StitchRows {
  dataset: number[];
  /** rows holding the link */
  count: number[];
  /** a node of the link: its profile */
  node: number[];
  /** the link's sampling hashes (see stitch) */
  chances: number[];
}

export interface StitchSummaryInput {
  profiles: readonly DatasetProfile[];
  nodes: StitchNodes;
  rows: StitchRows;
  /** per dataset: rows with no usable value (scaled up when sampled) */
  rowsWithoutKeys: readonly number[];
  level: number;
  used: readonly ColumnRef[];
  junkExcluded: number;
  tables: ReadonlyMap<string, KeyTableState>;
}

/** Profiles (union-find roots) numbered densely, with their values, chances, rows and datasets. */
interface Profiles {
  count: number;
  ofNode: Int32Array;
  values: Int32Array;
  chances: Int32Array;
  rows: Float64Array;
  datasets: DatasetSets;
}

/** The estimate from the linked nodes and rows: unified profiles, linkage, overlaps, sizes, clusters. */
export function summarise(input: StitchSummaryInput): StitchEstimate {
  const { profiles, rows, rowsWithoutKeys, level } = input;
  const groups = profilesOf(input);
  const rate = 1 / 2 ** level;
  // Horvitz-Thompson: a profile or row seen through c sampling hashes was kept with chance 1 - (1 - p)^c
  const weight = (chances: number): number => (level === 0 ? 1 : 1 / (1 - (1 - rate) ** Math.max(1, chances)));
  let unified = 0;
  // by combination of datasets: its key (a mask or a list), then its sorted names
  const combinations = new Map<number | string, number>();
  const sizes = SIZE_BUCKETS.map(() => 0);
  for (let p = 0; p < groups.count; p++) {
    const w = weight(groups.chances[p]!);
    unified += w;
    const key = groups.datasets.key(p);
    combinations.set(key, (combinations.get(key) ?? 0) + w);
    sizes[bucketOf(groups.values[p]!)]! += w;
  }
  const overlaps = new Map<string, number>();
  for (const [key, n] of combinations) {
    const id = groups.datasets.listOf(key).map((d) => profiles[d]!.name).sort().join('\u0000');
    overlaps.set(id, (overlaps.get(id) ?? 0) + n);
  }
  profiles.forEach((profile, d) => {
    const alone = rowsWithoutKeys[d]!;
    unified += alone;
    sizes[0]! += alone;
    if (alone > 0) overlaps.set(profile.name, (overlaps.get(profile.name) ?? 0) + alone);
  });
  // kept and linked rows per dataset, each row weighted by its chance of being kept
  const kept = profiles.map(() => 0);
  const linked = profiles.map(() => 0);
  for (let r = 0; r < rows.node.length; r++) {
    const d = rows.dataset[r]!;
    const w = rows.count[r]! * weight(rows.chances[r]!);
    kept[d]! += w;
    if (groups.datasets.size(groups.ofNode[rows.node[r]!]!) > 1) linked[d]! += w;
  }
  const datasets = profiles.map((profile, d) => {
    const withoutKeys = Math.min(profile.rowCount, Math.round(rowsWithoutKeys[d]!));
    const keyed = profile.rowCount - withoutKeys;
    const linkedRows = Math.min(profile.rowCount, Math.round(level === 0 ? linked[d]! : kept[d]! === 0 ? 0 : (linked[d]! / kept[d]!) * keyed));
    return {
      dataset: profile.name,
      rows: profile.rowCount,
      linkedRows,
      linkedShare: profile.rowCount === 0 ? 0 : linkedRows / profile.rowCount,
      rowsWithoutKeys: withoutKeys,
    };
  });
  return {
    unifiedProfiles: Math.round(unified),
    exact: level === 0,
    sampleRate: rate,
    columnsUsed: [...input.used],
    datasets,
    overlaps: [...overlaps]
      .map(([id, n]) => ({ datasets: id.split('\u0000'), profiles: Math.round(n) }))
      .sort((a, b) => b.profiles - a.profiles),
    sizeDistribution: SIZE_BUCKETS.map(([size], i) => ({ size, profiles: Math.round(sizes[i]!) })),
    largestClusters: largestClusters(input, groups),
    junkExcluded: input.junkExcluded,
  };
}

function bucketOf(values: number): number {
  return SIZE_BUCKETS.findIndex(([, lo, hi]) => values >= lo && values <= hi);
}

function profilesOf({ nodes, rows, profiles, level }: StitchSummaryInput): Profiles {
  const n = nodes.size;
  const profileOfRoot = new Int32Array(n).fill(-1);
  const ofNode = new Int32Array(n);
  let count = 0;
  for (let id = 0; id < n; id++) {
    const root = nodes.sets.find(id);
    if (profileOfRoot[root]! < 0) profileOfRoot[root] = count++;
    ofNode[id] = profileOfRoot[root]!;
  }
  const values = new Int32Array(count);
  for (let id = 0; id < n; id++) values[ofNode[id]!]!++;
  // a profile's chances: its distinct sampling hashes (a plain email and its SHA-256 digest share one)
  const chances = level === 0 ? values : new Int32Array(count);
  if (level > 0) {
    const seen = new HashIndex(n);
    const seenIn: number[] = [];
    // one predicate for every lookup (not a closure per node): is entry e the current profile's
    let p = -1;
    const ofCurrent = (e: number): boolean => seenIn[e] === p;
    for (let id = 0; id < n; id++) {
      p = ofNode[id]!;
      const key = nodes.sampling[id]!;
      if (seen.get(key, ofCurrent) >= 0) continue;
      seen.add(key, seenIn.length);
      seenIn.push(p);
      chances[p]!++;
    }
  }
  const rowsOf = new Float64Array(count);
  const datasets = new DatasetSets(count, profiles.length);
  for (let r = 0; r < rows.node.length; r++) {
    const p = ofNode[rows.node[r]!]!;
    rowsOf[p]! += rows.count[r]!;
    datasets.add(p, rows.dataset[r]!);
  }
  return { count, ofNode, values, chances, rows: rowsOf, datasets };
}

/** The profiles with most values (then rows), with the three values in most links of each. */
function largestClusters({ profiles, nodes, tables, used }: StitchSummaryInput, groups: Profiles): StitchEstimate['largestClusters'] {
  // the top LARGEST_CLUSTERS, best first (ties: the earlier profile): most profiles are not placed
  const ahead = (a: number, b: number): boolean => groups.values[a]! > groups.values[b]! || (groups.values[a] === groups.values[b] && groups.rows[a]! > groups.rows[b]!);
  const order: number[] = [];
  for (let p = 0; p < groups.count; p++) {
    if (order.length === LARGEST_CLUSTERS && !ahead(p, order[LARGEST_CLUSTERS - 1]!)) continue;
    let at = order.length;
    while (at > 0 && ahead(p, order[at - 1]!)) at--;
    order.splice(at, 0, p);
    if (order.length > LARGEST_CLUSTERS) order.pop();
  }
  const members = new Map<number, number[]>(order.map((p) => [p, []]));
  for (let id = 0; id < nodes.size; id++) members.get(groups.ofNode[id]!)?.push(id);
  return order.map((p) => ({
    identityValues: groups.values[p]!,
    rows: groups.rows[p]!,
    datasets: groups.datasets.list(p).map((d) => profiles[d]!.name).sort(),
    topValues: members
      .get(p)!
      .sort((a, b) => nodes.links[b]! - nodes.links[a]!)
      .slice(0, 3)
      .map((id) => {
        const ref = used[nodes.column[id]!]!;
        const table = tables.get(refKey(ref));
        const label = table?.labels.find(([h]) => h === nodes.hash[id])?.[1] ?? null;
        return { dataset: ref.dataset, column: ref.column, value: label, links: nodes.links[id]! };
      }),
  }));
}

/** The datasets each profile has rows in: a bit mask up to 32 datasets, sets beyond. */
class DatasetSets {
  private readonly masks: Uint32Array | null;
  private readonly sets: Set<number>[] | null;

  constructor(profiles: number, datasets: number) {
    this.masks = datasets <= 32 ? new Uint32Array(profiles) : null;
    this.sets = datasets <= 32 ? null : Array.from({ length: profiles }, () => new Set<number>());
  }

  add(profile: number, dataset: number): void {
    if (this.masks !== null) this.masks[profile] = (this.masks[profile]! | (1 << dataset)) >>> 0;
    else this.sets![profile]!.add(dataset);
  }

  size(profile: number): number {
    if (this.sets !== null) return this.sets[profile]!.size;
    let mask = this.masks![profile]!;
    let n = 0;
    for (; mask !== 0; mask &= mask - 1) n++;
    return n;
  }

  list(profile: number): number[] {
    return this.listOf(this.key(profile));
  }

  /** A key for the profile's combination of datasets. */
  key(profile: number): number | string {
    return this.sets !== null ? [...this.sets[profile]!].sort((a, b) => a - b).join(',') : this.masks![profile]!;
  }

  listOf(key: number | string): number[] {
    if (typeof key === 'string') return key === '' ? [] : key.split(',').map(Number);
    const out: number[] = [];
    for (let d = 0; d < 32; d++) if ((key >>> d) & 1) out.push(d);
    return out;
  }
}
