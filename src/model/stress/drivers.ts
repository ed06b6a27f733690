/**
 * What drives a flip: which inputs the failing trials of a Monte Carlo share, and which inputs the
 * result follows overall.
 *
 * - Scenario analysis (as @RISK's): for each input, its median among the trials where the claim
 *   fails, minus its median over all trials, in standard deviations of that input. |z| < 0.5 is
 *   not significant (@RISK's default cut-off): the failing trials are not unusual in that input.
 * - Global importance: Spearman rank correlation between each input and the result. Unlike the
 *   one-at-a-time tornado it moves all inputs together, so it respects correlations between them.
 *
 * Memory: both need the input samples, which the engine does not keep. They are computed on a
 * subsample: the first {@link DRIVER_SAMPLES} trials (one segment), drawn again from the very
 * streams the run uses (parts.ts), so they are the run's first trials exactly — for any run size
 * and any number of workers — at a fixed cost of 8·(inputs + 1) bytes per trial (≈ 1.5 MB for
 * two inputs), whatever the run's size.
 */
import { CorrelationError, correlationOfRanks, imanConover, type CorrelationSpec } from './correlation.js';
import { sampleInto, type DistSpec } from './distributions.js';
import { SEGMENT, segmentsOf } from './parts.js';
import { Rng, segmentStream, type Seed } from './prng.js';
import { percentileSorted } from './stats.js';
import type { VectorModel } from './types.js';

/** Trials the drivers are computed on (one segment of the split streams). */
export const DRIVER_SAMPLES = SEGMENT;
/** |z| below this is not significant (@RISK's scenario-analysis default). */
export const SIGNIFICANT_Z = 0.5;

/**
 * The first `n` trials of every input, from the run's own streams (segment by segment), with the
 * run's correlation applied when there is one. `specs` are in the model's input order.
 */
export function sampleColumns(model: VectorModel, specs: readonly DistSpec[], seed: Seed, n: number, correlation?: CorrelationSpec): Float64Array[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`samples must be a whole number ≥ 1, got ${n}`);
  const columns = specs.map((spec) => (spec.type === 'constant' ? new Float64Array(n).fill(spec.value) : new Float64Array(n)));
  for (let seg = 0; seg < segmentsOf(n); seg++) {
    const from = seg * SEGMENT, to = Math.min(n, from + SEGMENT);
    specs.forEach((spec, i) => {
      if (spec.type !== 'constant') sampleInto(spec, new Rng(seed, segmentStream(model.inputs[i]!.id, seg)), columns[i]!.subarray(from, to));
    });
  }
  if (correlation && correlation.inputs.length >= 2) {
    const idx = correlation.inputs.map((id) => {
      const i = model.inputs.findIndex((inp) => inp.id === id);
      if (i < 0) throw new CorrelationError(`correlation names unknown input "${id}" (model inputs: ${model.inputs.map((inp) => inp.id).join(', ')})`);
      if (specs[i]!.type === 'constant') throw new CorrelationError(`correlation names input "${id}", which has no distribution (constant) — give it one`);
      return i;
    });
    imanConover(idx.map((i) => columns[i]!), correlation.matrix, seed, correlation.inputs);
  }
  return columns;
}

export interface DriverRow {
  readonly id: string;
  readonly median: number;
  readonly sd: number;
  /** Median among failing trials (null when none failed, or the claim has no verdict). */
  readonly medianFailing: number | null;
  /** (medianFailing − median) / sd; null when not computable (no failing trial, or the input does not vary). */
  readonly z: number | null;
  /** |z| ≥ 0.5. */
  readonly significant: boolean;
  /** Spearman rank correlation of the input with the result over the finite results; null when the input does not vary. */
  readonly spearman: number | null;
}

export interface DriversResult {
  /** Trials the drivers were computed on. */
  readonly samples: number;
  /** Trials where the claim failed (null without a verdict). */
  readonly failing: number | null;
  /** Ranked by |spearman| (largest first); inputs that do not vary last. */
  readonly rows: readonly DriverRow[];
}

/**
 * Average ranks (1-based, ties share their mean rank) from one native sort of a copy and a binary
 * search per value: a comparator sort of indices costs ~10× more at 65 536 values. Finite values only.
 */
export function averageRanks(x: Float64Array): Float64Array {
  const sorted = Float64Array.from(x).sort();
  const n = x.length;
  const r = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const v = x[k]!;
    let lo = 0, hi = n; // first index with sorted[i] >= v
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    let up = lo, top = n; // first index with sorted[i] > v
    while (up < top) {
      const mid = (up + top) >>> 1;
      if (sorted[mid]! <= v) up = mid + 1;
      else top = mid;
    }
    r[k] = (lo + up - 1) / 2 + 1;
  }
  return r;
}

function medianOf(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  return percentileSorted(sorted, 0.5);
}

function sdOf(x: Float64Array): number {
  const n = x.length;
  if (n < 2) return 0;
  let mean = 0;
  for (let k = 0; k < n; k++) mean += x[k]!;
  mean /= n;
  let ss = 0;
  for (let k = 0; k < n; k++) ss += (x[k]! - mean) ** 2;
  return Math.sqrt(ss / (n - 1));
}

/**
 * Drivers of a model's result over `samples` trials (default {@link DRIVER_SAMPLES}).
 * `judged` false: the claim has no verdict, so only the rank correlations are given.
 */
export function driversOf(
  model: VectorModel,
  specs: readonly DistSpec[],
  seed: Seed,
  options: { readonly samples?: number; readonly judged?: boolean; readonly correlation?: CorrelationSpec } = {},
): DriversResult {
  const n = options.samples ?? DRIVER_SAMPLES;
  const columns = sampleColumns(model, specs, seed, n, options.correlation);
  const output = new Float64Array(n);
  model.evaluate(columns, n, output);
  const judged = options.judged ?? true;
  const failed: number[] = [];
  const finite: number[] = [];
  for (let k = 0; k < n; k++) {
    if (judged && !model.holds(output[k]!)) failed.push(k);
    if (Number.isFinite(output[k]!)) finite.push(k);
  }
  const outRanks = finite.length > 2 ? averageRanks(Float64Array.from(finite, (k) => output[k]!)) : undefined;
  const rows = model.inputs.map((inp, i): DriverRow => {
    const col = columns[i]!;
    const sd = sdOf(col);
    const median = medianOf(col);
    const varies = specs[i]!.type !== 'constant' && sd > 0;
    const medianFailing = judged && failed.length > 0 ? medianOf(Float64Array.from(failed, (k) => col[k]!)) : null;
    const z = varies && medianFailing !== null ? (medianFailing - median) / sd : null;
    const rho = varies && outRanks ? correlationOfRanks(averageRanks(finite.length === n ? col : Float64Array.from(finite, (k) => col[k]!)), outRanks) : NaN;
    return { id: inp.id, median, sd, medianFailing, z, significant: z !== null && Math.abs(z) >= SIGNIFICANT_Z, spearman: Number.isFinite(rho) ? rho : null };
  });
  rows.sort((a, b) => Math.abs(b.spearman ?? -1) - Math.abs(a.spearman ?? -1));
  return { samples: n, failing: judged ? failed.length : null, rows };
}
