/**
 * Break-even: the value of one input (others at base) where the output reaches a target, or where
 * the claim's `holds` flips. Robust by construction:
 * 1. scan the initial range [lo, hi] with `scanPoints` points in one vectorised evaluate call;
 * 2. if no sign change of (output − target) (or of holds) is seen, widen the range step by step
 *    (doubling) up to `limits` — by default 2 widths beyond each side, never across 0 for a range
 *    that does not already include it (a non-negative input stays non-negative);
 * 3. of the sign changes found, take the one nearest the input's base value and refine it by
 *    Brent's method (target) or bisection (flip) to full precision.
 * No sign change → `{found: false, message}` saying over which range the output stayed where.
 * A sign change with no root (a pole, e.g. division by zero) is reported as not found, too.
 * Caveat: a crossing and re-crossing between two neighbouring scan points can be missed; raise
 * `scanPoints` for outputs that wiggle.
 */
import { inputIndex, type VectorModel } from './types.js';
import { TEXT } from '../../text/index.js';

export interface BreakEvenOptions {
  /** Initial search range of the input. */
  readonly lo: number;
  readonly hi: number;
  /** How far the range may be widened (defaults: see module comment). */
  readonly limits?: { readonly min?: number; readonly max?: number };
  /** Points per scan (default 65). */
  readonly scanPoints?: number;
  /** Absolute tolerance on the input (default: full double precision). */
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

/**
 * What the search found, as a code and its numbers (`from`/`to`: the range searched); the
 * catalogue (src/text, cliOutput.stress.breakEvenOutcome) words it in either language.
 */
export type BreakEvenOutcome =
  | { readonly code: 'flips'; readonly input: string; readonly holdsBelow: boolean; readonly at: number }
  | { readonly code: 'reaches'; readonly input: string; readonly target: number; readonly at: number; readonly exact: boolean }
  | { readonly code: 'notFinite'; readonly input: string; readonly from: number; readonly to: number }
  | { readonly code: 'neverFlips'; readonly input: string; readonly from: number; readonly to: number; readonly holds: boolean; readonly min: number; readonly max: number }
  | { readonly code: 'notReached'; readonly input: string; readonly from: number; readonly to: number; readonly target: number; readonly min: number; readonly max: number }
  | { readonly code: 'jump'; readonly input: string; readonly from: number; readonly to: number; readonly target: number; readonly near: number };

interface Common {
  readonly inputId: string;
  readonly target: number | 'flip';
  /** Range actually scanned (after any widening). */
  readonly searched: readonly [number, number];
  readonly outcome: BreakEvenOutcome;
  /** The outcome in English (as `--json` and the engine's callers have always read it). */
  readonly message: string;
}

export interface BreakEvenFound extends Common {
  readonly found: true;
  /** Input value at break-even. */
  readonly value: number;
  /** Output at `value`. */
  readonly output: number;
  /** Final bracket [a, b] (a ≤ value ≤ b); for 'flip', holds differs at a and b. */
  readonly bracket: readonly [number, number];
  readonly iterations: number;
  /** Other sign changes seen in the scanned range (other break-evens, further from base). */
  readonly otherCrossings: readonly number[];
  /** For 'flip': whether the claim holds just below and just above `value`. */
  readonly holdsBelow?: boolean;
  readonly holdsAbove?: boolean;
}

export interface BreakEvenNotFound extends Common {
  readonly found: false;
  /** Range of finite outputs seen in the scan (NaN if none). */
  readonly outputMin: number;
  readonly outputMax: number;
}

export type BreakEvenResult = BreakEvenFound | BreakEvenNotFound;

/** A number as the engine's outcome words it: six significant digits. */
export const formatEngineNumber = (x: number): string => (Number.isFinite(x) ? Number(x.toPrecision(6)).toString() : String(x));
const fmt = formatEngineNumber;

export function breakEven(model: VectorModel, inputId: string, target: number | 'flip', options: BreakEvenOptions): BreakEvenResult {
  const idx = inputIndex(model, inputId);
  const { lo, hi } = options;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) throw new RangeError(`breakEven range must be finite with lo < hi, got [${lo}, ${hi}]`);
  if (target !== 'flip' && !Number.isFinite(target)) throw new RangeError(`breakEven target must be a finite number or 'flip', got ${target}`);
  const P = options.scanPoints ?? 65;
  if (!Number.isInteger(P) || P < 3) throw new RangeError(`scanPoints must be an integer ≥ 3, got ${P}`);
  const maxIter = options.maxIterations ?? 200;
  const w = hi - lo;
  // default limits: 2 widths beyond each side, not across 0 (snapped to 0 within rounding: 0.2 − 2·0.1 ≠ 0)
  const minL = options.limits?.min ?? (lo >= 0 && lo - 2 * w <= 1e-9 * w ? 0 : lo - 2 * w);
  const maxL = options.limits?.max ?? (hi <= 0 && hi + 2 * w >= -1e-9 * w ? 0 : hi + 2 * w);
  if (!(minL <= lo) || !(maxL >= hi)) throw new RangeError(`breakEven limits [${minL}, ${maxL}] must contain [${lo}, ${hi}]`);
  const base = model.inputs[idx]!.base;

