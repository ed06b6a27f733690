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
   * of `bins` equal-width bins over [min, max] (bin b = ⌊(x − min)·bins/(max − min)⌋, last bin
   * closed). `allFinite` skips the finiteness check in the gather pass.
   */
  finish(
    a: Float64Array,
    n: number,
    finite: number,
    ps: readonly number[],
    min: number,
    max: number,
    bins: number,
    allFinite: boolean,
  ): { values: number[]; histogram: Uint32Array; scratchBytes: number } {
    const histogram = new Uint32Array(bins);
    if (finite <= 0) return { values: ps.map(() => NaN), histogram, scratchBytes: 0 };
    const B = this.buckets;
    const counts = this.counts;
    // where each needed order statistic (k, and k+1 for interpolation) lies
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
    const slot = new Int32Array(B).fill(-1);
    const store: Float64Array[] = [];
    let gathered = 0;
    for (const { bucket } of where.values())
      if (slot[bucket] === -1) {
        slot[bucket] = store.length;
        store.push(new Float64Array(counts[bucket]!));
        gathered += counts[bucket]!;
      }
    const fallback = gathered > finite / 8;
    if (fallback) slot.fill(-1);
    let scratchBytes = B * 4 + (fallback ? finite * 8 : gathered * 8);

    const fill = new Uint32Array(store.length);
    const lo = this.lo, scale = this.scale, last = B - 1;
    const hLast = bins - 1;
    const hScale = max > min ? bins / (max - min) : 0;
    if (allFinite) {
      for (let k = 0; k < n; k++) {
        const v = a[k]!;
        histogram[Math.min(((v - min) * hScale) | 0, hLast)]!++;
        const s = slot[Math.min(Math.max((v - lo) * scale, 0), last) | 0]!;
        if (s >= 0) store[s]![fill[s]!++] = v;
      }
    } else {
      for (let k = 0; k < n; k++) {
        const v = a[k]!;
        if (!(v - v === 0)) continue;
        histogram[Math.min(((v - min) * hScale) | 0, hLast)]!++;
        const s = slot[Math.min(Math.max((v - lo) * scale, 0), last) | 0]!;
        if (s >= 0) store[s]![fill[s]!++] = v;
      }
    }

    if (fallback) {
      const copy = new Float64Array(finite);
      let m = 0;
      for (let k = 0; k < n; k++) {
        const v = a[k]!;
        if (v - v === 0) copy[m++] = v;
      }
      return { values: percentilesInPlace(copy, finite, ps), histogram, scratchBytes };
    }
    const value = (k: number): number => {
      const w = where.get(k)!;
      const arr = store[slot[w.bucket]!]!;
      select(arr, 0, arr.length - 1, w.rank);
      return arr[w.rank]!;
    };
    const values = ps.map((p) => {
      const h = (finite - 1) * p;
      const k = Math.min(finite - 1, Math.max(0, Math.floor(h)));
      const frac = h - k;
      const x = value(k);
      return frac === 0 || k + 1 >= finite ? x : x + frac * (value(k + 1) - x);
    });
    return { values, histogram, scratchBytes };
  }
}
