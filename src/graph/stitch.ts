import { PERSON_KEY_KINDS, type KeyKind } from '../identity/key-kind';
import { recipesFor } from '../identity/key-canon';
import { columnRefKey as refKey, type ColumnRef, type DatasetProfile, type JoinCandidate, type StitchEstimate } from '../model';
import { identityKeysOf } from '../keys/key-columns';
import { decodeKeyTable, levelLimit, type KeyTableState } from '../profile/key-table';
import { decodeLinkTable, forEachLink } from '../profile/link-table';
import { PlainDigests } from './stitch-digests';
import { StitchNodes } from './stitch-nodes';
import { summarise, type StitchRows } from './stitch-summary';
import { KeyedUnionFind } from './union-find';

export { LARGEST_CLUSTERS } from './stitch-summary';

/** A link-table column the stitch links through. */
interface UsedColumn {
  /** index into the stitch's used columns */
  id: number;
  space: number;
  junk: ReadonlySet<number> | undefined;
  /** the junk values of the column's key space met in the links (counted once each) */
  junkSeen: Set<number>;
  /** a plain email or phone column's digests (its sampling hashes) */
  plain: PlainDigests | undefined;
}

/** An accepted hashed-to-plain join: the plain side's key space, its recipe (index into recipesFor) and the digests' space. */
interface DigestJoin {
  space: number;
  recipe: number;
  hashedSpace: number;
}

