/**
 * Probabilistic break-even of a claim (prob-breakeven.ts): the value of an input at which the
 * claim holds with a chosen probability, and a two-way grid of P(holds), on common random numbers
 * drawn with the Monte Carlo's seed and default distributions. Ranges are those of the
 * deterministic break-even and two-way table (claims.ts `defaultRange`: stated, else ±50% / ±20%).
 */
import { formatValue } from '../claims/index.js';
import type { UnitId } from '../units/index.js';
import { defaultRange, inputOf, StressClaimError } from './claims.js';
import { prepareTrials, type ClaimTrialOptions } from './claim-montecarlo.js';
import { formatProbability, type Reading } from './claim-reading.js';
import { CommonTrials, probabilityBreakEven, probabilityGrid } from './prob-breakeven.js';
import type { Seed } from './prng.js';
import { grid } from './sensitivity.js';

/** Trials of the common random numbers (±0.7 pp at P = 50%, 95%). */
export const PROB_BREAKEVEN_SAMPLES = 20_000;

export interface ProbabilityOptions extends ClaimTrialOptions {
  /** Common random numbers to draw (default PROB_BREAKEVEN_SAMPLES, 100 to 1 000 000). */
  readonly samples?: number;
}

function trialsFor(id: string, options: ProbabilityOptions) {
  const n = options.samples ?? PROB_BREAKEVEN_SAMPLES;
  if (!Number.isInteger(n) || n < 100 || n > 1_000_000) throw new StressClaimError(`samples must be a whole number from 100 to 1000000, got ${n}`, 'bad-option');
  const { claim, model, chosen } = prepareTrials(id, n, options);
  if (!model.judged) throw new StressClaimError(`${claim.id} has no check on its recomputation, so it has no probability of holding`, 'no-verdict');
  const trials = new CommonTrials(model, chosen.map((c) => c.spec), options.seed, n, options.correlation);
  const indexOf = (inputId: string): number => model.inputs.indexOf(inputOf(model, inputId));
  return { claim, model, trials, indexOf, n };
}

export interface ClaimProbabilityBreakEven {
  readonly kind: 'probability-break-even';
  readonly claimId: string;
  readonly inputId: string;
  readonly base: number;
  readonly probability: number;
  readonly samples: number;
  readonly seed: Seed;
  readonly found: boolean;
  readonly value?: number;
  /** P(holds) just below and above the crossing. */
  readonly bracket?: readonly { readonly value: number; readonly p: number }[];
  readonly scan: readonly { readonly value: number; readonly p: number }[];
  readonly searched: readonly [number, number];
  readonly reading: Reading;
}

export function probabilityBreakEvenForClaim(id: string, inputId: string, options: ProbabilityOptions & { probability?: number; lo?: number; hi?: number }): ClaimProbabilityBreakEven {
  const level = options.probability ?? 0.5;
  if (!(level > 0 && level < 1)) throw new StressClaimError(`probability must be above 0 and below 1, got ${level}`, 'bad-option');
  const { claim, model, trials, indexOf, n } = trialsFor(id, options);
  const i = indexOf(inputId);
  const input = model.inputs[i]!;
  const r = defaultRange(input, 50);
  const lo = options.lo ?? r.lo, hi = options.hi ?? r.hi;
  if (!(lo < hi)) throw new StressClaimError(`the search range needs lo < hi, got [${lo}, ${hi}]`, 'bad-option');
  const res = probabilityBreakEven(trials, model, i, level, lo, hi);
  const u = (v: number) => formatValue(v, (input.unit as UnitId) ?? 'ratio');
  const pct = formatProbability(level);
  const pAtBase = trials.probability([{ index: i, value: input.base }]);
  const reading: Reading = res.found
    ? {
        en: `${claim.id} holds with probability ${pct} when ${input.id} is ${u(res.value!)} (at ${u(input.base)} it holds in ${formatProbability(pAtBase)} of ${n.toLocaleString('en-US')} trials).`,
        zh: `当 ${input.id} 为 ${u(res.value!)} 时，${claim.id} 成立的概率为 ${pct}（取 ${u(input.base)} 时，${n} 次抽样中成立比例为 ${formatProbability(pAtBase)}）。`,
      }
    : {
        en: `P(holds) does not reach ${pct} for ${input.id} in [${u(lo)}, ${u(hi)}]: it stays between ${formatProbability(Math.min(...res.scan.map((s) => s.p)))} and ${formatProbability(Math.max(...res.scan.map((s) => s.p)))}.`,
        zh: `${input.id} 在 [${u(lo)}, ${u(hi)}] 内时，成立概率达不到 ${pct}：介于 ${formatProbability(Math.min(...res.scan.map((s) => s.p)))} 与 ${formatProbability(Math.max(...res.scan.map((s) => s.p)))} 之间。`,
      };
  return {
    kind: 'probability-break-even',
    claimId: claim.id,
    inputId: input.id,
    base: input.base,
    probability: level,
    samples: n,
    seed: options.seed,
    found: res.found,
    ...(res.found ? { value: res.value!, bracket: res.bracket! } : {}),
    scan: res.scan,
    searched: res.searched,
    reading,
  };
}

export interface ClaimProbabilityGrid {
  readonly kind: 'probability-grid';
  readonly claimId: string;
  readonly inputA: string;
  readonly inputB: string;
  readonly gridA: readonly number[];
  readonly gridB: readonly number[];
  /** rows[i][j] = P(holds) with inputA at gridA[i] and inputB at gridB[j]. */
  readonly rows: readonly (readonly number[])[];
  readonly samples: number;
  readonly seed: Seed;
  readonly reading: Reading;
}

export function probabilityGridForClaim(id: string, inputA: string, inputB: string, options: ProbabilityOptions & { steps?: number }): ClaimProbabilityGrid {
  const steps = options.steps ?? 5;
  if (!Number.isInteger(steps) || steps < 2 || steps > 21) throw new StressClaimError(`steps must be a whole number from 2 to 21, got ${steps}`, 'bad-option');
  const { claim, model, trials, indexOf, n } = trialsFor(id, options);
  const ia = indexOf(inputA), ib = indexOf(inputB);
  if (ia === ib) throw new StressClaimError(`a two-way grid needs two different inputs, got ${model.inputs[ia]!.id} twice`, 'bad-option');
  const ra = defaultRange(model.inputs[ia]!), rb = defaultRange(model.inputs[ib]!);
  const gridA = Array.from(grid(ra.lo, ra.hi, steps)), gridB = Array.from(grid(rb.lo, rb.hi, steps));
  const rows = probabilityGrid(trials, ia, gridA, ib, gridB);
  const flat = rows.flat();
  const lo = formatProbability(Math.min(...flat)), hi = formatProbability(Math.max(...flat));
  const a = model.inputs[ia]!.id, b = model.inputs[ib]!.id;
  return {
    kind: 'probability-grid',
    claimId: claim.id,
    inputA: a,
    inputB: b,
    gridA,
    gridB,
    rows,
    samples: n,
    seed: options.seed,
    reading: {
      en: `Over ${a} × ${b} (${steps}×${steps}), P(holds) ranges from ${lo} to ${hi} (${n.toLocaleString('en-US')} common trials per cell).`,
      zh: `在 ${a} × ${b}（${steps}×${steps}）上，成立概率介于 ${lo} 与 ${hi} 之间（每格使用相同的 ${n} 次抽样）。`,
    },
  };
}
