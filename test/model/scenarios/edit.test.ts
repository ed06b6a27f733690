import { describe, expect, it } from 'vitest';
import {
  compareScenarios,
  createScenario,
  deleteScenario,
  duplicateScenario,
  loadSeedScenarios,
  parseScenarioFile,
  renameScenario,
  ScenarioError,
  setActive,
  setOverride,
  toScenarioFile,
  undoDelete,
  type ScenarioState,
} from '../../../src/model/scenarios/index.js';

const NOW = '2026-11-25';
const start = (): ScenarioState => ({ scenarios: loadSeedScenarios(), active: 'Article' });

describe('scenario editing', () => {
  it('ships scenarios drawn from the article, each valid', () => {
    expect(loadSeedScenarios().length).toBeGreaterThanOrEqual(3);
    for (const s of loadSeedScenarios()) expect(s.overrides.size, s.name).toBeGreaterThan(0);
  });

  it('creates, duplicates, renames and edits overrides', () => {
    let state = createScenario(start(), 'Mine', NOW, 'me', 'test');
    state = setOverride(state, 'Mine', 'WORLD_GDP', 100000, NOW);
    state = duplicateScenario(state, 'Mine', 'Mine too', NOW);
    state = renameScenario(state, 'Mine', 'Ours', NOW);
    expect(state.scenarios.map((s) => s.name)).toEqual([...loadSeedScenarios().map((s) => s.name), 'Ours', 'Mine too']);
    expect(state.scenarios.at(-1)!.overrides.get('WORLD_GDP')).toBe(100000);
    state = setOverride(state, 'Ours', 'WORLD_GDP', null, NOW);
    expect(state.scenarios.find((s) => s.name === 'Ours')!.overrides.size).toBe(0);
  });

  it('never lets the baseline be edited, renamed or deleted', () => {
    expect(() => setOverride(start(), 'Article', 'WORLD_GDP', 1, NOW)).toThrow(/baseline/);
    expect(() => deleteScenario(start(), 'article')).toThrow(/baseline/);
    expect(() => createScenario(start(), 'Article', NOW)).toThrow(/baseline/);
    expect(() => renameScenario(start(), 'Generous rounding', 'ARTICLE', NOW)).toThrow(/baseline/);
  });

  it('rejects bad values naming the scenario and figure', () => {
    expect(() => setOverride(start(), 'Generous rounding', 'AI_CHIP_TARIFF_RATE', 25, NOW)).toThrow(/Generous rounding.*AI_CHIP_TARIFF_RATE: 25 looks like a percent/);
    expect(() => setOverride(start(), 'Generous rounding', 'NOPE', 1, NOW)).toThrow(/NOPE: unknown figure id/);
    expect(() => setOverride(start(), 'Generous rounding', 'WORLD_GDP', -5, NOW)).toThrow(/negative/);
    expect(() => createScenario(start(), 'Generous ROUNDING', NOW)).toThrow(/already exists/);
  });

  it('undoes the last delete in place, and moves the active scenario back to the baseline', () => {
    let state = setActive(start(), 'Generous rounding');
    state = deleteScenario(state, 'Generous rounding');
    expect(state.active).toBe('Article');
    expect(state.scenarios.some((s) => s.name === 'Generous rounding')).toBe(false);
    const back = undoDelete(state);
    expect(back.scenarios.map((s) => s.name)).toEqual(loadSeedScenarios().map((s) => s.name));
    expect(undoDelete(back)).toBe(back);
  });

  it('compares two scenarios: inputs that differ and verdicts that change', () => {
    const diff = compareScenarios(start(), 'Article', 'Published values');
    expect(diff.inputs.map((i) => i.figure)).toEqual(['CN_UST_CUM_REDUCTION', 'PBOC_GOLD_RESERVE']);
    expect(diff.verdicts.find((v) => v.claim === 'PBOC_YEAR_END_STOCK')).toEqual({ claim: 'PBOC_YEAR_END_STOCK', a: 'inconsistent', b: 'consistent' });
  });

  it('round-trips through the versioned JSON file, dates included', () => {
    const state = setOverride(createScenario(start(), 'Dated', NOW), 'Dated', 'ORDER_DATE_P13', '2026-01-14', NOW);
    const again = parseScenarioFile(JSON.parse(JSON.stringify(toScenarioFile(state.scenarios))));
    expect(again.at(-1)!.overrides.get('ORDER_DATE_P13')).toBe(46036);
    expect(toScenarioFile(again).scenarios.at(-1)!.overrides.ORDER_DATE_P13).toBe('2026-01-14');
  });

  it('collects every problem of a bad file before failing', () => {
    try {
      parseScenarioFile({ format: 'claimcell.scenarios', version: 1, scenarios: [{ name: 'a', createdAt: '', updatedAt: '', overrides: { X: 1, WORLD_GDP: 'big' } }] });
      expect.fail('should reject');
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      expect((error as ScenarioError).problems).toHaveLength(2);
    }
  });
});
