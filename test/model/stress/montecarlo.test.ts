import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normal, uniform, constant } from '../../../src/model/stress/distributions.js';
import { runMonteCarlo, runMonteCarloAsync, type MonteCarloProgress } from '../../../src/model/stress/montecarlo.js';
import { holdsWithin, scalarModel, StressCancelledError, type VectorModel } from '../../../src/model/stress/types.js';
import { identityModel, tariffModel } from './helpers.js';

const tariffOpts = { samples: 50_000, seed: 'tariff', distributions: { volume: normal(1056, 100), rate: uniform(0.2, 0.3) } };

/** Everything but `workingBytes` (which depends on the chunk size by design). */
function strip(r: ReturnType<typeof runMonteCarlo>) {
  const { workingBytes: _w, ...rest } = r;
  return { ...rest, histogram: { edges: Array.from(r.histogram.edges), counts: Array.from(r.histogram.counts) } };
}

describe('runMonteCarlo', () => {
  it('tariff revenue: mean = E[volume]·E[rate] and sd from the product-of-independents formula', () => {
    const n = 400_000;
    const r = runMonteCarlo(tariffModel, { ...tariffOpts, samples: n });
    const mV = 1056, sV = 100, mR = 0.25, sR = 0.1 / Math.sqrt(12);
    const mean = mV * mR;
    const sd = Math.sqrt((sV ** 2 + mV ** 2) * (sR ** 2 + mR ** 2) - mV ** 2 * mR ** 2);
    expect(Math.abs(r.mean - mean)).toBeLessThan(3 * (sd / Math.sqrt(n)));
    expect(Math.abs(r.sd - sd) / sd).toBeLessThan(0.01);
    expect(r.standardError).toBeCloseTo(r.sd / Math.sqrt(n), 12);
    expect(r.samples).toBe(n);
    expect(r.nonFinite).toBe(0);
  });

  it('same seed → identical result bit for bit; different seed → different', () => {
    const a = runMonteCarlo(tariffModel, tariffOpts);
    const b = runMonteCarlo(tariffModel, tariffOpts);
    expect(strip(a)).toEqual(strip(b));
    expect(Object.is(a.mean, b.mean)).toBe(true);
    const c = runMonteCarlo(tariffModel, { ...tariffOpts, seed: 'tariff-2' });
    expect(c.mean).not.toBe(a.mean);
    expect(c.percentiles.p50).not.toBe(a.percentiles.p50);
  });

  it('results do not depend on the chunk size', () => {
    const a = runMonteCarlo(tariffModel, { ...tariffOpts, chunkSize: 65536 });
    for (const chunkSize of [1, 7, 1000, 50_000]) {
      const b = runMonteCarlo(tariffModel, { ...tariffOpts, samples: chunkSize === 1 ? 50_000 : 50_000, chunkSize });
      expect(strip(b)).toEqual(strip(a));
    }
  });

  it('memory: ≈ 8 bytes per sample without correlation (chunk-sized input buffers)', () => {
    const n = 1_000_000;
    const r = runMonteCarlo(tariffModel, { ...tariffOpts, samples: n });
    expect(r.workingBytes / n).toBeGreaterThanOrEqual(8);
    expect(r.workingBytes / n).toBeLessThan(10);
  });

  it('async variant gives the same result as the sync one', async () => {
    const a = runMonteCarlo(tariffModel, tariffOpts);
    const b = await runMonteCarloAsync(tariffModel, { ...tariffOpts, chunkSize: 4096 });
    expect(strip(b)).toEqual(strip(a));
  });

  it('probabilityHolds matches the analytic probability within 3 standard errors', () => {
    // out = x ~ normal(0, 1); holds when x > 0 → P = 1/2
    const r = runMonteCarlo(identityModel(0), { samples: 100_000, seed: 3, distributions: { x: normal(0, 1) } });
    expect(Math.abs(r.probabilityHolds - 0.5)).toBeLessThan(3 * r.probabilityHoldsStandardError);
    expect(r.probabilityHoldsStandardError).toBeCloseTo(Math.sqrt(0.25 / 100_000), 4);
  });

  it('inputs without a distribution use their stated range (uniform) or stay at base', () => {
    const r = runMonteCarlo(tariffModel, { samples: 20_000, seed: 1 });
    expect(r.distributions).toEqual({ volume: { type: 'constant', value: 1056 }, rate: { type: 'uniform', lo: 0.2, hi: 0.3 } });
    expect(r.min).toBeGreaterThanOrEqual(1056 * 0.2);
    expect(r.max).toBeLessThanOrEqual(1056 * 0.3);
  });

  it('histogram counts add up to the finite samples and edges span [min, max]', () => {
    const r = runMonteCarlo(tariffModel, { ...tariffOpts, histogramBins: 25 });
    expect(r.histogram.counts.length).toBe(25);
    expect(r.histogram.edges.length).toBe(26);
    expect(r.histogram.counts.reduce((s, c) => s + c, 0)).toBe(50_000);
    expect(r.histogram.edges[0]).toBe(r.min);
    expect(r.histogram.edges[25]).toBe(r.max);
  });

  it('non-finite outputs are counted and left out of the statistics', () => {
    // out = 1/x with x uniform on [-1, 1] except that x < -0.5 gives NaN
    const model: VectorModel = {
      inputs: [{ id: 'x', base: 0.5 }],
      evaluate(c, n, o) {
        const x = c[0]!;
        for (let k = 0; k < n; k++) o[k] = x[k]! < -0.5 ? NaN : x[k]!;
      },
      holds: (o) => o > 0,
    };
    const r = runMonteCarlo(model, { samples: 40_000, seed: 9, distributions: { x: uniform(-1, 1) } });
    expect(Math.abs(r.nonFinite / 40_000 - 0.25)).toBeLessThan(0.01);
    expect(Number.isFinite(r.mean) && Number.isFinite(r.sd) && Number.isFinite(r.percentiles.p50)).toBe(true);
    expect(Math.abs(r.mean - 0.25)).toBeLessThan(0.01); // uniform on [-0.5, 1]
    expect(Math.abs(r.percentiles.p50 - 0.25)).toBeLessThan(0.02);
    expect(r.histogram.counts.reduce((s, c) => s + c, 0)).toBe(40_000 - r.nonFinite);
    expect(Math.abs(r.probabilityHolds - 0.5)).toBeLessThan(0.01); // NaN does not hold
  });

  it('constant output: sd 0 and every percentile equal to it', () => {
    const r = runMonteCarlo(identityModel(), { samples: 1000, seed: 1, distributions: { x: constant(3) } });
    expect(r.sd).toBe(0);
    expect(r.percentiles).toEqual({ p5: 3, p25: 3, p50: 3, p75: 3, p95: 3 });
  });

  it('extra percentiles are reported in ascending order alongside the standard five', () => {
    const r = runMonteCarlo(tariffModel, { ...tariffOpts, percentiles: [99, 1, 50, 2.5] });
    expect(r.percentileList.map((e) => e.p)).toEqual([1, 2.5, 5, 25, 50, 75, 95, 99]);
  });

  it('percentiles are monotone and lie within [min, max] (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 3000 }), fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 20 }), (seed, n, extra) => {
        const r = runMonteCarlo(tariffModel, { ...tariffOpts, samples: n, seed, percentiles: extra });
        const vals = r.percentileList.map((e) => e.value);
        for (let i = 1; i < vals.length; i++) expect(vals[i]!).toBeGreaterThanOrEqual(vals[i - 1]!);
        expect(vals[0]!).toBeGreaterThanOrEqual(r.min);
        expect(vals[vals.length - 1]!).toBeLessThanOrEqual(r.max);
        expect(r.sd).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 100 },
    );
  });

  it('validates options with errors naming the field or input', () => {
    expect(() => runMonteCarlo(tariffModel, { ...tariffOpts, samples: 0 })).toThrow(/samples must be an integer ≥ 1/);
    expect(() => runMonteCarlo(tariffModel, { ...tariffOpts, chunkSize: 0 })).toThrow(/chunkSize/);
    expect(() => runMonteCarlo(tariffModel, { ...tariffOpts, percentiles: [120] })).toThrow(/percentiles must be in \[0, 100\]/);
    expect(() => runMonteCarlo(tariffModel, { ...tariffOpts, distributions: { volumes: normal(1, 1) } })).toThrow(/unknown input "volumes"/);
    expect(() =>
      runMonteCarlo(tariffModel, { ...tariffOpts, distributions: { rate: { type: 'uniform', lo: 0.3, hi: 0.2 } } }),
    ).toThrow(/distribution for "rate": hi: hi must be > lo/);
  });

  it('holdsRange (via holdsWithin) counts exactly what holds counts, NaN excluded', () => {
    const base: VectorModel = {
      inputs: [{ id: 'x', base: 0 }],
      evaluate(c, n, o) {
        const x = c[0]!;
        for (let k = 0; k < n; k++) o[k] = x[k]! > 0.9 ? NaN : x[k]!;
      },
      ...holdsWithin(0.5, 0.25),
    };
    const withoutRange: VectorModel = { inputs: base.inputs, evaluate: base.evaluate, holds: base.holds };
    const opts = { samples: 30_000, seed: 4, distributions: { x: uniform(0, 1) } };
    const a = runMonteCarlo(base, opts);
    const b = runMonteCarlo(withoutRange, opts);
    expect(a.probabilityHolds).toBe(b.probabilityHolds);
    expect(Math.abs(a.probabilityHolds - 0.5)).toBeLessThan(3 * a.probabilityHoldsStandardError);
    const m2: VectorModel = { ...tariffModel, ...holdsWithin(264, 13.2) };
    expect(runMonteCarlo(m2, tariffOpts).probabilityHolds).toBe(runMonteCarlo(tariffModel, tariffOpts).probabilityHolds);
    expect(() => holdsWithin(1, -1)).toThrow(/tolerance ≥ 0/);
  });

  it('works through the scalarModel adapter', () => {
    const m = scalarModel([{ id: 'a', base: 1 }, { id: 'b', base: 2 }], (x) => x[0]! + x[1]!, (o) => o > 3);
    const r = runMonteCarlo(m, { samples: 10_000, seed: 1, distributions: { a: uniform(0, 1), b: uniform(0, 1) } });
    expect(Math.abs(r.mean - 1)).toBeLessThan(3 * Math.sqrt(1 / 6 / 10_000));
    expect(r.probabilityHolds).toBe(0);
  });
});

