import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Source } from '../model';
import { chooseTracked, encodeIdentityKeys, profileFirstRows, WARMUP_ROWS, type IdentityKeysOptions, type RawIdentityKeysState, type TrackedColumn } from './identity-keys';
import type { FromWorker, ToWorker, WorkerSetup } from './_worker-protocol';
import { encodeCells } from './_cells-transfer';
import { computeKnownKeys, helperHashers, knownKeysBuffers } from './known-keys';
import { heldRows } from '../sources/_held-rows';
import { ColumnPass, RowProfiler, type ColumnsResult, type RowBatch, type RowProfilerResult } from './row-profiler';
import { measureCosts, shareWork, workerSlots, type PassCosts } from './share-work';

/** Inputs at least this large are profiled with workers when `threads` is not set. */
export const THREADS_MIN_BYTES = 16 * 1024 * 1024;
/** Batches sent to a worker but not yet profiled; bounds the memory a slow worker can make the reader use. */
export const MAX_BATCHES_IN_FLIGHT = 16;
/**
 * With this many batches in flight the worker is behind, and the main thread computes the email
 * and phone keys of the next batch itself rather than wait for it (see computeKnownKeys).
 */
export const HELP_FROM_BATCHES = MAX_BATCHES_IN_FLIGHT / 2;
/**
 * Young generation of the worker's heap, a third of Node's default. The worker's garbage dies
 * young (a batch of rows, the keys of a value), so a smaller young generation costs no measurable
 * time and saves about 50 MB of resident memory (bench/run.mjs, 1M-row CSV).
 */
const WORKER_YOUNG_GENERATION_MB = 16;

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
    profiler.addColumns(source.columns);
    profiler.observe(batch);
    rowCount += batch.length;
  };
  first.forEach(observe);
  for (let next = await rest.next(); next.done !== true; next = await rest.next()) {
    observe(next.value);
    onBatch(rowCount);
  }
  profiler.addColumns(source.columns);
  return { ...profiler.finish(), rowCount };
}

/**
 * One pass over two threads. The first WARMUP_ROWS rows choose the identity columns, as on one
 * thread, and time each part of the pass; then a worker collects the identity keys and profiles
 * the columns shareWork gives it, sent only the cells it needs, while this thread reads, parses
 * and profiles the other columns. Rows cost about as much to send to a thread as to parse, so
 * the worker is sent as few cells as balance allows. A share timed on the first rows is never
 * exact, and over a long pass this thread could wait a long while for the worker: when the
 * worker is `helpFrom` batches behind, this thread computes the email and phone keys of the
 * next batch (their digests are most of the worker's work) and sends them with its cells. The
 * result is the same as on one thread.
 */
export async function profileInWorker(
  source: Source,
  options: IdentityKeysOptions,
  onBatch: (rows: number) => void,
  share: (costs: PassCosts, tracked: readonly TrackedColumn[]) => number[] = shareWork,
  helpFrom = HELP_FROM_BATCHES,
): Promise<PassResult> {
  const rest = source.batches()[Symbol.asyncIterator]();
  const warm = await warmUp(source, rest, onBatch);
  // An input that ended within the first rows is done sooner on this thread.
  if (warm.ended) return profileOnThisThread(source, options, onBatch, warm.batches, rest);
  let rowCount = warm.rows;
  const names = [...source.columns];
  const rows = warm.batches.flat();
  const firstRows = profileFirstRows(names, rows.slice(0, WARMUP_ROWS), options);
  const tracked = chooseTracked(names, firstRows);
  const columns = share(measureCosts(names, rows, tracked, warm.readPerRow, options, firstRows, warm.expectedRows), tracked);
  const slots = workerSlots(tracked, columns);
  if (slots.length === 0) return profileOnThisThread(source, options, onBatch, warm.batches, rest);

  const worker = new ProfileWorker({ options: workerOptions(options), names, tracked, columns, slots });
  let collected: Omit<PassResult, 'keys' | 'rowCount'> & { raw: RawIdentityKeysState };
  try {
    const pass = new ColumnPass(options, new Set(columns));
    pass.addColumns(names);
    const hashers = helperHashers(tracked, options.region);
    const canHelp = hashers.some((h) => h !== null);
    const send = (batch: RowBatch): void => {
      const keys = canHelp && worker.behind(helpFrom) ? computeKnownKeys(batch, tracked, hashers) : null;
      worker.send({ kind: 'rows', cells: encodeCells(batch, slots), keys }, knownKeysBuffers(keys));
    };
    for (const batch of warm.batches) {
      pass.observe(batch);
      send(batch);
    }
    for (let next = await rest.next(); next.done !== true; next = await rest.next()) {
      worker.check();
      const batch = next.value;
      pass.addColumns(source.columns);
      send(batch);
      pass.observe(batch);
      rowCount += batch.length;
      onBatch(rowCount);
      await worker.drained();
    }
    worker.check();
    pass.addColumns(source.columns);
    const { keySample, ...all } = pass.finish();
    const remote = await worker.result<ColumnsResult>({ kind: 'end' }, 'columns');
    for (const i of columns) {
      all.columns[i] = remote.columns[i]!;
      all.exactValues[i] = remote.exactValues[i] ?? null;
    }
    const raw = await worker.result<RawIdentityKeysState>({ kind: 'finish', columns: all }, 'keys');
    collected = { columns: all.columns, keySample, raw };
  } finally {
    await worker.terminate();
  }
  // The keys' arrays were moved here: the worker's heap is gone before they are encoded.
  return { columns: collected.columns, keySample: collected.keySample, keys: encodeIdentityKeys(collected.raw), rowCount };
}

