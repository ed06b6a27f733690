import type { VectorModel } from '../../../src/model/stress/types.js';

/** tariff revenue = volume × rate, holds when within 5% of 264. */
export const tariffModel: VectorModel = {
  inputs: [
    { id: 'volume', base: 1056, unit: 'units' },
    { id: 'rate', base: 0.25, low: 0.2, high: 0.3, unit: '1' },
  ],
  evaluate(columns, n, out) {
    const v = columns[0]!;
    const r = columns[1]!;
    for (let k = 0; k < n; k++) out[k] = v[k]! * r[k]!;
  },
  holds: (o) => Math.abs(o - 264) <= 13.2,
};

/** A linear model out = c0 + Σ coef_i · x_i. */
export function linearModel(coefs: readonly number[], bases: readonly number[], c0 = 0, ranges?: readonly ({ low: number; high: number } | undefined)[]): VectorModel {
  return {
    inputs: coefs.map((_, i) => ({ id: `x${i}`, base: bases[i]!, ...(ranges?.[i] ?? {}) })),
    evaluate(columns, n, out) {
      for (let k = 0; k < n; k++) {
        let s = c0;
        for (let i = 0; i < coefs.length; i++) s += coefs[i]! * columns[i]![k]!;
        out[k] = s;
      }
    },
    holds: (o) => o >= 0,
  };
}

/** Identity of one input: out = x0 (for testing marginals through the Monte Carlo engine). */
export function identityModel(base = 0): VectorModel {
  return {
    inputs: [{ id: 'x', base }],
    evaluate(columns, n, out) {
      out.set(columns[0]!.subarray(0, n));
    },
    holds: (o) => o > base,
  };
}
