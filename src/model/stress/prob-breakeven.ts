/**
 * Probabilistic break-even: the value of one input at which P(holds) reaches a level (50%, 95%…),
 * and a two-way grid of P(holds) over two inputs.
 *
 * "The input at value v" means its distribution moved so that its published value is v: every
 * trial of it is shifted by v − base, keeping its spread (an exact input is simply set to v). This
 * answers "had the article written v, how likely would the claim hold?".
 *
 * Common random numbers: the trials are drawn once (drivers.ts `sampleColumns`, the run's own
 * first trials) and every candidate v reuses them, only shifted. So P(v) is a step function of v
 * that does not jitter from one v to the next, and a bracketing search on it is stable: a scan of
 * {@link SCAN_POINTS} points over the range finds where P − level changes sign (the crossing
 * nearest the base value), then bisection narrows that bracket to the jump where P crosses.
 */
import type { CorrelationSpec } from './correlation.js';
import type { DistSpec } from './distributions.js';
import { sampleColumns } from './drivers.js';
import type { Seed } from './prng.js';
import type { VectorModel } from './types.js';

export const SCAN_POINTS = 41;
const BISECTIONS = 60;

/** P(holds) of a model as functions of shifted inputs, on one fixed set of trials. */
export class CommonTrials {
  private readonly columns: Float64Array[];
  private readonly scratch: Float64Array[];
  private readonly output: Float64Array;
  /** Model evaluations so far, in trials (for the bench). */
  evaluated = 0;

  constructor(
    private readonly model: VectorModel,
    specs: readonly DistSpec[],
    seed: Seed,
    readonly samples: number,
    correlation?: CorrelationSpec,
  ) {
    this.columns = sampleColumns(model, specs, seed, samples, correlation);
    this.scratch = this.columns.map(() => new Float64Array(samples));
    this.output = new Float64Array(samples);
  }

  /** P(holds) with input i moved to value v (shift v − base), for each (i, v) given. */
  probability(moves: readonly { readonly index: number; readonly value: number }[]): number {
    const cols = this.columns.slice();
    for (const { index, value } of moves) {
      const delta = value - this.model.inputs[index]!.base;
      const src = this.columns[index]!, dst = this.scratch[index]!;
      for (let k = 0; k < this.samples; k++) dst[k] = src[k]! + delta;
      cols[index] = dst;
    }
    this.model.evaluate(cols, this.samples, this.output);
    this.evaluated += this.samples;
    let held = 0;
    for (let k = 0; k < this.samples; k++) held += +this.model.holds(this.output[k]!);
    return held / this.samples;
  }
}

export interface ProbabilityBreakEven {
  readonly found: boolean;
  /** The input value where P(holds) crosses the level (the middle of the final bracket). */
  readonly value?: number;
  /** P(holds) just on either side of the crossing (the bracket's ends). */
  readonly bracket?: readonly [lo: { value: number; p: number }, hi: { value: number; p: number }];
  /** The scan: P(holds) at evenly spaced values over the range. */
  readonly scan: readonly { readonly value: number; readonly p: number }[];
  readonly searched: readonly [number, number];
}

/** Where P(holds) crosses `level` as input `index` moves over [lo, hi]; the crossing nearest the base value. */
export function probabilityBreakEven(trials: CommonTrials, model: VectorModel, index: number, level: number, lo: number, hi: number): ProbabilityBreakEven {
  if (!(level > 0 && level < 1)) throw new RangeError(`probability must be above 0 and below 1, got ${level}`);
  if (!(lo < hi) || !Number.isFinite(lo) || !Number.isFinite(hi)) throw new RangeError(`the search range needs finite lo < hi, got [${lo}, ${hi}]`);
  const at = (value: number) => trials.probability([{ index, value }]);
  const scan = Array.from({ length: SCAN_POINTS }, (_, j) => {
    const value = j === SCAN_POINTS - 1 ? hi : lo + ((hi - lo) * j) / (SCAN_POINTS - 1);
    return { value, p: at(value) };
  });
  const base = model.inputs[index]!.base;
  let best = -1;
  for (let j = 0; j + 1 < scan.length; j++) {
    const a = scan[j]!.p - level, b = scan[j + 1]!.p - level;
    if (a === 0 || a * b < 0 || (b === 0 && j + 2 === scan.length)) {
      const mid = (scan[j]!.value + scan[j + 1]!.value) / 2;
      if (best < 0 || Math.abs(mid - base) < Math.abs((scan[best]!.value + scan[best + 1]!.value) / 2 - base)) best = j;
    }
  }
  if (best < 0) return { found: false, scan, searched: [lo, hi] };
  let a = scan[best]!, b = scan[best + 1]!;
  if (a.p === level) return { found: true, value: a.value, bracket: [a, a], scan, searched: [lo, hi] };
  const below = a.p < level;
  for (let i = 0; i < BISECTIONS && b.value - a.value > 1e-12 * Math.max(1, Math.abs(a.value)); i++) {
    const value = (a.value + b.value) / 2;
    const p = at(value);
    if (p === level) return { found: true, value, bracket: [{ value, p }, { value, p }], scan, searched: [lo, hi] };
    if (p < level === below) a = { value, p };
    else b = { value, p };
  }
  return { found: true, value: (a.value + b.value) / 2, bracket: [a, b], scan, searched: [lo, hi] };
}

/** P(holds) over a grid: rows[i][j] with input ia at gridA[i] and input ib at gridB[j]. */
export function probabilityGrid(trials: CommonTrials, ia: number, gridA: readonly number[], ib: number, gridB: readonly number[]): number[][] {
  if (ia === ib) throw new RangeError('a two-way grid needs two different inputs');
  return gridA.map((a) => gridB.map((b) => trials.probability([{ index: ia, value: a }, { index: ib, value: b }])));
}
