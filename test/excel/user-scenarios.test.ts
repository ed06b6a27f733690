import { describe, expect, it } from 'vitest';
import { fillArticle, importScenarios } from '../../src/excel/scenario-actions.js';
import { SCENARIO_FORMAT, SCENARIO_FORMAT_VERSION } from '../../src/model/scenarios/index.js';
import { cellAddress, exampleUserTables, MY_CLAIM_COLUMNS, MY_FIGURE_COLUMNS, SHEETS, USER_SHEETS } from '../../src/plan/index.js';
import { userAudits } from '../../src/taskpane/sections/my-claims.js';
import { readWorkbook } from '../../src/taskpane/workbook.js';
import { createClaimHost } from './host.js';

// The worked example: MY_UST_INCOME = CN_UST_HOLDINGS × MY_UST_YIELD ≥ 25 holds at the user's 4%, not at 3%.
const lowYield = JSON.stringify({
  format: SCENARIO_FORMAT,
  version: SCENARIO_FORMAT_VERSION,
  scenarios: [{ name: 'Low yield', createdAt: '', updatedAt: '', overrides: { MY_UST_YIELD: 0.03 } }],
});

describe('a scenario that overrides one of MyFigures', () => {
  it('reaches the MyClaims native verdict when the active-scenario cell changes, with no add-in code, through later fills', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    const verdict = () => host.getCellValue(USER_SHEETS.claims, cellAddress(2, MY_CLAIM_COLUMNS.verdict));
    const inUse = () => host.getCellValue(USER_SHEETS.figures, cellAddress(2, MY_FIGURE_COLUMNS.inUse));
    // what the pane shows: the values model over what it reads from the workbook
    const paneVerdict = async () => {
      const view = await readWorkbook(host.run);
      return userAudits(view.mine, view.values.overrides).audits.find((a) => a.id === 'MY_UST_INCOME')?.verdict;
    };
    expect(verdict()).toBe('consistent');

    await expect(importScenarios(host.run, lowYield)).rejects.toThrow(/MY_UST_YIELD: unknown figure id/);
    expect((await importScenarios(host.run, lowYield, {}, exampleUserTables().figures)).status).not.toBe('conflict');

    for (let round = 0; round < 2; round++) {
      host.setCellValue(SHEETS.scenarios, 'B1', 'Low yield'); // a plain cell edit, as from the drop-down
      expect(inUse()).toBeCloseTo(0.03, 12);
      expect(verdict()).toBe('inconsistent');
      expect(await paneVerdict()).toBe('inconsistent');
      host.setCellValue(SHEETS.scenarios, 'B1', 'Article');
      expect(inUse()).toBeCloseTo(0.04, 12);
      expect(verdict()).toBe('consistent');
      expect(await paneVerdict()).toBe('consistent');
      // the user's own value still counts where no scenario overrides it
      host.setCellValue(USER_SHEETS.figures, cellAddress(2, MY_FIGURE_COLUMNS.value), 0.01);
      expect(verdict()).toBe('inconsistent');
      host.setCellValue(USER_SHEETS.figures, cellAddress(2, MY_FIGURE_COLUMNS.value), 0.04);
      await fillArticle(host.run); // a refill reads the override back from the Scenarios sheet and keeps it
    }
  });
});
