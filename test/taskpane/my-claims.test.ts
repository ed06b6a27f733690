import { describe, expect, it } from 'vitest';
import { fillArticle } from '../../src/excel/scenario-actions.js';
import { tornadoForClaim, monteCarloForClaim } from '../../src/model/stress/claims.js';
import { cellAddress, MY_CLAIM_COLUMNS, MY_FIGURE_COLUMNS, USER_SHEETS } from '../../src/plan/index.js';
import { userAudits } from '../../src/taskpane/sections/my-claims.js';
import { readWorkbook } from '../../src/taskpane/workbook.js';
import { createClaimHost } from '../excel/host.js';

describe('the pane reads the user\'s own tables', () => {
  it('in its two syncs; a grid edit of a figure or a new claim row is picked up on the next read, with the same verdict as the grid', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    host.resetSyncCount();
    const view = await readWorkbook(host.run);
    expect(host.syncCount()).toBe(2);
    const first = userAudits(view.mine, view.values.overrides);
    expect(first.audits.map((a) => [a.id, a.verdict])).toEqual([['MY_UST_INCOME', 'consistent']]);

    host.setCellValue(USER_SHEETS.figures, cellAddress(2, MY_FIGURE_COLUMNS.value), 0.03);
    host.setCellValue(USER_SHEETS.claims, cellAddress(3, MY_CLAIM_COLUMNS.id), 'MY_HALF');
    host.setCellValue(USER_SHEETS.claims, cellAddress(3, MY_CLAIM_COLUMNS.statement), 'half');
    host.setCellValue(USER_SHEETS.claims, cellAddress(3, MY_CLAIM_COLUMNS.recompute), '=MY_UST_YIELD*100');
    host.setCellValue(USER_SHEETS.claims, cellAddress(3, MY_CLAIM_COLUMNS.stated), 3);
    host.setCellValue(USER_SHEETS.claims, cellAddress(3, MY_CLAIM_COLUMNS.compare), 'approx');
    host.setCellValue(USER_SHEETS.claims, cellAddress(3, MY_CLAIM_COLUMNS.tolerance), 0.1);
    const after = await readWorkbook(host.run);
    const mine = userAudits(after.mine, after.values.overrides);
    expect(mine.audits.map((a) => [a.id, a.verdict])).toEqual([
      ['MY_UST_INCOME', 'inconsistent'],
      ['MY_HALF', 'consistent'],
    ]);
    // The grid's own native verdict of the same row agrees.
    expect(host.getCellValue(USER_SHEETS.claims, cellAddress(2, MY_CLAIM_COLUMNS.verdict))).toBe('inconsistent');

    const t = tornadoForClaim('MY_UST_INCOME', mine.stress);
    expect(t.bars.map((b) => b.id).sort()).toEqual(['CN_UST_HOLDINGS', 'MY_UST_YIELD']);
    expect(monteCarloForClaim('MY_UST_INCOME', { ...mine.stress, samples: 1000, seed: 1 }).probabilityHolds).toBeLessThan(0.5);
  });

  it('names the cell, the formula and the part of a formula it cannot read', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    host.setCellValue(USER_SHEETS.claims, cellAddress(2, MY_CLAIM_COLUMNS.recompute), '=CN_UST_HOLDINGS*B7');
    const view = await readWorkbook(host.run);
    expect(userAudits(view.mine, view.values.overrides).problems).toEqual(['MyClaims!C2 "=CN_UST_HOLDINGS*B7": cell reference B7: name a figure instead']);
  });
});
