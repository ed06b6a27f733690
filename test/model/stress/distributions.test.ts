import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DistSpecError,
  distMoments,
  fromStatedRange,
  lognormal,
  lognormalFrom,
  normal,
  parseDistSpec,
  pert,
  pertShape,
  triangular,
  uniform,
  type DistSpec,
} from '../../../src/model/stress/distributions.js';
import { runMonteCarlo } from '../../../src/model/stress/montecarlo.js';
import { normalQuantile } from '../../../src/model/stress/special.js';
import { identityModel } from './helpers.js';

/** Analytic quantile and density of each test distribution. */
interface Analytic {
  spec: DistSpec;
  quantile: (p: number) => number;
  pdf: (x: number) => number;
}

const phi = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

function betaReference(alpha: number, beta: number, lo: number, hi: number): { quantile: (p: number) => number; pdf: (x: number) => number } {
  // numerical CDF of Beta(α, β) on a fine grid (α, β ≥ 1: bounded density), Simpson per cell
  const N = 20000;
  const raw = (t: number) => (t <= 0 || t >= 1 ? (t <= 0 ? (alpha === 1 ? 1 : 0) : beta === 1 ? 1 : 0) : t ** (alpha - 1) * (1 - t) ** (beta - 1));
  const cdf = new Float64Array(N + 1);
  for (let i = 0; i < N; i++) {
    const a = i / N, b = (i + 1) / N;
    cdf[i + 1] = cdf[i]! + ((b - a) / 6) * (raw(a) + 4 * raw((a + b) / 2) + raw(b));
  }
  const total = cdf[N]!;
  const w = hi - lo;
  return {
    pdf: (x) => raw((x - lo) / w) / total / w,
    quantile: (p) => {
      let i = 0;
      while (cdf[i + 1]! / total < p) i++;
      // linear within the cell, then one Newton step on the density
      const c0 = cdf[i]! / total, c1 = cdf[i + 1]! / total;
      const t = (i + (p - c0) / (c1 - c0)) / N;
      return lo + w * t;
    },
  };
}

const cases: Record<string, Analytic> = {
  normal: { spec: normal(10, 2), quantile: (p) => 10 + 2 * normalQuantile(p), pdf: (x) => phi((x - 10) / 2) / 2 },
  uniform: { spec: uniform(0.2, 0.3), quantile: (p) => 0.2 + 0.1 * p, pdf: () => 10 },
  lognormal: {
    spec: lognormal(1, 0.5),
    quantile: (p) => Math.exp(1 + 0.5 * normalQuantile(p)),
    pdf: (x) => phi((Math.log(x) - 1) / 0.5) / (x * 0.5),
  },
  triangular: {
    spec: triangular(1, 3, 7),
    quantile: (p) => (p < 2 / 6 ? 1 + Math.sqrt(p * 6 * 2) : 7 - Math.sqrt((1 - p) * 6 * 4)),
    pdf: (x) => (x < 3 ? (2 * (x - 1)) / (6 * 2) : (2 * (7 - x)) / (6 * 4)),
  },
  pert: (() => {
    const { alpha, beta } = pertShape(0, 2, 10);
    return { spec: pert(0, 2, 10), ...betaReference(alpha, beta, 0, 10) };
  })(),
};

describe('sampling matches analytic mean and percentiles within 3 standard errors', () => {
  const n = 200_000;
  for (const [name, c] of Object.entries(cases)) {
    it(name, () => {
      const r = runMonteCarlo(identityModel(), { samples: n, seed: `stress-dist-${name}`, distributions: { x: c.spec }, percentiles: [1, 99] });
      const { mean, sd } = distMoments(c.spec);
      expect(Math.abs(r.mean - mean)).toBeLessThan(3 * (sd / Math.sqrt(n)));
      // sd of the sample sd ≈ sd·√((κ − 1)/(4n)); a loose 5% relative bound suffices for all five
      expect(Math.abs(r.sd - sd) / sd).toBeLessThan(0.02);
      for (const { p, value } of r.percentileList) {
        const q = p / 100;
        const x = c.quantile(q);
        const se = Math.sqrt((q * (1 - q)) / n) / c.pdf(x);
        expect(Math.abs(value - x), `${name} p${p}: got ${value}, analytic ${x}, se ${se}`).toBeLessThan(3 * se);
      }
    });
  }
});

describe('no bias across seeds', () => {
  it('normal percentiles: the mean z-score over 12 seeds is within 3/√12 of 0', () => {
    const n = 100_000;
    const ps = [5, 25, 50, 75, 95];
    for (const p of ps) {
      const q = p / 100;
      const x = normalQuantile(q);
      const se = Math.sqrt((q * (1 - q)) / n) / phi(x);
      let zs = 0;
      for (let s = 0; s < 12; s++) {
        const r = runMonteCarlo(identityModel(), { samples: n, seed: `bias-${s}`, distributions: { x: normal(0, 1) } });
        zs += (r.percentileList.find((e) => e.p === p)!.value - x) / se;
      }
      expect(Math.abs(zs / 12), `p${p}`).toBeLessThan(3 / Math.sqrt(12));
    }
  });
});

