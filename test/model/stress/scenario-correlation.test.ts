import { describe, expect, it } from 'vitest';
import { scenarioPairsFor } from '../../../src/model/stress/scenario-correlation.js';

describe('a scenario\'s correlations for one claim (the CLI\'s --scenario and the pane\'s active scenario)', () => {
  it('gives the pairs between the claim\'s own inputs, with the scenario named', () => {
    expect(scenarioPairsFor('CN_UST_RMB_CONVERSION', 'generous rounding')).toEqual({
      scenario: expect.objectContaining({ name: 'Generous rounding' }),
      pairs: [{ a: 'CN_UST_CUM_REDUCTION', b: 'CN_UST_CUM_REDUCTION_RMB', rho: 0.9 }],
    });
  });

  it('gives nothing when the pair is not between the claim\'s inputs, under the article, or for an unknown scenario', () => {
    expect(scenarioPairsFor('TARIFF_IMPLIED_BASE', 'Generous rounding')).toBeUndefined();
    expect(scenarioPairsFor('CN_UST_RMB_CONVERSION', 'Article')).toBeUndefined();
    expect(scenarioPairsFor('CN_UST_RMB_CONVERSION', undefined)).toBeUndefined();
    expect(scenarioPairsFor('CN_UST_RMB_CONVERSION', 'No such scenario')).toBeUndefined();
  });
});
