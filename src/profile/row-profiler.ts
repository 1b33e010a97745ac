import type { Cell } from '../model';
import { ColumnProfiler, type ColumnState } from './column';
import { IdentityKeyCollector, type IdentityKeysOptions, type IdentityKeysState, type RawIdentityKeysState, type TrackedColumn } from './identity-keys';
import { KeySample, type KeySampleState } from './key-sample';
import type { KnownKeys } from './known-keys';

export type RowBatch = readonly (readonly Cell[])[];

export interface RowProfilerResult {
  columns: ColumnState[];
  keySample: KeySampleState;
  keys: IdentityKeysState;
}

/** Column states with the exact distinct values that the identity keys' finish needs. */
export interface ColumnsResult {
  columns: ColumnState[];
  /** per column, its exact distinct values with counts, or null past the distinct budget */
  exactValues: (ReadonlyMap<string, number> | null)[];
}

/**
 * The column half of the profiling pass: one ColumnProfiler per column plus the composite-key
 * sample. Each column is independent of the others and of the identity keys, so columns listed in
 * `elsewhere` can be profiled by another thread (see threaded.ts); this pass then skips them.
 */
export class ColumnPass {
  readonly columns: string[] = [];
  private readonly profilers: ColumnProfiler[] = [];
  private readonly sample = new KeySample(this.columns);
  /** the columns this pass profiles, in order */
  private readonly local: number[] = [];

  constructor(
    private readonly options: IdentityKeysOptions,
    private readonly elsewhere: ReadonlySet<number> = new Set(),
  ) {}

  /** Takes on the columns of `names` past those it has (JSON sources meet new keys as they go). */
  addColumns(names: readonly string[]): void {
    for (let index = this.columns.length; index < names.length; index++) {
      this.profilers.push(new ColumnProfiler(names[index]!, index, this.options));
      this.columns.push(names[index]!);
      if (!this.elsewhere.has(index)) this.local.push(index);
    }
  }

  observe(batch: RowBatch): void {
    const { profilers, local, sample } = this;
    for (const row of batch) {
      for (let k = 0; k < local.length; k++) {
        const i = local[k]!;
        profilers[i]!.observe(row[i]);
      }
      sample.observe(row);
    }
  }

  /** States of the columns profiled here (those elsewhere are left undefined), and the key sample. */
  finish(): ColumnsResult & { keySample: KeySampleState } {
    return { ...columnsResult(this.local.map((i) => this.profilers[i]!)), keySample: this.sample.toState() };
  }
}

/** The states and exact values of `profilers`, at their columns' indexes. */
function columnsResult(profilers: readonly ColumnProfiler[]): ColumnsResult {
  const result: ColumnsResult = { columns: [], exactValues: [] };
  for (const profiler of profilers) {
    result.columns[profiler.index] = profiler.toState();
    result.exactValues[profiler.index] = profiler.exactValues();
  }
  return result;
}

/**
 * What a profile worker runs (see threaded.ts): the identity keys of `tracked` columns, and the
 * profiles of `columns`, from rows that hold only the cells of `slots` (column indexes, in order).
 */
export class WorkerPass {
  private readonly keys: IdentityKeyCollector;
  private readonly profilers: { profiler: ColumnProfiler; slot: number }[];
  private rows = 0;

  constructor(
    names: readonly string[],
    tracked: readonly TrackedColumn[],
    columns: readonly number[],
    slots: readonly number[],
    options: IdentityKeysOptions,
  ) {
    const slotOf = (index: number): number => slots.indexOf(index);
    this.keys = new IdentityKeyCollector(names, options);
    this.keys.start(tracked, tracked.map((t) => slotOf(t.index)));
    this.profilers = columns.map((index) => ({ profiler: new ColumnProfiler(names[index]!, index, options), slot: slotOf(index) }));
  }

  /** Profiles a batch; `known` holds key records the main thread computed for it, if any. */
  observe(batch: RowBatch, known: KnownKeys | null = null): void {
    const { keys, profilers } = this;
    for (let r = 0; r < batch.length; r++) {
      const row = batch[r]!;
      for (let k = 0; k < profilers.length; k++) profilers[k]!.profiler.observe(row[profilers[k]!.slot]);
      keys.observe(row, known, r);
    }
    this.rows += batch.length;
  }

  /** The states of this pass's columns, by column index. */
  finishColumns(): ColumnsResult {
    return columnsResult(this.profilers.map((p) => p.profiler));
  }

  /** The identity keys, checked against the states of all columns; their arrays not yet encoded, to transfer. */
  finishKeys(all: ColumnsResult): RawIdentityKeysState {
    return this.keys.finishRaw(all.columns, all.exactValues, this.rows);
  }
}

/** The whole profiling pass on one thread. threaded.ts splits the same work over two threads; the result is the same. */
export class RowProfiler {
  private readonly columnPass: ColumnPass;
  private readonly keys: IdentityKeyCollector;
  private rows = 0;

  constructor(options: IdentityKeysOptions) {
    this.columnPass = new ColumnPass(options);
    this.keys = new IdentityKeyCollector(this.columnPass.columns, options);
  }

  /** Takes on the columns of `names` past those it has. */
  addColumns(names: readonly string[]): void {
    this.columnPass.addColumns(names);
  }

  observe(batch: RowBatch): void {
    this.columnPass.observe(batch);
    for (const row of batch) this.keys.observe(row);
    this.rows += batch.length;
  }

  finish(): RowProfilerResult {
    const { columns, exactValues, keySample } = this.columnPass.finish();
    return { columns, keySample, keys: this.keys.finish(columns, exactValues, this.rows) };
  }
}
