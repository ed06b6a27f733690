import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cholesky } from '../../../src/model/stress/correlation.js';
import { minEigenvalue, nearestCorrelation, symmetricEigen } from '../../../src/model/stress/nearest-correlation.js';

const frob = (a: number[][], b: readonly (readonly number[])[]) => Math.sqrt(a.reduce((s, r, i) => s + r.reduce((t, v, j) => t + (v - b[i]![j]!) ** 2, 0), 0));
/** Smallest eigenvalue of a 3×3 symmetric matrix by the closed form (trigonometric), independent of Jacobi. */
function minEig3(a: readonly (readonly number[])[]): number {
  const [a11, a12, a13, a22, a23, a33] = [a[0]![0]!, a[0]![1]!, a[0]![2]!, a[1]![1]!, a[1]![2]!, a[2]![2]!];
  const p1 = a12! ** 2 + a13! ** 2 + a23! ** 2;
  const q = (a11! + a22! + a33!) / 3;
  const p2 = (a11! - q) ** 2 + (a22! - q) ** 2 + (a33! - q) ** 2 + 2 * p1;
  const p = Math.sqrt(p2 / 6);
  const B = (a as number[][]).map((r, i) => r.map((v, j) => (v - (i === j ? q : 0)) / p));
  const det = B[0]![0]! * (B[1]![1]! * B[2]![2]! - B[1]![2]! * B[2]![1]!) - B[0]![1]! * (B[1]![0]! * B[2]![2]! - B[1]![2]! * B[2]![0]!) + B[0]![2]! * (B[1]![0]! * B[2]![1]! - B[1]![1]! * B[2]![0]!);
  const phi = Math.acos(Math.max(-1, Math.min(1, det / 2))) / 3;
  return q + 2 * p * Math.cos(phi + (2 * Math.PI) / 3);
}

describe('nearest correlation matrix (Higham 2002)', () => {
  it("repairs Higham's example to the published nearest matrix", () => {
    // Higham (2002), section 4: A = [1 1 0; 1 1 1; 0 1 1] → X with 0.7607 and 0.1573
    const A = [[1, 1, 0], [1, 1, 1], [0, 1, 1]];
    expect(minEig3(A)).toBeLessThan(0);
    const r = nearestCorrelation(A);
    expect(r.repaired).toBe(true);
    expect(r.minEigenvalueGiven).toBeCloseTo(minEig3(A), 9);
    const X = r.matrix;
    expect(X[0]![1]).toBeCloseTo(0.7607, 3);
    expect(X[0]![2]).toBeCloseTo(0.1573, 3);
    expect(X[1]![2]).toBeCloseTo(0.7607, 3);
    expect(minEig3(X)).toBeGreaterThan(0);
    expect(() => cholesky(X)).not.toThrow();
  });

  it('no nearby correlation matrix is closer (brute-force search around the answer)', () => {
    const A = [[1, 0.9, -0.6], [0.9, 1, 0.3], [-0.6, 0.3, 1]];
    const r = nearestCorrelation(A);
    expect(r.repaired).toBe(true);
    const best = frob(r.matrix, A);
    let seed = 1;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    for (let t = 0; t < 3000; t++) {
      const [x, y, z] = [r.matrix[0]![1]! + 0.05 * rand(), r.matrix[0]![2]! + 0.05 * rand(), r.matrix[1]![2]! + 0.05 * rand()];
      const C = [[1, x, y], [x, 1, z], [y, z, 1]];
      if (minEig3(C) < 0) continue;
      expect(frob(C, A)).toBeGreaterThanOrEqual(best - 1e-5);
    }
  });

  it('weights keep the heavier input’s correlations closer to what was asked', () => {
    const A = [[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]];
    const even = nearestCorrelation(A);
    const heavy = nearestCorrelation(A, { weights: [1, 1, 50] });
    const moved = (X: number[][]) => Math.abs(X[0]![2]! - 0.9) + Math.abs(X[1]![2]! + 0.9);
    expect(moved(heavy.matrix)).toBeLessThan(moved(even.matrix));
    expect(minEig3(heavy.matrix)).toBeGreaterThan(0);
    expect(() => nearestCorrelation(A, { weights: [1, 0, 1] })).toThrow(/weight of row 1 must be a number above 0, got 0/);
  });

  it('Jacobi eigenvalues agree with the closed form', () => {
    const A = [[2, -1, 0.5], [-1, 3, 0.25], [0.5, 0.25, 1]];
    expect(Math.min(...symmetricEigen(A).values)).toBeCloseTo(minEig3(A), 10);
  });

  it('property: the result is symmetric, unit-diagonal, positive definite, and the input itself when already valid', () => {
    const matrixArb = fc.integer({ min: 2, max: 6 }).chain((m) =>
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: (m * (m - 1)) / 2, maxLength: (m * (m - 1)) / 2 }).map((off) => {
        const A = Array.from({ length: m }, (_, i) => Array.from({ length: m }, (): number => (i === 0 ? 1 : 1)));
        let k = 0;
        for (let i = 0; i < m; i++)
          for (let j = i + 1; j < m; j++) {
            A[i]![j] = A[j]![i] = off[k++]!;
          }
        for (let i = 0; i < m; i++) A[i]![i] = 1;
        return A;
      }),
    );
    fc.assert(
      fc.property(matrixArb, (A) => {
        let valid = true;
        try {
          cholesky(A);
        } catch {
          valid = false;
        }
        const r = nearestCorrelation(A);
        const X = r.matrix;
        for (let i = 0; i < X.length; i++) {
          expect(X[i]![i]).toBe(1);
          for (let j = 0; j < X.length; j++) expect(X[i]![j]).toBe(X[j]![i]);
        }
        // the engine's test of positive definiteness (its Cholesky) passes; a repaired matrix keeps a margin
        expect(() => cholesky(X)).not.toThrow();
        expect(minEigenvalue(X)).toBeGreaterThan(valid ? -1e-12 : 1e-8);
        expect(r.repaired).toBe(!valid);
        if (valid) expect(X).toEqual(A);
      }),
      { numRuns: 300 },
    );
  });
});
