import { describe, expect, it } from 'vitest';

import { parseScenarioFile, ScenarioError, SCENARIO_FORMAT, SCENARIO_FORMAT_VERSION } from '../../../src/model/scenarios/index.js';
import { auditUserTables } from '../../../src/model/user/index.js';
import { valuesFromChoices, valuesFromWorkbook } from '../../../src/model/values/index.js';
import { exampleUserTables } from '../../../src/plan/index.js';

// The worked example: MY_UST_INCOME = CN_UST_HOLDINGS × MY_UST_YIELD ≥ 25, consistent at the user's 4%.
const mine = exampleUserTables();
const file = (overrides: Record<string, unknown>) => ({
  format: SCENARIO_FORMAT,
  version: SCENARIO_FORMAT_VERSION,
  scenarios: [{ name: 'Low yield', createdAt: '', updatedAt: '', overrides }],
});
const verdictAt = (overrides: ReadonlyMap<string, number>) => auditUserTables(mine, overrides).results[0]!.audit!.verdict;

describe('scenarios that override the user\'s own figures', () => {
  it('accept a MyFigures id as an override key only when given the user\'s figures, and check its value', () => {
    expect(() => parseScenarioFile(file({ MY_UST_YIELD: 0.03 }), 'f.json')).toThrow(/f\.json: scenarios\[0\] "Low yield"\.overrides\.MY_UST_YIELD: unknown figure id/);
    const [scenario] = parseScenarioFile(file({ MY_UST_YIELD: 0.03 }), 'f.json', mine.figures);
    expect(scenario!.overrides.get('MY_UST_YIELD')).toBe(0.03);
    const problems = (() => {
      try {
        parseScenarioFile(file({ MY_UST_YIELD: 3, MY_NOPE: 1, MY_TEXT: 'x' }), 'f.json', [...mine.figures, { id: 'MY_TEXT', unit: 'usd_bn' }]);
      } catch (error) {
        return (error as ScenarioError).problems;
      }
      return [];
    })();
    expect(problems).toEqual([
      'f.json: scenarios[0] "Low yield".overrides.MY_UST_YIELD: 3 looks like a percent; this figure holds fractions, e.g. 0.03 for 3%',
      'f.json: scenarios[0] "Low yield".overrides.MY_NOPE: unknown figure id',
      expect.stringMatching(/^f\.json: scenarios\[0\] "Low yield"\.overrides\.MY_TEXT: needs a number in .*, got "x"$/),
    ]);
  });

  it('flip a user claim\'s verdict through the values in use, from choices and from a workbook alike', () => {
    const [scenario] = parseScenarioFile(file({ MY_UST_YIELD: 0.03 }), 'f.json', mine.figures);
    expect(verdictAt(valuesFromChoices(undefined).overrides)).toBe('consistent');
    const chosen = valuesFromChoices(scenario);
    expect(chosen.overrides.get('MY_UST_YIELD')).toBe(0.03);
    expect(verdictAt(chosen.overrides)).toBe('inconsistent');

    const reading = { inUse: new Map<string, number | null>(), base: new Map<string, number | null>(), scenarios: [scenario!] };
    expect(verdictAt(valuesFromWorkbook({ ...reading, activeScenarioCell: 'low YIELD' }).overrides)).toBe('inconsistent');
    expect(verdictAt(valuesFromWorkbook({ ...reading, activeScenarioCell: 'Article' }).overrides)).toBe('consistent');
  });
});
