import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { partitionFinite, percentileSorted, percentilesByBuckets, percentilesInPlace, select } from '../../../src/model/stress/stats.js';

const values = fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: -3, max: 3 }).map((x) => x * 1.0)), { minLength: 1, maxLength: 400 });
const probs = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 });

/** −0 and +0 are the same value (typed-array sort orders −0 first); compare with zeros unified. */
const z = (v: number[]) => v.map((x) => x + 0);
function reference(xs: number[], ps: number[]): number[] {
  const s = Float64Array.from(xs).sort();
  return z(ps.map((p) => percentileSorted(s, p)));
}

describe('percentiles (type 7, exact)', () => {
  it('percentilesInPlace equals the sort-based reference (property)', () => {
    fc.assert(
      fc.property(values, probs, (xs, ps) => {
        const a = Float64Array.from(xs);
        expect(z(percentilesInPlace(a, a.length, ps))).toEqual(reference(xs, ps));
        expect(z(Array.from(a).sort((x, y) => x - y))).toEqual(z(Array.from(Float64Array.from(xs).sort()))); // a permutation
      }),
      { numRuns: 300 },
    );
  });

  it('percentilesByBuckets equals the reference, and leaves the array untouched (property)', () => {
    fc.assert(
      fc.property(values, probs, fc.integer({ min: 1, max: 50 }), (xs, ps, bins) => {
        const a = Float64Array.from(xs);
        const copy = Array.from(a);
        const min = Math.min(...xs), max = Math.max(...xs);
        const r = percentilesByBuckets(a, a.length, ps, min, max, bins);
        expect(z(r.values)).toEqual(reference(xs, ps));
        expect(Array.from(a)).toEqual(copy);
        expect(r.histogram.reduce((s, c) => s + c, 0)).toBe(xs.length);
      }),
      { numRuns: 300 },
    );
  });

  it('heavy-tailed and clustered data (fallback path) stay exact', () => {
    const n = 100_000;
    const a = new Float64Array(n);
    for (let k = 0; k < n; k++) a[k] = k % 1000 === 0 ? 1e12 * (k + 1) : ((k * 7919) % 1000) / 1e6;
    const ps = [0.05, 0.25, 0.5, 0.75, 0.95, 0.999];
    let min = Infinity, max = -Infinity;
    for (const v of a) { min = Math.min(min, v); max = Math.max(max, v); }
    expect(z(percentilesByBuckets(a, n, ps, min, max).values)).toEqual(reference(Array.from(a), ps));
  });

  it('select puts the k-th order statistic in place, also on adversarial (sorted, equal) inputs', () => {
    for (const make of [(k: number) => k, (k: number) => -k, () => 1, (k: number) => k % 2]) {
      const n = 5000;
      const a = Float64Array.from({ length: n }, (_, k) => make(k));
      const sorted = Float64Array.from(a).sort();
      for (const k of [0, 1, 2500, n - 1]) {
        const b = Float64Array.from(a);
        select(b, 0, n - 1, k);
        expect(b[k]).toBe(sorted[k]);
        for (let i = 0; i < k; i++) if (b[i]! > b[k]!) throw new Error('left side larger');
        for (let i = k + 1; i < n; i++) if (b[i]! < b[k]!) throw new Error('right side smaller');
      }
    }
  });

  it('partitionFinite moves NaN and ±Infinity to the end', () => {
    const a = Float64Array.from([1, NaN, 2, Infinity, 3, -Infinity, 4]);
    expect(partitionFinite(a)).toBe(4);
    expect(Array.from(a.subarray(0, 4)).sort()).toEqual([1, 2, 3, 4]);
  });
});
