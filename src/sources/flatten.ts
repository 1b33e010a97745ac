import type { Cell, Scalar } from '../model/source';

/** Deeper values are kept as JSON text; this also stops cycles in in-memory objects. */
const MAX_DEPTH = 32;

type MutableCell = Scalar | Scalar[] | undefined;

/**
 * Turns nested records into rows of cells aligned with a growing list of dot-path columns:
 * - nested objects give dot paths (`user.email`);
 * - an array of scalars gives one multi-valued cell (an array of scalars);
 * - an array of objects gives one multi-valued cell per field (`orders.sku`), arrays met below
 *   it adding their items to the same cells;
 * - an array directly inside an array becomes its JSON text; empty arrays and objects are absent.
 *
 * Keys are plain data (`__proto__`, `constructor`): columns are looked up in a Map and rows are
 * arrays. Columns are appended in order of first appearance, so earlier rows may be shorter.
 */
export class RecordFlattener {
  /** Column names in order of first appearance; the array grows in place. */
  readonly columns: string[];
  /** Paths as a trie keyed by field name, so that no path string is built per record. */
  private readonly root: PathNode = newNode('');
  private readonly byName = new Map<string, number>();

  constructor(columns: string[] = []) {
    this.columns = columns;
    columns.forEach((name, i) => this.byName.set(name, i));
  }

  /**
   * Flattens one record into a row aligned with `columns`.
   * @param record a plain object (JSON record or in-memory row)
   * @returns cells indexed like `columns` (absent fields are `undefined`)
   */
  flatten(record: object): Cell[] {
    const row: MutableCell[] = new Array<MutableCell>(this.columns.length).fill(undefined);
    this.walkObject(record, this.root, row, false, 0);
    return row;
  }

  private walkObject(value: object, parent: PathNode, row: MutableCell[], multi: boolean, depth: number): void {
    const children = (parent.children ??= new Map<string, PathNode>());
    for (const key of Object.keys(value)) {
      let node = children.get(key);
      if (node === undefined) {
        node = newNode(parent === this.root ? key : `${parent.path}.${key}`);
        children.set(key, node);
      }
      this.walk((value as Record<string, unknown>)[key], node, row, multi, depth + 1);
    }
  }

  private walk(value: unknown, node: PathNode, row: MutableCell[], multi: boolean, depth: number): void {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        this.put(node, value, row, multi);
        return;
      case 'number':
        this.put(node, Number.isFinite(value) ? value : null, row, multi);
        return;
      case 'bigint':
        this.put(node, value.toString(), row, multi);
        return;
      case 'object':
        break;
      default:
        return; // undefined, functions and symbols are not data
    }
    if (value === null) {
      this.put(node, null, row, multi);
    } else if (value instanceof Date) {
      this.put(node, Number.isNaN(value.getTime()) ? null : value.toISOString(), row, multi);
    } else if (ArrayBuffer.isView(value)) {
      return;
    } else if (depth > MAX_DEPTH) {
      this.put(node, jsonText(value), row, multi);
    } else if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        if (Array.isArray(item)) this.put(node, jsonText(item), row, true);
        else this.walk(item, node, row, true, depth + 1);
      }
    } else {
      this.walkObject(value, node, row, multi, depth);
    }
  }

  private put(node: PathNode, value: Scalar, row: MutableCell[], multi: boolean): void {
    let i = node.index;
    if (i < 0) {
      // Two routes can spell one path (`{"a.b": 1}` and `{"a": {"b": 2}}`): one column.
      i = this.byName.get(node.path) ?? -1;
      if (i < 0) {
        i = this.columns.length;
        this.columns.push(node.path);
        this.byName.set(node.path, i);
      }
      node.index = i;
    }
    while (row.length <= i) row.push(undefined);
    const cell = row[i];
    if (cell === undefined) row[i] = multi ? [value] : value;
    else if (Array.isArray(cell)) cell.push(value);
    // The same path twice in one record keeps both values.
    else row[i] = [cell, value];
  }
}

interface PathNode {
  path: string;
  /** Column index, or -1 until a value is found at this path. */
  index: number;
  children: Map<string, PathNode> | null;
}

function newNode(path: string): PathNode {
  return { path, index: -1, children: null };
}

function jsonText(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null; // cycles, BigInt inside
  }
}

/**
 * Flattens one record with the rules of {@link RecordFlattener}, returning an object keyed by
 * dot path (a null-prototype object, so `__proto__` is an ordinary key).
 *
 * @param record a nested record
 * @returns flattened fields; multi-valued fields hold arrays of scalars
 * @example
 * flattenRecord({ user: { email: 'a@x.io' }, tags: ['a', 'b'] });
 * // { 'user.email': 'a@x.io', tags: ['a', 'b'] }
 */
export function flattenRecord(record: object): Record<string, Cell> {
  const flattener = new RecordFlattener();
  const row = flattener.flatten(record);
  const out = Object.create(null) as Record<string, Cell>;
  flattener.columns.forEach((name, i) => {
    const cell = row[i];
    if (cell !== undefined) out[name] = cell;
  });
  return out;
}
