import { describe, expect, it } from 'vitest';
import { fillWorkbook, type WorkbookState } from '../../src/excel/fill.js';
import { articlePlan, cellAddress, MY_CLAIM_COLUMNS, MY_FIGURE_COLUMNS, USER_SHEETS } from '../../src/plan/index.js';
import { createClaimHost } from './host.js';

const makePlan = (state: WorkbookState) => articlePlan(state);

describe('the MyFigures and MyClaims tables on the simulated host', () => {
  it('a first fill writes the worked example, which calculates natively; editing the figure flips the verdict', async () => {
    const host = createClaimHost();
    expect((await fillWorkbook(host.run, makePlan)).status).toBe('written');
    expect(host.getCellValue(USER_SHEETS.claims, cellAddress(2, MY_CLAIM_COLUMNS.id))).toBe('MY_UST_INCOME');
    expect(host.getCellValue(USER_SHEETS.claims, cellAddress(2, MY_CLAIM_COLUMNS.recomputed))).toBeCloseTo(682.6 * 0.04, 9);
    expect(host.getCellValue(USER_SHEETS.claims, cellAddress(2, MY_CLAIM_COLUMNS.verdict))).toBe('consistent');
    expect(host.getNames().find((n) => n.name === 'MY_UST_YIELD')?.formula).toBe(`=${USER_SHEETS.figures}!$F$2`);
    host.setCellValue(USER_SHEETS.figures, cellAddress(2, MY_FIGURE_COLUMNS.value), 0.03);
    expect(host.getCellValue(USER_SHEETS.claims, cellAddress(2, MY_CLAIM_COLUMNS.verdict))).toBe('inconsistent');
  });

  it('a refill never touches what the user wrote, and keeps the names of the user\'s figures', async () => {
    const host = createClaimHost();
    await fillWorkbook(host.run, makePlan);
    host.setCellValue(USER_SHEETS.figures, cellAddress(2, MY_FIGURE_COLUMNS.value), 0.05);
    host.setCellValue(USER_SHEETS.claims, cellAddress(2, MY_CLAIM_COLUMNS.statement), 'my own words');
    host.setCellValue(USER_SHEETS.claims, cellAddress(2, MY_CLAIM_COLUMNS.stated), 40);
    const before = host.snapshotJson();
    host.resetSyncCount();
    const again = await fillWorkbook(host.run, makePlan, { resetToArticle: true });
    expect(again.status).toBe('written');
    expect(host.syncCount()).toBeLessThanOrEqual(3);
    expect(host.getCellValue(USER_SHEETS.claims, cellAddress(2, MY_CLAIM_COLUMNS.statement))).toBe('my own words');
    expect(host.getCellValue(USER_SHEETS.figures, cellAddress(2, MY_FIGURE_COLUMNS.value))).toBe(0.05);
    expect(host.getCellValue(USER_SHEETS.claims, cellAddress(2, MY_CLAIM_COLUMNS.verdict))).toBe('inconsistent'); // 682.6 × 5% = 34.13 < 40
    expect(host.getNames().find((n) => n.name === 'MY_UST_YIELD')?.formula).toBe(`=${USER_SHEETS.figures}!$F$2`);
    expect(before).toContain('my own words');
  });
});
