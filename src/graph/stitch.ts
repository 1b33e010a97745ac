import { PERSON_KEY_KINDS } from '../identity/key-kind';
import { columnRefKey as refKey, type ColumnRef, type DatasetProfile, type JoinCandidate, type StitchEstimate } from '../model';
import { identityKeysOf } from '../keys/key-columns';
import { decodeKeyTable, levelLimit, type KeyTableState } from '../profile/key-table';
import { decodeLinkTable, forEachLink } from '../profile/link-table';
import { recipesFor } from '../identity/key-canon';
import { KeyedUnionFind, UnionFind } from './union-find';

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


interface Node {
  space: number;
  hash: number;
  dataset: number;
  column: string;
  links: number;
}

/**
 * The dry-run stitch: union-find over the identity values of every dataset. A row links the
 * identity values it holds; an accepted join makes its two columns one key space (through the
 * hash recipe for hashed-to-plain joins). Each resulting set is one unified customer profile;
 * rows with no usable identity value are profiles of their own. Junk values are left out.
 * Columns used: person keys (email, phone, hashes, device ids, handles, GA ids) and any column in
 * an accepted join; other identifiers (product ids, event ids) link nothing. On sampled key
 * tables, the stitch runs on the coordinated sample and scales each profile up by the inverse of
 * its chance of being seen (1 - (1 - p)^k for a profile of k values).
 */
export function stitch(
  profiles: readonly DatasetProfile[],
  joins: readonly JoinCandidate[],
  junk: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<number>>>,
  ignore: readonly ColumnRef[] = [],
): StitchEstimate {
  const ignored = new Set(ignore.map(refKey));
  const accepted = joins.filter((j) => j.accepted);
  const joined = new Set(accepted.flatMap((j) => [refKey(j.left), refKey(j.right)]));
  // key spaces: columns of a plain join share one
  const spaces = new KeyedUnionFind<string>();
  for (const j of accepted) if (j.transformSide === 'both') spaces.sets.union(spaces.id(refKey(j.left)), spaces.id(refKey(j.right)));
  const spaceOf = (r: ColumnRef): number => spaces.sets.find(spaces.id(refKey(r)));

  const tablesByRef = new Map<string, KeyTableState>();
  let level = 0;
  const used: ColumnRef[] = [];
  const states = profiles.map((profile) => {
    const keys = identityKeysOf(profile);
    for (const t of keys.tables) tablesByRef.set(refKey({ dataset: profile.name, column: t.column }), t);
    if (keys.links !== null) level = Math.max(level, keys.links.level);
    return keys;
  });
  // nodes by key space, then by hash: numeric keys, no string per value on the per-link path
  const sets = new UnionFind();
  const bySpace = new Map<number, Map<number, number>>();
  const info: Node[] = [];
  const lookup = (space: number, hash: number): number | undefined => bySpace.get(space)?.get(hash);
  const nodeId = (space: number, hash: number, dataset: number, column: string): number => {
    let ids = bySpace.get(space);
    if (ids === undefined) bySpace.set(space, (ids = new Map()));
    const known = ids.get(hash);
    if (known !== undefined) return known;
    const id = sets.add();
    ids.set(hash, id);
    info.push({ space, hash, dataset, column, links: 0 });
    return id;
  };
  const limit = levelLimit(level);
  const rowRoots: { dataset: number; count: number; node: number }[] = [];
  const rowsWithoutKeys = profiles.map(() => 0);
  // distinct junk values left out, by key space and hash
  const junkSeen = new Set<string>();
  states.forEach((keys, d) => {
    const profile = profiles[d]!;
    if (keys.links === null) {
      rowsWithoutKeys[d] = profile.rowCount;
      return;
    }
    const links = decodeLinkTable(keys.links);
    const columns = links.state.columns.map((c) => {
      const ref = { dataset: profile.name, column: c.name };
      const ok = c.dropped !== true && !ignored.has(refKey(ref)) && (PERSON_KEY_KINDS.has(c.kind) || joined.has(refKey(ref)));
      if (ok) used.push(ref);
      return ok ? { space: spaceOf(ref), name: c.name, junk: junk.get(profile.name)?.get(c.name) } : null;
    });
    rowsWithoutKeys[d] = links.state.emptyRows;
    forEachLink(links, (count, start, size) => {
      if (level > 0 && !anyBelow(links.hashes, start, size, limit)) return;
      let first = -1;
      for (let i = start; i < start + size; i++) {
        const column = columns[links.columnsOf[i]!];
        const hash = links.hashes[i]!;
        if (column === null || column === undefined) continue;
        if (column.junk?.has(hash) === true) {
          junkSeen.add(`${column.space}:${hash}`);
          continue;
        }
        const id = nodeId(column.space, hash, d, column.name);
        info[id]!.links++;
        first = first < 0 ? id : sets.union(first, id);
      }
      if (first < 0) rowsWithoutKeys[d]! += count;
      else rowRoots.push({ dataset: d, count, node: first });
    });
  });
  // hashed-to-plain joins: a plain value and its digest are one identity
  let sampledRecipeTable = false;
  for (const j of accepted) {
    if (j.transformSide === 'both') continue;
    const plain = j.transformSide === 'left' ? j.left : j.right;
    const hashed = j.transformSide === 'left' ? j.right : j.left;
    const table = tablesByRef.get(refKey(plain));
    if (table === undefined) continue;
    const recipe = recipesFor(table.kind).findIndex((r) => r.name === j.transform);
    if (recipe < 0) continue;
    // a sampled plain table only links the digests of the values it kept
    if (table.level > 0) sampledRecipeTable = true;
    const data = decodeKeyTable(table);
    const width = table.recipes.length;
    const plainSpace = spaceOf(plain);
    const hashedSpace = spaceOf(hashed);
    for (let i = 0; i < data.hashes.length; i++) {
      const a = lookup(plainSpace, data.hashes[i]!);
      const b = lookup(hashedSpace, data.variants[i * width + recipe]!);
      if (a !== undefined && b !== undefined) sets.union(a, b);
    }
  }
  const estimate = summarise(profiles, sets, info, rowRoots, rowsWithoutKeys, level, used, junkSeen.size, tablesByRef);
  return sampledRecipeTable ? { ...estimate, exact: false } : estimate;
}

