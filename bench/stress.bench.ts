/**
 * Deterministic sensitivity analyses: tornado (one vectorised evaluate call over all inputs) and a
 * 101 × 101 two-way table (one call of 10 201 samples), plus break-even searches.
 */
import type { Report } from './run.js';
import { medianMs } from './timing.js';
import { breakEven } from '../src/model/stress/breakeven.js';
import { grid, tornado, twoWayTable } from '../src/model/stress/sensitivity.js';
import { holdsWithin, type VectorModel } from '../src/model/stress/types.js';

const tariff: VectorModel = {
  inputs: [{ id: 'volume', base: 1056 }, { id: 'rate', base: 0.25, low: 0.2, high: 0.3 }],
  evaluate(c, n, out) {
    const v = c[0]!, r = c[1]!;
    for (let k = 0; k < n; k++) out[k] = v[k]! * r[k]!;
  },
  ...holdsWithin(264, 13.2),
};

const debtshare: VectorModel = {
  inputs: [{ id: 'holdings', base: 9360 }, { id: 'gdp', base: 123580 }],
  evaluate(c, n, out) {
    const h = c[0]!, g = c[1]!;
    for (let k = 0; k < n; k++) out[k] = h[k]! / g[k]!;
  },
  ...holdsWithin(0.076, 0.0005),
};

/** 20-input linear model with stated ranges on half the inputs. */
const M = 20;
const linear20: VectorModel = {
  inputs: Array.from({ length: M }, (_, i) => ({ id: `x${i}`, base: 10 + i, ...(i % 2 === 0 ? { low: 9 + i, high: 12 + i } : {}) })),
  evaluate(c, n, out) {
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (let i = 0; i < M; i++) s += (i + 1) * c[i]![k]!;
      out[k] = s;
    }
  },
  holds: (o) => o > 0,
};

export async function run(report: Report): Promise<void> {
  report({ name: 'stress.tornado_ms.tariff', value: await medianMs(() => tornado(tariff), 21, 5), unit: 'ms' });
  report({ name: 'stress.tornado_ms.linear20', value: await medianMs(() => tornado(linear20), 21, 5), unit: 'ms' });
  report({ name: 'stress.tornado_ms.linear20_steps21', value: await medianMs(() => tornado(linear20, { steps: 21 }), 21, 5), unit: 'ms' });
  const ga = grid(900, 1200, 101), gb = grid(0.2, 0.3, 101);
  report({ name: 'stress.two_way_101x101_ms.tariff', value: await medianMs(() => twoWayTable(tariff, 'volume', ga, 'rate', gb), 21, 5), unit: 'ms' });
  const gh = grid(9000, 9700, 101), gg = grid(120000, 127000, 101);
  report({ name: 'stress.two_way_101x101_ms.debtshare', value: await medianMs(() => twoWayTable(debtshare, 'holdings', gh, 'gdp', gg), 21, 5), unit: 'ms' });
  report({ name: 'stress.breakeven_ms.tariff_rate_264', value: await medianMs(() => breakEven(tariff, 'rate', 264, { lo: 0.2, hi: 0.3 }), 21, 5), unit: 'ms' });
  report({ name: 'stress.breakeven_flip_ms.debtshare_holdings', value: await medianMs(() => breakEven(debtshare, 'holdings', 'flip', { lo: 9360, hi: 9600 }), 21, 5), unit: 'ms' });
}
