import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Source } from '../model';
import type { IdentityKeysOptions } from './identity-keys';
import type { FromWorker, ToWorker } from './_worker-protocol';
import { RowProfiler, type RowProfilerResult } from './row-profiler';

/** Inputs at least this large are profiled with a worker when `threads` is not set. */
export const THREADS_MIN_BYTES = 16 * 1024 * 1024;
/** Batches sent but not yet profiled; bounds the memory a slow worker can make the reader use. */
export const MAX_BATCHES_IN_FLIGHT = 16;

export interface PassResult extends RowProfilerResult {
  rowCount: number;
}

/** Whether to profile in a worker: as asked, or for large files on a machine with a second core. */
export function shouldUseWorker(threads: boolean | undefined, source: Source): boolean {
  if (threads !== undefined) return threads;
  return source.totalBytes !== null && source.totalBytes >= THREADS_MIN_BYTES && availableParallelism() > 1;
}

/** One pass on this thread. */
export async function profileOnThisThread(source: Source, options: IdentityKeysOptions, onBatch: (rows: number) => void): Promise<PassResult> {
  const profiler = new RowProfiler(options);
  let rowCount = 0;
  for await (const batch of source.batches()) {
    if (source.columns.length > profiler.columns.length) profiler.addColumns(source.columns.slice(profiler.columns.length));
    profiler.observe(batch);
    rowCount += batch.length;
    onBatch(rowCount);
  }
  if (source.columns.length > profiler.columns.length) profiler.addColumns(source.columns.slice(profiler.columns.length));
  return { ...profiler.finish(), rowCount };
}

/**
 * One pass split over two threads: this one reads and parses, a worker runs the column profilers
 * (the same RowProfiler code), so the two costs overlap instead of adding up. The result is the
 * same as on one thread.
 */
export async function profileInWorker(source: Source, options: IdentityKeysOptions, onBatch: (rows: number) => void): Promise<PassResult> {
  const worker = startWorker(options);
  let inFlight = 0;
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let finished: ((result: RowProfilerResult) => void) | null = null;
  const done = new Promise<RowProfilerResult>((resolve) => (finished = resolve));
  const fail = (error: Error): void => {
    failure ??= error;
    wake?.();
    finished?.({ columns: [], keySample: { columns: [], rows: 0, hashes: '' }, keys: { v: 1, tables: [], links: null } });
  };
  worker.on('message', (message: FromWorker) => {
    if (message.kind === 'ack') {
      inFlight--;
      wake?.();
    } else if (message.kind === 'done') finished?.(message.result);
    else fail(new Error(`profile worker failed: ${message.message}`));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (code !== 0) fail(new Error(`profile worker exited with code ${code}`));
  });
  const send = (message: ToWorker): void => worker.postMessage(message);
  let sentColumns = 0;
  let rowCount = 0;
  try {
    for await (const batch of source.batches()) {
      if (failure !== null) break;
      send({ kind: 'rows', columns: source.columns.slice(sentColumns), rows: batch });
      sentColumns = source.columns.length;
      inFlight++;
      rowCount += batch.length;
      onBatch(rowCount);
      while (inFlight >= MAX_BATCHES_IN_FLIGHT && failure === null) await new Promise<void>((resolve) => (wake = resolve));
    }
    if (failure === null) {
      send({ kind: 'rows', columns: source.columns.slice(sentColumns), rows: [] });
      send({ kind: 'end' });
    }
    const result = await done;
    if (failure !== null) throw failure;
    return { ...result, rowCount };
  } finally {
    await worker.terminate();
  }
}

function startWorker(options: IdentityKeysOptions): Worker {
  const here = import.meta.url;
  const { distinctBudget, region, mask, keyBudget, linkBudget } = options;
  const workerData = { distinctBudget, region, mask, keyBudget, linkBudget } satisfies IdentityKeysOptions;
  // execArgv: [] so that flags of this process that a worker refuses (`--input-type`) are not passed on.
  if (!here.endsWith('.ts')) return new Worker(new URL('./profile-worker.js', here), { workerData, execArgv: [] });
  // Running from the TypeScript sources (tests, tsx): load the worker through tsx.
  const url = JSON.stringify(new URL('./profile-worker.ts', here).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => tsx.tsImport(${url}, ${url}))`, { eval: true, workerData, execArgv: [] });
}
