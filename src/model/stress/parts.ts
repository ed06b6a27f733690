/**
 * A Monte Carlo run cut into parts that can run anywhere (this thread, Web Workers, Node worker
 * threads) and still give one result, bit for bit, whatever the number of parts.
 *
 * - The samples are cut into fixed segments of {@link SEGMENT}; each input draws segment j from its
 *   own split stream (`segmentStream`), so a part draws its segments without drawing the others.
 * - Every part takes the same shift for the moment sums and the same bucket map for the
 *   percentiles from a pilot: the first samples of segment 0, which any part can draw itself.
 * - A part keeps one sum record per segment ({@link SUMS_PER_SEGMENT} numbers); the records are
 *   added in segment order, so the floating-point sums do not depend on how segments were shared.
 * - Bucket counts add exactly; the percentiles then come from one gather pass in each part.
 */
import { sampleInto, type DistSpec } from './distributions.js';
import { HdrStream, hdrSeedsFor } from './hdr.js';
import { Rng, segmentStream, type Seed } from './prng.js';
import { BucketQuantiles, bucketOf, type BucketMap } from './quantiles.js';
import type { VectorModel } from './types.js';

/** Samples per segment: the unit of the split streams and of the sharing between parts. */
export const SEGMENT = 65536;
/** Samples of segment 0 that fix the shift and the bucket map. */
const PILOT = 4096;
/** Sums are folded over blocks aligned at multiples of this, whatever the chunk size. */
const FOLD_BLOCK = 4096;

/** Slots of one segment's sum record. */
export const SUM = { held: 0, finite: 1, sumD: 2, sumD2: 3, min: 4, max: 5 } as const;
export const SUMS_PER_SEGMENT = 6;

/** What a part needs to know of a run: plain data, so it can be posted to a worker. */
export interface RunPlan {
  readonly samples: number;
  readonly seed: Seed;
  /** Samples per chunk between progress reports (≤ a segment). */
  readonly chunk: number;
  /** One distribution per model input, in the model's input order. */
  readonly specs: readonly DistSpec[];
  /**
   * Draw with the HDR generator instead of the default one (hdr.ts): trial k of input i is the
   * inverse CDF of HDR(k, entity, the input's variable id, `seed`, 0), k counted from 1.
   */
  readonly hdr?: { readonly seed: number; readonly entity: number };
}

/** The shift of the moment sums and the bucket map, the same for every part of a run. */
export interface Pilot {
  readonly shift: number;
  readonly map: BucketMap;
}

/** A part's result: its outputs (kept for the gather pass), one sum record per segment, its bucket counts. */
export interface PartResult {
  readonly from: number;
  readonly to: number;
  readonly output: Float64Array;
  readonly sums: Float64Array;
  readonly counts: Uint32Array;
  /** Bytes of typed arrays the part allocated. */
  readonly bytes: number;
}

export const segmentsOf = (samples: number): number => Math.ceil(samples / SEGMENT);

/** Splits segments [0, count) into `parts` contiguous ranges as even as possible (empty ones dropped). */
export function shareSegments(count: number, parts: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (let p = 0; p < parts; p++) {
    const from = Math.floor((count * p) / parts);
    const to = Math.floor((count * (p + 1)) / parts);
    if (to > from) out.push({ from, to });
  }
  return out;
}

/** Draws the next `len` samples of every input into columns[i][0 .. len), continuing its segment stream. */
function sampleChunk(plan: RunPlan, rngs: readonly (Rng | HdrStream | null)[], columns: readonly Float64Array[], len: number): void {
  for (let i = 0; i < rngs.length; i++) {
    const rng = rngs[i];
    if (rng instanceof HdrStream) rng.fill(plan.specs[i]!, columns[i]!.subarray(0, len));
    else if (rng) sampleInto(plan.specs[i]!, rng, columns[i]!.subarray(0, len));
  }
}

function segmentRngs(model: VectorModel, plan: RunPlan, seg: number): (Rng | HdrStream | null)[] {
  const hdr = plan.hdr;
  if (hdr) return plan.specs.map((spec, i) => (spec.type === 'constant' ? null : new HdrStream(hdrSeedsFor(model.inputs[i]!.id, hdr.seed, hdr.entity), seg * SEGMENT + 1)));
  return plan.specs.map((spec, i) => (spec.type === 'constant' ? null : new Rng(plan.seed, segmentStream(model.inputs[i]!.id, seg))));
}

