import { describe, expect, it } from 'vitest';
import { fitMetalog3, metalog3Moments, metalogCdf, metalogQuantile } from '../../../src/model/stress/metalog.js';
import { monteCarloForClaim } from '../../../src/model/stress/claim-montecarlo.js';
import { sampleInto } from '../../../src/model/stress/distributions.js';
import { Rng } from '../../../src/model/stress/prng.js';
import { percentileSorted } from '../../../src/model/stress/stats.js';

describe('3-term metalog from quantiles', () => {
  it('matches a published test vector (an R metalog package: p = .1/.5/.85, q = 4/9/17)', () => {
    const a = fitMetalog3([{ p: 0.1, q: 4 }, { p: 0.5, q: 9 }, { p: 0.85, q: 17 }]);
    expect(a.map((x) => Number(x.toFixed(4)))).toEqual([9, 3.5217, 3.1152]);
    expect(metalogQuantile(a, 0.12)).toBeCloseTo(4.3419, 4);
    expect(metalogCdf(a, 7.11)).toBeCloseTo(0.3501, 4);
  });

  it('the closed form for P10/P50/P90 equals the general solve, and passes through the quantiles', () => {
    const pts = [{ p: 0.1, q: 90 }, { p: 0.5, q: 100 }, { p: 0.9, q: 125 }];
    const closed = fitMetalog3(pts);
    // the general 3×3 solve, forced by a tiny asymmetry that leaves the closed form unused
    const general = fitMetalog3([{ p: 0.1, q: 90 }, { p: 0.5 + 1e-13, q: 100 }, { p: 0.9, q: 125 }]);
    closed.forEach((v, i) => expect(v).toBeCloseTo(general[i]!, 6));
    for (const { p, q } of pts) expect(metalogQuantile(closed, p)).toBeCloseTo(q, 9);
  });

  it('samples have the fitted quantiles, and the moments match numerical integration', () => {
    const a = fitMetalog3([{ p: 0.1, q: 90 }, { p: 0.5, q: 100 }, { p: 0.9, q: 125 }]);
    const out = sampleInto({ type: 'metalog', a }, new Rng(1, 'm'), new Float64Array(200_000)).sort();
    expect(percentileSorted(out, 0.1)).toBeCloseTo(90, 0);
    expect(percentileSorted(out, 0.5)).toBeCloseTo(100, 0);
    expect(percentileSorted(out, 0.9)).toBeCloseTo(125, 0);
    // E[X] = ∫ M(y) dy, E[X²] = ∫ M(y)² dy by the midpoint rule on a fine grid
    const N = 2_000_000;
    let m1 = 0, m2 = 0;
    for (let k = 0; k < N; k++) {
      const x = metalogQuantile(a, (k + 0.5) / N);
      m1 += x / N;
      m2 += (x * x) / N;
    }
    const { mean, sd } = metalog3Moments(a);
    expect(mean).toBeCloseTo(m1, 2);
    expect(sd).toBeCloseTo(Math.sqrt(m2 - m1 * m1), 1);
  });

  it('refuses an infeasible fit, naming the quantiles', () => {
    expect(() => fitMetalog3([{ p: 0.1, q: 99 }, { p: 0.5, q: 100 }, { p: 0.9, q: 200 }])).toThrow(/no 3-term metalog passes through P10 = 99, P50 = 100, P90 = 200/);
    expect(() => fitMetalog3([{ p: 0.1, q: 5 }, { p: 0.5, q: 4 }, { p: 0.9, q: 6 }])).toThrow(/quantiles must increase with probability \(P10 = 5, P50 = 4, P90 = 6\)/);
  });

  it('a claim input given by quantiles uses the metalog; an infeasible one falls back to its rule and says so', () => {
    const id = 'OFFICIAL_UST_NEAR_10TN';
    const r = monteCarloForClaim(id, { samples: 20_000, seed: 1, quantiles: { OFFICIAL_UST_HOLDINGS: [9000, 9360, 9800] } });
    const h = r.inputs.find((i) => i.id === 'OFFICIAL_UST_HOLDINGS')!;
    expect(h.rule).toBe('quantiles');
    expect(h.distribution.type).toBe('metalog');
    const bad = monteCarloForClaim(id, { samples: 1000, seed: 1, quantiles: { OFFICIAL_UST_HOLDINGS: [9359, 9360, 9800] } });
    const b = bad.inputs.find((i) => i.id === 'OFFICIAL_UST_HOLDINGS')!;
    expect(b.rule).toBe('rounding');
    expect(b.refused).toMatch(/OFFICIAL_UST_HOLDINGS: no 3-term metalog passes through P10 = 9359, P50 = 9360, P90 = 9800.*used the rounding rule instead/);
    expect(() => monteCarloForClaim(id, { samples: 10, seed: 1, quantiles: { NOPE: [1, 2, 3] } })).toThrow(/unknown input "NOPE"/);
  });
});