/**
 * The dry-run stitch: union-find over the identity values of every dataset. A row links the
 * identity values it holds; an accepted join makes its two columns one key space (through the
 * hash recipe for hashed-to-plain joins). Each resulting set is one unified customer profile;
 * rows with no usable identity value are profiles of their own. Junk values are left out.
 * Columns used: person keys (email, phone, hashes, device ids, handles, GA ids) and any column in
 * an accepted join; other identifiers (product ids, event ids) link nothing.
 *
 * On sampled tables the stitch runs on the coordinated sample at the coarsest level of the
 * tables it reads: the rows holding a used value whose sampling hash (its own, or for plain emails
 * and phones their SHA-256 digest's) is below the level's limit, the same values in every
 * dataset. A profile seen through c distinct sampling hashes was in the sample with chance
 * 1 - (1 - p)^c, a row likewise: each counts with the inverse of its chance (Horvitz-Thompson).
 * See docs/joins.md for what this misses.
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
  const spaceOf = keySpaces(accepted);
  const states = profiles.map(identityKeysOf);
  const tablesByRef = new Map<string, KeyTableState>();
  states.forEach((keys, d) => {
    for (const t of keys.tables) tablesByRef.set(refKey({ dataset: profiles[d]!.name, column: t.column }), t);
  });
  const usable = (ref: ColumnRef, c: { kind: KeyKind; dropped?: boolean }): boolean =>
    c.dropped !== true && !ignored.has(refKey(ref)) && (PERSON_KEY_KINDS.has(c.kind) || joined.has(refKey(ref)));
  const used: ColumnRef[] = [];
  const junkSeen = new Map<number, Set<number>>();
  const plainBySpace = new Map<number, PlainDigests[]>();
  let level = 0;
  // per dataset, per link-table column: what the stitch links through it (null: nothing)
  const columnsOf = states.map((keys, d) => {
    if (keys.links === null) return [];
    level = Math.max(level, keys.links.level);
    return keys.links.columns.map((c): UsedColumn | null => {
      const ref = { dataset: profiles[d]!.name, column: c.name };
      if (!usable(ref, c)) return null;
      used.push(ref);
      const space = spaceOf(ref);
      let seen = junkSeen.get(space);
      if (seen === undefined) junkSeen.set(space, (seen = new Set()));
      // plain emails and phones: their SHA-256 digests are what they are sampled on
      const table = tablesByRef.get(refKey(ref));
      let plain: PlainDigests | undefined;
      if (table !== undefined && recipesFor(table.kind).length > 0) {
        plain = new PlainDigests(decodeKeyTable(table));
        plainBySpace.set(space, [...(plainBySpace.get(space) ?? []), plain]);
        // sampled no coarser than the table, a value missing from it has no sampling hash below the limit
        level = Math.max(level, table.level);
      }
      return { id: used.length - 1, space, junk: junk.get(profiles[d]!.name)?.get(c.name), junkSeen: seen, plain };
    });
  });
  const limit = levelLimit(level);

  const nodes = new StitchNodes();
  const rows: StitchRows = { dataset: [], count: [], node: [], chances: [] };
  const rowsWithoutKeys = profiles.map(() => 0);
  const samplingKeys: number[] = [];
  // per pair of the current link: its sampling hash, or -1 when the stitch does not use it
  const pairSampling: number[] = [];
  states.forEach((keys, d) => {
    if (keys.links === null) {
      rowsWithoutKeys[d] = profiles[d]!.rowCount;
      return;
    }
    const links = decodeLinkTable(keys.links);
    const columns = columnsOf[d]!;
    // rows holding no usable value were kept by the link table's own sampling: scale them by it
    const ownRate = 1 / 2 ** links.state.level;
    rowsWithoutKeys[d] = links.state.emptyRows;
    forEachLink(links, (count, start, size) => {
      // the row's distinct sampling hashes
      let chances = 0;
      let below = level === 0;
      for (let i = start; i < start + size; i++) {
        const column = columns[links.columnsOf[i]!];
        const hash = links.hashes[i]!;
        pairSampling[i - start] = -1;
        if (column === null || column === undefined) continue;
        if (column.junk?.has(hash) === true) {
          column.junkSeen.add(hash);
          continue;
        }
        const sampling = column.plain?.samplingHash(hash) ?? hash;
        pairSampling[i - start] = sampling;
        if (sampling < limit) below = true;
        if (!includes(samplingKeys, chances, sampling)) samplingKeys[chances++] = sampling;
      }
      if (chances === 0) {
        rowsWithoutKeys[d]! += links.state.level === 0 ? count : count / (1 - (1 - ownRate) ** size);
        return;
      }
      if (!below) return;
      let first = -1;
      for (let i = start; i < start + size; i++) {
        const sampling = pairSampling[i - start]!;
        if (sampling < 0) continue;
        const column = columns[links.columnsOf[i]!]!;
        const id = nodes.add(column.space, links.hashes[i]!, column.id, sampling);
        nodes.links[id]!++;
        first = first < 0 ? id : nodes.sets.union(first, id);
      }
      rows.dataset.push(d);
      rows.count.push(count);
      rows.node.push(first);
      rows.chances.push(chances);
    });
  });
  // hashed-to-plain joins: a plain value and its digest are one identity (any plain column of the space lends its digests)
  for (const { space, recipe, hashedSpace } of digestJoins(accepted, spaceOf, tablesByRef)) {
    for (const digests of plainBySpace.get(space) ?? []) {
      digests.forEach(recipe, (hash, digest) => {
        const a = nodes.find(space, hash);
        if (a < 0) return;
        const b = nodes.find(hashedSpace, digest);
        if (b >= 0) nodes.sets.union(a, b);
      });
    }
  }
  let junkExcluded = 0;
  for (const seen of junkSeen.values()) junkExcluded += seen.size;
  return summarise({ profiles, nodes, rows, rowsWithoutKeys, level, used, junkExcluded, tables: tablesByRef });
}

/** Key spaces: the columns of a plain join share one; returns a column's space as a small integer. */
function keySpaces(accepted: readonly JoinCandidate[]): (ref: ColumnRef) => number {
  const spaces = new KeyedUnionFind<string>();
  for (const j of accepted) if (j.transformSide === 'both') spaces.sets.union(spaces.id(refKey(j.left)), spaces.id(refKey(j.right)));
  const dense = new Map<number, number>();
  return (ref) => {
    const root = spaces.sets.find(spaces.id(refKey(ref)));
    let space = dense.get(root);
    if (space === undefined) dense.set(root, (space = dense.size));
    return space;
  };
}

/** The accepted hashed-to-plain joins, each with the key space of its plain side. */
function digestJoins(accepted: readonly JoinCandidate[], spaceOf: (ref: ColumnRef) => number, tables: ReadonlyMap<string, KeyTableState>): DigestJoin[] {
  const out: DigestJoin[] = [];
  for (const j of accepted) {
    if (j.transformSide === 'both') continue;
    const plainSide = j.transformSide === 'left' ? j.left : j.right;
    const hashed = j.transformSide === 'left' ? j.right : j.left;
    const table = tables.get(refKey(plainSide));
    const recipe = table === undefined ? -1 : recipesFor(table.kind).findIndex((r) => r.name === j.transform);
    if (recipe < 0) continue;
    const space = spaceOf(plainSide);
    const hashedSpace = spaceOf(hashed);
    if (!out.some((x) => x.space === space && x.recipe === recipe && x.hashedSpace === hashedSpace)) out.push({ space, recipe, hashedSpace });
  }
  return out;
}

function includes(values: readonly number[], n: number, value: number): boolean {
  for (let i = 0; i < n; i++) if (values[i] === value) return true;
  return false;
}
