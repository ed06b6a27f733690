/**
 * Excel compares sheet names, defined names and table names without regard to case, and a failed
 * batch keeps the operations before the failure. The fill must see every clash before it writes,
 * and recover from a batch that failed half-way.
 */
import { describe, expect, it } from 'vitest';
import { fillWorkbook, type WorkbookState } from '../../src/excel/fill.js';
import { articlePlan, cellAddress, FIGURE_COLUMNS, SHEETS } from '../../src/plan/index.js';
import { createClaimHost } from './host.js';

const makePlan = (state: WorkbookState) => articlePlan(state);

describe('fill: names compared as Excel compares them', () => {
  it('reports a sheet that differs from one of ClaimCell\'s only in case, and writes nothing', async () => {
    const host = createClaimHost({ initialSheets: ['Sheet1', 'figures'] });
    const before = host.snapshotJson();
    const result = await fillWorkbook(host.run, makePlan);
    expect(result.status).toBe('conflict');
    expect(result.conflicts).toEqual([{ kind: 'sheet', name: SHEETS.figures }]);
    expect(host.snapshotJson()).toBe(before);
  });

  it('reports a defined name that differs from a figure\'s only in case, and writes nothing', async () => {
    const host = createClaimHost();
    await host.run(async (context) => {
      context.workbook.names.add('ai_chip_tariff_rate', '=Sheet1!$A$1');
      await context.sync();
    });
    const before = host.snapshotJson();
    const result = await fillWorkbook(host.run, makePlan);
    expect(result.conflicts).toEqual([{ kind: 'name', name: 'AI_CHIP_TARIFF_RATE' }]);
    expect(host.snapshotJson()).toBe(before);
  });

  it('reports a user\'s table named like one of ClaimCell\'s tables (tables share the names\' namespace)', async () => {
    const host = createClaimHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').tables.add('A1:B3', true).name = 'claimcellclaims';
      await context.sync();
    });
    const before = host.snapshotJson();
    const result = await fillWorkbook(host.run, makePlan);
    expect(result.conflicts).toEqual([{ kind: 'name', name: 'ClaimCellClaims' }]);
    expect(host.snapshotJson()).toBe(before);
  });

  it('after a batch that failed half-way, the next fill rewrites what it left (its own sheets are no conflict)', async () => {
    const host = createClaimHost();
    host.failNextOperation('NamedItemCollection.add', 'ItemAlreadyExists');
    await expect(fillWorkbook(host.run, makePlan)).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    expect(host.getSheetNames()).toContain(SHEETS.about); // Excel keeps the operations before the failure
    const again = await fillWorkbook(host.run, makePlan);
    expect(again.conflicts).toEqual([]);
    expect(again.status).toBe('written');
    const third = await fillWorkbook(host.run, makePlan);
    expect(third.status).toBe('unchanged');
  });

  it('a reset right after the user edited a base value writes the article\'s value back (not "unchanged")', async () => {
    const host = createClaimHost();
    await fillWorkbook(host.run, makePlan);
    const cell = cellAddress(2, FIGURE_COLUMNS.base);
    const article = host.getCellValue(SHEETS.figures, cell);
    host.setCellValue(SHEETS.figures, cell, 12345);
    const reset = await fillWorkbook(host.run, makePlan, { resetToArticle: true });
    expect(reset.status).toBe('written');
    expect(host.getCellValue(SHEETS.figures, cell)).toBe(article);
  });
});
