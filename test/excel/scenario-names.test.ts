/**
 * Excel makes table headers unique ignoring case, so a scenario name in the Scenarios table's header
 * would be renamed ('Label' → 'Label2') or cut the scan short ('In use'). The names live in a row
 * above the table; the table header holds fixed labels. Every name survives a fill and can be chosen.
 */
import { describe, expect, it } from 'vitest';
import { fillArticle } from '../../src/excel/scenario-actions.js';
import type { WorkbookState } from '../../src/excel/fill.js';
import type { Scenario } from '../../src/model/scenarios/index.js';
import { FIGURE_COLUMNS, SHEETS, cellAddress } from '../../src/plan/index.js';
import { loadFigures } from '../../src/model/figures/index.js';
import { createClaimHost } from './host.js';

const scenario = (name: string, rate: number): Scenario => ({
  name,
  description: '',
  author: '',
  createdAt: '',
  updatedAt: '',
  overrides: new Map([['AI_CHIP_TARIFF_RATE', rate]]),
});

describe('scenario names that clash with the Scenarios table\'s own headers', () => {
  it('"Label", "In use", "ID" and "Article value" come back as written, and each can be made active', async () => {
    const host = createClaimHost();
    const names = ['Label', 'In use', 'ID', 'Article value'];
    const scenarios = names.map((n, i) => scenario(n, 0.3 + i / 10));
    await fillArticle(host.run, { transform: (state) => ({ ...state, scenarios }) });
    let seen: WorkbookState | undefined;
    await fillArticle(host.run, {
      transform: (state) => {
        seen = state;
        return state;
      },
    });
    expect(seen?.scenarios?.map((s) => s.name)).toEqual(names);
    expect(seen?.scenarios?.map((s) => s.overrides.get('AI_CHIP_TARIFF_RATE'))).toEqual([0.3, 0.4, 0.5, 0.6]);

    const row = loadFigures().findIndex((f) => f.id === 'AI_CHIP_TARIFF_RATE') + 2;
    for (const [i, name] of names.entries()) {
      host.setCellValue(SHEETS.scenarios, 'B1', name);
      expect(host.getCellValue(SHEETS.figures, cellAddress(row, FIGURE_COLUMNS.inUse)), name).toBeCloseTo(0.3 + i / 10, 12);
    }
  });
});

describe('reading a Scenarios sheet written before the names row existed', () => {
  it('takes the names from the table header, up to "In use"', async () => {
    const { readScenarioTable } = await import('../../src/excel/scenarios.js');
    const values = [
      ['Active scenario', 'High'],
      ['Blank cells mean …'],
      [],
      ['id', 'Label', 'Article', 'High', 'In use'],
      ['AI_CHIP_TARIFF_RATE', 'Tariff', 0.25, 0.5, 0.5],
    ];
    const read = readScenarioTable(values, undefined);
    expect(read.scenarios.map((s) => s.name)).toEqual(['High']);
    expect(read.scenarios[0]?.overrides.get('AI_CHIP_TARIFF_RATE')).toBe(0.5);
    expect(read.activeScenario).toBe('High');
  });
});
