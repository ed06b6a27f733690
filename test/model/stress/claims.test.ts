import { describe, expect, it } from 'vitest';
import { FLOAT_SLACK, getClaim } from '../../../src/model/claims/index.js';
import {
  breakEvenForClaim,
  StressClaimError,
  stressClaimIds,
  stressModelFor,
  tornadoForClaim,
  twoWayForClaim,
} from '../../../src/model/stress/claims.js';
import { defaultDistribution, roundingUnitOf } from '../../../src/model/stress/claim-distributions.js';
import { monteCarloForClaim, monteCarloForClaimAsync } from '../../../src/model/stress/claim-montecarlo.js';
import { formatProbability } from '../../../src/model/stress/claim-reading.js';
import { normalCdf, normalQuantile } from '../../../src/model/stress/index.js';

const HAN = /[\u4e00-\u9fff]/;

describe('tornado by claim', () => {
  it('BRICS_OCT_PARTS (a sum): every swing is the width of that input range, ranked by it', () => {
    const t = tornadoForClaim('BRICS_OCT_PARTS');
    // ∂(a+b+c)/∂x = 1, so swing = 1 × (high − low) = 0.2 × base at ±10%
    const expected = [
      ['INDIA_UST_CUT_OCT', 12],
      ['CHINA_UST_CUT_OCT', 11.8],
      ['BRAZIL_UST_CUT_OCT', 5],
    ] as const;
    expect(t.bars.map((b) => b.id)).toEqual(expected.map(([id]) => id));
    t.bars.forEach((b, i) => {
      expect(b.swing).toBeCloseTo(0.2 * expected[i]![1], 12);
      expect(b.swing).toBeCloseTo(b.inputHigh - b.inputLow, 12);
      expect(b.source).toBe('pct');
    });
    expect(t.baseOutput).toBeCloseTo(28.8, 12);
    expect(t.holdsAtBase).toBe(true);
  });

  it('ranks by |∂f/∂x| × range width for a ratio (first order) and honours pct', () => {
    // OFFICIAL_UST_GDP_RATIO = H / G: to first order |∂f/∂H|·0.4H = |∂f/∂G|·0.4G = 0.4 H/G; exactly,
    // H's swing is 0.4 H/G (linear in H) and G's is H/(0.8G) − H/(1.2G) ≈ 0.417 H/G (convex), so G ranks first
    const t = tornadoForClaim('OFFICIAL_UST_GDP_RATIO', { pct: 20 });
    const H = 9360, G = 123580;
    const byId = new Map(t.bars.map((b) => [b.id, b]));
    expect(byId.get('OFFICIAL_UST_HOLDINGS')!.swing).toBeCloseTo((1.2 * H - 0.8 * H) / G, 12);
    expect(byId.get('WORLD_GDP')!.swing).toBeCloseTo(H / (0.8 * G) - H / (1.2 * G), 12);
    expect(t.bars[0]!.id).toBe('WORLD_GDP');
    expect(t.pct).toBe(20);
  });

  it('CN_UST_MONTHS_WITHIN_CUM (a sum of three months) ranks by base value', () => {
    const t = tornadoForClaim('CN_UST_MONTHS_WITHIN_CUM');
    expect(t.bars.map((b) => b.id)).toEqual(['CN_UST_SALE_JUL', 'CHINA_UST_CUT_OCT', 'CN_UST_SALE_NOV']);
    for (const b of t.bars) expect(b.swing).toBeCloseTo(b.inputHigh - b.inputLow, 12);
  });

  it('reads in English and Chinese, and is plain JSON', () => {
    const t = tornadoForClaim('TARIFF_IMPLIED_BASE');
    expect(t.reading.en).toMatch(/^AI_CHIP_TARIFF_RATE moves the result most \(swing 213\.333 USD bn/);
    expect(t.reading.zh).toMatch(HAN);
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
  });
});

describe('errors name what is known', () => {
  it('a claim with no figure inputs says nothing in the article feeds it', () => {
    expect(() => tornadoForClaim('NV_CHINA_SHARE')).toThrow(/nothing in the article feeds this recomputation/);
    expect(() => monteCarloForClaim('NV_CHINA_SHARE', { samples: 10, seed: 1 })).toThrow(StressClaimError);
    expect(stressClaimIds()).not.toContain('NV_CHINA_SHARE');
    expect(stressClaimIds()).toContain('TARIFF_IMPLIED_BASE');
  });

  it('unknown claims and inputs list the known ids', () => {
    try {
      twoWayForClaim('BRICS_OCT_PARTS', 'INDIA_UST_CUT_OCT', 'NOPE');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(StressClaimError);
      expect((e as StressClaimError).code).toBe('unknown-input');
      expect((e as StressClaimError).known).toEqual(['INDIA_UST_CUT_OCT', 'BRAZIL_UST_CUT_OCT', 'CHINA_UST_CUT_OCT']);
    }
    expect(() => tornadoForClaim('NO_SUCH')).toThrow(/unknown claim id "NO_SUCH".*BRICS_OCT_PARTS/);
  });

  it('break-even without a target on a claim without a verdict asks for a target', () => {
    expect(() => breakEvenForClaim('SEA_EU_INVEST_GAP', 'SEA_SEMI_INVEST_GROWTH')).toThrow(/no verdict to flip/);
    const r = breakEvenForClaim('SEA_EU_INVEST_GAP', 'SEA_SEMI_INVEST_GROWTH', { target: 15 });
    expect(r.value).toBeCloseTo(0.46, 9);
  });
});

describe('two-way table by claim', () => {
  it('grids over ±20% when no range is stated, the others at base', () => {
    const t = twoWayForClaim('TARIFF_IMPLIED_BASE', 'TARIFF_REVENUE_TARGET_P1', 'AI_CHIP_TARIFF_RATE', { steps: 3 });
    expect(t.gridA).toEqual([211.2, 264, 316.8]);
    expect(t.gridB[0]).toBeCloseTo(0.2, 15);
    expect(t.gridB[2]).toBeCloseTo(0.3, 15);
    t.rows.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(t.gridA[i]! / t.gridB[j]!, 9)));
    // Only the smallest revenue at the highest rate (211.2 / 0.3 = 704) fits within 2025 world chip sales (791.7).
    expect(t.holds.flat().filter(Boolean)).toHaveLength(1);
    expect(t.holds[0]![2]).toBe(true);
    expect(t.reading.en).toContain('1 of 9 cells');
  });
});