function anyBelow(hashes: Float64Array, start: number, size: number, limit: number): boolean {
  for (let i = start; i < start + size; i++) if (hashes[i]! < limit) return true;
  return false;
}

interface Profile {
  values: number;
  rows: number;
  datasets: Set<number>;
  nodes: number[];
}

function summarise(
  profiles: readonly DatasetProfile[],
  sets: UnionFind,
  info: readonly Node[],
  rowRoots: readonly { dataset: number; count: number; node: number }[],
  rowsWithoutKeys: readonly number[],
  level: number,
  used: readonly ColumnRef[],
  junkExcluded: number,
  tables: ReadonlyMap<string, KeyTableState>,
): StitchEstimate {
  const byRoot = new Map<number, Profile>();
  const get = (root: number): Profile => {
    let p = byRoot.get(root);
    if (p === undefined) byRoot.set(root, (p = { values: 0, rows: 0, datasets: new Set(), nodes: [] }));
    return p;
  };
  info.forEach((_node, id) => {
    const p = get(sets.find(id));
    p.values++;
    p.nodes.push(id);
  });
  for (const r of rowRoots) {
    const profile = get(sets.find(r.node));
    profile.rows += r.count;
    profile.datasets.add(r.dataset);
  }
  const p = 1 / 2 ** level;
  // a profile of k values is in the sample if any of its values is: weight by the inverse of that chance
  const weight = (profile: Profile): number => (level === 0 ? 1 : 1 / (1 - (1 - p) ** Math.max(1, profile.values)));
  let unified = 0;
  const overlaps = new Map<string, number>();
  const sizes = SIZE_BUCKETS.map(() => 0);
  for (const profile of byRoot.values()) {
    const w = weight(profile);
    unified += w;
    const names = [...profile.datasets].map((d) => profiles[d]!.name).sort();
    const id = names.join('\u0000');
    overlaps.set(id, (overlaps.get(id) ?? 0) + w);
    const bucket = SIZE_BUCKETS.findIndex(([, lo, hi]) => profile.values >= lo && profile.values <= hi);
    sizes[bucket]! += w;
  }
  profiles.forEach((profile, d) => {
    unified += rowsWithoutKeys[d]!;
    sizes[0]! += rowsWithoutKeys[d]!;
    if (rowsWithoutKeys[d]! > 0) overlaps.set(profile.name, (overlaps.get(profile.name) ?? 0) + rowsWithoutKeys[d]!);
  });
  // rows kept on the sample and rows whose profile spans datasets, per dataset, in one pass
  const keptRows = profiles.map(() => 0);
  const linkedRowsOf = profiles.map(() => 0);
  for (const r of rowRoots) {
    keptRows[r.dataset]! += r.count;
    if (byRoot.get(sets.find(r.node))!.datasets.size > 1) linkedRowsOf[r.dataset]! += r.count;
  }
  const datasets = profiles.map((profile, d) => {
    const kept = keptRows[d]!;
    const linked = linkedRowsOf[d]!;
    const keyed = Math.max(0, profile.rowCount - rowsWithoutKeys[d]!);
    const linkedRows = kept === 0 ? 0 : Math.round((linked / kept) * (level === 0 ? kept : keyed));
    return {
      dataset: profile.name,
      rows: profile.rowCount,
      linkedRows: Math.min(profile.rowCount, linkedRows),
      linkedShare: profile.rowCount === 0 ? 0 : Math.min(1, linkedRows / profile.rowCount),
      rowsWithoutKeys: rowsWithoutKeys[d]!,
    };
  });
  const largest = [...byRoot.values()].sort((a, b) => b.values - a.values || b.rows - a.rows).slice(0, LARGEST_CLUSTERS);
  return {
    unifiedProfiles: Math.round(unified),
    exact: level === 0,
    sampleRate: p,
    columnsUsed: [...used],
    datasets,
    overlaps: [...overlaps]
      .map(([id, n]) => ({ datasets: id.split('\u0000'), profiles: Math.round(n) }))
      .sort((a, b) => b.profiles - a.profiles),
    sizeDistribution: SIZE_BUCKETS.map(([size], i) => ({ size, profiles: Math.round(sizes[i]!) })),
    largestClusters: largest.map((profile) => ({
      identityValues: profile.values,
      rows: profile.rows,
      datasets: [...profile.datasets].map((d) => profiles[d]!.name).sort(),
      topValues: profile.nodes
        .map((id) => info[id]!)
        .sort((a, b) => b.links - a.links)
        .slice(0, 3)
        .map((node) => {
          const dataset = profiles[node.dataset]!.name;
          const table = tables.get(refKey({ dataset, column: node.column }));
          const label = table?.labels.find(([h]) => h === node.hash)?.[1] ?? null;
          return { dataset, column: node.column, value: label, links: node.links };
        }),
    })),
    junkExcluded,
  };
}
