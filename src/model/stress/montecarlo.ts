/**
 * Monte Carlo over a {@link VectorModel}. Memory: one Float64Array of n for the output plus one
 * chunk-sized buffer per input (≈ 8 bytes per sample); with correlation every input keeps its n
 * samples (≈ 8·(inputs + 1) bytes per sample) plus Iman–Conover scratch of the same order.
 * Each input draws each segment of 65 536 samples from its own stream keyed by (seed, input id,
 * segment) (parts.ts), so results are bit-identical for the same seed whatever the chunk size,
 * whether the sync or async driver runs them, and however many workers share the segments.
 *
 * Phases: sample (chunked per input) → correlate (whole columns, optional) → evaluate (chunked) →
 * summarise (mean/sd from shifted sums, holds, exact percentiles by bucket counting during the
 * simulation + one gather pass of the few buckets needed, see quantiles.ts).
 * Statistics other than `probabilityHolds` are over finite outputs; `nonFinite` counts the rest.
 */
import { imanConover, type CorrelationSpec, CorrelationError } from './correlation.js';
import { constant, fromStatedRange, parseDistSpec, sampleInto, type DistSpec } from './distributions.js';
import { HDR_DEFAULT_ENTITY, HDR_MAX_ID, hdrIdProblem } from './hdr.js';
import { mergeParts, pilotOf, SEGMENT, segmentsOf, simulatePart, type PartResult, type RunPlan, type RunTotals } from './parts.js';
import { Rng, segmentStream, type Seed } from './prng.js';
import { gatherBuckets, histogramOf, planQuantiles, resolveQuantiles, type BucketMap, type Gathered, type QuantilePlan } from './quantiles.js';
import { StressCancelledError, type VectorModel } from './types.js';

export interface MonteCarloProgress {
  /** 'simulate' (sample + evaluate per chunk, uncorrelated runs) or 'sample' → 'correlate' → 'evaluate'; then 'summarise'. */
  readonly phase: 'simulate' | 'sample' | 'correlate' | 'evaluate' | 'summarise';
  /** Overall fraction done in [0, 1]. */
  readonly fraction: number;
  readonly samples: number;
}

export interface MonteCarloOptions {
  /** Number of samples (integer ≥ 1). */
  readonly samples: number;
  readonly seed: Seed;
  /**
   * Distribution per input id. An input without one uses its stated range
   * (`fromStatedRange(low, high)`, uniform) when it has one, else stays at its base value.
   */
  readonly distributions?: Readonly<Record<string, DistSpec>>;
  readonly correlation?: CorrelationSpec;
  /** Extra percentiles, in percent (0–100), reported in `percentileList` next to 5/25/50/75/95. */
  readonly percentiles?: readonly number[];
  /** Histogram bins over [min, max] of the finite outputs (default 40). */
  readonly histogramBins?: number;
  readonly onProgress?: (progress: MonteCarloProgress) => void;
  readonly signal?: AbortSignal;
  /** Samples per chunk between progress reports / cancellation checks (default 16 384, at most 65 536). */
  readonly chunkSize?: number;
  /**
   * 'default' (xoshiro128** with ziggurat normals) or 'hdr': the HDR_2_0 generator with inverse
   * CDFs (hdr.ts), the stream a SIPmath tool or the workbook's Simulation sheet draws; the seed is
   * then a whole number from 0 to 9,999,999 and trials are counted from 1.
   */
  readonly generator?: GeneratorName;
}

export type GeneratorName = 'default' | 'hdr';
export const GENERATORS: readonly GeneratorName[] = ['default', 'hdr'];

export interface MonteCarloResult {
  readonly samples: number;
  readonly mean: number;
  readonly sd: number;
  /** Standard error of the mean, sd/√n. */
  readonly standardError: number;
  readonly min: number;
  readonly max: number;
  readonly percentiles: { readonly p5: number; readonly p25: number; readonly p50: number; readonly p75: number; readonly p95: number };
  /** The standard percentiles and any requested ones, ascending by p (percent). */
  readonly percentileList: readonly { readonly p: number; readonly value: number }[];
  readonly probabilityHolds: number;
  readonly probabilityHoldsStandardError: number;
  readonly histogram: { readonly edges: Float64Array; readonly counts: Uint32Array };
  /** Outputs that were NaN or ±Infinity (excluded from every statistic but `probabilityHolds`). */
  readonly nonFinite: number;
  /** The distribution each input was drawn from (after defaults). */
  readonly distributions: Readonly<Record<string, DistSpec>>;
  /** Bytes of typed arrays the run allocated (inputs, output and scratch). */
  readonly workingBytes: number;
}

