import type { Cell } from '../model';
import { ColumnProfiler, type ColumnProfilerOptions, type ColumnState } from './column';
import { KeySample, type KeySampleState } from './key-sample';

export type RowBatch = readonly (readonly Cell[])[];

export interface RowProfilerResult {
  columns: ColumnState[];
  keySample: KeySampleState;
}

/**
 * The profiling pass over rows: one ColumnProfiler per column plus the composite-key sample.
 * The same code runs on the main thread or in the profile worker (see profile-worker.ts).
 */
export class RowProfiler {
  readonly columns: string[] = [];
  private readonly profilers: ColumnProfiler[] = [];
  private readonly sample = new KeySample(this.columns);

  constructor(private readonly options: ColumnProfilerOptions) {}

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
    }
  }

  finish(): RowProfilerResult {
    return { columns: this.profilers.map((p) => p.toState()), keySample: this.sample.toState() };
  }
}
