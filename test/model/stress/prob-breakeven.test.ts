import { describe, expect, it } from 'vitest';
import { CommonTrials, probabilityBreakEven, probabilityGrid } from '../../../src/model/stress/prob-breakeven.js';
import { sampleColumns } from '../../../src/model/stress/drivers.js';
import { probabilityBreakEvenForClaim, probabilityGridForClaim } from '../../../src/model/stress/claim-pbreakeven.js';
import { monteCarloForClaim } from '../../../src/model/stress/claim-montecarlo.js';
import { normal, uniform } from '../../../src/model/stress/distributions.js';
import { scalarModel } from '../../../src/model/stress/types.js';

// a ~ U(0, 1) around base 0.5, b ~ N(0, 0.1) around base 0; holds when a + b ≤ 0.8
const model = scalarModel([{ id: 'a', base: 0.5 }, { id: 'b', base: 0 }], (x) => x[0]! + x[1]!, (y) => y <= 0.8);

describe('probabilistic break-even on common random numbers', () => {
  it('finds where P(holds) crosses 50%: the empirical median of the trials, by brute force', () => {
    const n = 10_001; // odd: P is never exactly 50%
    const aOnly = scalarModel([{ id: 'a', base: 0.5 }], (x) => x[0]!, (y) => y <= 0.8);
    const trials = new CommonTrials(aOnly, [uniform(0, 1)], 9, n);
    const r = probabilityBreakEven(trials, aOnly, 0, 0.5, 0, 1.5);
    // P(v) = #{u + v − 0.5 ≤ 0.8}/n ≥ 50% iff 1.3 − v ≥ u_(5001), so the crossing is v* = 1.3 − u_(5001)
    const u = Array.from(sampleColumns(aOnly, [uniform(0, 1)], 9, n)[0]!).sort((p, q) => p - q);
    expect(r.found).toBe(true);
    expect(r.value!).toBeCloseTo(1.3 - u[5000]!, 9);
    expect(r.value!).toBeCloseTo(0.8, 1); // and near the exact answer for U(0, 1)
    expect(r.bracket![0].p).toBeGreaterThanOrEqual(0.5);
    expect(r.bracket![1].p).toBeLessThan(0.5);
  });

  it('P at any value and over a grid equals a brute-force count on the same trials', () => {
    const n = 3000;
    const specs = [uniform(0, 1), normal(0, 0.1)];
    const trials = new CommonTrials(model, specs, 'g', n);
    const [a, b] = sampleColumns(model, specs, 'g', n);
    const count = (va: number, vb: number) => {
      let held = 0;
      for (let k = 0; k < n; k++) held += +(a![k]! + (va - 0.5) + b![k]! + vb <= 0.8);
      return held / n;
    };
    const ga = [0.2, 0.5, 0.7], gb = [-0.1, 0, 0.15];
    const rows = probabilityGrid(trials, 0, ga, 1, gb);
    ga.forEach((va, i) => gb.forEach((vb, j) => expect(rows[i]![j]).toBe(count(va, vb))));
    expect(trials.probability([{ index: 0, value: 0.5 }])).toBe(count(0.5, 0));
  });

  it('says when the level is not reached in the range, and names a bad level', () => {
    const trials = new CommonTrials(model, [uniform(0, 1), normal(0, 0.1)], 1, 2000);
    const r = probabilityBreakEven(trials, model, 0, 0.5, -3, -2); // always holds there
    expect(r.found).toBe(false);
    expect(r.scan.every((s) => s.p === 1)).toBe(true);
    expect(() => probabilityBreakEven(trials, model, 0, 1, 0, 1)).toThrow(/probability must be above 0 and below 1, got 1/);
  });

  it('for a claim: the crossing agrees with fresh Monte Carlo runs at the values on either side', () => {
    const id = 'OFFICIAL_UST_NEAR_10TN';
    const r = probabilityBreakEvenForClaim(id, 'OFFICIAL_UST_HOLDINGS', { seed: 4, probability: 0.5, samples: 5000 });
    expect(r.found).toBe(true);
    const [lo, hi] = r.bracket!;
    for (const side of [lo!, hi!]) {
      const fresh = monteCarloForClaim(id, { samples: 5000, seed: 4, overrides: new Map([['OFFICIAL_UST_HOLDINGS', side.value]]) });
      expect(Math.abs(fresh.probabilityHolds! - side.p)).toBeLessThanOrEqual(2 / 5000);
    }
    expect((lo!.p - 0.5) * (hi!.p - 0.5)).toBeLessThanOrEqual(0);
    expect(r.reading.en).toMatch(/holds with probability 50% when OFFICIAL_UST_HOLDINGS is/);
    expect(r.reading.zh).toContain('成立的概率为 50%');
    const g = probabilityGridForClaim(id, 'OFFICIAL_UST_HOLDINGS', 'UST_PSYCH_THRESHOLD', { seed: 4, samples: 1000, steps: 3 });
    expect(g.rows).toHaveLength(3);
    expect(g.rows.flat().every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(() => probabilityBreakEvenForClaim('CN_UST_RMB_CONVERSION', 'CN_UST_CUM_REDUCTION', { seed: 1 })).toThrow(/no check/);
    expect(() => probabilityBreakEvenForClaim(id, 'NOPE', { seed: 1 })).toThrow(/unknown input "NOPE"/);
  });
});
