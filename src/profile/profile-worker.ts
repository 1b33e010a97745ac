// Entry of the profile worker: runs the column profilers on a second core while the main thread
// reads and parses (see threaded.ts). Built as dist/profile-worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import type { IdentityKeysOptions } from './identity-keys';
import { RowProfiler } from './row-profiler';
import type { FromWorker, ToWorker } from './_worker-protocol';

const port = parentPort;
if (port !== null) {
  const profiler = new RowProfiler(workerData as IdentityKeysOptions);
  const send = (message: FromWorker): void => port.postMessage(message);
  port.on('message', (message: ToWorker) => {
    try {
      if (message.kind === 'rows') {
        profiler.addColumns(message.columns);
        profiler.observe(message.rows);
        send({ kind: 'ack' });
      } else {
        send({ kind: 'done', result: profiler.finish() });
      }
    } catch (error) {
      send({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
