import { describe, expect, it } from 'vitest';
import { loadSeedScenarios, parseScenarioFile, ScenarioError, toScenarioFile } from '../../../src/model/scenarios/index.js';

const file = (correlations: unknown) => ({
  format: 'claimcell.scenarios',
  version: 1,
  scenarios: [{ name: 'Tied', createdAt: '', updatedAt: '', overrides: { CN_UST_HOLDINGS: 700 }, correlations }],
});

describe('correlations in scenario files', () => {
  it('round-trip through parse and export; the seeds carry one pair', () => {
    const pairs = [{ a: 'CN_UST_CUM_REDUCTION', b: 'CN_UST_CUM_REDUCTION_RMB', rho: 0.5 }];
    const [s] = parseScenarioFile(file(pairs));
    expect(s!.correlations).toEqual(pairs);
    expect(toScenarioFile([s!]).scenarios[0]!.correlations).toEqual(pairs);
    expect(loadSeedScenarios().find((x) => x.name === 'Generous rounding')!.correlations).toEqual([{ a: 'CN_UST_CUM_REDUCTION', b: 'CN_UST_CUM_REDUCTION_RMB', rho: 0.9 }]);
    expect(toScenarioFile(parseScenarioFile(file(undefined))).scenarios[0]).not.toHaveProperty('correlations');
  });

  it('names every bad pair: unknown figure, self-pair, rho out of range, duplicate', () => {
    const bad = [
      { a: 'NOPE', b: 'CN_UST_HOLDINGS', rho: 0.1 },
      { a: 'CN_UST_HOLDINGS', b: 'CN_UST_HOLDINGS', rho: 0.1 },
      { a: 'CN_UST_HOLDINGS', b: 'WORLD_GDP', rho: 1.5 },
      { a: 'WORLD_GDP', b: 'CN_UST_HOLDINGS', rho: 0.2 },
    ];
    try {
      parseScenarioFile(file(bad));
      expect.unreachable();
    } catch (error) {
      const problems = (error as ScenarioError).problems.join('\n');
      expect(problems).toContain('correlations[0]: unknown figure id "NOPE"');
      expect(problems).toContain('correlations[1]: pairs CN_UST_HOLDINGS with itself');
      expect(problems).toContain('correlations[2].rho: must be from -1 to 1, got 1.5');
      expect(problems).toContain('correlations[3]: the pair WORLD_GDP, CN_UST_HOLDINGS is given twice');
    }
  });
});
