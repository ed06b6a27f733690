import { describe, expect, it } from 'vitest';
import { cli } from './run.js';
import { monteCarloForClaim } from '../../src/model/stress/claim-montecarlo.js';

describe('cli stress montecarlo --precision', () => {
  it('stops on precision, says how, and equals the fixed run of the size it stopped at, on 1 or 2 workers', async () => {
    const args = ['stress', 'montecarlo', 'OFFICIAL_UST_NEAR_10TN', '--precision', '0.005', '--max-samples', '1000000', '--seed', '5', '--json'];
    const one = await cli(...args, '--workers', '1');
    expect(one.code).toBe(0);
    const r = JSON.parse(one.out) as { samples: number; probabilityHolds: number; convergence: { stoppedBy: string; holdsHalfWidth: number; samples: number } };
    expect(r.convergence.stoppedBy).toBe('converged');
    expect(r.convergence.holdsHalfWidth).toBeLessThanOrEqual(0.005);
    expect(r.probabilityHolds).toBe(monteCarloForClaim('OFFICIAL_UST_NEAR_10TN', { samples: r.samples, seed: 5 }).probabilityHolds);
    const two = await cli(...args, '--workers', '2');
    expect(two.out).toBe(one.out);
    const readable = await cli('stress', 'montecarlo', 'OFFICIAL_UST_NEAR_10TN', '--precision', '0.001', '--max-samples', '10000', '--seed', '5', '--workers', '1');
    expect(readable.out).toMatch(/stopped by +cap; 14,096 samples drawn over stages 4096, 10000/);
    expect(readable.out).toMatch(/P\(holds\) +0\.\d+ \(±\d\.?\d* pp, 95%\)/);
  }, 60_000);

  it('validates every option, naming the flag and the value', async () => {
    const base = ['stress', 'montecarlo', 'OFFICIAL_UST_NEAR_10TN', '--seed', '1'];
    const both = await cli(...base, '--samples', '100', '--precision', '0.01');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--samples 100 fixes the run');
    for (const [flag, value] of [['--precision', '0'], ['--precision', '0.7'], ['--max-samples', '1.5'], ['--mean-precision', '-2']] as const) {
      const bad = await cli(...base, flag, value);
      expect(bad.code, `${flag} ${value}`).toBe(2);
      expect(bad.err).toContain(flag);
      expect(bad.err).toContain(value);
    }
    const noVerdict = await cli('stress', 'montecarlo', 'CN_UST_RMB_CONVERSION', '--seed', '1', '--precision', '0.01', '--workers', '1');
    expect(noVerdict.code).toBe(2);
    expect(noVerdict.err).toContain('no verdict');
  });
});
