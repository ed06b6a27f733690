/**
 * The task pane's Monte Carlo Web Worker: the shared worker handler (src/model/stress/claim-workers.ts)
 * on this worker's messages. Bundled by webpack from `new Worker(new URL('./stress-worker.ts', …))`
 * in stress-pool.ts, for the add-in and the preview alike.
 */
import { stressWorkerHandler, type ToWorker } from '../model/stress/claim-workers.js';

/** The worker global, typed for what is used here (the DOM lib types `self` as a Window). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
};
const handle = stressWorkerHandler((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event) => handle(event.data);
