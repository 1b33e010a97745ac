// Entry of the profile worker: collects the identity keys and profiles a share of the columns on
// a second core while the main thread reads, parses and profiles the other columns (see
// threaded.ts). Built as dist/profile-worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import { identityKeysBuffers } from './identity-keys';
import { WorkerPass } from './row-profiler';
import type { FromWorker, ToWorker, WorkerSetup } from './_worker-protocol';
import { decodeCells } from './_cells-transfer';

const port = parentPort;
if (port !== null) {
  const { names, tracked, columns, slots, options } = workerData as WorkerSetup;
  const pass = new WorkerPass(names, tracked, columns, slots, options);
  const send = (message: FromWorker): void => port.postMessage(message);
  port.on('message', (message: ToWorker) => {
    try {
      if (message.kind === 'rows') {
        pass.observe(decodeCells(message.cells), message.keys);
        send({ kind: 'ack' });
      } else if (message.kind === 'end') send({ kind: 'columns', result: pass.finishColumns() });
      else {
        const result = pass.finishKeys(message.columns);
        port.postMessage({ kind: 'keys', result } satisfies FromWorker, identityKeysBuffers(result));
      }
    } catch (error) {
      send({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
