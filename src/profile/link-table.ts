import type { KeyKind } from '../identity/key-kind';
import { base64ToFloat64, base64ToUint32, float64ToBase64, uint32ToBase64 } from './sketches/base64';
import { levelForBudget, levelLimit } from './key-table';
import { HashIndex } from './sketches/hash-index';
import { withRoom } from './sketches/room';

/** Distinct rows of identity keys kept exactly before a coordinated sample of them. */
export const DEFAULT_LINK_BUDGET = 200_000;

/**
 * Mergeable state of which identity keys occur together in a row, the input of the dry-run stitch
 * and of the co-occurrence junk rule. Each distinct combination ("link") of (column, key hash)
 * pairs is kept once with the number of rows holding it. Exact up to `budget` links; beyond, a
 * coordinated sample: the links holding at least one key hash below `levelLimit(level)`.
 */
export interface LinkTableState {
  v: 1;
  /** tracked columns: the identity columns chosen on the first rows */
  columns: { name: string; kind: KeyKind; dropped?: boolean }[];
  level: number;
  budget: number;
  /** Uint32Array: per link, its number of (column, hash) pairs */
  sizes: string;
  /** Uint32Array: per link, rows holding it */
  counts: string;
  /** Uint32Array: column index of each pair, links one after another */
  columnsOf: string;
  /** Float64Array: key hash of each pair */
  hashes: string;
  /**
   * Float64Array: per link, the smallest sampling hash of its keys (see samplingHash): what
   * sampling compares, so a row with a plain email is kept wherever a row with its SHA-256 is.
   */
  mins: string;
  /** rows with no key in any tracked column */
  emptyRows: number;
  /** rows seen */
  rows: number;
}

/**
 * Distinct links in first-seen order, in flat typed arrays: each link's pairs sorted by column
 * then hash (a row's keys may come in any order in JSON; a repeated pair counts once), found
 * through a HashIndex on a 52-bit hash of the pairs.
 */
class LinkSet {
  private readonly index = new HashIndex();
  /** links held, and (column, hash) pairs held */
  size = 0;
  private pairs = 0;
  private counts: Uint32Array = new Uint32Array(0);
  private starts: Uint32Array = new Uint32Array(0);
  private sizes: Uint32Array = new Uint32Array(0);
  /** per link, its pairsKey and its smallest hash (what sampling compares) */
  private keys: Float64Array = new Float64Array(0);
  private mins: Float64Array = new Float64Array(0);
  private columnsOf: Uint32Array = new Uint32Array(0);
  private hashes: Float64Array = new Float64Array(0);
  // the pairs being looked up, read by `samePairs` (one method, not a closure per row)
  private pendingColumns: readonly number[] = [];
  private pendingHashes: readonly number[] = [];
  private pendingN = 0;
  private readonly samePairs = (link: number): boolean => {
    const columns = this.pendingColumns;
    const hashes = this.pendingHashes;
    const n = this.pendingN;
    if (this.sizes[link] !== n) return false;
    const start = this.starts[link]!;
    for (let i = 0; i < n; i++) if (this.columnsOf[start + i] !== columns[i] || this.hashes[start + i] !== hashes[i]) return false;
    return true;
  };

  /** Adds `count` rows to the link of the first `n` pairs (canonical, see `canonicalise`); `min` is its sampling hash. */
  add(columns: readonly number[], hashes: readonly number[], n: number, count: number, min: number): void {
    const key = pairsKey(columns, hashes, n);
    this.pendingColumns = columns;
    this.pendingHashes = hashes;
    this.pendingN = n;
    const link = this.index.get(key, this.samePairs);
    if (link >= 0) {
      this.counts[link] = this.counts[link]! + count;
      return;
    }
    const l = this.size++;
    if (l === this.counts.length) this.makeRoomForLinks();
    const start = this.pairs;
    this.pairs += n;
    if (this.pairs > this.hashes.length) this.makeRoomForPairs();
    this.index.add(key, l);
    this.keys[l] = key;
    this.mins[l] = min;
    this.counts[l] = count;
    this.starts[l] = start;
    this.sizes[l] = n;
    for (let i = 0; i < n; i++) {
      this.columnsOf[start + i] = columns[i]!;
      this.hashes[start + i] = hashes[i]!;
    }
  }

  private makeRoomForLinks(): void {
    this.counts = withRoom(this.counts, this.size);
    this.starts = withRoom(this.starts, this.size);
    this.sizes = withRoom(this.sizes, this.size);
    this.keys = withRoom(this.keys, this.size);
    this.mins = withRoom(this.mins, this.size);
  }

  private makeRoomForPairs(): void {
    this.columnsOf = withRoom(this.columnsOf, this.pairs);
    this.hashes = withRoom(this.hashes, this.pairs);
  }

