import { describe, expect, it } from 'vitest';
import { monteCarloForClaim } from '../../../src/model/stress/claim-montecarlo.js';
import { inProcessLink, monteCarloForClaimOnWorkers } from '../../../src/model/stress/claim-workers.js';
import { convergenceReading, monteCarloToPrecision, monteCarloToPrecisionAsync, precisionOf } from '../../../src/model/stress/claim-precision.js';
import { FIRST_STAGE, holdsHalfWidth, meanHalfWidth, runToPrecisionAsync, Z95 } from '../../../src/model/stress/convergence.js';
import { StressCancelledError } from '../../../src/model/stress/types.js';

/** The Wilson interval by its definition, found by bisection: every π with |p̂ − π| ≤ z·√(π(1−π)/n). */
function wilsonByBisection(p: number, n: number): number {
  const inside = (pi: number) => Math.abs(p - pi) <= Z95 * Math.sqrt((pi * (1 - pi)) / n);
  const edge = (out: number, inn: number) => {
    for (let i = 0; i < 200; i++) {
      const mid = (out + inn) / 2;
      if (inside(mid)) inn = mid;
      else out = mid;
    }
    return inn;
  };
  return (edge(1, p === 1 ? 1 : Math.min(1, p)) - edge(0, Math.max(0, p))) / 2;
}

describe('precision of a Monte Carlo probability', () => {
  it('is half the Wilson interval, checked against its definition', () => {
    for (const [p, n] of [[0.5, 1000], [0.9, 4096], [0.01, 65536], [0.3, 123]] as const) {
      expect(holdsHalfWidth(p, n)).toBeCloseTo(wilsonByBisection(p, n), 9);
    }
    // no failing sample still leaves a width (the normal approximation would say 0)
    expect(holdsHalfWidth(1, 4096)).toBeGreaterThan(0);
    expect(holdsHalfWidth(1, 4096)).toBeCloseTo(wilsonByBisection(1, 4096), 9);
    expect(meanHalfWidth(2, 400)).toBeCloseTo((1.959963984540054 * 2) / 20, 15);
  });
});

describe('Monte Carlo that stops on precision', () => {
  const id = 'OFFICIAL_UST_NEAR_10TN'; // P(holds) ≈ 0.69: needs tens of thousands of samples for ±0.5 pp

  it('stops at the first scheduled size whose half-width meets the target, with that fixed run’s result', () => {
    const r = monteCarloToPrecision(id, { seed: 7, maxSamples: 1_000_000 });
    const c = r.convergence;
    expect(c.stoppedBy).toBe('converged');
    expect(c.holdsHalfWidth!).toBeLessThanOrEqual(0.005);
    expect(c.stages[0]).toBe(FIRST_STAGE);
    expect(c.stages.at(-1)).toBe(c.samples);
    expect(c.samplesDrawn).toBe(c.stages.reduce((a, b) => a + b, 0));
    // every earlier stage missed the target (else it would have stopped there)
    for (const n of c.stages.slice(0, -1)) {
      const earlier = monteCarloForClaim(id, { samples: n, seed: 7 });
      expect(holdsHalfWidth(earlier.probabilityHolds!, n)).toBeGreaterThan(0.005);
    }
    const fixed = monteCarloForClaim(id, { samples: c.samples, seed: 7 });
    expect(r.probabilityHolds).toBe(fixed.probabilityHolds);
    expect(r.mean).toBe(fixed.mean);
    expect(precisionOf(r)).toBe(c.holdsHalfWidth);
    expect(convergenceReading(c).en).toMatch(/Stopped on precision at [\d,]+ samples: P\(holds\) is known to ±0\.\d+ pp/);
    expect(convergenceReading(c).zh).toContain('达到精度');
    // far fewer than a fixed million
    expect(c.samplesDrawn).toBeLessThan(200_000);
  });

  it('stops at the cap when the target is out of reach, and says so', () => {
    const r = monteCarloToPrecision(id, { seed: 7, precision: 0.0001, maxSamples: 20_000 });
    expect(r.convergence.stoppedBy).toBe('cap');
    expect(r.samples).toBe(20_000);
    expect(r.convergence.holdsHalfWidth!).toBeGreaterThan(0.0001);
    expect(convergenceReading(r.convergence).en).toContain('Stopped at the cap of 20,000 samples');
  });

  it('gives the same stop and result on 1 and 3 workers as on this thread', async () => {
    const alone = monteCarloToPrecision(id, { seed: 'w', precision: 0.003, maxSamples: 500_000 });
    for (const workers of [1, 3]) {
      const links = Array.from({ length: workers }, () => inProcessLink());
      const r = await monteCarloToPrecisionAsync(id, { seed: 'w', precision: 0.003, maxSamples: 500_000 }, async (samples) => {
        const { workingBytes: _b, workers: _w, ...rest } = await monteCarloForClaimOnWorkers({ claimId: id, samples, seed: 'w' }, links);
        return rest;
      });
      expect(r.convergence).toEqual(alone.convergence);
      expect(r.probabilityHolds).toBe(alone.probabilityHolds);
      expect(r.percentiles).toEqual(alone.percentiles);
    }
  });

  it('a mean target works for a claim without a verdict; a P(holds) target alone is refused there', () => {
    const noVerdict = 'CN_UST_RMB_CONVERSION';
    expect(() => monteCarloToPrecision(noVerdict, { seed: 1, maxSamples: 100_000 })).toThrow(/no verdict.*meanPrecision/);
    const first = monteCarloForClaim(noVerdict, { samples: FIRST_STAGE, seed: 1 });
    const target = meanHalfWidth(first.sd, FIRST_STAGE) / 3; // needs about 9× the first stage
    const r = monteCarloToPrecision(noVerdict, { seed: 1, meanPrecision: target, maxSamples: 1_000_000 });
    expect(r.convergence.stoppedBy).toBe('converged');
    expect(r.convergence.meanHalfWidth).toBeLessThanOrEqual(target);
    expect(r.samples).toBeGreaterThanOrEqual(8 * FIRST_STAGE);
  });

  it('a cancelled stage returns the last complete one, marked cancelled; a cancel before any stage rejects', async () => {
    let calls = 0;
    const stage = async (samples: number) => {
      if (++calls === 2) throw new StressCancelledError('cancelled');
      return { samples, probabilityHolds: 0.5, sd: 1, finite: samples };
    };
    const r = await runToPrecisionAsync({ precision: 0.001, maxSamples: 1_000_000 }, stage);
    expect(r.convergence.stoppedBy).toBe('cancelled');
    expect(r.result.samples).toBe(FIRST_STAGE);
    expect(r.convergence.samplesDrawn).toBe(FIRST_STAGE);
    await expect(runToPrecisionAsync({ maxSamples: 100 }, async () => Promise.reject(new StressCancelledError('x')))).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('names a bad target', () => {
    expect(() => monteCarloToPrecision(id, { seed: 1, precision: 0, maxSamples: 100 })).toThrow(/precision must be .* got 0/);
    expect(() => monteCarloToPrecision(id, { seed: 1, precision: 0.01, maxSamples: 0 })).toThrow(/maxSamples must be a whole number ≥ 1, got 0/);
    expect(() => monteCarloToPrecision(id, { seed: 1, meanPrecision: -1, maxSamples: 10 })).toThrow(/meanPrecision must be a number above 0, got -1/);
  });
});