describe('progress and cancellation', () => {
  it('reports progress with a non-decreasing fraction ending at 1', () => {
    const seen: MonteCarloProgress[] = [];
    runMonteCarlo(tariffModel, { ...tariffOpts, chunkSize: 5000, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThanOrEqual(11);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.fraction).toBeGreaterThanOrEqual(seen[i - 1]!.fraction);
    expect(seen.at(-1)!.fraction).toBe(1);
    expect(seen.at(-1)!.phase).toBe('summarise');
    expect(seen.some((p) => p.phase === 'simulate')).toBe(true);
  });

  it('async: reports progress and yields to the event loop', async () => {
    const seen: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      await runMonteCarloAsync(tariffModel, { ...tariffOpts, samples: 2_000_000, chunkSize: 20_000, onProgress: (p) => seen.push(p.fraction) });
    } finally {
      clearInterval(timer);
    }
    expect(seen.length).toBeGreaterThan(100);
    expect(seen.at(-1)).toBe(1);
    expect(ticks).toBeGreaterThan(0);
  });

  it('async: aborting rejects with an AbortError saying it was cancelled', async () => {
    const ac = new AbortController();
    const p = runMonteCarloAsync(tariffModel, {
      ...tariffOpts,
      samples: 1_000_000,
      chunkSize: 10_000,
      signal: ac.signal,
      onProgress: (pr) => {
        if (pr.fraction > 0.2) ac.abort();
      },
    });
    await expect(p).rejects.toThrow(StressCancelledError);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    await expect(p).rejects.toThrow(/was cancelled during the simulate phase/);
  });

  it('async: an abort from a timer (another task) cancels the run', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 5);
    await expect(
      runMonteCarloAsync(tariffModel, { ...tariffOpts, samples: 20_000_000, chunkSize: 10_000, signal: ac.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('an already-aborted signal rejects before any work; sync variant throws', async () => {
    const ac = new AbortController();
    ac.abort();
    let evaluated = 0;
    const model: VectorModel = { ...tariffModel, evaluate: (c, n, o) => { evaluated += n; tariffModel.evaluate(c, n, o); } };
    await expect(runMonteCarloAsync(model, { ...tariffOpts, signal: ac.signal })).rejects.toThrow(/cancelled before it started/);
    expect(() => runMonteCarlo(model, { ...tariffOpts, signal: ac.signal })).toThrow(StressCancelledError);
    expect(evaluated).toBe(0);
    const ac2 = new AbortController();
    expect(() =>
      runMonteCarlo(model, { ...tariffOpts, chunkSize: 1000, signal: ac2.signal, onProgress: (p) => p.fraction > 0.5 && ac2.abort() }),
    ).toThrow(/cancelled/);
  });
});

describe('runs whose inputs are all exact', () => {
  it('evaluate the model once per chunk, not once per sample, with the statistics of n equal outputs', () => {
    let evaluated = 0;
    const model: VectorModel = { ...tariffModel, evaluate: (c, n, o) => { evaluated += n; tariffModel.evaluate(c, n, o); } };
    const r = runMonteCarlo(model, { samples: 100_000, seed: 1, distributions: { volume: constant(1056), rate: constant(0.25) }, chunkSize: 10_000 });
    expect(evaluated).toBeLessThan(100);
    expect(r.mean).toBe(264);
    expect(r.sd).toBe(0);
    expect(r.percentiles).toEqual({ p5: 264, p25: 264, p50: 264, p75: 264, p95: 264 });
    expect(r.histogram.counts.reduce((s, c) => s + c, 0)).toBe(100_000);
  });
});