function constantColumns(plan: RunPlan, len: number): Float64Array[] {
  return plan.specs.map((spec) => (spec.type === 'constant' ? new Float64Array(len).fill(spec.value) : new Float64Array(len)));
}

/**
 * The pilot: the first finite output of segment 0 is the shift; the range of its finite outputs
 * fixes the bucket map. `first` gives pre-drawn columns (correlated runs), else segment 0 is drawn.
 */
export function pilotOf(model: VectorModel, plan: RunPlan, buckets: number, first?: readonly Float64Array[]): Pilot {
  // exact inputs give one output value: one sample says all
  const len = !first && plan.specs.every((spec) => spec.type === 'constant') ? 1 : Math.min(PILOT, plan.samples);
  const columns = first ?? constantColumns(plan, len);
  if (!first) sampleChunk(plan, segmentRngs(model, plan, 0), columns, len);
  const out = new Float64Array(len);
  model.evaluate(columns, len, out);
  let shift = NaN, min = Infinity, max = -Infinity;
  for (let k = 0; k < len; k++) {
    const v = out[k]!;
    if (!(v - v === 0)) continue;
    if (shift !== shift) shift = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const sketch = new BucketQuantiles(buckets);
  sketch.setRange(min <= max ? min : 0, min <= max ? max : 0);
  return { shift: shift === shift ? shift : 0, map: sketch.bucketMap() };
}

/**
 * Simulates segments [from, to): yields the number of samples done after each chunk, returns the
 * part. `columns` are whole pre-drawn input columns (correlated runs, a single part); without
 * them each chunk is drawn, evaluated and folded while it is in cache.
 */
export function* simulatePart(
  model: VectorModel,
  plan: RunPlan,
  pilot: Pilot,
  from: number,
  to: number,
  buckets: number,
  columns?: readonly Float64Array[],
): Generator<number, PartResult, void> {
  const start = from * SEGMENT;
  const end = Math.min(plan.samples, to * SEGMENT);
  const output = new Float64Array(end - start);
  const sums = new Float64Array((to - from) * SUMS_PER_SEGMENT);
  const sketch = new BucketQuantiles(buckets);
  sketch.useMap(pilot.map);
  const colLen = Math.min(plan.chunk, end - start);
  const buffers = columns ? [] : constantColumns(plan, colLen);
  const exact = !columns && plan.specs.every((spec) => spec.type === 'constant');
  const bytes = output.byteLength + sums.byteLength + sketch.bytes + buffers.reduce((s, c) => s + c.byteLength, 0);
  for (let seg = from; seg < to; seg++) {
    const segStart = seg * SEGMENT;
    const segEnd = Math.min(plan.samples, segStart + SEGMENT);
    const rngs = columns ? [] : segmentRngs(model, plan, seg);
    const acc = sums.subarray((seg - from) * SUMS_PER_SEGMENT, (seg - from + 1) * SUMS_PER_SEGMENT);
    acc[SUM.min] = Infinity;
    acc[SUM.max] = -Infinity;
    let folded = 0;
    for (let s = segStart; s < segEnd; s += plan.chunk) {
      const e = Math.min(segEnd, s + plan.chunk);
      const len = e - s;
      if (exact) {
        // every input is exact: every sample has the same output (evaluated once, not n times)
        model.evaluate(buffers, 1, output.subarray(s - start, s - start + 1));
        output.fill(output[s - start]!, s - start, e - start);
      } else if (columns) model.evaluate(columns.map((c) => c.subarray(s, e)), len, output.subarray(s - start, e - start));
      else {
        sampleChunk(plan, rngs, buffers, len);
        model.evaluate(buffers, len, output.subarray(s - start, e - start));
      }
      // fold whole blocks (aligned within the segment) as they complete, the rest at the segment's end
      const upTo = e === segEnd ? segEnd - segStart : e - segStart - ((e - segStart) % FOLD_BLOCK);
      while (folded < upTo) {
        const next = Math.min(upTo, folded + FOLD_BLOCK);
        foldRange(output, segStart + folded - start, segStart + next - start, model, acc, pilot.shift, sketch, pilot.map);
        folded = next;
      }
      yield e - start;
    }
  }
  return { from, to, output, sums, counts: sketch.counts, bytes };
}

/**
 * Folds output[s..e) into one segment's sum record `acc` and the bucket counts (top-level
 * functions so V8 optimises the loops on their own). The fast loop does it all in one pass with
 * no finiteness checks (and the holds test too when the model declares `holdsRange`); a block
 * whose sums come out non-finite takes its counts back and is redone by a checked loop.
 */
function foldRange(output: Float64Array, s: number, e: number, model: VectorModel, acc: Float64Array, shift: number, sketch: BucketQuantiles, map: BucketMap): void {
  const range = model.holdsRange;
  // without a declared range the interval test counts nothing, and countHolds calls `holds`
  const lo = range ? range[0] : NaN, hi = range ? range[1] : NaN;
  const counts = sketch.counts, bucketLo = map.lo, scale = map.scale, last = map.last;
  let sumD = 0, sumD2 = 0, min = Infinity, max = -Infinity, held = 0;
  for (let k = s; k < e; k++) {
    const v = output[k]!;
    const d = v - shift;
    sumD += d;
    sumD2 += d * d;
    min = Math.min(min, v);
    max = Math.max(max, v);
    held += +(v >= lo) & +(v <= hi);
    counts[bucketOf(v, bucketLo, scale, last)]!++;
  }
  if (sumD2 - sumD2 === 0 && min - min === 0 && max - max === 0) {
    acc[SUM.held] = acc[SUM.held]! + (range ? held : countHolds(output, s, e, model));
    acc[SUM.finite] = acc[SUM.finite]! + (e - s);
    acc[SUM.sumD] = acc[SUM.sumD]! + sumD;
    acc[SUM.sumD2] = acc[SUM.sumD2]! + sumD2;
    acc[SUM.min] = Math.min(acc[SUM.min]!, min);
    acc[SUM.max] = Math.max(acc[SUM.max]!, max);
    return;
  }
  for (let k = s; k < e; k++) counts[bucketOf(output[k]!, bucketLo, scale, last)]!--;
  foldChecked(output, s, e, model, acc, shift, sketch);
}

/**
 * How many of output[s..e) satisfy the claim: a branch-free interval test when the model declares
 * `holdsRange`, else one `holds` call per value (kept out of the moments loop: a call that V8 cannot
 * inline would slow that loop down too).
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

function foldChecked(output: Float64Array, s: number, e: number, model: VectorModel, acc: Float64Array, shift: number, sketch: BucketQuantiles): void {
  let finite = 0, sumD = 0, sumD2 = 0, min = Infinity, max = -Infinity;
  for (let k = s; k < e; k++) {
    const v = output[k]!;
    if (v - v === 0) {
      finite++;
      const d = v - shift;
      sumD += d;
      sumD2 += d * d;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  sketch.addChecked(output, s, e);
  acc[SUM.held] = acc[SUM.held]! + countHolds(output, s, e, model);
  acc[SUM.finite] = acc[SUM.finite]! + finite;
  acc[SUM.sumD] = acc[SUM.sumD]! + sumD;
  acc[SUM.sumD2] = acc[SUM.sumD2]! + sumD2;
  acc[SUM.min] = Math.min(acc[SUM.min]!, min);
  acc[SUM.max] = Math.max(acc[SUM.max]!, max);
}

/** The totals of a run: sum records added in segment order, bucket counts added. */
export interface RunTotals {
  readonly held: number;
  readonly finite: number;
  readonly sumD: number;
  readonly sumD2: number;
  readonly min: number;
  readonly max: number;
  readonly counts: Uint32Array;
}

export function mergeParts(parts: readonly Pick<PartResult, 'from' | 'to' | 'sums' | 'counts'>[]): RunTotals {
  const ordered = [...parts].sort((a, b) => a.from - b.from);
  let held = 0, finite = 0, sumD = 0, sumD2 = 0, min = Infinity, max = -Infinity;
  // one part (a run on one thread): its counts are the run's, no copy to add them into
  const counts = ordered.length === 1 ? ordered[0]!.counts : new Uint32Array(ordered[0]?.counts.length ?? 0);
  for (const p of ordered) {
    for (let j = 0; j < p.to - p.from; j++) {
      const o = j * SUMS_PER_SEGMENT;
      held += p.sums[o + SUM.held]!;
      finite += p.sums[o + SUM.finite]!;
      sumD += p.sums[o + SUM.sumD]!;
      sumD2 += p.sums[o + SUM.sumD2]!;
      min = Math.min(min, p.sums[o + SUM.min]!);
      max = Math.max(max, p.sums[o + SUM.max]!);
    }
    if (counts !== p.counts) for (let b = 0; b < counts.length; b++) counts[b] = counts[b]! + p.counts[b]!;
  }
  return { held, finite, sumD, sumD2, min, max, counts };
}
