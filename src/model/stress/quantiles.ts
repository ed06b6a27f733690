/**
 * Exact streaming percentiles for the Monte Carlo summary.
 *
 * While chunks are simulated (and still in cache), every finite output is counted into B
 * equal-width buckets over a provisional range fixed from the first values seen (their min..max
 * widened by one span on each side). Values outside it are clamped into the end buckets, so the
 * bucket map x ↦ clamp(⌊(x − lo)·scale⌋) is monotone for any range: the k-th order statistic lies
 * in the bucket where the cumulative count passes k, at a known rank inside it. At the end one
 * pass over the output gathers only the buckets that hold needed order statistics (and fills the
 * histogram), and a selection inside each small bucket finishes the job. Exact — not a sketch —
 * whatever the range; when the needed buckets hold more than 1/8 of the values (a provisional
 * range far too narrow or wide), it falls back to selection on a copy of the finite values.
 *
 * A run split into parts (workers) counts with one shared bucket map, merges the counts, plans
 * once ({@link planQuantiles}), lets every part gather its own values ({@link gatherBuckets}) and
 * resolves the order statistics from all of them ({@link resolveQuantiles}).
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
    for (let k = s; k < e; k++) counts[Math.min(Math.max((a[k]! - lo) * scale, 0), last) | 0]!++;
  }

  /** Counts the finite values of a[s..e). */
  addChecked(a: Float64Array, s: number, e: number): void {
    const counts = this.counts, lo = this.lo, scale = this.scale, last = this.buckets - 1;
    for (let k = s; k < e; k++) {
      const v = a[k]!;
      if (v - v === 0) counts[Math.min(Math.max((v - lo) * scale, 0), last) | 0]!++;
    }
  }

  /**
   * Type-7 percentiles (p in [0, 1]) of the `finite` counted values among a[0..n), and a histogram
   * of `bins` equal-width bins over [min, max]: plan, gather and resolve for a run in one part.
   */
  finish(a: Float64Array, n: number, finite: number, ps: readonly number[], min: number, max: number, bins: number, allFinite: boolean): { values: number[]; histogram: Uint32Array; scratchBytes: number } {
    if (finite <= 0) return { values: ps.map(() => NaN), histogram: new Uint32Array(bins), scratchBytes: 0 };
    const plan = planQuantiles(this.counts, finite, ps);
    const gathered = gatherBuckets(a, n, plan, this.bucketMap(), this.counts, { min, max, bins }, allFinite);
    const scratchBytes = (plan.fallback ? 0 : this.buckets * 4) + gathered.values.reduce((s, x) => s + x.byteLength, 0);
    return { values: resolveQuantiles(plan, [gathered]), histogram: gathered.histogram, scratchBytes };
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

/** x ↦ clamp(⌊(x − lo)·scale⌋, 0, last): monotone, so order statistics fall in known buckets. */
export interface BucketMap {
  readonly lo: number;
  readonly scale: number;
  readonly last: number;
}

/** Where each needed order statistic lies: its bucket and its rank among that bucket's values. */
export interface QuantilePlan {
  /** Type-7 percentiles asked for, p in [0, 1]. */
  readonly ps: readonly number[];
  readonly finite: number;
  /** Buckets to gather, ascending, distinct. */
  readonly buckets: readonly number[];
  readonly where: ReadonlyMap<number, { readonly bucket: number; readonly rank: number }>;
  /** The needed buckets hold more than 1/8 of the values: gather every finite value instead. */
  readonly fallback: boolean;
}

/** Finds the buckets of the order statistics that the percentiles `ps` need, from merged counts. */
export function planQuantiles(counts: Uint32Array, finite: number, ps: readonly number[]): QuantilePlan {
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
  const buckets = [...new Set([...where.values()].map((w) => w.bucket))].sort((x, y) => x - y);
  const gathered = buckets.reduce((s, x) => s + counts[x]!, 0);
  return { ps, finite, buckets, where, fallback: gathered > finite / 8 };
}

/** One part's answer to a {@link QuantilePlan}: the values of each needed bucket (or all finite values) and its histogram. */
export interface Gathered {
  /** values[i] holds the part's values in plan.buckets[i]; with `fallback`, one array of every finite value. */
  readonly values: Float64Array[];
  readonly histogram: Uint32Array;
}

/**
 * One pass over a part's outputs a[0..n): the histogram (`bins` equal-width bins over [min, max],
 * last bin closed) and the values of the planned buckets. `allFinite` skips the finiteness test.
 */
export function gatherBuckets(
  a: Float64Array,
  n: number,
  plan: Pick<QuantilePlan, 'buckets' | 'fallback'>,
  map: BucketMap,
  counts: Uint32Array,
  hist: { readonly min: number; readonly max: number; readonly bins: number },
  allFinite: boolean,
): Gathered {
  const histogram = new Uint32Array(hist.bins);
  const hLast = hist.bins - 1;
  const hScale = hist.max > hist.min ? hist.bins / (hist.max - hist.min) : 0;
  const min = hist.min;
  if (plan.fallback) {
    let m = 0;
    for (let k = 0; k < n; k++) if (a[k]! - a[k]! === 0) m++;
    const copy = new Float64Array(m);
    m = 0;
    for (let k = 0; k < n; k++) {
      const v = a[k]!;
      if (!(v - v === 0)) continue;
      histogram[Math.min(((v - min) * hScale) | 0, hLast)]!++;
      copy[m++] = v;
    }
    return { values: [copy], histogram };
  }
  const slot = new Int32Array(map.last + 1).fill(-1);
  const store = plan.buckets.map((b, i) => {
    slot[b] = i;
    return new Float64Array(counts[b]!);
  });
  const fill = new Uint32Array(store.length);
  const lo = map.lo, scale = map.scale, last = map.last;
  for (let k = 0; k < n; k++) {
    const v = a[k]!;
    if (!allFinite && !(v - v === 0)) continue;
    histogram[Math.min(((v - min) * hScale) | 0, hLast)]!++;
    const s = slot[Math.min(Math.max((v - lo) * scale, 0), last) | 0]!;
    if (s >= 0) store[s]![fill[s]!++] = v;
  }
  return { values: store, histogram };
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
