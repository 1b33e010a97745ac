import type { KeyKind } from '../identity/key-kind';
import { base64ToFloat64, base64ToUint32, float64ToBase64, uint32ToBase64 } from './sketches/base64';
import { levelLimit, sampleToBudget } from './key-table';

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
  /** rows with no key in any tracked column */
  emptyRows: number;
  /** rows seen */
  rows: number;
}

interface Link {
  count: number;
  columns: number[];
  hashes: number[];
}

/** Collects the links of one dataset (see LinkTableState). */
export class LinkTable {
  private readonly links = new Map<string, Link>();
  private level = 0;
  private limit = levelLimit(0);
  emptyRows = 0;
  rows = 0;
  private readonly rowColumns: number[] = [];
  private readonly rowHashes: number[] = [];

  constructor(
    readonly columns: { name: string; kind: KeyKind }[],
    private readonly budget: number,
  ) {}

  /** Adds one key of the current row (call `endRow` after the row's keys). */
  addKey(column: number, hash: number): void {
    if (Number.isNaN(hash)) return;
    this.rowColumns.push(column);
    this.rowHashes.push(hash);
  }

  endRow(): void {
    this.rows++;
    const n = this.rowHashes.length;
    if (n === 0) {
      this.emptyRows++;
      return;
    }
    if (this.level > 0 && !anyBelow(this.rowHashes, this.limit)) {
      this.clearRow();
      return;
    }
    const id = linkId(this.rowColumns, this.rowHashes);
    const link = this.links.get(id);
    if (link !== undefined) link.count++;
    else {
      this.links.set(id, { count: 1, columns: this.rowColumns.slice(), hashes: this.rowHashes.slice() });
      if (this.links.size > this.budget) this.raiseLevel();
    }
    this.clearRow();
  }

  private clearRow(): void {
    this.rowColumns.length = 0;
    this.rowHashes.length = 0;
  }

  private raiseLevel(): void {
    this.level = sampleToBudget(this.links, this.level, this.budget, keptLink);
    this.limit = levelLimit(this.level);
  }

  toState(): LinkTableState {
    return encodeLinks(this.columns, this.links.values(), this.level, this.budget, this.emptyRows, this.rows);
  }
}

function anyBelow(hashes: readonly number[], limit: number): boolean {
  for (const h of hashes) if (h < limit) return true;
  return false;
}

const keptLink = (_id: string, link: Link, limit: number): boolean => anyBelow(link.hashes, limit);

/** Identity of a link: its pairs in a canonical order (a row's keys may come in any order in JSON). */
function linkId(columns: readonly number[], hashes: readonly number[]): string {
  const n = hashes.length;
  if (n === 1) return `${columns[0]}:${hashes[0]}`;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`${columns[i]}:${hashes[i]}`);
  parts.sort();
  // drop repeated pairs (a multi-valued cell naming one key twice)
  return parts.filter((p, i) => i === 0 || p !== parts[i - 1]).join('|');
}

function encodeLinks(columns: LinkTableState['columns'], links: Iterable<Link>, level: number, budget: number, emptyRows: number, rows: number): LinkTableState {
  const sizes: number[] = [];
  const counts: number[] = [];
  const columnsOf: number[] = [];
  const hashes: number[] = [];
  for (const link of links) {
    sizes.push(link.hashes.length);
    counts.push(link.count);
    columnsOf.push(...link.columns);
    hashes.push(...link.hashes);
  }
  return {
    v: 1,
    columns,
    level,
    budget,
    sizes: uint32ToBase64(Uint32Array.from(sizes)),
    counts: uint32ToBase64(Uint32Array.from(counts)),
    columnsOf: uint32ToBase64(Uint32Array.from(columnsOf)),
    hashes: float64ToBase64(Float64Array.from(hashes)),
    emptyRows,
    rows,
  };
}

/** A decoded link table: `forEach` visits each link with its pairs. */
export interface LinkTableData {
  state: LinkTableState;
  sizes: Uint32Array;
  counts: Uint32Array;
  columnsOf: Uint32Array;
  hashes: Float64Array;
}

export function decodeLinkTable(state: LinkTableState): LinkTableData {
  return {
    state,
    sizes: base64ToUint32(state.sizes),
    counts: base64ToUint32(state.counts),
    columnsOf: base64ToUint32(state.columnsOf),
    hashes: base64ToFloat64(state.hashes),
  };
}

/** Calls `visit(count, start, size)` for each link; its pairs are `columnsOf[start..start+size)`. */
export function forEachLink(data: LinkTableData, visit: (count: number, start: number, size: number) => void): void {
  let start = 0;
  for (let i = 0; i < data.sizes.length; i++) {
    const size = data.sizes[i]!;
    visit(data.counts[i]!, start, size);
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
    }
  }
  const budget = Math.max(a.budget, b.budget);
  const links = new Map<string, Link>();
  for (const state of [a, b]) {
    const data = decodeLinkTable(state);
    const remap = state.columns.map((c) => (columns[indexOf.get(c.name)!]!.kind === c.kind ? indexOf.get(c.name)! : -1));
    forEachLink(data, (count, start, size) => {
      const cols: number[] = [];
      const hs: number[] = [];
      for (let k = start; k < start + size; k++) {
        const to = remap[data.columnsOf[k]!]!;
        if (to < 0) continue;
        cols.push(to);
        hs.push(data.hashes[k]!);
      }
      if (hs.length === 0) return;
      const id = linkId(cols, hs);
      const link = links.get(id);
      if (link !== undefined) link.count += count;
      else links.set(id, { count, columns: cols, hashes: hs });
    });
  }
  const level = sampleToBudget(links, Math.max(a.level, b.level), budget, keptLink);
  return encodeLinks(columns, links.values(), level, budget, a.emptyRows + b.emptyRows, a.rows + b.rows);
}
