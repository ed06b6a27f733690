/**
 * Summary statistics on Float64Arrays: percentiles by in-place selection (introselect: quickselect
 * with median-of-three pivots, falling back to a typed-array sort of the remaining range if it
 * recurses too deep), or by one sort when many percentiles are asked for.
 *
 * Percentile definition: linear interpolation between order statistics at h = (n − 1)·p
 * (Hyndman–Fan type 7; numpy's default, Excel PERCENTILE.INC).
 */

/** Moves non-finite values to the end of `a[0..n)`; returns the count of finite values (order not kept). */
export function partitionFinite(a: Float64Array, n = a.length): number {
  let m = 0;
  for (let k = 0; k < n; k++) {
    const v = a[k]!;
    if (v - v === 0) {
      // finite
      if (m !== k) {
        a[k] = a[m]!;
        a[m] = v;
      }
      m++;
    }
  }
  return m;
}

/** Rearranges a[lo..hi] so that a[k] is the value it would have if sorted, smaller-or-equal left, larger-or-equal right. */
export function select(a: Float64Array, lo: number, hi: number, k: number): void {
  let depth = 0;
  const maxDepth = 2 * Math.ceil(Math.log2(hi - lo + 2)) + 8;
  while (hi > lo) {
    if (hi - lo < 24) {
      for (let i = lo + 1; i <= hi; i++) {
        const v = a[i]!;
        let j = i - 1;
        while (j >= lo && a[j]! > v) {
          a[j + 1] = a[j]!;
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    if (++depth > maxDepth) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const mid = (lo + hi) >>> 1;
    let x = a[lo]!, y = a[mid]!, z = a[hi]!;
    // median of three
    if (x > y) { const t = x; x = y; y = t; }
    if (y > z) { y = z; if (x > y) y = x; }
    const pivot = y;
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * Type-7 percentiles (p in [0, 1]) of the finite values a[0..n). Reorders `a` in place (no copy).
 * Returns values in the order of `ps`. a[0..n) must be finite.
 *
 * Up to 16 percentiles: multi-selection (select the middle order statistic, recurse into each
 * side), then the k+1 neighbours needed for interpolation by a minimum scan of the segment that
 * follows k (segments are disjoint, so all scans together touch ≤ n values). More: one sort.
 */
export function percentilesInPlace(a: Float64Array, n: number, ps: readonly number[]): number[] {
  const out = new Array<number>(ps.length).fill(NaN);
  if (n <= 0) return out;
  if (ps.length > 16) {
    const s = a.subarray(0, n).sort();
    ps.forEach((p, i) => (out[i] = percentileSorted(s, p)));
    return out;
  }
  const ks = [...new Set(ps.map((p) => orderIndex(n, p)))].sort((x, y) => x - y);
  multiSelect(a, 0, n - 1, ks, 0, ks.length - 1);
  ps.forEach((p, i) => {
    const h = (n - 1) * p;
    const k = orderIndex(n, p);
    const frac = h - k;
    const lo = a[k]!;
    if (frac === 0 || k + 1 >= n) {
      out[i] = lo;
      return;
    }
    // a[k+1] is the minimum of the segment after k, which ends before the next selected index
    const j = ks.indexOf(k);
    const end = j + 1 < ks.length ? ks[j + 1]! : n - 1;
    let hi = a[end]!;
    for (let q = k + 1; q < end; q++) if (a[q]! < hi) hi = a[q]!;
    out[i] = lo + frac * (hi - lo);
  });
  return out;
}

function orderIndex(n: number, p: number): number {
  return Math.min(n - 1, Math.max(0, Math.floor((n - 1) * p)));
}

function multiSelect(a: Float64Array, lo: number, hi: number, ks: readonly number[], from: number, to: number): void {
  if (from > to || lo >= hi) return;
  const mid = (from + to) >>> 1;
  const k = ks[mid]!;
  select(a, lo, hi, k);
  multiSelect(a, lo, k - 1, ks, from, mid - 1);
  multiSelect(a, k + 1, hi, ks, mid + 1, to);
}




/** Type-7 percentile of an already sorted array. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const k = Math.min(n - 1, Math.max(0, Math.floor(h)));
  const frac = h - k;
  return frac === 0 || k + 1 >= n ? sorted[k]! : sorted[k]! + frac * (sorted[k + 1]! - sorted[k]!);
}

/**
 * Type-7 percentiles (p in [0, 1]) of the finite values a[0..n) whose range is [min, max], without
 * reordering `a`, plus a histogram of `bins` equal-width bins over [min, max]: one counting pass
 * into bins·1024 equal-width buckets finds the bucket and the rank in it of every needed order
 * statistic, a second pass gathers only those buckets' values, and a selection inside each small
 * bucket finishes the job (exact, not an approximation: the bucket map x ↦ ⌊(x − min)·scale⌋ is
 * monotone). The histogram sums groups of 1024 buckets (bin b covers buckets [1024b, 1024b+1024)).
 * When the needed buckets hold more than n/8 values (a very concentrated or heavy-tailed output),
 * the percentiles fall back to {@link percentilesInPlace} on a copy.
 */
export function percentilesByBuckets(
  a: Float64Array,
  n: number,
  ps: readonly number[],
  min: number,
  max: number,
  bins = 1,
): { values: number[]; histogram: Uint32Array; scratchBytes: number } {
  const histogram = new Uint32Array(bins);
  if (n <= 0) return { values: ps.map(() => NaN), histogram, scratchBytes: 0 };
  if (!(max > min)) {
    histogram[0] = n;
    return { values: ps.map(() => min), histogram, scratchBytes: 0 };
  }
  const PER = 1024;
  const B = bins * PER;
  const last = B - 1;
  const scale = B / (max - min);
  const counts = new Uint32Array(B);
  // (x − min)·scale is in [0, B] for finite x in [min, max], so `| 0` is floor; B is clamped to B − 1
  for (let k = 0; k < n; k++) counts[Math.min(((a[k]! - min) * scale) | 0, last)]!++;
  for (let b = 0; b < B; b++) histogram[(b / PER) | 0]! += counts[b]!;
  let scratchBytes = B * 8;
  // order statistics needed (k and k+1 for interpolation)
  const need = new Set<number>();
  for (const p of ps) {
    const k = orderIndex(n, p);
    need.add(k);
    if (k + 1 < n && (n - 1) * p - k > 0) need.add(k + 1);
  }
  const sortedNeed = [...need].sort((x, y) => x - y);
  const where = new Map<number, { bucket: number; rank: number }>();
  let cum = 0;
  let b = 0;
  for (const k of sortedNeed) {
    while (cum + counts[b]! <= k) cum += counts[b++]!;
    where.set(k, { bucket: b, rank: k - cum });
  }
  const slot = new Int32Array(B).fill(-1);
  const buckets: Float64Array[] = [];
  let gathered = 0;
  for (const { bucket } of where.values()) {
    if (slot[bucket] === -1) {
      slot[bucket] = buckets.length;
      buckets.push(new Float64Array(counts[bucket]!));
      gathered += counts[bucket]!;
    }
  }
  if (gathered > n / 8) return { values: percentilesInPlace(a.slice(0, n), n, ps), histogram, scratchBytes: scratchBytes + n * 8 };
  scratchBytes += gathered * 8;
  const fill = new Uint32Array(buckets.length);
  for (let k = 0; k < n; k++) {
    const v = a[k]!;
    const s = slot[Math.min(((v - min) * scale) | 0, last)]!;
    if (s >= 0) buckets[s]![fill[s]!++] = v;
  }
  const value = (k: number): number => {
    const w = where.get(k)!;
    const arr = buckets[slot[w.bucket]!]!;
    select(arr, 0, arr.length - 1, w.rank);
    return arr[w.rank]!;
  };
  const values = ps.map((p) => {
    const h = (n - 1) * p;
    const k = orderIndex(n, p);
    const frac = h - k;
    const lo = value(k);
    return frac === 0 || k + 1 >= n ? lo : lo + frac * (value(k + 1) - lo);
  });
  return { values, histogram, scratchBytes };
}