  // vectorised evaluation buffers
  const scanCols = model.inputs.map((inp) => new Float64Array(P).fill(inp.base));
  const scanOut = new Float64Array(P);
  const oneCols = model.inputs.map((inp) => new Float64Array(1).fill(inp.base));
  const oneOut = new Float64Array(1);
  const f = (x: number): number => {
    oneCols[idx]![0] = x;
    model.evaluate(oneCols, 1, oneOut);
    return oneOut[0]!;
  };
  // signed criterion: output − target, or ±1 by holds (NaN when the output is NaN)
  const sgn = target === 'flip' ? (y: number) => (Number.isNaN(y) ? NaN : model.holds(y) ? 1 : -1) : (y: number) => y - target;

  let a = lo, b = hi;
  let xs: Float64Array = new Float64Array(0);
  let ys: Float64Array = new Float64Array(0);
  const crossings: { x0: number; x1: number; g0: number; g1: number }[] = [];
  for (let step = 1; ; step *= 2) {
    xs = gridOf(a, b, P);
    scanCols[idx]!.set(xs);
    model.evaluate(scanCols, P, scanOut);
    ys = scanOut.slice();
    crossings.length = 0;
    let prev = -1;
    for (let k = 0; k < P; k++) {
      const g = sgn(ys[k]!);
      if (Number.isNaN(g)) continue;
      if (g === 0) crossings.push({ x0: xs[k]!, x1: xs[k]!, g0: 0, g1: 0 });
      else if (prev >= 0) {
        const gp = sgn(ys[prev]!);
        if (gp !== 0 && (gp < 0) !== (g < 0)) crossings.push({ x0: xs[prev]!, x1: xs[k]!, g0: gp, g1: g });
      }
      prev = k;
    }
    if (crossings.length > 0 || (a <= minL && b >= maxL)) break;
    // widen by `step` widths on each side, snapping to a limit within rounding of it
    a = lo - step * w <= minL + 1e-9 * w ? minL : lo - step * w;
    b = hi + step * w >= maxL - 1e-9 * w ? maxL : hi + step * w;
  }

  let yMin = Infinity, yMax = -Infinity;
  for (const y of ys) if (Number.isFinite(y)) { if (y < yMin) yMin = y; if (y > yMax) yMax = y; }
  if (yMin > yMax) yMin = yMax = NaN;
  const searched = [a, b] as const;
  const range = { input: inputId, from: a, to: b };
  const said = (outcome: BreakEvenOutcome) => ({ outcome, message: TEXT.en.cliOutput.stress.breakEvenOutcome(outcome, fmt) });

  if (crossings.length === 0) {
    const outcome: BreakEvenOutcome = Number.isNaN(yMin)
      ? { code: 'notFinite', ...range }
      : target === 'flip'
        ? { code: 'neverFlips', ...range, holds: model.holds(ys.find((y) => Number.isFinite(y))!), min: yMin, max: yMax }
        : { code: 'notReached', ...range, target, min: yMin, max: yMax };
    return { found: false, inputId, target, searched, outputMin: yMin, outputMax: yMax, ...said(outcome) };
  }

