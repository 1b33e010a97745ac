import type { Cell } from '../model';
import { ColumnProfiler, type ColumnState } from './column';
import { IdentityKeyCollector, type IdentityKeysOptions, type IdentityKeysState } from './identity-keys';
import { KeySample, type KeySampleState } from './key-sample';

export type RowBatch = readonly (readonly Cell[])[];

export interface RowProfilerResult {
  columns: ColumnState[];
  keySample: KeySampleState;
  keys: IdentityKeysState;
}

/**
 * The profiling pass over rows: one ColumnProfiler per column plus the composite-key sample.
 * The same code runs on the main thread or in the profile worker (see profile-worker.ts).
 */
export class RowProfiler {
  readonly columns: string[] = [];
  private readonly profilers: ColumnProfiler[] = [];
  private readonly sample = new KeySample(this.columns);
  private readonly keys: IdentityKeyCollector;
  private rows = 0;

  constructor(private readonly options: IdentityKeysOptions) {
    this.keys = new IdentityKeyCollector(this.columns, options);
  }

  /** Appends columns (JSON sources meet new keys as they go). */
  addColumns(names: readonly string[]): void {
    for (const name of names) {
      this.profilers.push(new ColumnProfiler(name, this.columns.length, this.options));
      this.columns.push(name);
    }
  }

  observe(batch: RowBatch): void {
    const profilers = this.profilers;
    for (const row of batch) {
      const n = row.length;
      for (let i = 0; i < n; i++) profilers[i]!.observe(row[i]);
      this.sample.observe(row);
      this.keys.observe(row);
    }
    this.rows += batch.length;
  }

  finish(): RowProfilerResult {
    const columns = this.profilers.map((p) => p.toState());
    const keys = this.keys.finish(columns, this.profilers.map((p) => p.exactValues()), this.rows);
    return { columns, keySample: this.sample.toState(), keys };
  }
}
