import { serialize, deserialize } from 'node:v8';
import type { Cell } from '../model';
import { ColumnProfiler } from './column';
import { IdentityKeyCollector, type IdentityKeysOptions, type TrackedColumn } from './identity-keys';

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
 * Measures each part of the pass on the first rows (`readTime` is what reading them took). Each
 * part runs twice and the second run counts, so that code the first run compiled is timed warm.
 */
export function measureCosts(
  names: readonly string[],
  rows: readonly (readonly Cell[])[],
  tracked: readonly TrackedColumn[],
  readTime: number,
  options: IdentityKeysOptions,
): PassCosts {
  const n = Math.max(rows.length, 1);
  const timed = (run: () => void): number => {
    run();
    const started = performance.now();
    run();
    return (performance.now() - started) / n;
  };
  const columns = names.map((name, index) =>
    timed(() => {
      const profiler = new ColumnProfiler(name, index, options);
      for (const row of rows) profiler.observe(row[index]);
      profiler.toState();
    }),
  );
  const keys = timed(() => {
    const collector = new IdentityKeyCollector(names, options);
    collector.start(tracked);
    for (const row of rows) collector.observe(row);
  });
  let bytes: Uint8Array = new Uint8Array(0);
  const cells = Math.max(names.length, 1);
  const send = timed(() => (bytes = serialize(rows))) / cells;
  const receive = timed(() => deserialize(bytes)) / cells;
  return { read: readTime / n, columns, keys, send, receive };
}
