/**
 * Rank correlation between inputs by the Iman–Conover method (1982).
 *
 * The target is a Spearman rank-correlation matrix over a subset of inputs. Van der Waerden scores
 * Φ⁻¹(i/(n+1)) are randomly permuted per column (seeded), their sample correlation E = F·Fᵀ and the
 * target C' = P·Pᵀ are Cholesky-factored, and the scores are transformed T = S·(P·F⁻¹)ᵀ so that
 * corr(T) = C' exactly. Each input column is then reordered to carry the ranks of T's column:
 * marginals are untouched (same values, new order). Because Pearson correlation of normal scores
 * relates to Spearman by ρ_s = (6/π)·asin(ρ/2), the target Spearman ρ_s is first mapped to
 * ρ = 2·sin(π·ρ_s/6) (falls back to ρ_s if the mapped matrix is not positive definite).
 */
import { Rng, type Seed } from './prng.js';
import { normalQuantile } from './special.js';

export interface CorrelationSpec {
  /** Ids of the correlated inputs (rows/columns of `matrix`, in order). */
  readonly inputs: readonly string[];
  /** Target Spearman rank-correlation matrix: symmetric, unit diagonal, entries in [-1, 1], positive definite. */
  readonly matrix: readonly (readonly number[])[];
}

export class CorrelationError extends Error {
  override readonly name = 'CorrelationError';
}

/** Builds a {@link CorrelationSpec} from pairwise targets (unlisted pairs are 0). */
export function correlationFromPairs(inputs: readonly string[], pairs: readonly { a: string; b: string; rho: number }[]): CorrelationSpec {
  const m = inputs.length;
  const matrix = Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j): number => (i === j ? 1 : 0)));
  for (const { a, b, rho } of pairs) {
    const i = inputs.indexOf(a);
    const j = inputs.indexOf(b);
    if (i < 0) throw new CorrelationError(`correlation pair names input "${a}", which is not in [${inputs.join(', ')}]`);
    if (j < 0) throw new CorrelationError(`correlation pair names input "${b}", which is not in [${inputs.join(', ')}]`);
    if (i === j) throw new CorrelationError(`correlation pair (${a}, ${b}) pairs an input with itself`);
    matrix[i]![j] = rho;
    matrix[j]![i] = rho;
  }
  return { inputs, matrix };
}

/** Checks shape, symmetry, unit diagonal and range; throws {@link CorrelationError} naming the entry. */
export function validateCorrelationMatrix(matrix: readonly (readonly number[])[], names?: readonly string[]): void {
  const m = matrix.length;
  const nm = (i: number) => (names?.[i] !== undefined ? `"${names[i]}"` : String(i));
  for (let i = 0; i < m; i++) {
    const row = matrix[i]!;
    if (row.length !== m) throw new CorrelationError(`correlation matrix row ${nm(i)} has ${row.length} entries, expected ${m}`);
    for (let j = 0; j < m; j++) {
      const v = row[j]!;
      if (!Number.isFinite(v)) throw new CorrelationError(`correlation matrix entry (${nm(i)}, ${nm(j)}) is not a finite number`);
      if (i === j && v !== 1) throw new CorrelationError(`correlation matrix diagonal entry (${nm(i)}, ${nm(i)}) must be 1, got ${v}`);
      if (v < -1 || v > 1) throw new CorrelationError(`correlation matrix entry (${nm(i)}, ${nm(j)}) = ${v} is outside [-1, 1]`);
      if (Math.abs(v - matrix[j]![i]!) > 1e-12)
        throw new CorrelationError(`correlation matrix is not symmetric: (${nm(i)}, ${nm(j)}) = ${v} but (${nm(j)}, ${nm(i)}) = ${matrix[j]![i]}`);
    }
  }
}

/**
 * Cholesky factor L (lower triangular, row-major m×m) with A = L·Lᵀ. Throws {@link CorrelationError}
 * when A is not (numerically) positive definite.
 */
export function cholesky(matrix: readonly (readonly number[])[], names?: readonly string[]): Float64Array {
  const m = matrix.length;
  const L = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = matrix[i]![j]!;
      for (let p = 0; p < j; p++) s -= L[i * m + p]! * L[j * m + p]!;
      if (i === j) {
        if (!(s > 1e-10)) {
          const who = names?.[i] !== undefined ? ` at input "${names[i]}"` : ` at row ${i}`;
          throw new CorrelationError(
            `correlation matrix is not positive definite (Cholesky pivot ${s.toPrecision(3)}${who}); the pairwise targets are mutually inconsistent — lower some of them`,
          );
        }
        L[i * m + i] = Math.sqrt(s);
      } else {
        L[i * m + j] = s / L[j * m + j]!;
      }
    }
  }
  return L;
}

/** Inverse of a lower-triangular row-major m×m matrix (lower triangular). */
function invertLower(L: Float64Array, m: number): Float64Array {
  const inv = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    inv[i * m + i] = 1 / L[i * m + i]!;
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let p = j; p < i; p++) s += L[i * m + p]! * inv[p * m + j]!;
      inv[i * m + j] = -s / L[i * m + i]!;
    }
  }
  return inv;
}

