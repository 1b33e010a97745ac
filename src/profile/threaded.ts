import { availableParallelism } from 'node:os';
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Source } from '../model';
import { chooseTracked, WARMUP_ROWS, type IdentityKeysOptions, type IdentityKeysState, type TrackedColumn } from './identity-keys';
import type { FromWorker, ToWorker, WorkerSetup } from './_worker-protocol';
import { ColumnPass, RowProfiler, type ColumnsResult, type RowBatch, type RowProfilerResult } from './row-profiler';
import { measureCosts, shareWork, type PassCosts, type WorkShare } from './share-work';

/** Inputs at least this large are profiled with workers when `threads` is not set. */
export const THREADS_MIN_BYTES = 16 * 1024 * 1024;
/** Batches sent to a worker but not yet profiled; bounds the memory a slow worker can make the reader use. */
export const MAX_BATCHES_IN_FLIGHT = 16;
/**
 * Young generation of each worker's heap. Profiling makes short-lived strings and objects by
 * the million; a larger young generation collects them before they are promoted, which cut the
 * pass's CPU time by about a tenth in `npm run bench` at the cost of some resident memory.
 */
const WORKER_YOUNG_GENERATION_MB = 48;

export interface PassResult extends RowProfilerResult {
  rowCount: number;
}

/** Whether to profile in workers: as asked, or for large files on a machine with a second core. */
export function shouldUseWorker(threads: boolean | undefined, source: Source): boolean {
  if (threads !== undefined) return threads;
  return source.totalBytes !== null && source.totalBytes >= THREADS_MIN_BYTES && availableParallelism() > 1;
}

/** One pass on this thread (after `first`, batches already read from `rest`). */
export async function profileOnThisThread(
  source: Source,
  options: IdentityKeysOptions,
  onBatch: (rows: number) => void,
  first: readonly RowBatch[] = [],
  rest: AsyncIterator<RowBatch> = source.batches()[Symbol.asyncIterator](),
): Promise<PassResult> {
  const profiler = new RowProfiler(options);
  let rowCount = 0;
  const observe = (batch: RowBatch): void => {
    if (source.columns.length > profiler.columns.length) profiler.addColumns(source.columns.slice(profiler.columns.length));
    profiler.observe(batch);
    rowCount += batch.length;
  };
  first.forEach(observe);
  for (let next = await rest.next(); next.done !== true; next = await rest.next()) {
    observe(next.value);
    onBatch(rowCount);
  }
  if (source.columns.length > profiler.columns.length) profiler.addColumns(source.columns.slice(profiler.columns.length));
  return { ...profiler.finish(), rowCount };
}

/**
 * One pass over two threads. The first WARMUP_ROWS rows choose the identity columns, as on one
 * thread, and time each part of the pass; then a worker collects the identity keys and profiles
 * the columns shareWork gives it, sent only the cells it needs, while this thread reads, parses
 * and profiles the other columns. Rows cost about as much to send to a thread as to parse, so
 * the worker is sent as few cells as balance allows. The result is the same as on one thread.
 */
export async function profileInWorker(
  source: Source,
  options: IdentityKeysOptions,
  onBatch: (rows: number) => void,
  share: (costs: PassCosts, tracked: readonly TrackedColumn[]) => WorkShare = shareWork,
): Promise<PassResult> {
  const rest = source.batches()[Symbol.asyncIterator]();
  const warm: RowBatch[] = [];
  let rowCount = 0;
  let ended = false;
  const started = performance.now();
  while (rowCount < WARMUP_ROWS) {
    const next = await rest.next();
    if (next.done === true) {
      ended = true;
      break;
    }
    warm.push(next.value);
    rowCount += next.value.length;
    onBatch(rowCount);
  }
  const readTime = performance.now() - started;
  const names = [...source.columns];
  const firstRows = warm.flat().slice(0, WARMUP_ROWS);
  const tracked = chooseTracked(names, firstRows, options);
  const shared = ended ? null : share(measureCosts(names, firstRows, tracked, readTime, options), tracked);
  if (shared === null || shared.slots.length === 0) return profileOnThisThread(source, options, onBatch, warm, rest);

  const failed = new Failure();
  const worker = new ProfileWorker({ options: workerOptions(options), names, tracked, columns: shared.columns, slots: shared.slots }, failed);
  try {
    const pass = new ColumnPass(options, new Set(shared.columns));
    pass.addColumns(names);
    const slots = shared.slots;
    const send = (batch: RowBatch): void => {
      const cells = batch.map((row) => slots.map((i) => row[i]));
      worker.send({ kind: 'rows', rows: serialize(cells) });
    };
    for (const batch of warm) {
      pass.observe(batch);
      send(batch);
    }
    for (let next = await rest.next(); next.done !== true; next = await rest.next()) {
      failed.check();
      const batch = next.value;
      if (source.columns.length > pass.columns.length) pass.addColumns(source.columns.slice(pass.columns.length));
      send(batch);
      pass.observe(batch);
      rowCount += batch.length;
      onBatch(rowCount);
      await worker.drained();
    }
    failed.check();
    if (source.columns.length > pass.columns.length) pass.addColumns(source.columns.slice(pass.columns.length));
    const local = pass.finish();
    const remote = await worker.result<ColumnsResult>({ kind: 'end' }, 'columns');
    const all: ColumnsResult = { columns: [...local.columns], exactValues: [...local.exactValues] };
    for (const i of shared.columns) {
      all.columns[i] = remote.columns[i]!;
      all.exactValues[i] = remote.exactValues[i] ?? null;
    }
    const keys = await worker.result<IdentityKeysState>({ kind: 'finish', columns: all }, 'keys');
    return { columns: all.columns, keySample: local.keySample, keys, rowCount };
  } finally {
    await worker.terminate();
  }
}