describe('break-even by claim matches the closed form', () => {
  it('TARIFF_IMPLIED_BASE: the rate at which the implied base equals world chip sales is 264 / 791.7', () => {
    const r = breakEvenForClaim('TARIFF_IMPLIED_BASE', 'AI_CHIP_TARIFF_RATE');
    expect(r.found).toBe(true);
    expect(r.value).toBeCloseTo(264 / 791.7, 12);
    expect(r.crossings).toHaveLength(1);
    expect(r.reading.en).toContain('33.35%');
    // with a target: revenue / rate = 1000 → rate = 0.264
    expect(breakEvenForClaim('TARIFF_IMPLIED_BASE', 'AI_CHIP_TARIFF_RATE', { target: 1000 }).value).toBeCloseTo(0.264, 12);
  });

  it('OFFICIAL_UST_GDP_RATIO: the holdings and GDP flip points are stated ± tolerance times / over GDP', () => {
    const tol = 0.0005 + FLOAT_SLACK * 1;
    const H = 9360, G = 123580;
    const h = breakEvenForClaim('OFFICIAL_UST_GDP_RATIO', 'OFFICIAL_UST_HOLDINGS');
    expect(h.crossings).toHaveLength(2);
    expect(h.crossings[0]).toBeCloseTo((0.076 - tol) * G, 6);
    expect(h.crossings[1]).toBeCloseTo((0.076 + tol) * G, 6);
    expect(h.value).toBe(h.crossings[0]); // the one nearer the article's 9,360
    const g = breakEvenForClaim('OFFICIAL_UST_GDP_RATIO', 'WORLD_GDP');
    expect(g.crossings[0]).toBeCloseTo(H / (0.076 + tol), 5);
    expect(g.crossings[1]).toBeCloseTo(H / (0.076 - tol), 5);
  });

  it('reports no root in range with the engine message', () => {
    const r = breakEvenForClaim('TARIFF_IMPLIED_BASE', 'AI_CHIP_TARIFF_RATE', { target: -5 });
    expect(r.found).toBe(false);
    expect(r.value).toBeUndefined();
    expect(r.message).toMatch(/target -5 not reached/);
    expect(r.reading.en).toMatch(/^No break-even/);
    expect(r.reading.zh).toMatch(HAN);
  });
});

describe('default distributions', () => {
  it('read the rounding unit off the token as written', () => {
    expect(roundingUnitOf('TARIFF_REVENUE_TARGET_P1')).toBeCloseTo(0.1, 12); // 2640亿美元
    expect(roundingUnitOf('OFFICIAL_UST_HOLDINGS')).toBeCloseTo(10, 9); // 9.36万亿美元
    expect(roundingUnitOf('AI_CHIP_TARIFF_RATE')).toBeCloseTo(0.01, 12); // 25%
    expect(roundingUnitOf('CN_UST_CUM_REDUCTION')).toBeCloseTo(10, 9); // 约700亿美元: about, to the last non-zero digit
    expect(roundingUnitOf('CN_MINE_GOLD_OUTPUT')).toBeCloseTo(0.001, 12); // 381.339吨
    expect(roundingUnitOf('UST_YIELD_HIGH_MONTHS')).toBeUndefined(); // 四个月: no digits
  });

  it('normal with sd = half the rounding unit; ±5% without one; counts stay exact', () => {
    const { model } = stressModelFor('BRICS_OCT_PARTS');
    expect(defaultDistribution(model.inputs[0]!)).toMatchObject({ rule: 'rounding', spec: { type: 'normal', mean: 12 } });
    expect((defaultDistribution(model.inputs[0]!).spec as { sd: number }).sd).toBeCloseTo(0.05, 12);
    const months = stressModelFor('LONG_YIELD_HIGH').model.inputs[0]!;
    expect(defaultDistribution(months)).toMatchObject({ rule: 'pct', spec: { type: 'normal', mean: 4, sd: 0.2 } });
    const streak = stressModelFor('GOLD_STREAK_START').model.inputs[0]!;
    expect(defaultDistribution(streak)).toMatchObject({ rule: 'exact', spec: { type: 'constant', value: 13 } });
    expect(defaultDistribution({ id: 'X', base: 0.25, low: 0.2, high: 0.3 })).toMatchObject({ rule: 'stated-range', spec: { type: 'uniform', lo: 0.2, hi: 0.3 } });
    expect(defaultDistribution({ id: 'X', base: 0.25, low: 0.2, high: 0.3 }, 'pert')).toMatchObject({ spec: { type: 'pert', mode: 0.25 } });
  });
});

