/**
 * Core types of the stress-test engine. Pure: no Office imports, no claim-catalogue dependency.
 * A claim is compiled into a {@link VectorModel}; every analysis in this folder (Monte Carlo,
 * tornado, two-way tables, break-even) drives the model through `evaluate` on typed columns.
 */

/** One numeric input of a claim, with its published value and, when the article states one, a range. */
export interface StressInput {
  readonly id: string;
  readonly base: number;
  /** Lower end of a stated range (e.g. 0.20 of "20–30%"). */
  readonly low?: number;
  /** Upper end of a stated range (e.g. 0.30 of "20–30%"). */
  readonly high?: number;
  readonly unit?: string;
}

export interface VectorModel {
  readonly inputs: readonly StressInput[];
  /**
   * Evaluates the claim for n samples: `columns[i][k]` is input i in sample k; writes `output[k]`
   * for k < n. Pure, no allocation per sample. Columns and output may be longer than n (or be
   * subarrays); only the first n entries are read or written.
   */
  evaluate(columns: readonly Float64Array[], n: number, output: Float64Array): void;
  /** Whether the claim holds for an output value (e.g. |out - stated| <= tolerance). */
  holds(output: number): boolean;
  /**
   * Optional, for speed: when the claim holds exactly for outputs in the closed interval [lo, hi]
   * (the usual |out − stated| ≤ tolerance), declaring it lets the Monte Carlo engine count holds
   * without a call per sample. Must agree with `holds` (NaN never holds).
   */
  readonly holdsRange?: readonly [lo: number, hi: number];
}

/** A claim that holds when |output − stated| ≤ tolerance, as `holds` plus the matching `holdsRange`. */
export function holdsWithin(stated: number, tolerance: number): Pick<VectorModel, 'holds' | 'holdsRange'> {
  if (!Number.isFinite(stated) || !(tolerance >= 0)) throw new RangeError(`holdsWithin needs a finite stated value and a tolerance ≥ 0, got ${stated} ± ${tolerance}`);
  const lo = stated - tolerance;
  const hi = stated + tolerance;
  return { holds: (o) => o >= lo && o <= hi, holdsRange: [lo, hi] };
}

/**
 * Adapts a scalar function into a {@link VectorModel} (for tests and quick prototypes; a compiled
 * claim should write a tight loop instead). One argument buffer is reused for every sample.
 */
export function scalarModel(
  inputs: readonly StressInput[],
  f: (x: number[]) => number,
  holds: (output: number) => boolean,
): VectorModel {
  const m = inputs.length;
  return {
    inputs,
    holds,
    evaluate(columns, n, output) {
      const x = new Array<number>(m).fill(0);
      for (let k = 0; k < n; k++) {
        for (let i = 0; i < m; i++) x[i] = columns[i]![k]!;
        output[k] = f(x);
      }
    },
  };
}

/** Index of an input by id, with an error naming the id and the known ids. */
export function inputIndex(model: VectorModel, id: string): number {
  const i = model.inputs.findIndex((inp) => inp.id === id);
  if (i < 0) {
    const known = model.inputs.map((inp) => inp.id).join(', ');
    throw new RangeError(`unknown input "${id}" (model inputs: ${known || 'none'})`);
  }
  return i;
}

/** Thrown (or used as a rejection) when a run is cancelled through an AbortSignal. */
export class StressCancelledError extends Error {
  override readonly name = 'AbortError';
  constructor(message: string) {
    super(message);
  }
}
