/**
 * A claim's Monte Carlo shared between workers (Web Workers in the task pane, worker threads in
 * the CLI), with the same result, bit for bit, as {@link monteCarloForClaim} whatever their number
 * (parts.ts says why). Pure: the transport is a {@link WorkerLink}; src/taskpane and src/cli
 * supply real workers, {@link inProcessLink} runs the same protocol on this thread (tests).
 *
 * Protocol, per run ("job"): the coordinator validates the request, sends each worker a range of
 * segments ('simulate'); each worker compiles the claim, simulates its part, keeps its outputs and
 * answers with its per-segment sums and bucket counts ('simulated'); the coordinator merges them,
 * plans the percentiles and asks every worker for the values of the buckets it needs ('gather');
 * the workers answer ('gathered') and free the job. Progress comes as 'progress' messages.
 */
import { prepareMonteCarlo, summarise, type ClaimMonteCarlo, type ClaimMonteCarloOptions } from './claim-montecarlo.js';
import { BUCKETS, gatherPart, needsGather, planRun, quantilePlanOf, resultOf, type GeneratorName, type MonteCarloProgress } from './montecarlo.js';
import { mergeParts, pilotOf, segmentsOf, shareSegments, simulatePart, type PartResult } from './parts.js';
import type { Seed } from './prng.js';
import type { Gathered, QuantilePlan } from './quantiles.js';
import { StressCancelledError } from './types.js';
import { userStress, type UserTables } from '../user/index.js';

/** What to run: plain data, posted to every worker. */
export interface ClaimRunRequest {
  readonly claimId: string;
  readonly samples: number;
  readonly seed: Seed;
  readonly shape?: 'uniform' | 'pert';
  readonly generator?: GeneratorName;
  readonly histogramBins?: number;
  /** Values in use in place of the article's (figure id → value), passed on to the claim's model. */
  readonly overrides?: Readonly<Record<string, number>>;
  /**
   * The user's MyFigures/MyClaims rows, when the claim is one of theirs: rows, not compiled
   * claims (a worker receives no closures); each worker reads them with the same model code.
   */
  readonly mine?: UserTables;
  /** P10/P50/P90 of inputs, fitted as metalogs (ClaimMonteCarloOptions.quantiles). */
  readonly quantiles?: Readonly<Record<string, readonly [number, number, number]>>;
}

export type ToWorker =
  | { readonly type: 'simulate'; readonly job: number; readonly request: ClaimRunRequest; readonly from: number; readonly to: number }
  | { readonly type: 'gather'; readonly job: number; readonly plan: Pick<QuantilePlan, 'buckets' | 'fallback'>; readonly allFinite: boolean }
  | { readonly type: 'drop'; readonly job: number };

export type FromWorker =
  | { readonly type: 'progress'; readonly job: number; readonly done: number }
  | { readonly type: 'simulated'; readonly job: number; readonly from: number; readonly to: number; readonly sums: Float64Array; readonly counts: Uint32Array; readonly bytes: number }
  | { readonly type: 'gathered'; readonly job: number; readonly values: Float64Array[] }
  /** A job failed; job −1 when the worker itself failed (every run on it fails). */
  | { readonly type: 'error'; readonly job: number; readonly name: string; readonly message: string };

/** One worker as the coordinator sees it: post a message (transferring buffers), receive its answers. */
export interface WorkerLink {
  post(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): () => void;
}

function claimOptions(request: ClaimRunRequest): ClaimMonteCarloOptions {
  const overrides = request.overrides ? new Map(Object.entries(request.overrides)) : undefined;
  const user = request.mine ? userStress(request.mine, overrides) : undefined;
  return {
    samples: request.samples,
    seed: request.seed,
    ...(request.shape ? { shape: request.shape } : {}),
    ...(request.generator ? { generator: request.generator } : {}),
    ...(request.histogramBins !== undefined ? { histogramBins: request.histogramBins } : {}),
    ...(user ? { overrides: user.overrides, mine: user.mine } : overrides ? { overrides } : {}),
    ...(request.quantiles ? { quantiles: request.quantiles } : {}),
  };
}

/** Progress reports at most this often (ms) from a worker: enough for a progress bar, cheap to post. */
const PROGRESS_EVERY_MS = 50;

/**
 * The worker side: returns the handler of one worker's messages; `post` sends answers (and
 * transfers their buffers). Used by src/taskpane/stress-worker.ts and src/cli/stress-worker.ts.
 */
export function stressWorkerHandler(post: (message: FromWorker, transfer: ArrayBuffer[]) => void): (message: ToWorker) => void {
  const parts = new Map<number, { part: PartResult; map: ReturnType<typeof pilotOf>['map'] }>();
  return (message) => {
    try {
      if (message.type === 'drop') {
        parts.delete(message.job);
        return;
      }
      if (message.type === 'simulate') {
        const { model, engineOptions } = prepareMonteCarlo(message.request.claimId, claimOptions(message.request));
        const { plan } = planRun(model, engineOptions);
        const pilot = pilotOf(model, plan, BUCKETS);
        const it = simulatePart(model, plan, pilot, message.from, message.to, BUCKETS);
        let last = Date.now();
        let r = it.next();
        while (!r.done) {
          if (Date.now() - last >= PROGRESS_EVERY_MS) {
            post({ type: 'progress', job: message.job, done: r.value }, []);
            last = Date.now();
          }
          r = it.next();
        }
        const part = r.value;
        parts.set(message.job, { part, map: pilot.map });
        const sums = part.sums.slice();
        const counts = part.counts.slice();
        post({ type: 'simulated', job: message.job, from: part.from, to: part.to, sums, counts, bytes: part.bytes }, [sums.buffer, counts.buffer]);
        return;
      }
      const held = parts.get(message.job);
      if (!held) throw new Error(`no simulated part for job ${message.job}`);
      parts.delete(message.job);
      const g = gatherPart(held.part, message.plan, held.map, message.allFinite);
      post({ type: 'gathered', job: message.job, values: g.values }, g.values.map((v) => v.buffer as ArrayBuffer));
    } catch (error) {
      parts.delete(message.job);
      post({ type: 'error', job: message.job, name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) }, []);
    }
  };
}