const STANDARD = [5, 25, 50, 75, 95] as const;
/** Buckets of the exact-percentile counts (quantiles.ts). */
export const BUCKETS = 65536;

/** Validated options and the resolved distributions; throws errors that name the offending field. */
function prepare(model: VectorModel, opts: MonteCarloOptions) {
  const n = opts.samples;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`samples must be an integer ≥ 1, got ${n}`);
  const chunk = Math.min(opts.chunkSize ?? 16384, SEGMENT);
  if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`chunkSize must be an integer ≥ 1, got ${chunk}`);
  const bins = opts.histogramBins ?? 40;
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`histogramBins must be an integer ≥ 1, got ${bins}`);
  for (const p of opts.percentiles ?? [])
    if (!(p >= 0 && p <= 100)) throw new RangeError(`percentiles must be in [0, 100] (percent), got ${p}`);
  const ids = new Set(model.inputs.map((i) => i.id));
  const given = opts.distributions ?? {};
  for (const id of Object.keys(given))
    if (!ids.has(id)) throw new RangeError(`distributions names unknown input "${id}" (model inputs: ${[...ids].join(', ')})`);
  const specs: DistSpec[] = model.inputs.map((inp) => {
    const g = given[inp.id];
    if (g !== undefined) return parseDistSpec(g, inp.id);
    if (inp.low !== undefined && inp.high !== undefined) return fromStatedRange(inp.low, inp.high);
    return constant(inp.base);
  });
  let corrIdx: number[] = [];
  if (opts.correlation) {
    const c = opts.correlation;
    corrIdx = c.inputs.map((id) => {
      const i = model.inputs.findIndex((inp) => inp.id === id);
      if (i < 0) throw new CorrelationError(`correlation names unknown input "${id}" (model inputs: ${[...ids].join(', ')})`);
      return i;
    });
    if (new Set(corrIdx).size !== corrIdx.length) throw new CorrelationError(`correlation lists an input twice: [${c.inputs.join(', ')}]`);
    if (c.matrix.length !== corrIdx.length)
      throw new CorrelationError(`correlation matrix is ${c.matrix.length}×${c.matrix.length} but names ${corrIdx.length} inputs`);
    for (const i of corrIdx)
      if (specs[i]!.type === 'constant')
        throw new CorrelationError(`correlation names input "${model.inputs[i]!.id}", which has no distribution (constant) — give it one`);
  }
  return { n, chunk, bins, specs, corrIdx };
}

/** Percentiles to report, in percent: the standard five, then the extra ones asked for. */
function percentsOf(opts: Pick<MonteCarloOptions, 'percentiles'>): number[] {
  return [...STANDARD, ...(opts.percentiles ?? []).filter((p) => !(STANDARD as readonly number[]).includes(p))];
}

/**
 * Validates the options and returns the plain-data plan that parts of the run share (workers get
 * it by message) with the histogram bins and the percentiles to plan for.
 */
export function planRun(model: VectorModel, opts: MonteCarloOptions): { plan: RunPlan; bins: number; ps: number[]; correlated: number[] } {
  const { n, chunk, bins, specs, corrIdx } = prepare(model, opts);
  const hdr = hdrOption(opts, n, corrIdx.length);
  return { plan: { samples: n, seed: opts.seed, chunk, specs, ...(hdr ? { hdr } : {}) }, bins, ps: percentsOf(opts).map((p) => p / 100), correlated: corrIdx };
}

/** The HDR part of a run plan, validated: the seed and the trial count within the generator's exact range, no correlation. */
function hdrOption(opts: MonteCarloOptions, n: number, correlated: number): RunPlan['hdr'] {
  const generator = opts.generator ?? 'default';
  if (!GENERATORS.includes(generator)) throw new RangeError(`generator must be one of ${GENERATORS.join(', ')}, got ${JSON.stringify(generator)}`);
  if (generator !== 'hdr') return undefined;
  const seedProblem = hdrIdProblem(opts.seed);
  if (seedProblem) throw new RangeError(`seed ${seedProblem.replace('must', 'must, with the HDR generator,')}`);
  if (n > HDR_MAX_ID) throw new RangeError(`samples must be at most ${HDR_MAX_ID} with the HDR generator, got ${n}`);
  if (correlated >= 2) throw new CorrelationError('correlation is not available with the HDR generator (its draws are independent by design); use the default generator');
  return { seed: opts.seed as number, entity: HDR_DEFAULT_ENTITY };
}