describe('Monte Carlo by claim', () => {
  // BRICS_OCT_PARTS = India + Brazil + China, each normal(base, 0.05): the sum is normal(28.8, 0.05·√3)
  const n = 200_000;
  const r = monteCarloForClaim('BRICS_OCT_PARTS', { samples: n, seed: 42 });
  const mu = 28.8;
  const sigma = 0.05 * Math.sqrt(3);

  it('mean, sd and percentiles match the analytic values within 3 standard errors', () => {
    expect(Math.abs(r.mean - mu)).toBeLessThan(3 * (sigma / Math.sqrt(n)));
    // sd of the sample sd ≈ σ/√(2(n−1))
    expect(Math.abs(r.sd - sigma)).toBeLessThan(3 * (sigma / Math.sqrt(2 * (n - 1))));
    for (const [p, got] of [[0.05, r.percentiles.p5], [0.25, r.percentiles.p25], [0.5, r.percentiles.p50], [0.75, r.percentiles.p75], [0.95, r.percentiles.p95]] as const) {
      const z = normalQuantile(p);
      const density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) / sigma;
      const se = Math.sqrt((p * (1 - p)) / n) / density;
      expect(Math.abs(got - (mu + z * sigma)), `p${p * 100}`).toBeLessThan(3 * se);
    }
  });

  it('P(holds) matches P(|N(0, σ)| ≤ tolerance) within 3 standard errors', () => {
    const tol = 0.2 + FLOAT_SLACK * 28.8;
    const exact = 2 * normalCdf(tol / sigma) - 1;
    expect(Math.abs(r.probabilityHolds! - exact)).toBeLessThan(3 * Math.sqrt((exact * (1 - exact)) / n));
    expect(r.reading.en).toMatch(/^The verdict holds in 9\d% of 200,000 samples; INDIA_UST_CUT_OCT moves the result most/);
    expect(r.reading.zh).toMatch(/200,000 次抽样/);
  });

  it('same seed → identical output; another seed → different; async equals sync', async () => {
    const a = monteCarloForClaim('OFFICIAL_UST_GDP_RATIO', { samples: 30_000, seed: 'x' });
    const b = monteCarloForClaim('OFFICIAL_UST_GDP_RATIO', { samples: 30_000, seed: 'x' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = monteCarloForClaim('OFFICIAL_UST_GDP_RATIO', { samples: 30_000, seed: 'y' });
    expect(c.mean).not.toBe(a.mean);
    const d = await monteCarloForClaimAsync('OFFICIAL_UST_GDP_RATIO', { samples: 30_000, seed: 'x' });
    expect(JSON.stringify(d)).toBe(JSON.stringify(a));
  });

  it('is cancellable through an AbortSignal and reports progress', async () => {
    const controller = new AbortController();
    const fractions: number[] = [];
    const pending = monteCarloForClaimAsync('TARIFF_IMPLIED_BASE', {
      samples: 1_000_000,
      seed: 1,
      signal: controller.signal,
      onProgress: (p) => {
        fractions.push(p.fraction);
        if (fractions.length === 2) controller.abort();
      },
    });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(fractions.length).toBeGreaterThanOrEqual(2);
  });

  it('a claim with no verdict reports null P(holds) and says so', () => {
    const m = monteCarloForClaim('SEA_EU_INVEST_GAP', { samples: 1000, seed: 1 });
    expect(m.probabilityHolds).toBeNull();
    expect(m.reading.en).toMatch(/no check on this value/);
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });

  it('every claim with inputs runs, and TARIFF_IMPLIED_BASE never holds', () => {
    for (const id of stressClaimIds()) {
      const m = monteCarloForClaim(id, { samples: 2000, seed: 1 });
      expect(m.histogram.counts.reduce((s, c) => s + c, 0) + m.nonFinite, id).toBe(2000);
      expect(getClaim(id)).toBeDefined();
    }
    expect(monteCarloForClaim('TARIFF_IMPLIED_BASE', { samples: 5000, seed: 1 }).probabilityHolds).toBe(0);
  });

  it('formats probabilities without rounding an uncertain one to 0% or 100%', () => {
    expect(formatProbability(0.93)).toBe('93%');
    expect(formatProbability(1)).toBe('100%');
    expect(formatProbability(0.99996)).toBe('99.996%');
    expect(formatProbability(0.00002)).toBe('0.002%');
  });
});
