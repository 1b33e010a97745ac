import cliProgress from 'cli-progress';
import type { ProgressEvent } from '../index';

export interface Progress {
  update(event: ProgressEvent): void;
  stop(): void;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };
const MB = 1024 * 1024;

/** A progress bar on stderr (bytes read of total, rows/s); silent when stderr is not a terminal. */
export function createProgress(stream: NodeJS.WriteStream, enabled: boolean): Progress {
  if (!enabled || stream.isTTY !== true) return SILENT;
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{dataset} [{bar}] {percentage}% | {readMb}/{totalMb} MB | {rows} rows | {rate} rows/s',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let startedBar = false;
  return {
    update(event) {
      const total = event.totalBytes ?? Math.max(event.bytesRead, 1);
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      const payload = {
        dataset: event.dataset,
        readMb: (event.bytesRead / MB).toFixed(1),
        totalMb: (total / MB).toFixed(1),
        rows: event.rows.toLocaleString('en-US'),
        rate: Math.round(event.rows / seconds).toLocaleString('en-US'),
      };
      if (!startedBar) {
        bar.start(total, event.bytesRead, payload);
        startedBar = true;
      } else bar.update(event.bytesRead, payload);
    },
    stop() {
      if (startedBar) bar.stop();
    },
  };
}

/** One progress bar per dataset of a scan, on stderr; silent when stderr is not a terminal. */
export function createMultiProgress(stream: NodeJS.WriteStream, enabled: boolean): { update(event: ProgressEvent & { index: number; of: number }): void; stop(): void } {
  if (!enabled || stream.isTTY !== true) return SILENT;
  const multi = new cliProgress.MultiBar(
    // finished bars stay on screen: the user sees every dataset was read
    { stream, format: '{dataset} [{bar}] {percentage}% | {rows} rows', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<number, cliProgress.SingleBar>();
  return {
    update(event) {
      const total = event.totalBytes ?? Math.max(event.bytesRead, 1);
      const payload = { dataset: event.dataset.padEnd(16).slice(0, 16), rows: event.rows.toLocaleString('en-US') };
      const bar = bars.get(event.index);
      if (bar === undefined) bars.set(event.index, multi.create(total, event.bytesRead, payload));
      else bar.update(event.bytesRead, payload);
    },
    stop() {
      multi.stop();
    },
  };
}
