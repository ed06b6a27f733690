/**
 * Issue 21's analyses beside a plain Monte Carlo:
 *   explain.converge.<ID>.samples          samples of the result when stopping at ±0.5 pp (95%)
 *   explain.converge.<ID>.samples_drawn    samples drawn over all stages (what it cost)
 *   explain.converge.<ID>.vs_fixed_1e6     samples drawn / 10^6 (a fixed run of a million)
 *   explain.converge_ms.<ID> / explain.fixed_1e6_ms.<ID>   wall times of the two
 *   explain.drivers_ms.<ID>                drivers on the first 65 536 trials
 *   explain.drivers.<ID>.vs_mc_65536       drivers / a plain Monte Carlo of 65 536 samples (overhead)
 *   explain.drivers_bytes.<ID>             bytes of the kept trials (inputs + output)
 *   explain.pbreakeven_ms.<ID>             probabilistic break-even at 50% on 20 000 common trials
 *   explain.nearest_corr_ms.10x10          Higham repair of an inconsistent 10×10 matrix
 */
import type { Report } from './run.js';
import { medianMs } from './timing.js';
import { driversForClaim } from '../src/model/stress/claim-drivers.js';
import { DRIVER_SAMPLES } from '../src/model/stress/drivers.js';
import { monteCarloToPrecision } from '../src/model/stress/claim-precision.js';
import { probabilityBreakEvenForClaim } from '../src/model/stress/claim-pbreakeven.js';
import { stressModelFor } from '../src/model/stress/claims.js';
import { monteCarloForClaim } from '../src/model/stress/claim-montecarlo.js';
import { nearestCorrelation } from '../src/model/stress/nearest-correlation.js';

const CLAIMS = [
  { id: 'OFFICIAL_UST_NEAR_10TN', input: 'OFFICIAL_UST_HOLDINGS' },
  { id: 'BYD_DEAL_USD', input: 'BYD_JABIL_DEAL' },
  { id: 'CN_UST_HOLDINGS_VS_TIC', input: 'CN_UST_HOLDINGS' },
];

export async function run(report: Report): Promise<void> {
  for (const { id, input } of CLAIMS) {
    const c = monteCarloToPrecision(id, { seed: 1, precision: 0.005, maxSamples: 1_000_000 }).convergence;
    report({ name: `explain.converge.${id}.samples`, value: c.samples, unit: 'samples' });
    report({ name: `explain.converge.${id}.samples_drawn`, value: c.samplesDrawn, unit: 'samples' });
    report({ name: `explain.converge.${id}.vs_fixed_1e6`, value: c.samplesDrawn / 1e6, unit: 'ratio' });
    const converge = await medianMs(() => monteCarloToPrecision(id, { seed: 1, precision: 0.005, maxSamples: 1_000_000 }), 5, 1);
    const fixed = await medianMs(() => monteCarloForClaim(id, { samples: 1_000_000, seed: 1 }), 3, 1);
    report({ name: `explain.converge_ms.${id}`, value: converge, unit: 'ms' });
    report({ name: `explain.fixed_1e6_ms.${id}`, value: fixed, unit: 'ms' });
    const drivers = await medianMs(() => driversForClaim(id, { seed: 1 }), 5, 1);
    const mc = await medianMs(() => monteCarloForClaim(id, { samples: DRIVER_SAMPLES, seed: 1 }), 5, 1);
    report({ name: `explain.drivers_ms.${id}`, value: drivers, unit: 'ms' });
    report({ name: `explain.drivers.${id}.vs_mc_65536`, value: drivers / mc, unit: 'ratio' });
    report({ name: `explain.drivers_bytes.${id}`, value: (stressModelFor(id).model.inputs.length + 1) * 8 * DRIVER_SAMPLES, unit: 'bytes' });
    report({ name: `explain.pbreakeven_ms.${id}`, value: await medianMs(() => probabilityBreakEvenForClaim(id, input, { seed: 1, probability: 0.5 }), 3, 1), unit: 'ms' });
  }
  // ±0.8 by (i + j) mod 3: not positive definite, so the repair runs
  const m = 10;
  const A = Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) => (i === j ? 1 : (i + j) % 3 === 0 ? -0.8 : 0.8)));
  const r = nearestCorrelation(A);
  if (!r.repaired) throw new Error('the bench matrix should need a repair');
  report({ name: 'explain.nearest_corr_ms.10x10', value: await medianMs(() => nearestCorrelation(A), 5, 1), unit: 'ms' });
  report({ name: 'explain.nearest_corr_iterations.10x10', value: r.iterations, unit: 'iterations' });
}
