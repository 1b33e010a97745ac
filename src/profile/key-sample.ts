import type { Cell } from '../model';
import { isPlaceholderText } from '../identity/junk';
import { hashString } from './hash';
import { isNullToken } from './null-like';
import { base64ToUint32, uint32ToBase64 } from './sketches/base64';

/** Rows kept (as 32-bit hashes of their first columns) to test two-column composite keys. */
export const KEY_SAMPLE_ROWS = 5000;
export const KEY_SAMPLE_COLUMNS = 24;
/** Hash written for a null-like cell; a real value hashing to 0 is remapped to 1. */
const NULL_HASH = 0;

export interface KeySampleState {
  columns: string[];
  rows: number;
  /** row-major Uint32 hashes, rows x columns.length */
  hashes: string;
}

/**
 * The first rows of a dataset, reduced to value hashes, so composite keys can be tested after
 * the pass without keeping any raw value. Memory is bounded by rows x columns x 4 bytes.
 */
export class KeySample {
  private readonly data = new Uint32Array(KEY_SAMPLE_ROWS * KEY_SAMPLE_COLUMNS);
  rows = 0;

  constructor(private readonly columns: string[]) {}

  observe(row: readonly Cell[]): void {
    if (this.rows >= KEY_SAMPLE_ROWS) return;
    const base = this.rows * KEY_SAMPLE_COLUMNS;
    const n = Math.min(row.length, KEY_SAMPLE_COLUMNS);
    for (let i = 0; i < n; i++) this.data[base + i] = cellHash(row[i]);
    this.rows++;
  }

  toState(): KeySampleState {
    const width = Math.min(this.columns.length, KEY_SAMPLE_COLUMNS);
    const out = new Uint32Array(this.rows * width);
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < width; c++) out[r * width + c] = this.data[r * KEY_SAMPLE_COLUMNS + c]!;
    }
    return { columns: this.columns.slice(0, width), rows: this.rows, hashes: uint32ToBase64(out) };
  }
}

function cellHash(cell: Cell): number {
  if (cell === undefined || cell === null) return NULL_HASH;
  const text = typeof cell === 'string' ? cell.trim() : Array.isArray(cell) ? JSON.stringify(cell) : String(cell);
  // Nulls as the column profiler sees them, so pair uniqueness ignores the same cells.
  if (text === '' || isNullToken(text)) return NULL_HASH;
  // Placeholders (test@test.com, UNKNOWN) repeat by design; like nulls, they must not break a composite key.
  if (isPlaceholderText(text)) return NULL_HASH;
  return hashString(text) || 1;
}

/** Concatenates two samples of the same columns, up to KEY_SAMPLE_ROWS rows. */
export function mergeKeySamples(a: KeySampleState, b: KeySampleState): KeySampleState {
  const columns = a.columns.filter((c) => b.columns.includes(c));
  const take = (s: KeySampleState, rows: number): number[] => {
    const data = base64ToUint32(s.hashes);
    const width = s.columns.length;
    const idx = columns.map((c) => s.columns.indexOf(c));
    const out: number[] = [];
    for (let r = 0; r < rows; r++) for (const i of idx) out.push(data[r * width + i]!);
    return out;
  };
  const fromA = Math.min(a.rows, KEY_SAMPLE_ROWS);
  const fromB = Math.min(b.rows, KEY_SAMPLE_ROWS - fromA);
  return { columns, rows: fromA + fromB, hashes: uint32ToBase64(Uint32Array.from([...take(a, fromA), ...take(b, fromB)])) };
}

/** Share of sampled rows (with both cells non-null) whose pair of values is unique. */
export function pairUniqueness(sample: KeySampleState, left: string, right: string): { uniqueness: number; rows: number } {
  const data = base64ToUint32(sample.hashes);
  const width = sample.columns.length;
  const li = sample.columns.indexOf(left);
  const ri = sample.columns.indexOf(right);
  const seen = new Set<number>();
  let rows = 0;
  for (let r = 0; r < sample.rows; r++) {
    const a = data[r * width + li]!;
    const b = data[r * width + ri]!;
    if (a === NULL_HASH || b === NULL_HASH) continue;
    rows++;
    seen.add(a * 0x200000 + (b >>> 11));
  }
  return { uniqueness: rows === 0 ? 0 : seen.size / rows, rows };
}