/**
 * Reorders `columns` in place (Iman–Conover) so their Spearman correlations approach `target`.
 * Uses m scratch Float64Arrays of length n plus one Uint32Array and one Float64Array of length n.
 */
export function imanConover(columns: readonly Float64Array[], target: readonly (readonly number[])[], seed: Seed, names?: readonly string[]): void {
  const m = columns.length;
  if (m < 2) return;
  validateCorrelationMatrix(target, names);
  if (target.length !== m) throw new CorrelationError(`correlation matrix is ${target.length}×${target.length} but ${m} inputs are correlated`);
  const P0 = cholesky(target, names); // rejects non-PD targets with a clear error
  const n = columns[0]!.length;
  if (n < 3) return;
  const pearson = target.map((row, i) => row.map((v, j) => (i === j ? 1 : 2 * Math.sin((Math.PI * v) / 6))));
  let P: Float64Array;
  try {
    P = cholesky(pearson);
  } catch {
    P = P0;
  }

  // van der Waerden scores, standardised to mean 0 / unit variance
  const scores = new Float64Array(n);
  let ss = 0;
  for (let k = 0; k < n; k++) {
    const z = normalQuantile((k + 1) / (n + 1));
    scores[k] = z;
    ss += z * z;
  }
  const scale = 1 / Math.sqrt(ss / n);
  for (let k = 0; k < n; k++) scores[k] = scores[k]! * scale;

  const rng = new Rng(seed, '\u0000iman-conover');
  const S: Float64Array[] = [];
  for (let j = 0; j < m; j++) {
    const col = Float64Array.from(scores);
    for (let k = n - 1; k > 0; k--) {
      const r = Math.floor(rng.nextFloat() * (k + 1));
      const t = col[k]!;
      col[k] = col[r]!;
      col[r] = t;
    }
    S.push(col);
  }

  // sample correlation of the permuted scores (each column has mean 0 and variance 1 exactly)
  const E: number[][] = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  for (let i = 0; i < m; i++) {
    E[i]![i] = 1;
    for (let j = 0; j < i; j++) {
      const a = S[i]!, b = S[j]!;
      let s = 0;
      for (let k = 0; k < n; k++) s += a[k]! * b[k]!;
      E[i]![j] = E[j]![i] = s / n;
    }
  }
  const Finv = invertLower(cholesky(E), m);
  // M = P · F⁻¹ (lower triangular); T[:, j] = Σ_{l ≤ j} M[j][l] · S[:, l], computed in place from the last column down
  const M = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let p = j; p <= i; p++) s += P[i * m + p]! * Finv[p * m + j]!;
      M[i * m + j] = s;
    }
  for (let j = m - 1; j >= 0; j--) {
    const out = S[j]!;
    const mjj = M[j * m + j]!;
    for (let k = 0; k < n; k++) out[k] = out[k]! * mjj;
    for (let l = 0; l < j; l++) {
      const c = M[j * m + l]!;
      if (c === 0) continue;
      const src = S[l]!;
      for (let k = 0; k < n; k++) out[k] = out[k]! + c * src[k]!;
    }
  }

  // reorder each input column to follow the ranks of T's column
  const order = new Uint32Array(n);
  const sorted = new Float64Array(n);
  for (let j = 0; j < m; j++) {
    const t = S[j]!;
    for (let k = 0; k < n; k++) order[k] = k;
    order.sort((a, b) => t[a]! - t[b]! || a - b);
    sorted.set(columns[j]!);
    sorted.sort();
    const col = columns[j]!;
    for (let r = 0; r < n; r++) col[order[r]!] = sorted[r]!;
  }
}

/** Spearman rank correlation of two equal-length arrays (average ranks for ties). */
export function spearman(x: Float64Array, y: Float64Array): number {
  return correlationOfRanks(ranks(x), ranks(y));
}

/** Pearson correlation of two rank vectors (ranks 1…n, mean (n + 1) / 2) = Spearman's ρ of the values. */
export function correlationOfRanks(rx: Float64Array, ry: Float64Array): number {
  const n = rx.length;
  const mean = (n + 1) / 2;
  let sxy = 0, sxx = 0, syy = 0;
  for (let k = 0; k < n; k++) {
    const a = rx[k]! - mean, b = ry[k]! - mean;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxy / Math.sqrt(sxx * syy);
}

function ranks(x: Float64Array): Float64Array {
  const n = x.length;
  const idx = new Uint32Array(n);
  for (let k = 0; k < n; k++) idx[k] = k;
  idx.sort((a, b) => x[a]! - x[b]!);
  const r = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && x[idx[j + 1]!] === x[idx[i]!]) j++;
    const avg = (i + j) / 2 + 1;
    for (let p = i; p <= j; p++) r[idx[p]!] = avg;
    i = j + 1;
  }
  return r;
}