  /** Keeps the links sampled at `level` or higher, within `budget` (in order); returns the level. */
  sample(level: number, budget: number): number {
    const { keys, mins, counts, starts, sizes, columnsOf, hashes, size } = this;
    const next = levelForBudget(mins.subarray(0, size), level, budget);
    if (next === 0) return 0; // level 0 keeps every link
    const limit = levelLimit(next);
    this.index.clear();
    // links are distinct already: move the kept ones forward, in order, no re-hashing
    let kept = 0;
    let pairs = 0;
    for (let l = 0; l < size; l++) {
      if (mins[l]! >= limit) continue;
      const start = starts[l]!;
      const n = sizes[l]!;
      keys[kept] = keys[l]!;
      mins[kept] = mins[l]!;
      counts[kept] = counts[l]!;
      sizes[kept] = n;
      starts[kept] = pairs;
      columnsOf.copyWithin(pairs, start, start + n);
      hashes.copyWithin(pairs, start, start + n);
      this.index.add(keys[kept]!, kept);
      kept++;
      pairs += n;
    }
    this.size = kept;
    this.pairs = pairs;
    return next;
  }

  /** The links' arrays, sized to fit: views of the set's own storage. */
  arrays(): LinkTableArrays {
    const n = this.size;
    return {
      sizes: this.sizes.subarray(0, n),
      counts: this.counts.subarray(0, n),
      columnsOf: this.columnsOf.subarray(0, this.pairs),
      hashes: this.hashes.subarray(0, this.pairs),
      mins: this.mins.subarray(0, n),
    };
  }
}

/** Sorts the first `n` pairs by column then hash, in place, and drops repeats; returns the new length. */
function canonicalise(columns: number[], hashes: number[], n: number): number {
  for (let i = 1; i < n; i++) {
    const c = columns[i]!;
    const h = hashes[i]!;
    let j = i - 1;
    while (j >= 0 && (columns[j]! > c || (columns[j] === c && hashes[j]! > h))) {
      columns[j + 1] = columns[j]!;
      hashes[j + 1] = hashes[j]!;
      j--;
    }
    columns[j + 1] = c;
    hashes[j + 1] = h;
  }
  let m = Math.min(n, 1);
  for (let i = 1; i < n; i++) {
    if (columns[i] === columns[m - 1] && hashes[i] === hashes[m - 1]) continue;
    columns[m] = columns[i]!;
    hashes[m] = hashes[i]!;
    m++;
  }
  return m;
}

const TWO_26 = 67108864;

/** A 52-bit hash of canonical pairs: two 32-bit multiply-xorshift lanes, 26 bits kept of each. */
function pairsKey(columns: readonly number[], hashes: readonly number[], n: number): number {
  let a = 0x9e3779b9 | 0;
  let b = 0x85ebca6b | 0;
  for (let i = 0; i < n; i++) {
    const h = hashes[i]!;
    const lo = h % TWO_26;
    const hi = (h - lo) / TWO_26;
    a = Math.imul(a ^ lo ^ (columns[i]! << 26), 0x01000193);
    a ^= a >>> 15;
    b = Math.imul(b ^ hi ^ columns[i]!, 0x5bd1e995);
    b ^= b >>> 13;
  }
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
  return ((a >>> 0) % TWO_26) * TWO_26 + ((b >>> 0) % TWO_26);
}

/** Collects the links of one dataset (see LinkTableState). */
export class LinkTable {
  private readonly links = new LinkSet();
  private level = 0;
  private limit = levelLimit(0);
  emptyRows = 0;
  rows = 0;
  // The current row's keys. Reused, with their length in rowN: emptying an array (length = 0)
  // frees its storage, and every row would allocate it again.
  private readonly rowColumns: number[] = [];
  private readonly rowHashes: number[] = [];
  private rowN = 0;
  private rowMin = Infinity;

  constructor(
    readonly columns: { name: string; kind: KeyKind }[],
    private readonly budget: number,
  ) {}

  /**
   * Adds one key of the current row (call `endRow` after the row's keys); `sampling` is its
   * sampling hash (see samplingHash), the hash itself for kinds without recipes.
   */
  addKey(column: number, hash: number, sampling = hash): void {
    if (Number.isNaN(hash)) return;
    this.rowColumns[this.rowN] = column;
    this.rowHashes[this.rowN++] = hash;
    if (sampling < this.rowMin) this.rowMin = sampling;
  }

  endRow(): void {
    this.rows++;
    const n = this.rowN;
    if (n === 0) {
      this.emptyRows++;
      return;
    }
    if (this.level === 0 || this.rowMin < this.limit) {
      const m = n === 1 ? 1 : canonicalise(this.rowColumns, this.rowHashes, n);
      this.links.add(this.rowColumns, this.rowHashes, m, 1, this.rowMin);
      if (this.links.size > this.budget) {
        this.level = this.links.sample(this.level + 1, this.budget);
        this.limit = levelLimit(this.level);
      }
    }
    this.rowN = 0;
    this.rowMin = Infinity;
  }

