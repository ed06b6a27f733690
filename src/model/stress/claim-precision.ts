/**
 * A claim's Monte Carlo that stops on precision (convergence.ts), on this thread or through any
 * stage runner (the pane's and the CLI's worker pools). Each stage is a plain fixed-size run, so
 * the result is the one {@link monteCarloForClaim} gives for the stage where it stopped.
 */
import { monteCarloForClaim, monteCarloForClaimAsync, type ClaimMonteCarlo, type ClaimMonteCarloOptions } from './claim-montecarlo.js';
import type { Reading } from './claim-reading.js';
import { formatHalfWidth, holdsHalfWidth, runToPrecision, runToPrecisionAsync, type Convergence, type ConvergenceTarget, type StageStats } from './convergence.js';

export interface ClaimConvergedMonteCarlo extends ClaimMonteCarlo {
  readonly convergence: Convergence;
}

export type ClaimPrecisionOptions = Omit<ClaimMonteCarloOptions, 'samples'> & ConvergenceTarget;

const stats = (r: ClaimMonteCarlo): ClaimMonteCarlo & StageStats => ({ ...r, finite: r.samples - r.nonFinite });

/** The reading of a run with how it stopped appended. */
export function convergenceReading(c: Convergence): Reading {
  const n = c.samples.toLocaleString('en-US');
  const hw = c.holdsHalfWidth === null ? '' : ` P(holds) is known to ${formatHalfWidth(c.holdsHalfWidth)} (95%)`;
  const hwZh = c.holdsHalfWidth === null ? '' : `成立概率的 95% 置信半宽为 ${formatHalfWidth(c.holdsHalfWidth, 'zh')}`;
  const target = c.precision === null ? '' : `; target ${formatHalfWidth(c.precision)}`;
  const targetZh = c.precision === null ? '' : `；目标 ${formatHalfWidth(c.precision, 'zh')}`;
  switch (c.stoppedBy) {
    case 'converged':
      return { en: `Stopped on precision at ${n} samples:${hw}${target}.`, zh: `达到精度，于 ${n} 次抽样停止：${hwZh}${targetZh}。` };
    case 'cap':
      return { en: `Stopped at the cap of ${n} samples before reaching the target:${hw}${target}.`, zh: `达到上限 ${n} 次抽样仍未达到目标精度：${hwZh}${targetZh}。` };
    case 'cancelled':
      return { en: `Cancelled; shown is the last complete stage of ${n} samples:${hw}${target}.`, zh: `已取消；显示的是最后一个完整阶段（${n} 次抽样）：${hwZh}${targetZh}。` };
  }
}

/** The stage's result with how the run stopped (the reading stays the run's; `convergenceReading` says how it stopped). */
function framed(r: ClaimMonteCarlo, convergence: Convergence): ClaimConvergedMonteCarlo {
  const { finite: _f, ...rest } = r as ClaimMonteCarlo & { finite?: number };
  return { ...rest, convergence };
}

/** Runs to precision on this thread. */
export function monteCarloToPrecision(id: string, options: ClaimPrecisionOptions): ClaimConvergedMonteCarlo {
  const { precision: _p, meanPrecision: _m, maxSamples: _x, ...rest } = options;
  const { result, convergence } = runToPrecision(options, (samples) => stats(monteCarloForClaim(id, { ...rest, samples })));
  return framed(result, convergence);
}

/**
 * Runs to precision asynchronously: each stage through `stage` (a worker pool), else chunked on this
 * thread. A cancelled stage after a complete one returns that one, marked 'cancelled'.
 */
export async function monteCarloToPrecisionAsync(
  id: string,
  options: ClaimPrecisionOptions,
  stage?: (samples: number) => Promise<ClaimMonteCarlo>,
): Promise<ClaimConvergedMonteCarlo> {
  const { precision: _p, meanPrecision: _m, maxSamples: _x, ...rest } = options;
  const run = stage ?? ((samples: number) => monteCarloForClaimAsync(id, { ...rest, samples }));
  const { result, convergence } = await runToPrecisionAsync(options, async (samples) => stats(await run(samples)));
  return framed(result, convergence);
}

/** The 95% half-width beside a run's P(holds) (any run: fixed or stopped on precision); null without a verdict. */
export function precisionOf(r: Pick<ClaimMonteCarlo, 'probabilityHolds' | 'samples'>): number | null {
  return r.probabilityHolds === null ? null : holdsHalfWidth(r.probabilityHolds, r.samples);
}
