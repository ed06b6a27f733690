import { describe, expect, it } from 'vitest';
import { driversOf, sampleColumns } from '../../../src/model/stress/drivers.js';
import { driversForClaim } from '../../../src/model/stress/claim-drivers.js';
import { monteCarloForClaim } from '../../../src/model/stress/claim-montecarlo.js';
import { normal, uniform } from '../../../src/model/stress/distributions.js';
import { runMonteCarlo } from '../../../src/model/stress/montecarlo.js';
import { scalarModel } from '../../../src/model/stress/types.js';

// y = a + b; c does not enter the result. Fails when y > 0.8.
const model = scalarModel(
  [{ id: 'a', base: 0.5 }, { id: 'b', base: 0 }, { id: 'c', base: 0 }],
  (x) => x[0]! + x[1]!,
  (y) => y <= 0.8,
);
const specs = [uniform(0, 1), normal(0, 0.1), normal(0, 1)];

/** Median by sorting a plain array (the middle one, or the mean of the two middle ones). */
const naiveMedian = (xs: number[]): number => {
  const s = [...xs].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const naiveSd = (xs: number[]): number => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
};
/** Spearman without ties: 1 − 6Σd²/(n(n²−1)). */
const naiveSpearman = (x: number[], y: number[]): number => {
  const rank = (v: number[]) => {
    const order = v.map((_, i) => i).sort((p, q) => v[p]! - v[q]!);
    const r = new Array<number>(v.length);
    order.forEach((i, k) => (r[i] = k + 1));
    return r;
  };
  const rx = rank(x), ry = rank(y), n = x.length;
  const d2 = rx.reduce((s, r, i) => s + (r - ry[i]!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
};

describe('what drives a flip', () => {
  it('medians among failing trials, z in sd and rank correlations match a brute-force computation', () => {
    const n = 5000;
    const d = driversOf(model, specs, 42, { samples: n });
    const cols = sampleColumns(model, specs, 42, n).map((c) => Array.from(c));
    const y = cols[0]!.map((a, k) => a + cols[1]![k]!);
    const failing = y.map((v, k) => (v > 0.8 ? k : -1)).filter((k) => k >= 0);
    expect(d.failing).toBe(failing.length);
    for (const [i, id] of ['a', 'b', 'c'].entries()) {
      const row = d.rows.find((r) => r.id === id)!;
      const col = cols[i]!;
      expect(row.median).toBeCloseTo(naiveMedian(col), 12);
      expect(row.sd).toBeCloseTo(naiveSd(col), 12);
      expect(row.medianFailing).toBeCloseTo(naiveMedian(failing.map((k) => col[k]!)), 12);
      expect(row.z).toBeCloseTo((row.medianFailing! - row.median) / row.sd, 12);
      expect(row.spearman).toBeCloseTo(naiveSpearman(col, y), 9);
    }
    const [first, , last] = d.rows;
    expect(first!.id).toBe('a'); // ranked by |rank correlation|
    expect(first!.significant).toBe(true);
    expect(first!.z!).toBeGreaterThan(1);
    expect(last!.id).toBe('c');
    expect(last!.significant).toBe(false); // c never enters the result: |z| < 0.5
    expect(Math.abs(last!.spearman!)).toBeLessThan(0.05);
  });

  it('the trials are the run’s own first trials, over one segment and over two', () => {
    for (const n of [30_000, 70_000]) {
      const cols = sampleColumns(model, specs, 'seg', n);
      let held = 0;
      for (let k = 0; k < n; k++) held += +(cols[0]![k]! + cols[1]![k]! <= 0.8);
      const run = runMonteCarlo(model, { samples: n, seed: 'seg', distributions: { a: specs[0]!, b: specs[1]!, c: specs[2]! } });
      expect(held / n).toBe(run.probabilityHolds);
    }
  });

  it('for a claim: labelled rows, a bilingual reading, the run’s failing share', () => {
    const d = driversForClaim('OFFICIAL_UST_NEAR_10TN', { seed: 3, samples: 20_000 });
    const run = monteCarloForClaim('OFFICIAL_UST_NEAR_10TN', { seed: 3, samples: 20_000 });
    expect(d.failing).toBe(Math.round((1 - run.probabilityHolds!) * 20_000));
    expect(d.rows.map((r) => r.id)).toContain('OFFICIAL_UST_HOLDINGS');
    expect(d.rows[0]!.labelZh).toMatch(/[\u4e00-\u9fff]/);
    expect(d.reading.en).toMatch(/In the [\d,]+ failing trials of 20,000, the median of [A-Z_]+ [−+]\d\.\d\d sd/);
    expect(d.reading.zh).toContain('个标准差');
    const none = driversForClaim('CN_UST_RMB_CONVERSION', { seed: 3, samples: 1000 });
    expect(none.failing).toBeNull();
    expect(none.rows.every((r) => r.z === null && !r.significant)).toBe(true);
    expect(none.reading.en).toContain('no verdict');
    const always = driversForClaim('OFFICIAL_UST_GDP_RATIO', { seed: 3, samples: 1000 });
    expect(always.failing).toBe(0);
    expect(always.reading.en).toContain('holds in all 1,000 trials');
    expect(() => driversForClaim('OFFICIAL_UST_GDP_RATIO', { seed: 3, samples: 2 })).toThrow(/samples must be a whole number from 3 to 1000000, got 2/);
  });
});

describe('average ranks', () => {
  it('equal the ranks of a sort by index, ties sharing their mean rank (brute force)', async () => {
    const { averageRanks } = await import('../../../src/model/stress/drivers.js');
    const x = Float64Array.from([3, 1, 2, 2, 5, 1, 2, -0, 0]);
    const brute = Array.from(x, (v) => {
      const below = Array.from(x).filter((w) => w < v).length;
      const equal = Array.from(x).filter((w) => w === v).length;
      return below + (equal + 1) / 2;
    });
    expect(Array.from(averageRanks(x))).toEqual(brute);
  });
});
