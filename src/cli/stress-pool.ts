/**
 * The CLI's Monte Carlo workers: Node worker threads, each running the shared worker handler
 * (src/model/stress/claim-workers.ts), so the CLI and the task pane share one engine and protocol.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FromWorker, WorkerLink } from '../model/stress/claim-workers.js';

/** Workers by default: the cores Node reports. */
export const defaultWorkers = (): number => availableParallelism();

export interface NodeStressPool {
  readonly links: readonly WorkerLink[];
  close(): Promise<void>;
}

export function nodeStressPool(size: number): NodeStressPool {
  const workers = Array.from({ length: size }, () => new Worker(new URL('./stress-worker-boot.mjs', import.meta.url)));
  const links = workers.map((worker): WorkerLink => ({
    post: (message) => worker.postMessage(message),
    onMessage(listener) {
      const on = (m: FromWorker) => listener(m);
      const fail = (e: Error) => listener({ type: 'error', job: -1, name: e.name, message: e.message });
      worker.on('message', on);
      worker.on('error', fail);
      return () => {
        worker.off('message', on);
        worker.off('error', fail);
      };
    },
  }));
  return { links, close: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
}