/** The worker's failure, if any; the reader stops at its next batch. */
class Failure {
  error: Error | null = null;
  private readonly listeners: (() => void)[] = [];

  set(error: Error): void {
    this.error ??= error;
    for (const wake of this.listeners.splice(0)) wake();
  }

  onFail(wake: () => void): void {
    if (this.error !== null) wake();
    else this.listeners.push(wake);
  }

  check(): void {
    if (this.error !== null) throw this.error;
  }
}

/** The profile worker, with its batches in flight counted. */
class ProfileWorker {
  private readonly worker: Worker;
  private inFlight = 0;
  private wake: (() => void) | null = null;
  private receive: ((message: FromWorker) => void) | null = null;

  constructor(
    setup: WorkerSetup,
    private readonly failed: Failure,
  ) {
    this.worker = startWorker(setup);
    this.worker.on('message', (message: FromWorker) => {
      if (message.kind === 'ack') {
        this.inFlight--;
        this.wakeUp();
      } else if (message.kind === 'error') this.failed.set(new Error(`profile worker failed: ${message.message}`));
      else this.receive?.(message);
    });
    this.worker.on('error', (error) => this.failed.set(error));
    this.worker.on('exit', (code) => {
      if (code !== 0) this.failed.set(new Error(`profile worker exited with code ${code}`));
    });
    failed.onFail(() => this.wakeUp());
  }

  send(message: ToWorker): void {
    if (message.kind === 'rows') this.inFlight++;
    this.worker.postMessage(message);
  }

  /** Resolves once fewer than MAX_BATCHES_IN_FLIGHT batches wait (or the worker failed). */
  async drained(): Promise<void> {
    while (this.inFlight >= MAX_BATCHES_IN_FLIGHT && this.failed.error === null) await new Promise<void>((resolve) => (this.wake = resolve));
  }

  /** Sends `message` and waits for the result of `kind`; throws the worker's failure. */
  async result<T>(message: ToWorker, kind: 'columns' | 'keys'): Promise<T> {
    const result = await new Promise<T | null>((resolve) => {
      this.receive = (reply) => {
        if (reply.kind === kind) resolve(reply.result as T);
      };
      this.failed.onFail(() => resolve(null));
      this.send(message);
    });
    this.failed.check();
    if (result === null) throw new Error('profile worker ended without a result');
    return result;
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

function workerOptions(options: IdentityKeysOptions): IdentityKeysOptions {
  const { distinctBudget, region, mask, keyBudget, linkBudget } = options;
  return { distinctBudget, region, mask, keyBudget, linkBudget };
}

function startWorker(workerData: WorkerSetup): Worker {
  const here = import.meta.url;
  const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  // execArgv: [] so that flags of this process that a worker refuses (`--input-type`) are not passed on.
  if (!here.endsWith('.ts')) return new Worker(new URL('./profile-worker.js', here), { workerData, execArgv: [], resourceLimits });
  // Running from the TypeScript sources (tests, tsx): load the worker through tsx.
  const url = JSON.stringify(new URL('./profile-worker.ts', here).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => tsx.tsImport(${url}, ${url}))`, { eval: true, workerData, execArgv: [], resourceLimits });
}
