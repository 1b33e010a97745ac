import type { IdentityKeysOptions, RawIdentityKeysState, TrackedColumn } from './identity-keys';
import type { ColumnsResult } from './row-profiler';
import type { CellsMessage } from './_cells-transfer';
import type { KnownKeys } from './known-keys';

/** What a profile worker is started with (its `workerData`): its share of the pass (see WorkerPass). */
export interface WorkerSetup {
  options: IdentityKeysOptions;
  names: string[];
  tracked: TrackedColumn[];
  columns: number[];
  slots: number[];
}

/**
 * Messages to the profile worker: a batch of rows holding the cells of its slots (see
 * encodeCells), with the key records the main thread computed for it when the worker was behind
 * (see computeKnownKeys); then the end; then the states of all columns, which its identity keys
 * are checked against.
 */
export type ToWorker = { kind: 'rows'; cells: CellsMessage; keys: KnownKeys | null } | { kind: 'end' } | { kind: 'finish'; columns: ColumnsResult };

/**
 * Messages from it: a batch was profiled, its columns, its identity keys (arrays transferred, not
 * copied; see RawKeyTableState), or a failure (a bug: reported as internal).
 */
export type FromWorker =
  | { kind: 'ack' }
  | { kind: 'columns'; result: ColumnsResult }
  | { kind: 'keys'; result: RawIdentityKeysState }
  | { kind: 'error'; message: string };