/** Whether percentiles need a gather pass: there are finite outputs and they are not all one value. */
export function needsGather(totals: Pick<RunTotals, 'finite' | 'min' | 'max'>): boolean {
  return totals.finite > 0 && totals.min < totals.max;
}

/** The percentile and histogram plan of merged totals (which buckets every part must gather). */
export function quantilePlanOf(totals: RunTotals, ps: readonly number[], map: BucketMap, bins: number): QuantilePlan {
  return planQuantiles(totals.counts, totals.finite, ps, map, { min: totals.min, max: totals.max, bins });
}

/** One part's gather pass for a plan; `allFinite`: the run had no non-finite output (from the merged totals). */
export function gatherPart(part: Pick<PartResult, 'output' | 'counts'>, qplan: Pick<QuantilePlan, 'buckets' | 'fallback'>, map: BucketMap, allFinite: boolean): Gathered {
  return gatherBuckets(part.output, part.output.length, qplan, map, part.counts, allFinite);
}

/** The result of a run from its merged totals and every part's gathered values. */
export function resultOf(
  model: VectorModel,
  plan: RunPlan,
  opts: Pick<MonteCarloOptions, 'percentiles'>,
  shift: number,
  totals: RunTotals,
  qplan: QuantilePlan | undefined,
  gathered: readonly Gathered[],
  bins: number,
  workingBytes: number,
): MonteCarloResult {
  const n = plan.samples;
  const { held, finite, sumD, sumD2, min, max } = totals;
  const mean = finite > 0 ? shift + sumD / finite : NaN;
  const variance = finite > 1 ? (sumD2 - (sumD * sumD) / finite) / (finite - 1) : finite === 1 ? 0 : NaN;
  const sd = Math.sqrt(Math.max(0, variance));
  const ps = percentsOf(opts);
  let counts: Uint32Array = new Uint32Array(bins);
  const edges = new Float64Array(bins + 1);
  let values: number[];
  if (finite > 0 && !needsGather(totals)) {
    // every finite output is the same value: it is every percentile, and the first bin holds them all
    edges.fill(min);
    values = ps.map(() => min);
    counts[0] = finite;
  } else if (finite > 0 && qplan) {
    const w = max - min;
    for (let b = 0; b <= bins; b++) edges[b] = b === bins ? max : min + (w * b) / bins;
    counts = histogramOf(qplan, gathered);
    values = resolveQuantiles(qplan, gathered);
    workingBytes += gathered.reduce((s, g) => s + g.values.reduce((t, x) => t + x.byteLength, 0), 0) + (qplan.fallback ? 0 : gathered.length * BUCKETS * 4);
  } else {
    edges.fill(NaN);
    values = ps.map(() => NaN);
  }
  const list = ps.map((p, i) => ({ p, value: values[i]! })).sort((a, b) => a.p - b.p);
  const dedup = list.filter((x, i) => i === 0 || x.p !== list[i - 1]!.p);
  const ph = held / n;
  const distributions: Record<string, DistSpec> = {};
  model.inputs.forEach((inp, i) => (distributions[inp.id] = plan.specs[i]!));
  return {
    samples: n,
    mean,
    sd,
    standardError: finite > 0 ? sd / Math.sqrt(finite) : NaN,
    min: finite > 0 ? min : NaN,
    max: finite > 0 ? max : NaN,
    percentiles: { p5: values[0]!, p25: values[1]!, p50: values[2]!, p75: values[3]!, p95: values[4]! },
    percentileList: dedup,
    probabilityHolds: ph,
    probabilityHoldsStandardError: Math.sqrt((ph * (1 - ph)) / n),
    histogram: { edges, counts },
    nonFinite: n - finite,
    distributions,
    workingBytes,
  };
}

/**
 * The run as a generator: yields after each chunk with a progress record. The sync and async
 * drivers both exhaust it, so they compute identical results. It runs the whole run as one part;
 * the worker pools (parallel.ts) run the same parts elsewhere and merge them the same way.
 *
 * Without correlation each chunk is sampled, evaluated and folded while it is in cache
 * ('simulate'); with correlation all columns are sampled first ('sample'), reordered
 * ('correlate') and then evaluated chunk by chunk ('evaluate').
 */
