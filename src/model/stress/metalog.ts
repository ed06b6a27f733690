/**
 * Inputs given by quantiles: a 3-term metalog (Keelin, "The Metalog Distributions", Decision
 * Analysis 13(4), 2016) through three (probability, value) points, usually P10/P50/P90.
 *
 * Quantile function: M(y) = a1 + a2·L(y) + a3·(y − ½)·L(y), L(y) = ln(y / (1 − y)).
 * - Through a symmetric percentile triplet (α, ½, 1 − α) the fit has a closed form (Keelin 2016):
 *   a1 = q50, a2 = (q_{1−α} − q_α) / (2·ln((1−α)/α)), a3 = (q_{1−α} + q_α − 2·q50) / ((1 − 2α)·ln((1−α)/α)).
 * - Any three points: the 3×3 linear system, solved directly.
 * - Feasible (M increasing on (0, 1), so a distribution at all) iff a2 > 0 and |a3|/a2 < 1.66711
 *   (Keelin 2016, the 3-term condition). An infeasible fit is refused with a message naming the
 *   quantiles; callers then fall back to the input's default distribution and say so.
 * - Mean a1 + a3/2 and variance π²a2²/3 + a3²/12 + π²a3²/36 (Keelin 2016, 3-term moments).
 */

/** The 3-term feasibility bound on |a3|/a2 (Keelin 2016). */
export const METALOG3_BOUND = 1.66711;

export type Metalog3 = readonly [a1: number, a2: number, a3: number];

const logit = (y: number): number => Math.log(y / (1 - y));

/** M(y), the quantile at cumulative probability y in (0, 1). */
export function metalogQuantile(a: Metalog3, y: number): number {
  const L = logit(y);
  return a[0] + a[1] * L + a[2] * (y - 0.5) * L;
}

export class MetalogFitError extends Error {
  override readonly name = 'MetalogFitError';
}

const label = (p: number): string => `P${Number((p * 100).toPrecision(4))}`;

/** Coefficients through three (probability, value) points; throws {@link MetalogFitError} when infeasible. */
export function fitMetalog3(points: readonly { readonly p: number; readonly q: number }[]): Metalog3 {
  if (points.length !== 3) throw new MetalogFitError(`a 3-term metalog needs 3 quantiles, got ${points.length}`);
  const pts = [...points].sort((x, y) => x.p - y.p);
  const named = pts.map((x) => `${label(x.p)} = ${x.q}`).join(', ');
  for (const { p, q } of pts) {
    if (!(p > 0 && p < 1)) throw new MetalogFitError(`quantile probabilities must be in (0, 1), got ${p}`);
    if (!Number.isFinite(q)) throw new MetalogFitError(`quantile ${label(p)} must be a finite number, got ${q}`);
  }
  if (pts[0]!.p === pts[1]!.p || pts[1]!.p === pts[2]!.p) throw new MetalogFitError(`the three quantile probabilities must differ (${named})`);
  if (!(pts[0]!.q < pts[1]!.q && pts[1]!.q < pts[2]!.q)) throw new MetalogFitError(`quantiles must increase with probability (${named})`);
  let a: Metalog3;
  const [lo, mid, hi] = pts as [{ p: number; q: number }, { p: number; q: number }, { p: number; q: number }];
  if (mid.p === 0.5 && Math.abs(lo.p + hi.p - 1) < 1e-12) {
    const alpha = lo.p, k = Math.log((1 - alpha) / alpha);
    a = [mid.q, (hi.q - lo.q) / (2 * k), (hi.q + lo.q - 2 * mid.q) / ((1 - 2 * alpha) * k)];
  } else a = solve3(pts.map((x) => [1, logit(x.p), (x.p - 0.5) * logit(x.p)]), pts.map((x) => x.q));
  if (!(a[1] > 0) || Math.abs(a[2]) / a[1] >= METALOG3_BOUND)
    throw new MetalogFitError(
      `no 3-term metalog passes through ${named}: they are too skewed (|a3|/a2 = ${(Math.abs(a[2]) / a[1]).toFixed(3)}, feasible below ${METALOG3_BOUND}); move the middle quantile towards the centre of the other two`,
    );
  return a;
}

/** Gaussian elimination with partial pivoting, for the 3×3 system. */
function solve3(A: number[][], b: number[]): Metalog3 {
  const M = A.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < 3; c++) {
    let piv = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[piv]![c]!)) piv = r;
    [M[c], M[piv]] = [M[piv]!, M[c]!];
    for (let r = c + 1; r < 3; r++) {
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k < 4; k++) M[r]![k] = M[r]![k]! - f * M[c]![k]!;
    }
  }
  const x = [0, 0, 0];
  for (let r = 2; r >= 0; r--) {
    let s = M[r]![3]!;
    for (let k = r + 1; k < 3; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / M[r]![r]!;
  }
  return [x[0]!, x[1]!, x[2]!];
}

/** Mean and sd of a 3-term metalog (Keelin 2016). */
export function metalog3Moments(a: Metalog3): { mean: number; sd: number } {
  const pi2 = Math.PI * Math.PI;
  return { mean: a[0] + a[2] / 2, sd: Math.sqrt((pi2 * a[1] * a[1]) / 3 + (a[2] * a[2]) / 12 + (pi2 * a[2] * a[2]) / 36) };
}

/** Fills `out` in place: each uniform draw u in (0, 1) becomes M(u). */
export function metalogFromUniforms(a: Metalog3, out: Float64Array): Float64Array {
  const [a1, a2, a3] = a;
  for (let k = 0; k < out.length; k++) {
    const u = out[k]!;
    const L = Math.log(u / (1 - u));
    out[k] = a1 + L * (a2 + a3 * (u - 0.5));
  }
  return out;
}

/** The CDF at x, by bisection on the quantile function (increasing when feasible). */
export function metalogCdf(a: Metalog3, x: number): number {
  let lo = 1e-15, hi = 1 - 1e-15;
  if (x <= metalogQuantile(a, lo)) return 0;
  if (x >= metalogQuantile(a, hi)) return 1;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (metalogQuantile(a, mid) < x) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