let jobs = 0;

/**
 * Runs a claim's Monte Carlo on `links` (one part each). Progress is the share of samples
 * simulated; an aborted `signal` rejects at once with a {@link StressCancelledError} (the owner of
 * the workers should then terminate them: a worker busy in its loop reads no message).
 */
export async function monteCarloForClaimOnWorkers(
  request: ClaimRunRequest,
  links: readonly WorkerLink[],
  options: { readonly onProgress?: (progress: MonteCarloProgress) => void; readonly signal?: AbortSignal } = {},
): Promise<ClaimMonteCarlo & { readonly workingBytes: number; readonly workers: number }> {
  if (links.length === 0) throw new RangeError('monteCarloForClaimOnWorkers needs at least one worker');
  const claimOpts = claimOptions(request);
  const { claim, model, chosen, engineOptions } = prepareMonteCarlo(request.claimId, claimOpts);
  const { plan, bins, ps } = planRun(model, engineOptions);
  const n = plan.samples;
  const cancelled = (phase: string) => new StressCancelledError(`Monte Carlo run of ${n} samples was cancelled during the ${phase} phase`);
  if (options.signal?.aborted) throw new StressCancelledError(`Monte Carlo run of ${n} samples was cancelled before it started`);
  const pilot = pilotOf(model, plan, BUCKETS);
  const shares = shareSegments(segmentsOf(n), links.length);
  const used = links.slice(0, shares.length);
  const job = ++jobs;
  const done = new Array<number>(used.length).fill(0);
  let phase = 'simulate';
  const unsubscribe: (() => void)[] = [];
  // one promise per round trip and worker; every answer of another job is ignored
  const round = <T extends FromWorker['type']>(type: T) =>
    used.map(
      (link, w) =>
        new Promise<Extract<FromWorker, { type: T }>>((resolve, reject) => {
          const off = link.onMessage((m) => {
            if (m.job !== job && !(m.type === 'error' && m.job === -1)) return; // -1: the worker itself failed
            if (m.type === 'progress') {
              done[w] = m.done;
              options.onProgress?.({ phase: 'simulate', fraction: Math.min(0.99, done.reduce((s, x) => s + x, 0) / (1.25 * n)), samples: n });
            } else if (m.type === 'error') reject(Object.assign(new Error(m.message), { name: m.name }));
            else if (m.type === type) resolve(m as Extract<FromWorker, { type: T }>);
          });
          unsubscribe.push(off);
        }),
    );
  const abort = new Promise<never>((_, reject) => {
    options.signal?.addEventListener('abort', () => reject(cancelled(phase)), { once: true });
  });
  abort.catch(() => undefined); // an abort after the run ended rejects nothing anyone awaits
  try {
    const simulated = round('simulated');
    used.forEach((link, w) => link.post({ type: 'simulate', job, request, from: shares[w]!.from, to: shares[w]!.to }));
    const parts = await Promise.race([Promise.all(simulated), abort]);
    phase = 'summarise';
    options.onProgress?.({ phase: 'summarise', fraction: 0.8, samples: n });
    const totals = mergeParts(parts);
    let qplan: QuantilePlan | undefined;
    let gathered: Gathered[] = [];
    if (needsGather(totals)) {
      qplan = quantilePlanOf(totals, ps, pilot.map, bins);
      const answers = round('gathered');
      const message = { type: 'gather' as const, job, plan: { buckets: qplan.buckets, fallback: qplan.fallback }, allFinite: totals.finite === n };
      used.forEach((link) => link.post(message));
      gathered = await Promise.race([Promise.all(answers), abort]);
    } else used.forEach((link) => link.post({ type: 'drop', job }));
    const workingBytes = parts.reduce((s, p) => s + p.bytes, 0);
    const r = resultOf(model, plan, {}, pilot.shift, totals, qplan, gathered, bins, workingBytes);
    options.onProgress?.({ phase: 'summarise', fraction: 1, samples: n });
    return { ...summarise(claim, model, chosen, claimOpts, r), workingBytes: r.workingBytes, workers: used.length };
  } catch (error) {
    used.forEach((link) => link.post({ type: 'drop', job })); // free what the workers still hold of this job
    throw error;
  } finally {
    for (const off of unsubscribe) off();
  }
}

/** A {@link WorkerLink} that runs the worker handler on this thread, answering asynchronously (tests, and where workers are missing). */
export function inProcessLink(): WorkerLink {
  const listeners = new Set<(m: FromWorker) => void>();
  const handle = stressWorkerHandler((m) => setTimeout(() => listeners.forEach((l) => l(m)), 0));
  return {
    post: (m) => setTimeout(() => handle(m), 0),
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
