/**
 * Monte Carlo of a claim, by claim id: the engine's run (montecarlo.ts) on the claim's compiled
 * model at the values in use, each input drawn from its default distribution
 * (claim-distributions.ts), from quantiles given for it, or correlated with others; the result
 * framed for the claim (inputs and their rules, histogram, the input that moves it most, reading).
 * Plain JSON; the same seed gives the same result, on one thread or on the worker pools
 * (claim-workers.ts).
 */
import type { Claim, ClaimVectorModel } from '../claims/index.js';
import type { UnitId } from '../units/index.js';
import { defaultDistribution, type DistributionRule } from './claim-distributions.js';
import { formatAmount, formatCount, formatInUnit, formatProbability, type Reading } from './claim-reading.js';
import { inputOf, StressClaimError, stressModelFor, type ValuesOption } from './claims.js';
import type { CorrelationSpec } from './correlation.js';
import type { DistSpec } from './distributions.js';
import { fitMetalog3, MetalogFitError } from './metalog.js';
import { runMonteCarlo, runMonteCarloAsync, type GeneratorName, type MonteCarloProgress, type MonteCarloResult } from './montecarlo.js';
import type { Seed } from './prng.js';
import { tornado } from './sensitivity.js';
import type { StressInput } from './types.js';

/** Most samples a caller (custom function, task pane) should ask for; the CLI allows more. */
export const MAX_SAMPLES = 200_000;

export interface ClaimMonteCarloOptions extends ValuesOption {
  readonly samples: number;
  readonly seed: Seed;
  /** Shape for inputs with a stated range (default uniform). */
  readonly shape?: 'uniform' | 'pert';
  /** 'default' or 'hdr' (the SIPmath HDR generator, the stream of the workbook's Simulation sheet). */
  readonly generator?: GeneratorName;
  readonly histogramBins?: number;
  /** Rank correlations between inputs (user-correlation.ts builds one from pairs, repaired if need be). */
  readonly correlation?: CorrelationSpec;
  /**
   * P10/P50/P90 of inputs (input id → [p10, p50, p90]): a 3-term metalog through them replaces the
   * default distribution; an infeasible fit falls back to the default and says why (`refused`).
   */
  readonly quantiles?: Readonly<Record<string, readonly [number, number, number]>>;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: MonteCarloProgress) => void;
}

/** The engine's summary statistics, plus the claim's own framing (inputs, rules, reading). */
export interface ClaimMonteCarlo extends Pick<MonteCarloResult, 'samples' | 'mean' | 'sd' | 'standardError' | 'min' | 'max' | 'percentiles' | 'nonFinite'> {
  readonly kind: 'monte-carlo';
  readonly claimId: string;
  readonly unit: UnitId;
  readonly seed: Seed;
  readonly generator: GeneratorName;
  readonly inputs: readonly {
    readonly id: string;
    readonly base: number;
    readonly rule: DistributionRule;
    readonly roundingUnit?: number;
    readonly distribution: DistSpec;
    /** Why quantiles given for this input were not used (an infeasible metalog fit). */
    readonly refused?: string;
  }[];
  readonly baseOutput: number;
  /** Null when the claim has no check on its recomputation. */
  readonly probabilityHolds: number | null;
  readonly probabilityHoldsStandardError: number | null;
  /** Bins over [min, max]; when every sample is the same number, one bin [v, v] holding them all. */
  readonly histogram: { readonly edges: readonly number[]; readonly counts: readonly number[] };
  /** The input that moves the result most (tornado at ±10%, or its stated range). */
  readonly topInput: { readonly id: string; readonly swing: number };
  readonly reading: Reading;
}

/**
 * What draws a claim's trials for the analyses built on its Monte Carlo (drivers, probabilistic
 * break-even): the seed and inputs' distributions as a run with these options would draw them.
 */
export type ClaimTrialOptions = ValuesOption & Pick<ClaimMonteCarloOptions, 'seed' | 'shape' | 'correlation' | 'quantiles'>;

/** The claim's model and its inputs' distributions for `samples` trials; the caller applies `correlation` to its own draws. */
export function prepareTrials(id: string, samples: number, options: ClaimTrialOptions) {
  return prepareMonteCarlo(id, {
    samples,
    seed: options.seed,
    ...(options.shape ? { shape: options.shape } : {}),
    ...(options.overrides ? { overrides: options.overrides } : {}),
    ...(options.mine ? { mine: options.mine } : {}),
    ...(options.quantiles ? { quantiles: options.quantiles } : {}),
  });
}