/** Batches timed for the cost of reading (the fastest counts), after the first that reads from the input. */
const TIMED_BATCHES = 8;

/** Rows a source of unknown size is taken to hold: threads are for large inputs. */
const ASSUMED_ROWS = 1_000_000;

interface Warmup {
  /** the first batches, held (see heldRows) */
  batches: RowBatch[];
  rows: number;
  /** the input ended within them */
  ended: boolean;
  /** time to read and parse a row, warm */
  readPerRow: number;
  /** rows the whole input holds, from its size and the bytes of a row so far (ASSUMED_ROWS when its size is unknown) */
  expectedRows: number;
}

/**
 * Reads the first WARMUP_ROWS rows, and on until TIMED_BATCHES batches are timed. The batches
 * parsed when the source opened cost nothing now, and the first batch read after them compiles
 * the parser: timing starts after it. Timed from the start, reading looked several times dearer
 * than it is, and the worker was given too many columns. The fastest batch counts, as the
 * faster run does for the other parts (measureCosts): a collection (the rows held here grow the
 * heap) or another process on the machine slows some batches many times over, and a median of a
 * few batches could then read well above the steady cost and give the worker every column.
 */
async function warmUp(source: Source, rest: AsyncIterator<RowBatch>, onBatch: (rows: number) => void): Promise<Warmup> {
  const batches: RowBatch[] = [];
  const times: number[] = [];
  const opened = source.bytesRead();
  let rows = 0;
  let reading = false;
  while (rows < WARMUP_ROWS || times.length < TIMED_BATCHES) {
    const started = performance.now();
    const next = await rest.next();
    if (next.done === true) return { batches, rows, ended: true, readPerRow: 0, expectedRows: rows };
    if (reading && next.value.length > 0) times.push((performance.now() - started) / next.value.length);
    // reading from the input now; records in memory count no bytes, and read from their first batch
    reading ||= source.bytesRead() > opened || opened === 0;
    batches.push(heldRows(next.value));
    rows += next.value.length;
    onBatch(rows);
  }
  const bytesPerRow = source.bytesRead() / rows;
  const readPerRow = Math.min(...times);
  const expectedRows = source.totalBytes === null || bytesPerRow === 0 ? ASSUMED_ROWS : source.totalBytes / bytesPerRow;
  return { batches, rows, ended: false, readPerRow, expectedRows };
}

/** The profile worker: its batches in flight, the result awaited, and its failure, if any. */
class ProfileWorker {
  private readonly worker: Worker;
  private inFlight = 0;
  private wake: (() => void) | null = null;
  private pending: { kind: 'columns' | 'keys'; resolve: (result: unknown) => void; reject: (error: Error) => void } | null = null;
  /** set once the worker failed; the reader stops at its next batch */
  private failure: Error | null = null;

  constructor(setup: WorkerSetup) {
    this.worker = startWorker(setup);
    this.worker.on('message', (message: FromWorker) => {
      if (message.kind === 'ack') {
        this.inFlight--;
        this.wakeUp();
      } else if (message.kind === 'error') this.fail(new Error(`profile worker failed: ${message.message}`));
      else if (message.kind === this.pending?.kind) this.pending.resolve(message.result);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(code === 0 ? 'profile worker ended without a result' : `profile worker exited with code ${code}`)));
  }

  /** Throws the worker's failure, if any. */
  check(): void {
    if (this.failure !== null) throw this.failure;
  }

  send(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    if (message.kind === 'rows') this.inFlight++;
    this.worker.postMessage(message, transfer);
  }

  /** Whether at least `batches` batches wait for the worker. */
  behind(batches: number): boolean {
    return this.inFlight >= batches;
  }

  /** Resolves once fewer than MAX_BATCHES_IN_FLIGHT batches wait (or the worker failed). */
  async drained(): Promise<void> {
    while (this.inFlight >= MAX_BATCHES_IN_FLIGHT && this.failure === null) await new Promise<void>((resolve) => (this.wake = resolve));
  }

  /** Sends `message` and waits for the result of `kind`; throws the worker's failure. */
  result<T>(message: ToWorker, kind: 'columns' | 'keys'): Promise<T> {
    this.check();
    return new Promise<T>((resolve, reject) => {
      this.pending = { kind, resolve: resolve as (result: unknown) => void, reject };
      this.send(message);
    });
  }

  async terminate(): Promise<void> {
    this.pending = null;
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wakeUp();
    this.pending?.reject(this.failure);
    this.pending = null;
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
