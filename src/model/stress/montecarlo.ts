/**
 * Monte Carlo over a {@link VectorModel}. Memory: one Float64Array of n for the output plus one
 * chunk-sized buffer per input (≈ 8 bytes per sample); with correlation every input keeps its n
 * samples (≈ 8·(inputs + 1) bytes per sample) plus Iman–Conover scratch of the same order.
 * Each input has its own PRNG stream keyed by (seed, input id), so results are bit-identical for
 * the same seed whatever the chunk size and whether the sync or async driver runs them.
 *
 * Phases: sample (chunked per input) → correlate (whole columns, optional) → evaluate (chunked) →
 * summarise (mean/sd from shifted sums, holds, exact percentiles by bucket counting during the
 * simulation + one gather pass with the histogram, see quantiles.ts).
 * Statistics other than `probabilityHolds` are over finite outputs; `nonFinite` counts the rest.
 */
import { imanConover, type CorrelationSpec, CorrelationError } from './correlation.js';
import { constant, fromStatedRange, parseDistSpec, sampleInto, type DistSpec } from './distributions.js';
import { Rng, type Seed } from './prng.js';
import { BucketQuantiles } from './quantiles.js';
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
  /** Samples per chunk between progress reports / cancellation checks (default 65 536). */
  readonly chunkSize?: number;
}

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
const FOLD_BLOCK = 4096;

/** Validated options and the resolved distributions; throws errors that name the offending field. */
function prepare(model: VectorModel, opts: MonteCarloOptions) {
  const n = opts.samples;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`samples must be an integer ≥ 1, got ${n}`);
  const chunk = opts.chunkSize ?? 65536;
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

/**
 * The run as a generator: yields after each chunk with a progress record. The sync and async
 * drivers both exhaust it, so they compute identical results.
 *
 * Without correlation each chunk is sampled, evaluated and folded into the running sums while it
 * is in cache ('simulate'); with correlation all columns are sampled first ('sample'), reordered
 * ('correlate') and then evaluated chunk by chunk ('evaluate'). Each input's stream is consumed
 * in the same order either way, so the samples do not depend on the chunk size.
 */