describe('distribution specs', () => {
  it('lognormalFrom(mean, sd) reproduces the arithmetic mean and sd', () => {
    const spec = lognormalFrom(100, 30);
    const m = distMoments(spec);
    expect(m.mean).toBeCloseTo(100, 10);
    expect(m.sd).toBeCloseTo(30, 10);
    expect(() => lognormalFrom(-1, 1)).toThrow(/mean/);
    expect(() => lognormalFrom(1, 0)).toThrow(/sd/);
  });

  it('fromStatedRange: uniform by default, PERT with the midpoint as mode on request, reordered bounds', () => {
    expect(fromStatedRange(0.2, 0.3)).toEqual({ type: 'uniform', lo: 0.2, hi: 0.3 });
    expect(fromStatedRange(2, 1)).toEqual({ type: 'uniform', lo: 1, hi: 2 });
    expect(fromStatedRange(1, 2, 'pert')).toEqual({ type: 'pert', lo: 1, mode: 1.5, hi: 2 });
    expect(fromStatedRange(5, 5)).toEqual({ type: 'constant', value: 5 });
    expect(() => fromStatedRange(Number.NaN, 1)).toThrow(/lo/);
  });

  const bad: [unknown, RegExp][] = [
    [{ type: 'normal', mean: 1, sd: -1 }, /sd: sd must be > 0/],
    [{ type: 'normal', mean: 1 }, /sd: sd is required/],
    [{ type: 'normal', mean: 'x', sd: 1 }, /mean: mean must be a finite number/],
    [{ type: 'normal', mean: Infinity, sd: 1 }, /mean/],
    [{ type: 'uniform', lo: 0.3, hi: 0.2 }, /hi: hi must be > lo \(lo=0.3, hi=0.2\)/],
    [{ type: 'triangular', lo: 0, mode: 5, hi: 1 }, /mode: mode must lie in \[lo, hi\]/],
    [{ type: 'pert', lo: 0, mode: 0.5, hi: 1, lambda: 0 }, /lambda: lambda must be > 0/],
    [{ type: 'lognormal', mu: 0, sigma: 0 }, /sigma: sigma must be > 0/],
    [{ type: 'gamma', shape: 1 }, /type: type must be one of normal, lognormal, uniform, triangular, pert, constant/],
    [{ mean: 1, sd: 1 }, /type/],
    [{ type: 'uniform', lo: 0, hi: 1, extra: 2 }, /unknown field\(s\) "extra"/],
  ];
  for (const [spec, re] of bad) {
    it(`rejects ${JSON.stringify(spec)} naming the field`, () => {
      expect(() => parseDistSpec(spec, 'rate')).toThrow(DistSpecError);
      expect(() => parseDistSpec(spec, 'rate')).toThrow(/distribution for "rate"/);
      expect(() => parseDistSpec(spec, 'rate')).toThrow(re);
    });
  }

  it('DistSpecError.issues carry the field path', () => {
    try {
      parseDistSpec({ type: 'uniform', lo: 1, hi: 0 });
      expect.unreachable();
    } catch (e) {
      expect((e as DistSpecError).issues).toEqual([{ path: 'hi', message: 'hi must be > lo (lo=1, hi=0)' }]);
    }
  });

  it('accepts every valid spec unchanged (property)', () => {
    const num = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    const pos = fc.double({ min: 1e-6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(num, pos, num, (a, w, m) => {
        expect(parseDistSpec({ type: 'normal', mean: a, sd: w })).toEqual({ type: 'normal', mean: a, sd: w });
        expect(parseDistSpec({ type: 'uniform', lo: a, hi: a + w })).toEqual({ type: 'uniform', lo: a, hi: a + w });
        if (a + w > a) {
          const mode = a + (w * (Math.abs(m) % 1e6)) / 1e6;
          expect(parseDistSpec({ type: 'triangular', lo: a, mode, hi: a + w }).type).toBe('triangular');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('samples of bounded distributions stay within their bounds (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('uniform', 'triangular', 'pert'),
        (lo, w, t, type) => {
          const hi = lo + w;
          const spec: DistSpec = type === 'uniform' ? uniform(lo, hi) : type === 'triangular' ? triangular(lo, lo + t * w, hi) : pert(lo, lo + t * w, hi);
          const r = runMonteCarlo(identityModel(), { samples: 500, seed: 1, distributions: { x: spec } });
          expect(r.min).toBeGreaterThanOrEqual(lo);
          expect(r.max).toBeLessThanOrEqual(hi);
        },
      ),
      { numRuns: 60 },
    );
  });
});
