import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { partitionFinite, percentileSorted, percentilesByBuckets, percentilesInPlace, select } from '../../../src/model/stress/stats.js';
import { BucketQuantiles } from '../../../src/model/stress/quantiles.js';

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

describe('BucketQuantiles (streaming, exact)', () => {
  it('equals the sort-based reference whatever the provisional range, with non-finite values skipped (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(NaN, Infinity, -Infinity, 0, 1)), { minLength: 1, maxLength: 400 }),
        probs,
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 5000 }),
        (xs, ps, rangeLo, rangeW, bins, buckets) => {
          const a = Float64Array.from(xs);
          const finiteXs = xs.filter((x) => Number.isFinite(x));
          const q = new BucketQuantiles(buckets);
          q.setRange(rangeLo, rangeLo + rangeW);
          q.addChecked(a, 0, a.length);
          if (finiteXs.length === 0) return;
          const min = Math.min(...finiteXs), max = Math.max(...finiteXs);
          const r = q.finish(a, a.length, finiteXs.length, ps, min, max, bins, finiteXs.length === xs.length);
          expect(z(r.values)).toEqual(reference(finiteXs, ps));
          // every value in the bin ⌊(x − min)·bins/(max − min)⌋ (the last closed), bin by bin
          const hist = new Array<number>(bins).fill(0);
          for (const x of finiteXs) hist[Math.min(max > min ? Math.floor(((x - min) * bins) / (max - min)) : 0, bins - 1)]!++;
          expect(Array.from(r.histogram)).toEqual(hist);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('addFinite and addChecked agree on finite data; histogram bins follow ⌊(x − min)·bins/(max − min)⌋', () => {
    const a = Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 10]);
    const q1 = new BucketQuantiles(16), q2 = new BucketQuantiles(16);
    q1.setRange(0, 3); q2.setRange(0, 3);
    q1.addFinite(a, 0, 5); q1.addFinite(a, 5, 10); q2.addChecked(a, 0, 10);
    expect(Array.from(q1.counts)).toEqual(Array.from(q2.counts));
    const r = q1.finish(a, 10, 10, [0, 0.5, 1], 0, 10, 5, true);
    expect(r.values).toEqual([0, 4.5, 10]);
    expect(Array.from(r.histogram)).toEqual([2, 2, 2, 2, 2]);
  });
});