  // nearest crossing to the base value
  const dist = (c: { x0: number; x1: number }) => (base >= c.x0 && base <= c.x1 ? 0 : Math.min(Math.abs(base - c.x0), Math.abs(base - c.x1)));
  crossings.sort((p, q) => dist(p) - dist(q) || p.x0 - q.x0);
  const best = crossings[0]!;
  const others = crossings.slice(1).map((c) => (c.x0 + c.x1) / 2);
  const xtol = options.tolerance ?? 0;

  if (target === 'flip') {
    let x0 = best.x0, x1 = best.x1, g0 = best.g0, iterations = 0;
    while (iterations < maxIter) {
      const mid = x0 + (x1 - x0) / 2;
      if (mid <= x0 || mid >= x1 || x1 - x0 <= xtol) break;
      const g = sgn(f(mid));
      iterations++;
      if (Number.isNaN(g)) break;
      if (g === g0) x0 = mid;
      else x1 = mid;
    }
    const value = x0 + (x1 - x0) / 2;
    const holdsLeft = best.g0 > 0;
    return {
      found: true,
      inputId,
      target,
      searched,
      value,
      output: f(value),
      bracket: [x0, x1],
      iterations,
      otherCrossings: others,
      holdsBelow: holdsLeft,
      holdsAbove: !holdsLeft,
      ...said({ code: 'flips', input: inputId, holdsBelow: holdsLeft, at: value }),
    };
  }

  if (best.g0 === 0 && best.x0 === best.x1) {
    return {
      found: true, inputId, target, searched, value: best.x0, output: f(best.x0), bracket: [best.x0, best.x0], iterations: 0, otherCrossings: others,
      ...said({ code: 'reaches', input: inputId, target, at: best.x0, exact: true }),
    };
  }
  const r = brent((x) => f(x) - target, best.x0, best.x1, best.g0, best.g1, xtol, maxIter);
  const output = f(r.x);
  // a sign change without a root (pole / jump): the residual does not shrink with the bracket
  const scale = Math.max(Math.abs(target), Number.isFinite(yMax - yMin) ? yMax - yMin : 0, Number.MIN_VALUE);
  if (!(Math.abs(output - target) <= 1e-6 * scale)) {
    return {
      found: false, inputId, target, searched, outputMin: yMin, outputMax: yMax,
      ...said({ code: 'jump', ...range, target, near: r.x }),
    };
  }
  return {
    found: true, inputId, target, searched, value: r.x, output, bracket: [Math.min(r.a, r.b), Math.max(r.a, r.b)], iterations: r.iterations, otherCrossings: others,
    ...said({ code: 'reaches', input: inputId, target, at: r.x, exact: false }),
  };
}

function gridOf(a: number, b: number, n: number): Float64Array {
  const g = new Float64Array(n);
  for (let i = 0; i < n; i++) g[i] = i === n - 1 ? b : a + ((b - a) * i) / (n - 1);
  return g;
}

/**
 * Brent's root finder (after Numerical Recipes' zbrent) on a bracket with g(x0)·g(x1) < 0.
 * Returns the root estimate, the final bracket ends and the number of function evaluations.
 */
export function brent(
  g: (x: number) => number,
  x0: number,
  x1: number,
  g0: number,
  g1: number,
  xtol = 0,
  maxIter = 200,
): { x: number; a: number; b: number; iterations: number } {
  const EPS = Number.EPSILON;
  let a = x0, b = x1, c = x1, fa = g0, fb = g1, fc = g1, d = 0, e = 0;
  let it = 0;
  for (; it < maxIter; it++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b; b = c; c = a;
      fa = fb; fb = fc; fc = fa;
    }
    const tol1 = 2 * EPS * Math.abs(b) + 0.5 * xtol;
    const xm = 0.5 * (c - b);
    if (Math.abs(xm) <= tol1 || fb === 0) break;
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number, q: number;
      if (a === c) {
        p = 2 * xm * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * xm * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      const min1 = 3 * xm * q - Math.abs(tol1 * q);
      const min2 = Math.abs(e * q);
      if (2 * p < Math.min(min1, min2)) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : xm >= 0 ? tol1 || EPS * Math.max(Math.abs(b), Number.MIN_VALUE) : -(tol1 || EPS * Math.max(Math.abs(b), Number.MIN_VALUE));
    fb = g(b);
    if (Number.isNaN(fb)) break;
  }
  return { x: b, a: b, b: c, iterations: it };
}
