/**
 * Exact streaming percentiles for the Monte Carlo summary.
 *
 * While chunks are simulated (and still in cache), every finite output is counted into B
 * equal-width buckets over a provisional range fixed from the first values seen (their min..max
 * widened by one span on each side). Values outside it are clamped into the end buckets, so the
 * bucket map x ↦ clamp(⌊(x − lo)·scale⌋) is monotone for any range: the k-th order statistic lies
 * in the bucket where the cumulative count passes k, at a known rank inside it. At the end one
 * pass over the output gathers only the buckets that hold needed order statistics, and a
 * selection inside each small bucket finishes the job. The histogram comes from the counts too:
 * a bucket that lies inside one bin adds its count there; only the few buckets that straddle a bin
 * edge are gathered and their values binned one by one. Exact — not a sketch — whatever the range;
 * when the needed buckets hold more than 1/8 of the values (a provisional range far too narrow or
 * wide), it falls back to selection on a copy of the finite values.
 *
 * A run split into parts (workers) counts with one shared bucket map, merges the counts, plans
 * once ({@link planQuantiles}), lets every part gather its own values ({@link gatherBuckets}) and
 * resolves the order statistics and the histogram from all of them ({@link resolveQuantiles},
 * {@link histogramOf}).
 */
import { percentilesInPlace, select } from './stats.js';

export class BucketQuantiles {
  readonly counts: Uint32Array;
  private lo = 0;
  private scale = 0;
  private ready = false;

  constructor(readonly buckets = 65536) {
    this.counts = new Uint32Array(buckets);
  }

  get bytes(): number {
    return this.buckets * 4;
  }

  get hasRange(): boolean {
    return this.ready;
  }

  /** Fixes the provisional range from the first finite min/max seen. */
  setRange(min: number, max: number): void {
    let span = max - min;
    if (!(span > 0) || !Number.isFinite(span)) span = Math.abs(min) > 0 ? Math.abs(min) * 1e-6 : 1e-6;
    const lo = min - span;
    const hi = max + span;
    this.lo = lo;
    this.scale = this.buckets / (hi - lo);
    if (!Number.isFinite(this.scale) || !(this.scale > 0)) {
      // a range too wide for doubles: fall back to a coarse one (still exact, just slower)
      this.lo = -Number.MAX_VALUE;
      this.scale = this.buckets / Number.MAX_VALUE / 2;
    }
    this.ready = true;
  }

  /** Counts a[s..e), all finite. */
  addFinite(a: Float64Array, s: number, e: number): void {
    const counts = this.counts, lo = this.lo, scale = this.scale, last = this.buckets - 1;
    for (let k = s; k < e; k++) counts[bucketOf(a[k]!, lo, scale, last)]!++;
  }

  /** Counts the finite values of a[s..e). */
  addChecked(a: Float64Array, s: number, e: number): void {
    const counts = this.counts, lo = this.lo, scale = this.scale, last = this.buckets - 1;
    for (let k = s; k < e; k++) {
      const v = a[k]!;
      if (v - v === 0) counts[bucketOf(v, lo, scale, last)]!++;
    }
  }

  /**
   * Type-7 percentiles (p in [0, 1]) of the `finite` counted values among a[0..n), and a histogram
   * of `bins` equal-width bins over [min, max]: plan, gather and resolve for a run in one part.
   */
  finish(a: Float64Array, n: number, finite: number, ps: readonly number[], min: number, max: number, bins: number, allFinite: boolean): { values: number[]; histogram: Uint32Array; scratchBytes: number } {
    if (finite <= 0) return { values: ps.map(() => NaN), histogram: new Uint32Array(bins), scratchBytes: 0 };
    const plan = planQuantiles(this.counts, finite, ps, this.bucketMap(), { min, max, bins });
    const gathered = gatherBuckets(a, n, plan, this.bucketMap(), this.counts, allFinite);
    const scratchBytes = (plan.fallback ? 0 : this.buckets * 4) + gathered.values.reduce((s, x) => s + x.byteLength, 0);
    return { values: resolveQuantiles(plan, [gathered]), histogram: histogramOf(plan, [gathered]), scratchBytes };
  }

  /** The bucket of a value under this range (for gathering: the same map the counts used). */
  bucketMap(): BucketMap {
    return { lo: this.lo, scale: this.scale, last: this.buckets - 1 };
  }

  /** Sets the range from another sketch's map (parts of one run must bucket alike). */
  useMap(map: BucketMap): void {
    this.lo = map.lo;
    this.scale = map.scale;
    this.ready = true;
  }
}

/**
 * The bucket of x: clamp(⌊(x − lo)·scale⌋, 0, last), monotone, so order statistics fall in known
 * buckets (a NaN goes to bucket 0: count only finite values).
 */