  toState(): LinkTableState {
    return encodeLinkTable(this.toRawState());
  }

  /** The state with its arrays not yet encoded: what a worker transfers (see RawKeyTableState). */
  toRawState(): RawLinkTableState {
    return { v: 1, columns: this.columns, level: this.level, budget: this.budget, ...this.links.arrays(), emptyRows: this.emptyRows, rows: this.rows };
  }
}

/** A link table's arrays, decoded. */
export interface LinkTableArrays {
  sizes: Uint32Array;
  counts: Uint32Array;
  columnsOf: Uint32Array;
  hashes: Float64Array;
  mins: Float64Array;
}

/** A link table's state with its arrays not yet encoded (see RawKeyTableState). */
export type RawLinkTableState = Omit<LinkTableState, keyof LinkTableArrays> & LinkTableArrays;

/** Encodes the arrays of a raw link table state. */
export function encodeLinkTable(raw: RawLinkTableState): LinkTableState {
  const { sizes, counts, columnsOf, hashes, mins, ...rest } = raw;
  return {
    ...rest,
    sizes: uint32ToBase64(sizes),
    counts: uint32ToBase64(counts),
    columnsOf: uint32ToBase64(columnsOf),
    hashes: float64ToBase64(hashes),
    mins: float64ToBase64(mins),
  };
}

/** A decoded link table: `forEachLink` visits each link with its pairs. */
export interface LinkTableData extends LinkTableArrays {
  state: LinkTableState;
}

const decoded = new WeakMap<LinkTableState, LinkTableData>();

/** The table's arrays, decoded once per state object (junk and the stitch both read them). */
export function decodeLinkTable(state: LinkTableState): LinkTableData {
  let data = decoded.get(state);
  if (data === undefined) {
    data = { state, sizes: base64ToUint32(state.sizes), counts: base64ToUint32(state.counts), columnsOf: base64ToUint32(state.columnsOf), hashes: base64ToFloat64(state.hashes), mins: base64ToFloat64(state.mins) };
    decoded.set(state, data);
  }
  return data;
}

/** Calls `visit(count, start, size, link)` for each link; its pairs are `columnsOf[start..start+size)`. */
export function forEachLink(data: LinkTableData, visit: (count: number, start: number, size: number, link: number) => void): void {
  let start = 0;
  for (let i = 0; i < data.sizes.length; i++) {
    const size = data.sizes[i]!;
    visit(data.counts[i]!, start, size, i);
    start += size;
  }
}

/**
 * Merges the link tables of two parts of a dataset. Columns are matched by name (a part may
 * have tracked a column the other did not); links are re-keyed, summed, and sampled at the
 * higher level.
 */
export function mergeLinkTables(a: LinkTableState, b: LinkTableState): LinkTableState {
  const columns = [...a.columns];
  const indexOf = new Map(columns.map((c, i) => [c.name, i]));
  for (const c of b.columns) {
    const known = indexOf.get(c.name);
    if (known === undefined) {
      indexOf.set(c.name, columns.length);
      columns.push(c);
      continue;
    }
    // a column either part dropped, or tracked as two kinds, links nothing in the whole
    const mine = columns[known]!;
    if (c.dropped === true || mine.kind !== c.kind) columns[known] = { ...mine, dropped: true };
  }
  const budget = Math.max(a.budget, b.budget);
  const links = new LinkSet();
  let emptyRows = a.emptyRows + b.emptyRows;
  // one link's remapped pairs, reused (LinkSet.add copies what it keeps)
  const cols: number[] = [];
  const hs: number[] = [];
  for (const state of [a, b]) {
    const data = decodeLinkTable(state);
    const remap = state.columns.map((c) => (columns[indexOf.get(c.name)!]!.kind === c.kind ? indexOf.get(c.name)! : -1));
    forEachLink(data, (count, start, size, link) => {
      let n = 0; // written by index, not emptied: see LinkTable's row arrays
      for (let k = start; k < start + size; k++) {
        const to = remap[data.columnsOf[k]!]!;
        if (to < 0) continue;
        cols[n] = to;
        hs[n++] = data.hashes[k]!;
      }
      if (n === 0) {
        emptyRows += count;
        return;
      }
      // the stored sampling hash, even when pairs were left out: a superset stays coordinated
      links.add(cols, hs, canonicalise(cols, hs, n), count, data.mins[link]!);
    });
  }
  const level = links.sample(Math.max(a.level, b.level), budget);
  return encodeLinkTable({ v: 1, columns, level, budget, ...links.arrays(), emptyRows, rows: a.rows + b.rows });
}
