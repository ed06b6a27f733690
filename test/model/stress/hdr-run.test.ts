/** The Monte Carlo engine driven by the HDR generator: its draws are the published stream, whatever the chunking or the workers. */
import { describe, expect, it } from 'vitest';
import { inProcessLink, monteCarloForClaimOnWorkers } from '../../../src/model/stress/claim-workers.js';
import { monteCarloForClaim } from '../../../src/model/stress/claim-montecarlo.js';
import { hdrSeedsFor, hdrUniform, inverseCdf } from '../../../src/model/stress/hdr.js';
import { runMonteCarlo } from '../../../src/model/stress/montecarlo.js';
import { scalarModel } from '../../../src/model/stress/types.js';

const inputs = [
  { id: 'A', base: 10 },
  { id: 'B', base: 2 },
];
const model = scalarModel(inputs, ([a, b]) => a! * b!, (v) => v > 20);
const distributions = { A: { type: 'normal', mean: 10, sd: 1 }, B: { type: 'uniform', lo: 1.5, hi: 2.5 } } as const;

describe('Monte Carlo with --generator hdr', () => {
  it('draws trial k of every input as the inverse CDF of HDR(k, 1, varId, seed, 0)', () => {
    const n = 3000;
    const r = runMonteCarlo(model, { samples: n, seed: 11, distributions, generator: 'hdr', chunkSize: 700 });
    let sum = 0, held = 0;
    for (let k = 1; k <= n; k++) {
      const a = inverseCdf(distributions.A, hdrUniform(k, hdrSeedsFor('A', 11)));
      const b = inverseCdf(distributions.B, hdrUniform(k, hdrSeedsFor('B', 11)));
      sum += a * b;
      held += +(a * b > 20);
    }
    expect(r.mean).toBeCloseTo(sum / n, 10);
    expect(r.probabilityHolds).toBe(held / n);
  });

  it('does not depend on the chunk size, and differs from the default generator', () => {
    const one = runMonteCarlo(model, { samples: 5000, seed: 3, distributions, generator: 'hdr' });
    const chunked = runMonteCarlo(model, { samples: 5000, seed: 3, distributions, generator: 'hdr', chunkSize: 333 });
    // the chunk buffers' bytes differ by design; every statistic is identical
    expect({ ...chunked, workingBytes: 0 }).toEqual({ ...one, workingBytes: 0 });
    expect(runMonteCarlo(model, { samples: 5000, seed: 3, distributions }).mean).not.toBe(one.mean);
  });

  it('a claim on workers gives the same result as on this thread', async () => {
    const request = { claimId: 'TARIFF_IMPLIED_BASE', samples: 140_000, seed: 11, generator: 'hdr' } as const;
    const alone = monteCarloForClaim(request.claimId, request);
    expect(alone.generator).toBe('hdr');
    const { workingBytes: _b, workers: _w, ...onWorkers } = await monteCarloForClaimOnWorkers(request, [inProcessLink(), inProcessLink()]);
    expect(onWorkers).toEqual(alone);
  });

  it('refuses a seed outside its exact range, a word, too many trials, and correlation, naming the field', () => {
    const run = (extra: object) => () => runMonteCarlo(model, { samples: 10, seed: 1, distributions, generator: 'hdr', ...extra });
    expect(run({ seed: 'word' })).toThrow(/seed must, with the HDR generator, be a whole number from 0 to 9999999/);
    expect(run({ seed: 10_000_000 })).toThrow(/got 10000000/);
    expect(run({ samples: 10_000_001 })).toThrow(/samples must be at most 9999999/);
    expect(run({ correlation: { inputs: ['A', 'B'], matrix: [[1, 0.5], [0.5, 1]] } })).toThrow(/correlation is not available with the HDR generator/);
    expect(run({ generator: 'mersenne' })).toThrow(/generator must be one of default, hdr, got "mersenne"/);
  });
});