/** The claim's model, default distributions and engine options of a run (shared with the worker pools, claim-workers.ts). */
export function prepareMonteCarlo(id: string, options: ClaimMonteCarloOptions) {
  const { claim, model } = stressModelFor(id, options.overrides, options.mine);
  const n = options.samples;
  if (!Number.isInteger(n) || n < 1) throw new StressClaimError(`samples must be a whole number ≥ 1, got ${n}`, 'bad-option');
  for (const qid of Object.keys(options.quantiles ?? {}))
    if (!model.inputs.some((i) => i.id === qid)) inputOf(model, qid); // throws, naming the known inputs
  const chosen = model.inputs.map((i): { input: StressInput; spec: DistSpec; rule: DistributionRule; roundingUnit?: number; refused?: string } => {
    const q = options.quantiles?.[i.id];
    const fallback = { input: i, ...defaultDistribution(i, options.shape) };
    if (!q) return fallback;
    try {
      const a = fitMetalog3([{ p: 0.1, q: q[0] }, { p: 0.5, q: q[1] }, { p: 0.9, q: q[2] }]);
      return { input: i, spec: { type: 'metalog', a }, rule: 'quantiles' };
    } catch (error) {
      if (!(error instanceof MetalogFitError)) throw error;
      return { ...fallback, refused: `${i.id}: ${error.message}; used the ${fallback.rule} rule instead` };
    }
  });
  const distributions = Object.fromEntries(chosen.map((c) => [c.input.id, c.spec]));
  // The same engine options for the sync and async runs, so their results are bit-identical.
  const engineOptions = {
    samples: n,
    seed: options.seed,
    distributions,
    histogramBins: options.histogramBins ?? 20,
    ...(options.generator ? { generator: options.generator } : {}),
    ...(options.correlation ? { correlation: options.correlation } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  return { claim, model, chosen, engineOptions };
}

/** A run's engine result framed for the claim (inputs, rules, reading). */
export function summarise(claim: Claim, model: ClaimVectorModel, chosen: ReturnType<typeof prepareMonteCarlo>['chosen'], options: ClaimMonteCarloOptions, r: MonteCarloResult): ClaimMonteCarlo {
  const t = tornado(model, { pct: 10 });
  const top = t.bars.find((b) => Number.isFinite(b.swing)) ?? t.bars[0]!;
  const p = model.judged ? r.probabilityHolds : null;
  const n = formatCount(r.samples);
  const topEn = `${top.id} moves the result most (swing ${formatAmount(top.swing, claim.unit, false)})`;
  const topZh = `对结果影响最大的是 ${top.id}（波动 ${formatAmount(top.swing, claim.unit, true)}）`;
  const range90 = `${formatInUnit(r.percentiles.p5, claim.unit)}–${formatInUnit(r.percentiles.p95, claim.unit)}`;
  const reading: Reading =
    p === null
      ? {
          en: `The claim has no check on this value, so no verdict; 90% of ${n} samples fall in ${range90}; ${topEn}.`,
          zh: `该论断对此值没有检验，因此无判定；${n} 次抽样中 90% 落在 ${range90}；${topZh}。`,
        }
      : {
          en: `The verdict holds in ${formatProbability(p)} of ${n} samples; ${topEn}.`,
          zh: `在 ${n} 次抽样中，论断成立的比例为 ${formatProbability(p)}；${topZh}。`,
        };
  return {
    kind: 'monte-carlo',
    claimId: claim.id,
    unit: claim.unit,
    samples: r.samples,
    seed: options.seed,
    generator: options.generator ?? 'default',
    inputs: chosen.map((c) => ({
      id: c.input.id,
      base: c.input.base,
      rule: c.rule,
      ...(c.roundingUnit !== undefined ? { roundingUnit: c.roundingUnit } : {}),
      distribution: c.spec,
      ...(c.refused ? { refused: c.refused } : {}),
    })),
    baseOutput: t.baseOutput,
    mean: r.mean,
    sd: r.sd,
    standardError: r.standardError,
    min: r.min,
    max: r.max,
    percentiles: r.percentiles,
    probabilityHolds: p,
    probabilityHoldsStandardError: p === null ? null : r.probabilityHoldsStandardError,
    histogram: r.min === r.max && r.samples - r.nonFinite > 0 ? { edges: [r.min, r.max], counts: [r.samples - r.nonFinite] } : { edges: Array.from(r.histogram.edges), counts: Array.from(r.histogram.counts) },
    nonFinite: r.nonFinite,
    topInput: { id: top.id, swing: top.swing },
    reading,
  };
}

/** Monte Carlo under the default distributions (module comment); same seed → identical result. */
export function monteCarloForClaim(id: string, options: ClaimMonteCarloOptions): ClaimMonteCarlo {
  const { claim, model, chosen, engineOptions } = prepareMonteCarlo(id, options);
  return summarise(claim, model, chosen, options, runMonteCarlo(model, engineOptions));
}

/** The same run, chunked and cancellable, for the task pane; bit-identical to {@link monteCarloForClaim}. */
export async function monteCarloForClaimAsync(id: string, options: ClaimMonteCarloOptions): Promise<ClaimMonteCarlo> {
  const { claim, model, chosen, engineOptions } = prepareMonteCarlo(id, options);
  return summarise(claim, model, chosen, options, await runMonteCarloAsync(model, engineOptions));
}
