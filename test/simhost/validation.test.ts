import { describe, expect, it } from 'vitest';
import { fillArticle } from '../../src/excel/scenario-actions.js';
import { loadSeedScenarios } from '../../src/model/scenarios/index.js';
import { ACTIVE_SCENARIO_ADDRESS } from '../../src/plan/index.js';
import { readWorkbook } from '../../src/taskpane/workbook.js';
import { createClaimHost } from '../excel/host.js';

const { sheet, address } = ACTIVE_SCENARIO_ADDRESS;

describe('data validation on cells a person types into (Stop alert, as Excel)', () => {
  it('refuses a scenario name that is not in the list, and changes nothing', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    const before = host.snapshotJson();
    expect(() => host.typeIntoCell(sheet, address, 'High')).toThrow(/"High" is not one of the values this cell allows/);
    expect(host.snapshotJson()).toBe(before);
    const name = loadSeedScenarios()[1]!.name;
    host.typeIntoCell(sheet, address, name);
    expect(host.getCellValue(sheet, address)).toBe(name);
    host.typeIntoCell(sheet, address, null); // clearing the cell is allowed
  });

  it('does not check writes through the API, as Excel does not; the pane then warns and names what is in use', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    host.setCellValue(sheet, address, 'High');
    const view = await readWorkbook(host.run);
    expect(view.values.unknownScenario).toBe('High');
    expect(view.values.scenario).toBe('Article');
    expect(view.values.overrides.size).toBe(0);
  });

  it('matches the scenario the way the sheet does: case-insensitive', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    const name = loadSeedScenarios()[1]!;
    host.setCellValue(sheet, address, name.name.toUpperCase());
    const view = await readWorkbook(host.run);
    expect(view.values.scenario).toBe(name.name);
    expect(view.values.unknownScenario).toBeUndefined();
    // The cells agree: every figure the scenario overrides is in use at its value.
    for (const [id, v] of name.overrides) expect(view.figures.get(id)!.inUse).toBeCloseTo(v, 12);
  });
});
