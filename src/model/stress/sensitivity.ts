/**
 * One-way (tornado) and two-way sensitivity over a {@link VectorModel}. Every scenario is a sample
 * of one vectorised `evaluate` call: a tornado of m inputs with s steps is one call of 1 + m·s
 * samples, a two-way table one call of |gridA|·|gridB| samples.
 */
import { inputIndex, type StressInput, type VectorModel } from './types.js';

export interface TornadoOptions {
  /** ± percentage of the base value used for inputs without a stated range (default 10). */
  readonly pct?: number;
  /** Overrides of the range per input id (take precedence over stated ranges). */
  readonly ranges?: Readonly<Record<string, { readonly low: number; readonly high: number }>>;
  /**
   * Points evaluated across each range, endpoints included (default 2: just low and high). More
   * points catch outputs that are not monotone in an input; low/high/swing then use the extremes.
   */
  readonly steps?: number;
}

export interface TornadoBar {
  readonly id: string;
  readonly unit?: string;
  /** Where the range came from: an override, the stated range, or ±pct% of base. */
  readonly source: 'override' | 'stated' | 'pct';
  /** Input range moved over (inputLow ≤ inputHigh). */
  readonly inputLow: number;
  readonly inputHigh: number;
  /** Output with the input at inputLow / inputHigh, the others at base. */
  readonly outputAtLow: number;
  readonly outputAtHigh: number;
  /** Smallest and largest output over the evaluated points of the range. */
  readonly outputMin: number;
  readonly outputMax: number;
  /** outputMax − outputMin (≥ 0; NaN if any output was NaN). */
  readonly swing: number;
  /** Whether the claim holds at inputLow / inputHigh. */
  readonly holdsAtLow: boolean;
  readonly holdsAtHigh: boolean;
}

export interface TornadoResult {
  readonly baseOutput: number;
  readonly holdsAtBase: boolean;
  /** Bars ranked by swing, largest first (ties keep input order; NaN swings last). */
  readonly bars: readonly TornadoBar[];
}

/** `steps` evenly spaced values from lo to hi inclusive (exact endpoints); steps ≥ 2, or 1 → [lo]. */
export function grid(lo: number, hi: number, steps: number): Float64Array {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new RangeError(`grid bounds must be finite, got [${lo}, ${hi}]`);
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`grid steps must be an integer ≥ 1, got ${steps}`);
  const g = new Float64Array(steps);
  if (steps === 1) {
    g[0] = lo;
    return g;
  }
  const last = steps - 1;
  for (let i = 0; i < steps; i++) g[i] = i === last ? hi : lo + ((hi - lo) * i) / last;
  return g;
}

function rangeOf(inp: StressInput, pct: number, override?: { low: number; high: number }): { lo: number; hi: number; source: TornadoBar['source'] } {
  if (override) {
    if (!Number.isFinite(override.low) || !Number.isFinite(override.high))
      throw new RangeError(`tornado range override for "${inp.id}" must be finite, got [${override.low}, ${override.high}]`);
    return { lo: Math.min(override.low, override.high), hi: Math.max(override.low, override.high), source: 'override' };
  }
  if (inp.low !== undefined && inp.high !== undefined && Number.isFinite(inp.low) && Number.isFinite(inp.high))
    return { lo: Math.min(inp.low, inp.high), hi: Math.max(inp.low, inp.high), source: 'stated' };
  const d = Math.abs(inp.base) * (pct / 100);
  return { lo: inp.base - d, hi: inp.base + d, source: 'pct' };
}

/**
 * One-way sensitivity: each input moved over its range (override, else stated [low, high], else
 * base ± pct%), the others held at base; bars ranked by swing.
 */
