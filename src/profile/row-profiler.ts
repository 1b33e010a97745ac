import type { Cell } from '../model';
import { ColumnProfiler, type ColumnState } from './column';
import { IdentityKeyCollector, type IdentityKeysOptions, type IdentityKeysState, type TrackedColumn } from './identity-keys';
import { KeySample, type KeySampleState } from './key-sample';

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
  private local: number[] = [];

  constructor(
    private readonly options: IdentityKeysOptions,
    private readonly elsewhere: ReadonlySet<number> = new Set(),
  ) {}

  /** Appends columns (JSON sources meet new keys as they go). */
  addColumns(names: readonly string[]): void {
    for (const name of names) {
      const index = this.columns.length;
      this.profilers.push(new ColumnProfiler(name, index, this.options));
      this.columns.push(name);
      if (!this.elsewhere.has(index)) this.local.push(index);
    }
  }

  observe(batch: RowBatch): void {
    const { profilers, local } = this;
    const sample = this.sample;
    const all = local.length === profilers.length;
    for (const row of batch) {
      if (all) {
        const n = row.length;
        for (let i = 0; i < n; i++) profilers[i]!.observe(row[i]);
      } else {
        for (let k = 0; k < local.length; k++) profilers[local[k]!]!.observe(row[local[k]!]);
      }
      sample.observe(row);
    }
  }

  /** States of the columns profiled here (those elsewhere are left undefined), and the key sample. */
  finish(): ColumnsResult & { keySample: KeySampleState } {
    const columns: ColumnState[] = [];
    const exactValues: (ReadonlyMap<string, number> | null)[] = [];
    for (const i of this.local) {
      columns[i] = this.profilers[i]!.toState();
      exactValues[i] = this.profilers[i]!.exactValues();
    }
    return { columns, exactValues, keySample: this.sample.toState() };
  }
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

  observe(batch: RowBatch): void {
    const { keys, profilers } = this;
    for (const row of batch) {
      for (let k = 0; k < profilers.length; k++) profilers[k]!.profiler.observe(row[profilers[k]!.slot]);
      keys.observe(row);
    }
    this.rows += batch.length;
  }

  /** The states of this pass's columns, by column index. */
  finishColumns(): ColumnsResult {
    const columns: ColumnState[] = [];
    const exactValues: (ReadonlyMap<string, number> | null)[] = [];
    for (const { profiler } of this.profilers) {
      columns[profiler.index] = profiler.toState();
      exactValues[profiler.index] = profiler.exactValues();
    }
    return { columns, exactValues };
  }

  /** The identity keys, checked against the states of all columns. */
  finishKeys(all: ColumnsResult): IdentityKeysState {
    return this.keys.finish(all.columns, all.exactValues, this.rows);
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

  get columns(): readonly string[] {
    return this.columnPass.columns;
  }

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