export function bucketOf(x: number, lo: number, scale: number, last: number): number {
  return Math.min(Math.max((x - lo) * scale, 0), last) | 0;
}

/** The parameters of {@link bucketOf}. */
export interface BucketMap {
  readonly lo: number;
  readonly scale: number;
  readonly last: number;
}

/** Equal-width bins over [min, max] of the finite values (the last bin closed): bin(x) = min(⌊(x − min)·bins/(max − min)⌋, bins − 1). */
export interface HistogramSpec {
  readonly min: number;
  readonly max: number;
  readonly bins: number;
}

/** Where each needed order statistic lies: its bucket and its rank among that bucket's values. */
export interface QuantilePlan {
  /** Type-7 percentiles asked for, p in [0, 1]. */
  readonly ps: readonly number[];
  readonly finite: number;
  /** Buckets to gather, ascending, distinct: those of the order statistics and those that straddle a histogram edge. */
  readonly buckets: readonly number[];
  readonly where: ReadonlyMap<number, { readonly bucket: number; readonly rank: number }>;
  /** The needed buckets hold more than 1/8 of the values: gather every finite value instead. */
  readonly fallback: boolean;
  readonly histogram: HistogramSpec;
  /**
   * The histogram counts of every bucket whose values all fall in one bin (known from the counts
   * alone); the values of the other buckets (in `straddling`) are binned one by one when gathered.
   */
  readonly wholeBins: Uint32Array;
  readonly straddling: readonly number[];
}

/**
 * Plans the summary of merged counts: the buckets of the order statistics that the percentiles
 * `ps` need, and the histogram. A bucket is a value interval; the bin of every value in it is
 * known when both ends of that interval (widened far beyond rounding) fall in the same bin, since
 * both the bucket map and the bin map are monotone. Only the few buckets that straddle a bin edge
 * are gathered for the histogram, so the gather pass bins no value it need not.
 */
export function planQuantiles(counts: Uint32Array, finite: number, ps: readonly number[], map: BucketMap, histogram: HistogramSpec): QuantilePlan {
  const need = new Set<number>();
  for (const p of ps) {
    const h = (finite - 1) * p;
    const k = Math.min(finite - 1, Math.max(0, Math.floor(h)));
    need.add(k);
    if (k + 1 < finite && h - k > 0) need.add(k + 1);
  }
  const where = new Map<number, { bucket: number; rank: number }>();
  let cum = 0;
  let b = 0;
  for (const k of [...need].sort((x, y) => x - y)) {
    while (cum + counts[b]! <= k) cum += counts[b++]!;
    where.set(k, { bucket: b, rank: k - cum });
  }
  const { wholeBins, straddling } = binBuckets(counts, map, histogram);
  const buckets = [...new Set([...where.values()].map((w) => w.bucket).concat(straddling))].sort((x, y) => x - y);
  const gathered = buckets.reduce((s, x) => s + counts[x]!, 0);
  return { ps, finite, buckets, where, fallback: gathered > finite / 8, histogram, wholeBins, straddling };
}

/** The bins of the buckets that lie in one bin, and the (non-empty) buckets that straddle an edge. */
function binBuckets(counts: Uint32Array, map: BucketMap, histogram: HistogramSpec): { wholeBins: Uint32Array; straddling: number[] } {
  const wholeBins = new Uint32Array(histogram.bins);
  const straddling: number[] = [];
  binBucketsInto(counts, map.lo, 1 / map.scale, map.last, histogram.min, histogram.max, histogram.bins, wholeBins, straddling);
  return { wholeBins, straddling };
}

/** The loop of {@link binBuckets}, on plain numbers so that V8 optimises it at once (it runs once per run). */
function binBucketsInto(counts: Uint32Array, lo: number, width: number, last: number, min: number, max: number, bins: number, wholeBins: Uint32Array, straddling: number[]): void {
  // far wider than the rounding of (x − lo)·scale and of lo + b/scale (≈ 1e-16 relative)
  const margin = 1e-12 * (Math.abs(lo) + (last + 1) * width + Math.abs(min) + Math.abs(max));
  for (let b = 0; b <= last; b++) {
    const c = counts[b]!;
    if (c === 0) continue;
    // values x of bucket b have b ≤ (x − lo)·scale < b + 1, the end buckets also every value beyond
    const from = b === 0 ? min : Math.max(min, lo + b * width - margin);
    const to = b === last ? max : Math.min(max, lo + (b + 1) * width + margin);
    const bin = binIndex(from, min, max, bins);
    if (from <= to && bin === binIndex(to, min, max, bins)) wholeBins[bin] = wholeBins[bin]! + c;
    else straddling.push(b);
  }
}

/** One part's answer to a {@link QuantilePlan}: the values of each planned bucket (or all finite values). */
export interface Gathered {
  /** values[i] holds the part's values in plan.buckets[i]; with `fallback`, one array of every finite value. */
  readonly values: Float64Array[];
}

