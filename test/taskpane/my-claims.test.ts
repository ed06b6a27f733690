import { describe, expect, it } from 'vitest';
import { userProblemText } from '../../src/text/messages.js';
import { fillArticle } from '../../src/excel/scenario-actions.js';
import { tornadoForClaim } from '../../src/model/stress/claims.js';
import { monteCarloForClaim } from '../../src/model/stress/claim-montecarlo.js';
import { cellAddress, MY_CLAIM_COLUMNS, MY_FIGURE_COLUMNS, USER_SHEETS } from '../../src/plan/index.js';
import { appendUserRow } from '../../src/excel/user-tables.js';
import { checkClaimForm, checkFigureForm } from '../../src/model/user/index.js';
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

  it('Add figure and Add claim: checked, appended, named, audited; formula-like text stays text; the grid edit flips it', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    const before = await readWorkbook(host.run);
    const figure = checkFigureForm({ id: 'MY_TAKE', label: '=not a formula', value: '120', unit: 'usd_bn' }, before.mine.tables);
    if (!('figure' in figure)) throw new Error(figure.problems.map((p) => userProblemText(p, 'en')).join('; '));
    expect(await appendUserRow(host.run, figure)).toBe(`${USER_SHEETS.figures}!A3:F3`);
    // the appended row has its value-in-use cell, which the new name points at
    expect(host.getCellValue(USER_SHEETS.figures, cellAddress(3, MY_FIGURE_COLUMNS.inUse))).toBe(120);
    expect(host.getNames().find((n) => n.name === 'MY_TAKE')?.formula).toBe(`=${USER_SHEETS.figures}!$F$3`);
    const withFigure = await readWorkbook(host.run);
    const claim = checkClaimForm({ id: 'MY_COVER', statement: '=1+1 as words', recompute: 'MY_TAKE/CN_UST_SALE_NOV', stated: '10', compare: 'atLeast', tolerance: '' }, withFigure.mine.tables);
    if (!('claim' in claim)) throw new Error(claim.problems.map((p) => userProblemText(p, 'en')).join('; '));
    await appendUserRow(host.run, claim);
    expect(host.getCellValue(USER_SHEETS.claims, cellAddress(3, MY_CLAIM_COLUMNS.statement))).toBe('=1+1 as words');
    expect(host.getCellValue(USER_SHEETS.figures, cellAddress(3, MY_FIGURE_COLUMNS.label))).toBe('=not a formula');
    expect(host.getCellValue(USER_SHEETS.claims, cellAddress(3, MY_CLAIM_COLUMNS.verdict))).toBe('consistent');
    const view = await readWorkbook(host.run);
    expect(userAudits(view.mine, view.values.overrides).audits.find((a) => a.id === 'MY_COVER')?.verdict).toBe('consistent');
    host.setCellValue(USER_SHEETS.figures, cellAddress(3, MY_FIGURE_COLUMNS.value), 50);
    expect(host.getCellValue(USER_SHEETS.claims, cellAddress(3, MY_CLAIM_COLUMNS.verdict))).toBe('inconsistent');
    const edited = await readWorkbook(host.run);
    expect(userAudits(edited.mine, edited.values.overrides).audits.find((a) => a.id === 'MY_COVER')?.verdict).toBe('inconsistent');
  });

  it('names the cell, the formula and the part of a formula it cannot read', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    host.setCellValue(USER_SHEETS.claims, cellAddress(2, MY_CLAIM_COLUMNS.recompute), '=CN_UST_HOLDINGS*B7');
    const view = await readWorkbook(host.run);
    expect(userAudits(view.mine, view.values.overrides).problems.map((p) => userProblemText(p, 'en'))).toEqual(['MyClaims!C2 "=CN_UST_HOLDINGS*B7": cell reference B7: name a figure instead']);
  });
});
