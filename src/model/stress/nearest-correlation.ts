/**
 * The nearest correlation matrix (Higham, "Computing the nearest correlation matrix — a problem
 * from finance", IMA J. Numer. Anal. 22, 2002): alternating projections with Dykstra's correction
 * between S (symmetric positive semidefinite) and U (unit diagonal), in the weighted Frobenius norm
 * ‖W^½ (A − X) W^½‖ with W = diag(weights). A larger weight keeps that input's correlations closer
 * to what was asked.
 *
 * The engine (Iman–Conover, correlation.ts) needs a positive *definite* target, so the S projection
 * keeps eigenvalues ≥ {@link MIN_EIGENVALUE} rather than ≥ 0, and the result is finally rescaled to
 * an exact unit diagonal (D^-½ X D^-½, which keeps it positive definite).
 */
import { cholesky, CorrelationError, validateCorrelationMatrix } from './correlation.js';

export const MIN_EIGENVALUE = 1e-6;
const TOLERANCE = 1e-10;
const MAX_ITERATIONS = 10_000;

type Matrix = number[][];

/** Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: A = V·diag(values)·Vᵀ. */
export function symmetricEigen(a: readonly (readonly number[])[]): { values: number[]; vectors: Matrix } {
  const m = a.length;
  const A = a.map((r) => [...r]);
  const V = Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j): number => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) off += A[i]![j]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < m; p++)
      for (let q = p + 1; q < m; q++) {
        const apq = A[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (A[q]![q]! - A[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < m; k++) {
          const akp = A[k]![p]!, akq = A[k]![q]!;
          A[k]![p] = c * akp - s * akq;
          A[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < m; k++) {
          const apk = A[p]![k]!, aqk = A[q]![k]!;
          A[p]![k] = c * apk - s * aqk;
          A[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < m; k++) {
          const vkp = V[k]![p]!, vkq = V[k]![q]!;
          V[k]![p] = c * vkp - s * vkq;
          V[k]![q] = s * vkp + c * vkq;
        }
      }
  }
  return { values: A.map((r, i) => r[i]!), vectors: V };
}

/** Projection onto {X symmetric, eigenvalues ≥ floor}. */
function projectPsd(x: Matrix, floor: number): Matrix {
  const { values, vectors: V } = symmetricEigen(x);
  const m = x.length;
  const lam = values.map((v) => Math.max(v, floor));
  return Array.from({ length: m }, (_, i) =>
    Array.from({ length: m }, (_, j) => {
      let s = 0;
      for (let k = 0; k < m; k++) s += V[i]![k]! * lam[k]! * V[j]![k]!;
      return s;
    }),
  );
}

/** The smallest eigenvalue of a symmetric matrix. */
export function minEigenvalue(a: readonly (readonly number[])[]): number {
  return Math.min(...symmetricEigen(a).values);
}

export interface NearestCorrelation {
  /** The matrix to use: the input itself when it was already a valid positive definite one. */
  readonly matrix: number[][];
  readonly repaired: boolean;
  /** Smallest eigenvalue of the matrix given. */
  readonly minEigenvalueGiven: number;
  readonly iterations: number;
  /** Weighted Frobenius distance from the given matrix to the one used. */
  readonly distance: number;
}

/**
 * The matrix given when it is a valid, positive definite correlation matrix; otherwise the nearest
 * correlation matrix in the W-norm (positive definite, unit diagonal, symmetric). Shape, symmetry,
 * diagonal and entry range are checked first (correlation.ts): those are input errors, not repairs.
 */
export function nearestCorrelation(a: readonly (readonly number[])[], options: { weights?: readonly number[]; names?: readonly string[] } = {}): NearestCorrelation {
  validateCorrelationMatrix(a, options.names);
  const m = a.length;
  const w = options.weights ?? new Array<number>(m).fill(1);
  if (w.length !== m) throw new CorrelationError(`weights has ${w.length} entries for a ${m}×${m} matrix`);
  w.forEach((v, i) => {
    if (!(v > 0 && Number.isFinite(v))) throw new CorrelationError(`weight of ${options.names?.[i] ?? `row ${i}`} must be a number above 0, got ${v}`);
  });
  const given = minEigenvalue(a);
  try {
    cholesky(a);
    return { matrix: a.map((r) => [...r]), repaired: false, minEigenvalueGiven: given, iterations: 0, distance: 0 };
  } catch {
    // not positive definite: repair below
  }
  const h = w.map(Math.sqrt);
  // work on W^½ A W^½, where the W-norm is the Frobenius norm
  const scaled = (x: readonly (readonly number[])[], f: (i: number, j: number) => number): Matrix => x.map((r, i) => r.map((v, j) => v * f(i, j)));
  const toW = (i: number, j: number) => h[i]! * h[j]!;
  const fromW = (i: number, j: number) => 1 / (h[i]! * h[j]!);
  let Y = scaled(a, toW);
  let dS: Matrix = Y.map((r) => r.map(() => 0));
  let X: Matrix = Y;
  let iterations = 0;
  for (; iterations < MAX_ITERATIONS; iterations++) {
    const R = Y.map((r, i) => r.map((v, j) => v - dS[i]![j]!));
    X = projectPsd(R, MIN_EIGENVALUE * Math.min(...w));
    dS = X.map((r, i) => r.map((v, j) => v - R[i]![j]!));
    // unit diagonal in the original scale = diagonal w_i in the scaled one
    const next = X.map((r, i) => r.map((v, j) => (i === j ? w[i]! : v)));
    let diff = 0, norm = 0;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        diff += (next[i]![j]! - Y[i]![j]!) ** 2;
        norm += next[i]![j]! ** 2;
      }
    Y = next;
    if (Math.sqrt(diff) <= TOLERANCE * Math.sqrt(norm)) break;
  }
  const psd = projectPsd(scaled(Y, fromW), MIN_EIGENVALUE);
  const d = psd.map((r, i) => Math.sqrt(r[i]!));
  // from the upper triangle, mirrored: exactly symmetric whatever the rounding of the projections
  const matrix = psd.map((_, i) => psd.map((__, j) => (i === j ? 1 : Math.max(-1, Math.min(1, psd[Math.min(i, j)]![Math.max(i, j)]! / (d[i]! * d[j]!))))));
  let distance = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) distance += (w[i]! * w[j]!) * (matrix[i]![j]! - a[i]![j]!) ** 2;
  return { matrix, repaired: true, minEigenvalueGiven: given, iterations: iterations + 1, distance: Math.sqrt(distance) };
}

/** A matrix as text, one row per line, entries to 4 decimals: what the messages show. */
export function formatMatrix(matrix: readonly (readonly number[])[], names: readonly string[]): string {
  const width = Math.max(...names.map((n) => n.length));
  return matrix.map((row, i) => `  ${names[i]!.padEnd(width)}  ${row.map((v) => (v >= 0 ? ' ' : '') + v.toFixed(4)).join('  ')}`).join('\n');
}