function* steps(model: VectorModel, opts: MonteCarloOptions): Generator<MonteCarloProgress, MonteCarloResult, void> {
  const { plan, bins, ps, correlated } = planRun(model, opts);
  const n = plan.samples;
  const hasCorr = correlated.length >= 2;
  // progress units: sampling n/2 (correlated runs), correlation to n, evaluation n, summary ≈ n/4
  const total = hasCorr ? 2.25 * n : 1.25 * n;
  let done = 0;
  const progress = (phase: MonteCarloProgress['phase']): MonteCarloProgress => ({ phase, fraction: Math.min(1, done / total), samples: n });
  let columns: Float64Array[] | undefined;
  let workingBytes = 0;
  if (hasCorr) {
    // Iman–Conover reorders whole columns, so correlated runs keep every input sample
    columns = plan.specs.map((spec) => (spec.type === 'constant' ? new Float64Array(n).fill(spec.value) : new Float64Array(n)));
    workingBytes += columns.length * n * 8;
    for (let seg = 0; seg < segmentsOf(n); seg++) {
      const rngs = plan.specs.map((spec, i) => (spec.type === 'constant' ? null : new Rng(plan.seed, segmentStream(model.inputs[i]!.id, seg))));
      const end = Math.min(n, (seg + 1) * SEGMENT);
      for (let s = seg * SEGMENT; s < end; s += plan.chunk) {
        const e = Math.min(end, s + plan.chunk);
        rngs.forEach((rng, i) => rng && sampleInto(plan.specs[i]!, rng, columns![i]!.subarray(s, e)));
        done += (e - s) / 2;
        yield progress('sample');
      }
    }
    imanConover(correlated.map((i) => columns![i]!), opts.correlation!.matrix, opts.seed, opts.correlation!.inputs);
    workingBytes += correlated.length * n * 8 + n * 12;
    done = n;
    yield progress('correlate');
  }
  const pilot = pilotOf(model, plan, BUCKETS, columns?.map((c) => c.subarray(0, Math.min(n, 4096))));
  const it = simulatePart(model, plan, pilot, 0, segmentsOf(n), BUCKETS, columns);
  const base = done;
  let part: PartResult;
  for (;;) {
    const r = it.next();
    if (r.done) {
      part = r.value;
      break;
    }
    done = base + r.value;
    yield progress(hasCorr ? 'evaluate' : 'simulate');
  }
  workingBytes += part.bytes;
  const totals = mergeParts([part]);
  const qplan = needsGather(totals) ? quantilePlanOf(totals, ps, pilot.map, bins) : undefined;
  const gathered = qplan ? [gatherPart(part, qplan, pilot.map, totals.finite === n)] : [];
  done = total;
  yield progress('summarise');
  return resultOf(model, plan, opts, pilot.shift, totals, qplan, gathered, bins, workingBytes);
}

function cancelled(done: MonteCarloProgress | undefined, n: number): StressCancelledError {
  const where = done ? ` during the ${done.phase} phase (${Math.round(done.fraction * 100)}% done)` : ' before it started';
  return new StressCancelledError(`Monte Carlo run of ${n} samples was cancelled${where}`);
}

/**
 * Synchronous Monte Carlo (CLI, bench, workers). `onProgress` is called after each chunk; an
 * aborted `signal` is checked between chunks and throws a {@link StressCancelledError} (name
 * `AbortError`).
 */
export function runMonteCarlo(model: VectorModel, opts: MonteCarloOptions): MonteCarloResult {
  if (opts.signal?.aborted) throw cancelled(undefined, opts.samples);
  const it = steps(model, opts);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
    opts.onProgress?.(r.value);
    if (opts.signal?.aborted) throw cancelled(r.value, opts.samples);
  }
}

/**
 * Asynchronous, chunked Monte Carlo for the task pane: yields to the event loop between chunks
 * (at most every ~10 ms of work), reports progress, and rejects with a {@link StressCancelledError}
 * (name `AbortError`, message saying it was cancelled) when `signal` aborts. Results are
 * bit-identical to {@link runMonteCarlo} with the same seed.
 */
export async function runMonteCarloAsync(model: VectorModel, opts: MonteCarloOptions): Promise<MonteCarloResult> {
  if (opts.signal?.aborted) throw cancelled(undefined, opts.samples);
  const it = steps(model, opts);
  let last = now();
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
    opts.onProgress?.(r.value);
    if (now() - last >= 10) {
      await yieldToEventLoop();
      last = now();
    }
    if (opts.signal?.aborted) throw cancelled(r.value, opts.samples);
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function yieldToEventLoop(): Promise<void> {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown; MessageChannel?: typeof MessageChannel };
  if (typeof g.setImmediate === 'function') return new Promise((res) => g.setImmediate!(res));
  if (typeof g.MessageChannel === 'function') {
    return new Promise((res) => {
      const ch = new g.MessageChannel!();
      ch.port1.onmessage = () => {
        ch.port1.close();
        res();
      };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((res) => setTimeout(res, 0));
}
