import { describe, expect, it } from 'vitest';
import { cholesky, correlationFromPairs, CorrelationError, imanConover, spearman, validateCorrelationMatrix } from '../../../src/model/stress/correlation.js';
import { lognormal, normal, triangular, uniform } from '../../../src/model/stress/distributions.js';
import { runMonteCarlo, runMonteCarloAsync } from '../../../src/model/stress/montecarlo.js';
import { Rng } from '../../../src/model/stress/prng.js';
import type { VectorModel } from '../../../src/model/stress/types.js';

/** Model that copies its three inputs into a side buffer so the test can read the correlated columns. */
function captureModel(): { model: VectorModel; seen: Float64Array[] } {
  const seen: Float64Array[] = [];
  const model: VectorModel = {
    inputs: [{ id: 'a', base: 0 }, { id: 'b', base: 0 }, { id: 'c', base: 0 }],
    evaluate(cols, n, out) {
      for (let i = 0; i < 3; i++) seen.push(Float64Array.from(cols[i]!.subarray(0, n)));
      for (let k = 0; k < n; k++) out[k] = cols[0]![k]! + cols[1]![k]! + cols[2]![k]!;
    },
    holds: () => true,
  };
  return { model, seen };
}

describe('Iman–Conover rank correlation', () => {
  it('achieves the target Spearman correlations within 0.05 and keeps the marginals', () => {
    const n = 20_000;
    const target = [
      [1, 0.7, -0.4],
      [0.7, 1, -0.2],
      [-0.4, -0.2, 1],
    ];
    const specs = [lognormal(0, 1), uniform(0, 1), triangular(0, 1, 5)];
    const cols = specs.map((spec, i) => {
      const c = new Float64Array(n);
      const rng = new Rng('ic', String(i));
      if (spec.type === 'lognormal') { rng.fillNormal(c, spec.mu, spec.sigma); for (let k = 0; k < n; k++) c[k] = Math.exp(c[k]!); }
      else if (spec.type === 'uniform') rng.fillUniform(c, 0, 1);
      else rng.fillUniform(c, 0, 5);
      return c;
    });
    const before = cols.map((c) => Float64Array.from(c).sort());
    imanConover(cols, target, 'seed');
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < i; j++) expect(Math.abs(spearman(cols[i]!, cols[j]!) - target[i]![j]!), `(${i},${j})`).toBeLessThan(0.05);
    cols.forEach((c, i) => expect(Array.from(Float64Array.from(c).sort())).toEqual(Array.from(before[i]!)));
  });

  it('through runMonteCarlo: target reached, deterministic, marginal moments unchanged', () => {
    const { model, seen } = captureModel();
    const correlation = correlationFromPairs(['a', 'b'], [{ a: 'a', b: 'b', rho: 0.6 }]);
    const opts = { samples: 30_000, seed: 5, chunkSize: 30_000, distributions: { a: normal(0, 1), b: uniform(0, 1), c: normal(0, 1) }, correlation };
    const r1 = runMonteCarlo(model, opts);
    const [a, b, c] = seen;
    expect(Math.abs(spearman(a!, b!) - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(spearman(a!, c!))).toBeLessThan(0.05);
    const r2 = runMonteCarlo(model, opts);
    expect(r2.mean).toBe(r1.mean);
    expect(r2.percentiles).toEqual(r1.percentiles);
    // independent run: same marginals, so mean of a + b + c agrees; sd grows with positive correlation
    const r0 = runMonteCarlo(model, { ...opts, correlation: undefined });
    expect(Math.abs(r1.mean - r0.mean)).toBeLessThan(0.03);
    expect(r1.sd).toBeGreaterThan(r0.sd);
  });

  it('correlated runs are identical across chunk sizes and between the sync and async drivers', async () => {
    const model: VectorModel = {
      inputs: [{ id: 'a', base: 0 }, { id: 'b', base: 0 }],
      evaluate(c, n, o) {
        for (let k = 0; k < n; k++) o[k] = c[0]![k]! * c[1]![k]!;
      },
      holds: (o) => o > 0.3,
    };
    const opts = { samples: 20_000, seed: 'c', distributions: { a: uniform(0, 1), b: normal(1, 0.2) }, correlation: correlationFromPairs(['a', 'b'], [{ a: 'a', b: 'b', rho: -0.5 }]) };
    const ref = runMonteCarlo(model, opts);
    const other = runMonteCarlo(model, { ...opts, chunkSize: 777 });
    const asyncR = await runMonteCarloAsync(model, { ...opts, chunkSize: 1000 });
    for (const r of [other, asyncR]) {
      expect(r.mean).toBe(ref.mean);
      expect(r.sd).toBe(ref.sd);
      expect(r.percentiles).toEqual(ref.percentiles);
      expect(r.probabilityHolds).toBe(ref.probabilityHolds);
    }
  });

  it('rejects a non-positive-definite target with a clear error', () => {
    const bad = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    expect(() => cholesky(bad)).toThrow(CorrelationError);
    expect(() => cholesky(bad, ['a', 'b', 'c'])).toThrow(/not positive definite .*input "c"/);
    const { model } = captureModel();
    expect(() =>
      runMonteCarlo(model, { samples: 100, seed: 1, distributions: { a: normal(0, 1), b: normal(0, 1), c: normal(0, 1) }, correlation: { inputs: ['a', 'b', 'c'], matrix: bad } }),
    ).toThrow(/not positive definite/);
  });

  it('validates the matrix and the named inputs', () => {
    expect(() => validateCorrelationMatrix([[1, 0.5], [0.4, 1]], ['x', 'y'])).toThrow(/not symmetric/);
    expect(() => validateCorrelationMatrix([[0.9, 0], [0, 1]], ['x', 'y'])).toThrow(/diagonal entry \("x", "x"\) must be 1/);
    expect(() => validateCorrelationMatrix([[1, 1.5], [1.5, 1]])).toThrow(/outside \[-1, 1\]/);
    expect(() => validateCorrelationMatrix([[1, 0]])).toThrow(/has 2 entries, expected 1/);
    expect(() => correlationFromPairs(['a'], [{ a: 'a', b: 'z', rho: 0.1 }])).toThrow(/"z"/);
    const { model } = captureModel();
    expect(() =>
      runMonteCarlo(model, { samples: 100, seed: 1, distributions: { a: normal(0, 1), b: normal(0, 1) }, correlation: { inputs: ['a', 'q'], matrix: [[1, 0], [0, 1]] } }),
    ).toThrow(/unknown input "q"/);
    expect(() =>
      runMonteCarlo(model, { samples: 100, seed: 1, distributions: { a: normal(0, 1) }, correlation: { inputs: ['a', 'b'], matrix: [[1, 0.5], [0.5, 1]] } }),
    ).toThrow(/"b", which has no distribution/);
  });

  it('cholesky reproduces the matrix', () => {
    const A = [
      [1, 0.3, 0.2],
      [0.3, 1, -0.1],
      [0.2, -0.1, 1],
    ];
    const L = cholesky(A);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let p = 0; p < 3; p++) s += L[i * 3 + p]! * L[j * 3 + p]!;
        expect(s).toBeCloseTo(A[i]![j]!, 12);
      }
  });
});
