import { describe, expect, it } from 'vitest';
import { cli } from './run.js';
import { driversForClaim } from '../../src/model/stress/claim-drivers.js';
import { probabilityBreakEvenForClaim } from '../../src/model/stress/claim-pbreakeven.js';

const ID = 'OFFICIAL_UST_NEAR_10TN';

describe('cli stress drivers / breakeven --probability / ptable / --corr', () => {
  it('drivers --json equals the model; the table prints z and rank correlations', async () => {
    const r = await cli('stress', 'drivers', ID, '--seed', '3', '--samples', '5000', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(driversForClaim(ID, { seed: 3, samples: 5000 }))));
    const t = await cli('stress', 'drivers', ID, '--seed', '3', '--samples', '5000');
    expect(t.out).toMatch(/input +rank corr +median +median failing +z \(sd\) +significant/);
    expect(t.out).toMatch(/failing trials: [\d,]+/);
  });

  it('breakeven --probability 0.5 finds the crossing on common random numbers', async () => {
    const r = await cli('stress', 'breakeven', ID, 'OFFICIAL_UST_HOLDINGS', '--probability', '0.5', '--seed', '1', '--samples', '2000', '--json');
    expect(r.code).toBe(0);
    const got = JSON.parse(r.out) as { value: number; found: boolean };
    expect(got.found).toBe(true);
    expect(got.value).toBe(probabilityBreakEvenForClaim(ID, 'OFFICIAL_UST_HOLDINGS', { seed: 1, samples: 2000, probability: 0.5 }).value);
    const t = await cli('stress', 'breakeven', ID, 'OFFICIAL_UST_HOLDINGS', '--probability', '0.9', '--seed', '1', '--samples', '2000');
    expect(t.out).toMatch(/where P\(holds\) reaches 90%/);
  });

  it('ptable prints a grid of probabilities', async () => {
    const r = await cli('stress', 'ptable', ID, 'OFFICIAL_UST_HOLDINGS', 'UST_PSYCH_THRESHOLD', '--seed', '1', '--steps', '3', '--samples', '1000');
    expect(r.code).toBe(0);
    expect(r.out).toContain('OFFICIAL_UST_HOLDINGS \\ UST_PSYCH_THRESHOLD');
    expect(r.out).toMatch(/\d+%/);
  });

  it('--corr: the note shows the matrix used; an inconsistent one is repaired and said so', async () => {
    const ok = await cli('stress', 'montecarlo', ID, '--samples', '5000', '--seed', '1', '--corr', 'OFFICIAL_UST_HOLDINGS,UST_PSYCH_THRESHOLD,0.5');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('Rank correlations used, as given:');
    const bad = await cli('stress', 'drivers', 'BRICS_OCT_PARTS', '--seed', '1', '--samples', '2000',
      '--corr', 'INDIA_UST_CUT_OCT,BRAZIL_UST_CUT_OCT,0.9', '--corr', 'BRAZIL_UST_CUT_OCT,CHINA_UST_CUT_OCT,0.9', '--corr', 'INDIA_UST_CUT_OCT,CHINA_UST_CUT_OCT,-0.9');
    expect(bad.code).toBe(0);
    expect(bad.out).toMatch(/inconsistent .*Higham 2002/);
  });

  it('--quantiles fits a metalog, on workers too; an infeasible triple falls back and is named', async () => {
    const args = ['stress', 'montecarlo', ID, '--samples', '70000', '--seed', '1', '--quantiles', 'OFFICIAL_UST_HOLDINGS=9000,9360,9800', '--json'];
    const one = await cli(...args, '--workers', '1');
    const two = await cli(...args, '--workers', '2');
    expect(one.code).toBe(0);
    expect(two.out).toBe(one.out);
    expect((JSON.parse(one.out) as { inputs: { id: string; rule: string }[] }).inputs.find((i) => i.id === 'OFFICIAL_UST_HOLDINGS')!.rule).toBe('quantiles');
    const bad = await cli('stress', 'montecarlo', ID, '--samples', '1000', '--seed', '1', '--workers', '1', '--quantiles', 'OFFICIAL_UST_HOLDINGS=9359,9360,9800');
    expect(bad.code).toBe(0);
    expect(bad.out).toContain('quantiles refused: OFFICIAL_UST_HOLDINGS: no 3-term metalog passes through P10 = 9359, P50 = 9360, P90 = 9800');
    const malformed = await cli('stress', 'montecarlo', ID, '--samples', '10', '--seed', '1', '--quantiles', 'OFFICIAL_UST_HOLDINGS=1,2');
    expect(malformed.code).toBe(2);
    expect(malformed.err).toContain('--quantiles must be INPUT=P10,P50,P90');
  }, 60_000);

  it('validates every option, naming the flag and the value (exit 2)', async () => {
    const cases: [string[], string][] = [
      [['stress', 'drivers', ID, '--seed', '1', '--samples', '2'], '--samples'],
      [['stress', 'drivers', ID], '--seed'],
      [['stress', 'breakeven', ID, 'OFFICIAL_UST_HOLDINGS', '--probability', '1.2', '--seed', '1'], '1.2'],
      [['stress', 'ptable', ID, 'OFFICIAL_UST_HOLDINGS', 'UST_PSYCH_THRESHOLD', '--seed', '1', '--steps', '40'], '40'],
      [['stress', 'montecarlo', ID, '--samples', '10', '--seed', '1', '--corr', 'A,B,2'], '"2"'],
      [['stress', 'montecarlo', ID, '--samples', '10', '--seed', '1', '--corr', 'NOPE,UST_PSYCH_THRESHOLD,0.2'], 'NOPE'],
      [['stress', 'montecarlo', ID, '--samples', '10', '--seed', '1', '--corr', 'OFFICIAL_UST_HOLDINGS,UST_PSYCH_THRESHOLD,0.2', '--corr-weight', 'X=0'], 'X=0'],
    ];
    for (const [args, named] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toContain(named);
    }
  });
});

describe('correlations in scenarios', () => {
  it('a shipped scenario’s pairs apply to a claim that reads both figures, and --corr replaces them', async () => {
    const args = ['stress', 'montecarlo', 'BYD_DEAL_USD', '--samples', '5000', '--seed', '1', '--scenario', 'Generous rounding'];
    const r = await cli(...args);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Correlations of scenario "Generous rounding"');
    expect(r.out).toMatch(/CN_UST_CUM_REDUCTION +1\.0000 +0\.9000/);
    const replaced = await cli(...args, '--corr', 'CN_UST_CUM_REDUCTION,CN_UST_CUM_REDUCTION_RMB,0.2');
    expect(replaced.out).not.toContain('Correlations of scenario');
    expect(replaced.out).toMatch(/CN_UST_CUM_REDUCTION +1\.0000 +0\.2000/);
    // a claim without those inputs runs as before
    const other = await cli('stress', 'montecarlo', 'BRICS_OCT_PARTS', '--samples', '1000', '--seed', '1', '--scenario', 'Generous rounding');
    expect(other.code).toBe(0);
    expect(other.out).not.toContain('Correlations');
  });
});
