import type { Cell } from '../model/source';

/**
 * A copy of rows that are held past their batch: a source's head, read before iteration starts,
 * and the profiler's first rows. Held rows teach V8 that a parser's rows live long, and it then
 * allocates every later row in the old generation (allocation-site pretenuring), where each dead
 * row keeps its cells alive through the next young collections: hundreds of megabytes promoted per
 * million rows. Copies come from elsewhere, so the rows that are not held keep dying young.
 */
export function heldRows(rows: readonly (readonly Cell[])[]): Cell[][] {
  return rows.map((row) => row.slice());
}
