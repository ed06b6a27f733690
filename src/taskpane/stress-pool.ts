/**
 * The task pane's Monte Carlo workers: one Web Worker per core that `navigator.hardwareConcurrency`
 * reports, up to {@link MAX_PANE_WORKERS}, started on the first run and kept for the next ones.
 * Cancelling terminates them (a worker busy in its loop reads no message), so Cancel is immediate;
 * the next run starts fresh ones. Where Web Workers are missing, or a worker cannot start, there
 * is no pool and the Stress section runs the chunked main-thread path instead (and says so).
 */
import { monteCarloForClaimOnWorkers, type ClaimRunRequest, type FromWorker, type WorkerLink } from '../model/stress/claim-workers.js';
import type { ClaimMonteCarlo } from '../model/stress/claim-montecarlo.js';
import type { MonteCarloProgress } from '../model/stress/montecarlo.js';

export const MAX_PANE_WORKERS = 4;

/** Workers for this machine: the cores the browser reports, 1 to {@link MAX_PANE_WORKERS}. */
export function paneWorkerCount(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : undefined;
  return Math.max(1, Math.min(MAX_PANE_WORKERS, Number.isInteger(cores) && cores! > 0 ? cores! : 1));
}

export interface PaneStressPool {
  readonly size: number;
  run(request: ClaimRunRequest, options: { onProgress?: (p: MonteCarloProgress) => void; signal?: AbortSignal }): Promise<ClaimMonteCarlo>;
}

/** Thrown when a worker cannot run at all (blocked, failed to load): the caller falls back for good. */
export class WorkersUnavailableError extends Error {
  override readonly name = 'WorkersUnavailableError';
}

function link(worker: Worker): WorkerLink {
  return {
    post: (message) => worker.postMessage(message),
    onMessage(listener) {
      const onMessage = (event: MessageEvent<FromWorker>) => listener(event.data);
      const onError = (event: ErrorEvent | Event) => {
        event.preventDefault();
        listener({ type: 'error', job: -1, name: 'WorkersUnavailableError', message: 'message' in event && event.message ? String(event.message) : 'a Monte Carlo worker could not start' });
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.addEventListener('messageerror', onError);
      return () => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        worker.removeEventListener('messageerror', onError);
      };
    },
  };
}

/** The pool, or undefined where this host has no Web Workers. */
export function createPaneStressPool(size = paneWorkerCount()): PaneStressPool | undefined {
  if (typeof Worker === 'undefined') return undefined;
  let workers: Worker[] = [];
  const stop = () => {
    for (const w of workers) w.terminate();
    workers = [];
  };
  return {
    size,
    async run(request, options) {
      if (workers.length === 0) {
        try {
          workers = Array.from({ length: size }, () => new Worker(new URL('./stress-worker.ts', import.meta.url), { name: 'claimcell-stress' }));
        } catch (error) {
          stop();
          throw new WorkersUnavailableError(error instanceof Error ? error.message : String(error));
        }
      }
      const onAbort = () => stop();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const { workingBytes: _bytes, workers: _used, ...result } = await monteCarloForClaimOnWorkers(request, workers.map(link), options);
        return result;
      } catch (error) {
        if (error instanceof Error && error.name === 'WorkersUnavailableError') {
          stop();
          throw new WorkersUnavailableError(error.message);
        }
        if (error instanceof Error && error.name !== 'AbortError') stop();
        throw error;
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}
