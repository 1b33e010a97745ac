import { deserialize, serialize } from 'node:v8';
import type { Cell } from '../model';

/**
 * A batch's cells on their way to the profile worker. JSON text when every cell survives JSON
 * (the CSV and NDJSON cases): V8 writes and reads an array of short strings as JSON about 1.6
 * times faster than through `v8.serialize`, and a string is copied to the worker in one piece.
 * `absent` lists the cells (row * width + slot) that were undefined, a column missing from a JSON
 * record, which JSON would turn into null. Anything else JSON would change (a NaN or -0 from
 * in-memory records) goes through `v8.serialize`, which keeps every value.
 */
export type CellsMessage = { json: string; width: number; absent: number[] } | { v8: Uint8Array };

/** The cells of `slots` (column indexes) of each row of `batch`, encoded for the worker. */
export function encodeCells(batch: readonly (readonly Cell[])[], slots: readonly number[]): CellsMessage {
  const width = slots.length;
  const rows: Cell[][] = new Array(batch.length);
  const absent: number[] = [];
  let jsonSafe = true;
  for (let r = 0; r < batch.length; r++) {
    const row = batch[r]!;
    const cells: Cell[] = new Array(width);
    for (let k = 0; k < width; k++) {
      const cell = row[slots[k]!];
      cells[k] = cell;
      if (typeof cell === 'string' || cell === null) continue;
      if (cell === undefined) absent.push(r * width + k);
      else if (!survivesJson(cell)) jsonSafe = false;
    }
    rows[r] = cells;
  }
  return jsonSafe ? { json: JSON.stringify(rows), width, absent } : { v8: serialize(rows) };
}

/** The rows encodeCells encoded, as they were. */
export function decodeCells(message: CellsMessage): Cell[][] {
  if ('v8' in message) return deserialize(message.v8) as Cell[][];
  const rows = JSON.parse(message.json) as Cell[][];
  const { width } = message;
  for (const at of message.absent) rows[Math.floor(at / width)]![at % width] = undefined;
  return rows;
}

function survivesJson(cell: Exclude<Cell, string | null | undefined>): boolean {
  if (typeof cell === 'boolean') return true;
  if (typeof cell === 'number') return numberSurvivesJson(cell);
  for (const item of cell) {
    if (typeof item === 'number' ? !numberSurvivesJson(item) : item === undefined) return false;
  }
  return true;
}

function numberSurvivesJson(x: number): boolean {
  return Number.isFinite(x) && !Object.is(x, -0);
}