function* steps(model: VectorModel, opts: MonteCarloOptions): Generator<MonteCarloProgress, MonteCarloResult, void> {
  const { n, chunk, bins, specs, corrIdx } = prepare(model, opts);
  const m = model.inputs.length;
  const hasCorr = corrIdx.length >= 2;
  // Iman–Conover reorders whole columns, so correlated runs keep every input sample; otherwise each
  // input needs only one chunk-sized buffer, refilled per chunk (the output is always kept whole).
  const colLen = hasCorr ? n : Math.min(n, chunk);
  const columns = specs.map(() => new Float64Array(colLen));
  const output = new Float64Array(n);
  let workingBytes = (m * colLen + n) * 8;
  const rngs = specs.map((spec, i) => (spec.type === 'constant' ? null : new Rng(opts.seed, model.inputs[i]!.id)));
  specs.forEach((spec, i) => {
    if (spec.type === 'constant') columns[i]!.fill(spec.value);
  });
  // progress units: sampling n/2 (correlated runs), correlation to n, evaluation n, summary ≈ n/4
  const total = hasCorr ? 2.25 * n : 1.25 * n;
  let done = 0;
  const progress = (phase: MonteCarloProgress['phase']): MonteCarloProgress => ({ phase, fraction: Math.min(1, done / total), samples: n });
  const sampleRange = (s: number, e: number) => {
    for (let i = 0; i < m; i++) {
      const rng = rngs[i];
      const off = hasCorr ? s : 0;
      if (rng) sampleInto(specs[i]!, rng, columns[i]!.subarray(off, off + (e - s)));
    }
  };

  // running sums over finite outputs, kept in a typed array (closure-captured doubles would be boxed):
  // [holds count, finite count, shift, Σ(x − shift), Σ(x − shift)², min, max]
  const acc = new Float64Array([0, 0, NaN, 0, 0, Infinity, -Infinity]);
  const sketch = new BucketQuantiles();
  workingBytes += sketch.bytes;
  // Folding runs over fixed blocks aligned at multiples of FOLD_BLOCK, whatever the chunk size, so
  // the floating-point summation order (and thus every bit of the result) does not depend on it.
  let folded = 0;
  const fold = (_s: number, e: number) => {
    const upTo = e === n ? n : e - (e % FOLD_BLOCK);
    while (folded < upTo) {
      const end = Math.min(upTo, folded + FOLD_BLOCK);
      foldRange(output, folded, end, model, acc, sketch);
      folded = end;
    }
  };
  const evaluateRange = (s: number, e: number) => {
    const len = e - s;
    const cols = hasCorr ? (len === n ? columns : columns.map((c) => c.subarray(s, e))) : len === colLen ? columns : columns.map((c) => c.subarray(0, len));
    model.evaluate(cols, len, len === n ? output : output.subarray(s, e));
    fold(s, e);
  };

  if (hasCorr) {
    for (let s = 0; s < n; s += chunk) {
      const e = Math.min(n, s + chunk);
      sampleRange(s, e);
      done += (e - s) / 2;
      yield progress('sample');
    }
    imanConover(corrIdx.map((i) => columns[i]!), opts.correlation!.matrix, opts.seed, opts.correlation!.inputs);
    workingBytes += corrIdx.length * n * 8 + n * 12;
    done = n;
    yield progress('correlate');
    for (let s = 0; s < n; s += chunk) {
      const e = Math.min(n, s + chunk);
      evaluateRange(s, e);
      done += e - s;
      yield progress('evaluate');
    }
  } else {
    for (let s = 0; s < n; s += chunk) {
      const e = Math.min(n, s + chunk);
      sampleRange(s, e);
      evaluateRange(s, e);
      done += e - s;
      yield progress('simulate');
    }
  }

  // summary: mean/sd from the shifted sums; exact percentiles and the histogram from the bucket counts
  // gathered during the simulation plus one gather pass over the output
  const held = acc[0]!, finite = acc[1]!, shift = acc[2]!, sumD = acc[3]!, sumD2 = acc[4]!, min = acc[5]!, max = acc[6]!;
  const mean = finite > 0 ? shift + sumD / finite : NaN;
  const variance = finite > 1 ? (sumD2 - (sumD * sumD) / finite) / (finite - 1) : finite === 1 ? 0 : NaN;
  const sd = Math.sqrt(Math.max(0, variance));
  const extra = (opts.percentiles ?? []).filter((p) => !(STANDARD as readonly number[]).includes(p));
  const ps = [...STANDARD, ...extra];
  const counts = new Uint32Array(bins);
  const edges = new Float64Array(bins + 1);
  let values: number[];
  if (finite > 0) {
    const w = max - min;
    for (let b = 0; b <= bins; b++) edges[b] = b === bins ? max : min + (w * b) / bins;
    const summary = sketch.finish(output, n, finite, ps.map((p) => p / 100), min, max, bins, finite === n);
    values = summary.values;
    counts.set(summary.histogram);
    workingBytes += summary.scratchBytes;
  } else {
    edges.fill(NaN);
    values = ps.map(() => NaN);
  }
  const list = ps.map((p, i) => ({ p, value: values[i]! })).sort((a, b) => a.p - b.p);
  const dedup = list.filter((x, i) => i === 0 || x.p !== list[i - 1]!.p);
  done = total;
  yield progress('summarise');

  const ph = held / n;
  const distributions: Record<string, DistSpec> = {};
  model.inputs.forEach((inp, i) => (distributions[inp.id] = specs[i]!));
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
 * Folds output[s..e) into the running sums `acc` (top-level functions so V8 optimises the loops on
 * their own). The fast loop is branch-free (`held += +holds(v)`, Math.min/max) and has no
 * finiteness checks; a chunk whose sums come out non-finite is redone by a checked loop.
 */
function foldRange(output: Float64Array, s: number, e: number, model: VectorModel, acc: Float64Array, sketch: BucketQuantiles): void {
  const shift = acc[2]!;
  if (shift - shift === 0) {
    let sumD = 0, sumD2 = 0, min = Infinity, max = -Infinity;
    for (let k = s; k < e; k++) {
      const v = output[k]!;
      const d = v - shift;
      sumD += d;
      sumD2 += d * d;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (sumD2 - sumD2 === 0 && min - min === 0 && max - max === 0) {
      if (!sketch.hasRange) sketch.setRange(min, max);
      sketch.addFinite(output, s, e);
      acc[0] = acc[0]! + countHolds(output, s, e, model);
      acc[1] = acc[1]! + (e - s);
      acc[3] = acc[3]! + sumD;
      acc[4] = acc[4]! + sumD2;
      acc[5] = Math.min(acc[5]!, min);
      acc[6] = Math.max(acc[6]!, max);
      return;
    }
  }
  foldChecked(output, s, e, model, acc, sketch);
}

/**
 * How many of output[s..e) satisfy the claim: a branch-free interval test when the model declares
 * `holdsRange`, else one `holds` call per value (kept out of the moments loop: a call that V8 cannot
 * inline — the predicate differs from claim to claim — would otherwise slow that loop down too).
 */
function countHolds(output: Float64Array, s: number, e: number, model: VectorModel): number {
  let held = 0;
  const r = model.holdsRange;
  if (r) {
    const lo = r[0], hi = r[1];
    for (let k = s; k < e; k++) {
      const v = output[k]!;
      held += +(v >= lo) & +(v <= hi);
    }
    return held;
  }
  const holds = model.holds;
  for (let k = s; k < e; k++) held += +holds(output[k]!);
  return held;
}

function foldChecked(output: Float64Array, s: number, e: number, model: VectorModel, acc: Float64Array, sketch: BucketQuantiles): void {
  const holds = model.holds;
  let held = acc[0]!, finite = acc[1]!, shift = acc[2]!, sumD = acc[3]!, sumD2 = acc[4]!, min = acc[5]!, max = acc[6]!;
  let bmin = Infinity, bmax = -Infinity;
  for (let k = s; k < e; k++) {
    const v = output[k]!;
    held += +holds(v);
    if (v - v === 0) {
      if (!(shift - shift === 0)) shift = v;
      finite++;
      const d = v - shift;
      sumD += d;
      sumD2 += d * d;
      if (v < bmin) bmin = v;
      if (v > bmax) bmax = v;
    }
  }
  if (bmin <= bmax) {
    if (!sketch.hasRange) sketch.setRange(bmin, bmax);
    sketch.addChecked(output, s, e);
    min = Math.min(min, bmin);
    max = Math.max(max, bmax);
  }
  acc[0] = held; acc[1] = finite; acc[2] = shift; acc[3] = sumD; acc[4] = sumD2; acc[5] = min; acc[6] = max;
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
