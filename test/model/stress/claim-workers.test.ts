import { describe, expect, it } from 'vitest';
import { monteCarloForClaim } from '../../../src/model/stress/claim-montecarlo.js';
import { inProcessLink, monteCarloForClaimOnWorkers } from '../../../src/model/stress/claim-workers.js';

/** The result without the run's own bookkeeping (bytes and worker count differ by design). */
const strip = (r: object) => {
  const { workingBytes: _b, workers: _w, ...rest } = r as Record<string, unknown>;
  return rest;
};

describe('Monte Carlo of a claim shared between workers', () => {
  // 300 000 samples = 5 segments: 1, 2 and 4 workers share them differently (4 workers: 1/1/1/2)
  const request = { claimId: 'OFFICIAL_UST_GDP_RATIO', samples: 300_000, seed: 'workers' };

  it('gives the same percentiles, mean, sd and P(holds), bit for bit, with 1, 2 and 4 workers and on this thread', async () => {
    const alone = monteCarloForClaim(request.claimId, { samples: request.samples, seed: request.seed });
    for (const workers of [1, 2, 4]) {
      const links = Array.from({ length: workers }, () => inProcessLink());
      const r = await monteCarloForClaimOnWorkers(request, links);
      expect(r.workers).toBe(workers);
      expect(strip(r), `${workers} workers`).toEqual(strip(alone));
      expect(Object.is(r.mean, alone.mean) && Object.is(r.sd, alone.sd)).toBe(true);
    }
  });

  it('a different seed gives different numbers (the comparison above can fail)', async () => {
    const r = await monteCarloForClaimOnWorkers({ ...request, seed: 'other' }, [inProcessLink(), inProcessLink()]);
    const alone = monteCarloForClaim(request.claimId, { samples: request.samples, seed: request.seed });
    expect(r.percentiles.p50).not.toBe(alone.percentiles.p50);
  });

  it('a claim whose inputs are all exact: one value everywhere, the same on workers', async () => {
    const exact = { claimId: 'GOLD_STREAK_START', samples: 200_000, seed: 1 };
    const alone = monteCarloForClaim(exact.claimId, { samples: exact.samples, seed: exact.seed });
    expect(alone.sd).toBe(0);
    expect(new Set(Object.values(alone.percentiles)).size).toBe(1);
    expect(alone.percentiles.p50).toBe(alone.baseOutput);
    expect(alone.histogram.counts[0]).toBe(200_000);
    const r = await monteCarloForClaimOnWorkers(exact, [inProcessLink(), inProcessLink()]);
    expect(strip(r)).toEqual(strip(alone));
  });

  it('passes the values in use (overrides) to every worker', async () => {
    const overrides = { OFFICIAL_UST_HOLDINGS: 11_000 };
    const r = await monteCarloForClaimOnWorkers({ ...request, overrides }, [inProcessLink(), inProcessLink()]);
    const alone = monteCarloForClaim(request.claimId, { samples: request.samples, seed: request.seed, overrides: new Map(Object.entries(overrides)) });
    expect(strip(r)).toEqual(strip(alone));
    expect(r.inputs.find((i) => i.id === 'OFFICIAL_UST_HOLDINGS')!.base).toBe(11_000);
  });

  it('reports progress and rejects at once with an AbortError when cancelled', async () => {
    const ac = new AbortController();
    const seen: number[] = [];
    const run = monteCarloForClaimOnWorkers({ ...request, samples: 2_000_000 }, [inProcessLink(), inProcessLink()], { signal: ac.signal, onProgress: (p) => seen.push(p.fraction) });
    setTimeout(() => ac.abort(), 1);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('names a bad request before any worker runs', async () => {
    await expect(monteCarloForClaimOnWorkers({ ...request, claimId: 'NO_SUCH_CLAIM' }, [inProcessLink()])).rejects.toThrow(/unknown claim id "NO_SUCH_CLAIM"/);
    await expect(monteCarloForClaimOnWorkers({ ...request, samples: 0 }, [inProcessLink()])).rejects.toThrow(/samples must be a whole number/);
  });
});