/**
 * One pass over a part's outputs a[0..n): the values of the planned buckets, or every finite value
 * with `fallback`. `allFinite` skips the finiteness test.
 */
export function gatherBuckets(
  a: Float64Array,
  n: number,
  plan: Pick<QuantilePlan, 'buckets' | 'fallback'>,
  map: BucketMap,
  counts: Uint32Array,
  allFinite: boolean,
): Gathered {
  if (plan.fallback) {
    let m = 0;
    for (let k = 0; k < n; k++) if (a[k]! - a[k]! === 0) m++;
    const copy = new Float64Array(m);
    copyFinite(a, n, copy);
    return { values: [copy] };
  }
  const slot = new Int32Array(map.last + 1).fill(-1);
  const store = plan.buckets.map((b, i) => {
    slot[b] = i;
    return new Float64Array(counts[b]!);
  });
  const fill = new Uint32Array(store.length);
  if (allFinite) gatherLoop(a, n, slot, map.lo, map.scale, map.last, store, fill);
  else gatherLoopChecked(a, n, slot, map.lo, map.scale, map.last, store, fill);
  return { values: store };
}

// The gather loops are small top-level functions so that V8 optimises each on its own.
function copyFinite(a: Float64Array, n: number, out: Float64Array): void {
  let m = 0;
  for (let k = 0; k < n; k++) {
    const v = a[k]!;
    if (v - v === 0) out[m++] = v;
  }
}

function gatherLoop(a: Float64Array, n: number, slot: Int32Array, lo: number, scale: number, last: number, store: Float64Array[], fill: Uint32Array): void {
  for (let k = 0; k < n; k++) {
    const v = a[k]!;
    const s = slot[bucketOf(v, lo, scale, last)]!;
    if (s >= 0) store[s]![fill[s]!++] = v;
  }
}

function gatherLoopChecked(a: Float64Array, n: number, slot: Int32Array, lo: number, scale: number, last: number, store: Float64Array[], fill: Uint32Array): void {
  for (let k = 0; k < n; k++) {
    const v = a[k]!;
    if (!(v - v === 0)) continue;
    const s = slot[bucketOf(v, lo, scale, last)]!;
    if (s >= 0) store[s]![fill[s]!++] = v;
  }
}

/** The histogram of a plan from every part's gathered values: the whole buckets' counts plus the straddling buckets' values, binned. */
export function histogramOf(plan: QuantilePlan, parts: readonly Gathered[]): Uint32Array {
  const { min, max, bins } = plan.histogram;
  const histogram = plan.fallback ? new Uint32Array(bins) : plan.wholeBins.slice();
  const index = new Map(plan.buckets.map((b, i) => [b, i]));
  for (const part of parts) {
    const arrays = plan.fallback ? part.values : plan.straddling.map((b) => part.values[index.get(b)!]!);
    for (const values of arrays) for (const v of values) histogram[binIndex(v, min, max, bins)]!++;
  }
  return histogram;
}

/**
 * The histogram bin of a finite x in [min, max]: ⌊(x − min)·bins/(max − min)⌋, the last bin closed;
 * every value in bin 0 when max = min (computed in this order, a tiny range cannot overflow a scale).
 */
export function binIndex(x: number, min: number, max: number, bins: number): number {
  return max > min ? Math.min(Math.floor(((x - min) * bins) / (max - min)), bins - 1) | 0 : 0;
}

/** The percentiles of a plan from every part's gathered values (their order does not matter: selection is exact). */
export function resolveQuantiles(plan: QuantilePlan, parts: readonly Gathered[]): number[] {
  const { ps, finite } = plan;
  if (finite <= 0) return ps.map(() => NaN);
  const joined = (i: number): Float64Array => {
    const arrays = parts.map((p) => p.values[i]!);
    if (arrays.length === 1) return arrays[0]!;
    const out = new Float64Array(arrays.reduce((s, x) => s + x.length, 0));
    let o = 0;
    for (const x of arrays) {
      out.set(x, o);
      o += x.length;
    }
    return out;
  };
  if (plan.fallback) return percentilesInPlace(joined(0), finite, ps);
  const stores = plan.buckets.map((_, i) => joined(i));
  const index = new Map(plan.buckets.map((b, i) => [b, i]));
  const value = (k: number): number => {
    const w = plan.where.get(k)!;
    const arr = stores[index.get(w.bucket)!]!;
    select(arr, 0, arr.length - 1, w.rank);
    return arr[w.rank]!;
  };
  return ps.map((p) => {
    const h = (finite - 1) * p;
    const k = Math.min(finite - 1, Math.max(0, Math.floor(h)));
    const frac = h - k;
    const x = value(k);
    return frac === 0 || k + 1 >= finite ? x : x + frac * (value(k + 1) - x);
  });
}
