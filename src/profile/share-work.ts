import type { Cell, ColumnProfile } from '../model';
import { ColumnProfiler } from './column';
import { IdentityKeyCollector, type IdentityKeysOptions, type TrackedColumn } from './identity-keys';
import { decodeCells, encodeCells, type CellsMessage } from './_cells-transfer';

/** Time per row (any unit) of each part of the pass, measured on the first rows. */
export interface PassCosts {
  /** reading and parsing (main thread) */
  read: number;
  /** each column's profiler */
  columns: number[];
  /** the identity keys of the tracked columns, together */
  keys: number;
  /** sending one cell to the worker: serialising (main thread) and deserialising (worker) */
  send: number;
  receive: number;
}

/**
 * Shares the pass between the main thread (reading, and the columns it keeps) and one worker
 * (the identity keys, and the columns it is given), so that the busier of the two is as little
 * busy as it can be: columns from the costliest, each to the side where it ends sooner, a
 * column the worker does not already receive costing it the cells' transfer too. Which thread
 * profiles a column changes no result, only the time.
 * @returns the indexes of the columns the worker profiles, in order
 */
export function shareWork(costs: PassCosts, tracked: readonly TrackedColumn[]): number[] {
  const sent = new Set(tracked.map((t) => t.index));
  let main = costs.read + costs.send * sent.size;
  let worker = costs.keys + costs.receive * sent.size;
  const order = costs.columns.map((cost, index) => ({ cost, index })).sort((a, b) => b.cost - a.cost || a.index - b.index);
  const columns: number[] = [];
  for (const { cost, index } of order) {
    const transfer = sent.has(index) ? 0 : 1;
    const toWorker = Math.max(main + transfer * costs.send, worker + cost + transfer * costs.receive);
    const toMain = Math.max(main + cost, worker);
    if (toWorker < toMain) {
      columns.push(index);
      main += transfer * costs.send;
      worker += cost + transfer * costs.receive;
      sent.add(index);
    } else main += cost;
  }
  return columns.sort((a, b) => a - b);
}

/** The column indexes whose cells the worker is sent, in order: the tracked ones and its own. */
export function workerSlots(tracked: readonly TrackedColumn[], columns: readonly number[]): number[] {
  return [...new Set([...tracked.map((t) => t.index), ...columns])].sort((a, b) => a - b);
}

/**
 * Whether a column will pass the distinct budget, from its profile on the first rows: its share
 * of distinct values, kept up over `expectedRows`, exceeds the budget.
 */
export function passesBudget(firstRows: ColumnProfile, expectedRows: number, distinctBudget: number): boolean {
  return (firstRows.distinctCount / Math.max(firstRows.valueCount, 1)) * expectedRows > distinctBudget;
}

/**
 * Measures each part of the pass on the first rows (`readPerRow` was measured as they were read). Each
 * part runs three times and the faster of the last two counts: the first run compiles the code, and
 * the other thread's compiler and collector make any one timing noisy.
 * A column is timed the way it will mostly run: counting its values exactly, or, when it passes
 * the distinct budget over `expectedRows` (passesBudget, from `firstRows`, its profiles on the
 * first rows), analysing each value (see ColumnProfiler). On the first rows every column is still
 * exact, and timing that alone priced a column of phone numbers at ten times its cost past the
 * budget.
 */
export function measureCosts(
  names: readonly string[],
  rows: readonly (readonly Cell[])[],
  tracked: readonly TrackedColumn[],
  readPerRow: number,
  options: IdentityKeysOptions,
  firstRows: readonly ColumnProfile[],
  expectedRows: number,
): PassCosts {
  const n = Math.max(rows.length, 1);
  const timed = (run: () => void): number => {
    run();
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      run();
      best = Math.min(best, performance.now() - started);
    }
    return best / n;
  };
  const columns = names.map((name, index) => {
    // a budget of 0 leaves exact counting at the first value: the cost of analysing every value
    const distinctBudget = passesBudget(firstRows[index]!, expectedRows, options.distinctBudget) ? 0 : options.distinctBudget;
    return timed(() => {
      const profiler = new ColumnProfiler(name, index, { ...options, distinctBudget });
      for (const row of rows) profiler.observe(row[index]);
      profiler.toState();
    });
  });
  const keys = timed(() => {
    const collector = new IdentityKeyCollector(names, options);
    collector.start(tracked);
    for (const row of rows) collector.observe(row);
  });
  const all = names.map((_, i) => i);
  let message: CellsMessage | null = null;
  const cells = Math.max(names.length, 1);
  const send = timed(() => (message = encodeCells(rows, all))) / cells;
  const receive = timed(() => decodeCells(message!)) / cells;
  return { read: readPerRow, columns, keys, send, receive };
}
