import type { RowBatch, RowProfilerResult } from './row-profiler';

/** Messages to the profile worker: a batch of rows (with any columns new since the last), or the end. */
export type ToWorker = { kind: 'rows'; columns: string[]; rows: RowBatch } | { kind: 'end' };

/** Messages from it: a batch was profiled, the result, or a failure (a bug: reported as internal). */
export type FromWorker = { kind: 'ack' } | { kind: 'done'; result: RowProfilerResult } | { kind: 'error'; message: string };
