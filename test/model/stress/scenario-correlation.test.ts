import { describe, expect, it } from 'vitest';
import { readScenarioTable } from '../../../src/excel/scenarios.js';
import { loadSeedScenarios, toScenarioFile } from '../../../src/model/scenarios/index.js';
import { scenarioPairsFor, scenarioWithoutCorrelations } from '../../../src/model/stress/scenario-correlation.js';
import { articlePlan, SCENARIO_NAMES } from '../../../src/plan/index.js';

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

describe('the same rule over a workbook\'s scenarios (the pane\'s state, a --workbook)', () => {
  const seeds = loadSeedScenarios();
  const made = { name: 'My case', description: '', author: '', createdAt: '', updatedAt: '', overrides: new Map<string, number>() };

  it('looks the scenario up among the scenarios given, with their own correlations', () => {
    const withPairs = { ...made, correlations: [{ a: 'CN_UST_CUM_REDUCTION', b: 'CN_UST_CUM_REDUCTION_RMB', rho: 0.4 }] };
    expect(scenarioPairsFor('CN_UST_RMB_CONVERSION', 'my CASE', {}, [withPairs])?.pairs).toEqual([{ a: 'CN_UST_CUM_REDUCTION', b: 'CN_UST_CUM_REDUCTION_RMB', rho: 0.4 }]);
    expect(scenarioPairsFor('CN_UST_RMB_CONVERSION', 'My case', {}, seeds)).toBeUndefined();
    expect(scenarioWithoutCorrelations('My case', [withPairs])).toBeUndefined();
  });

  it('names the scenario in use when it states no correlations, never the article', () => {
    expect(scenarioWithoutCorrelations('My case', [...seeds, made])).toEqual({ name: 'My case' });
    expect(scenarioWithoutCorrelations('Published values')).toEqual(expect.objectContaining({ name: 'Published values' }));
    expect(scenarioWithoutCorrelations('Generous rounding')).toBeUndefined();
    expect(scenarioWithoutCorrelations('Article')).toBeUndefined();
    expect(scenarioWithoutCorrelations(undefined)).toBeUndefined();
  });

  it('a Scenarios sheet read without the add-in\'s record keeps a shipped scenario\'s correlations by its exact name, and none for one made there', () => {
    const plan = articlePlan({ edits: new Map() }, { includeCustomFunctions: false });
    const sheet = plan.sheets.find((s) => s.name === SCENARIO_NAMES.sheet)!;
    const values: unknown[][] = sheet.cells.map((row) => row.map((cell) => cell.v ?? cell.cached ?? null));
    values[SCENARIO_NAMES.row - 1]![SCENARIO_NAMES.firstColumn + seeds.length] = 'My case';
    const read = readScenarioTable(values, undefined).scenarios;
    expect(read.find((s) => s.name === 'Generous rounding')?.correlations).toEqual(seeds.find((s) => s.name === 'Generous rounding')!.correlations);
    expect(read.find((s) => s.name === 'My case')?.correlations).toBeUndefined();
    // with the add-in's record, the record decides (a scenario it lists without pairs has none)
    const { correlations: _dropped, ...generous } = seeds.find((s) => s.name === 'Generous rounding')!;
    const record = toScenarioFile([generous]);
    expect(readScenarioTable(values, JSON.stringify(record)).scenarios.find((s) => s.name === 'Generous rounding')?.correlations).toBeUndefined();
  });
});
