/** A Node worker thread of the CLI's Monte Carlo pool: the shared worker handler on parentPort. */
import { parentPort } from 'node:worker_threads';
import { stressWorkerHandler, type ToWorker } from '../model/stress/claim-workers.js';

const port = parentPort;
if (!port) throw new Error('stress-worker.ts runs as a worker thread (see stress-pool.ts)');
const handle = stressWorkerHandler((message, transfer) => port.postMessage(message, transfer));
port.on('message', (message: ToWorker) => handle(message));