export function tornado(model: VectorModel, options: TornadoOptions = {}): TornadoResult {
  const pct = options.pct ?? 10;
  if (!(pct >= 0) || !Number.isFinite(pct)) throw new RangeError(`tornado pct must be a finite number ≥ 0, got ${pct}`);
  const steps = options.steps ?? 2;
  if (!Number.isInteger(steps) || steps < 2) throw new RangeError(`tornado steps must be an integer ≥ 2, got ${steps}`);
  for (const id of Object.keys(options.ranges ?? {})) inputIndex(model, id);
  const inputs = model.inputs;
  const m = inputs.length;
  const ranges = inputs.map((inp) => rangeOf(inp, pct, options.ranges?.[inp.id]));
  const n = 1 + m * steps;
  const columns = inputs.map((inp) => new Float64Array(n).fill(inp.base));
  for (let i = 0; i < m; i++) {
    const g = grid(ranges[i]!.lo, ranges[i]!.hi, steps);
    columns[i]!.set(g, 1 + i * steps);
  }
  const out = new Float64Array(n);
  model.evaluate(columns, n, out);
  const baseOutput = out[0]!;
  const bars: TornadoBar[] = inputs.map((inp, i) => {
    const off = 1 + i * steps;
    let mn = Infinity, mx = -Infinity, nan = false;
    for (let s = 0; s < steps; s++) {
      const v = out[off + s]!;
      if (Number.isNaN(v)) nan = true;
      if (v < mn) mn = v;
      if (v > mx) mx = v;
    }
    const atLow = out[off]!;
    const atHigh = out[off + steps - 1]!;
    const r = ranges[i]!;
    const bar: TornadoBar = {
      id: inp.id,
      source: r.source,
      inputLow: r.lo,
      inputHigh: r.hi,
      outputAtLow: atLow,
      outputAtHigh: atHigh,
      outputMin: nan ? NaN : mn,
      outputMax: nan ? NaN : mx,
      swing: nan ? NaN : mx === mn ? 0 : mx - mn,
      holdsAtLow: model.holds(atLow),
      holdsAtHigh: model.holds(atHigh),
      ...(inp.unit !== undefined ? { unit: inp.unit } : {}),
    };
    return bar;
  });
  const ranked = bars
    .map((b, i) => ({ b, i }))
    .sort((x, y) => {
      const sx = Number.isNaN(x.b.swing) ? -1 : x.b.swing;
      const sy = Number.isNaN(y.b.swing) ? -1 : y.b.swing;
      return sy - sx || x.i - y.i;
    })
    .map((x) => x.b);
  return { baseOutput, holdsAtBase: model.holds(baseOutput), bars: ranked };
}

export interface TwoWayTable {
  readonly inputA: string;
  readonly inputB: string;
  readonly gridA: Float64Array;
  readonly gridB: Float64Array;
  /** rows[i][j] = output with A = gridA[i], B = gridB[j], other inputs at base (views into one buffer). */
  readonly rows: readonly Float64Array[];
}

/** Two-way table: output over gridA × gridB for two distinct inputs, the others at base. */
export function twoWayTable(model: VectorModel, inputA: string, gridA: ArrayLike<number>, inputB: string, gridB: ArrayLike<number>): TwoWayTable {
  const ia = inputIndex(model, inputA);
  const ib = inputIndex(model, inputB);
  if (ia === ib) throw new RangeError(`twoWayTable needs two different inputs, got "${inputA}" twice`);
  const na = gridA.length;
  const nb = gridB.length;
  if (na < 1 || nb < 1) throw new RangeError(`twoWayTable grids must not be empty (gridA has ${na}, gridB has ${nb} values)`);
  const ga = Float64Array.from(gridA);
  const gb = Float64Array.from(gridB);
  const n = na * nb;
  const columns = model.inputs.map((inp) => new Float64Array(n).fill(inp.base));
  const ca = columns[ia]!;
  const cb = columns[ib]!;
  for (let i = 0; i < na; i++) {
    ca.fill(ga[i]!, i * nb, (i + 1) * nb);
    cb.set(gb, i * nb);
  }
  const out = new Float64Array(n);
  model.evaluate(columns, n, out);
  const rows: Float64Array[] = [];
  for (let i = 0; i < na; i++) rows.push(out.subarray(i * nb, (i + 1) * nb));
  return { inputA, inputB, gridA: ga, gridB: gb, rows };
}
