/**
 * A function that answers a matrix spills into the cells below and to the right, as a dynamic array
 * does in Excel; when a spill cell is taken, the formula answers #SPILL! (Microsoft: "#SPILL! error -
 * Spill range isn't blank").
 */
import { describe, expect, it } from 'vitest';
import { createClaimHost } from '../excel/host.js';

describe('spilled results', () => {
  it('an elementwise CLAIM function over a column spills a column', async () => {
    const host = createClaimHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:A3').values = [[1000], [1056], [2000]];
      sheet.getRange('C1').formulas = [['=CLAIM.TARIFF_REVENUE(A1:A3, 0.25)']];
      await context.sync();
    });
    expect(['C1', 'C2', 'C3'].map((a) => host.getCellValue('Sheet1', a))).toEqual([250, 264, 500]);
  });

  it('answers #SPILL! when a cell of the spill range is taken, and spills again once it is cleared', async () => {
    const host = createClaimHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:A3').values = [[1000], [1056], [2000]];
      sheet.getRange('C2').values = [['in the way']];
      sheet.getRange('C1').formulas = [['=CLAIM.TARIFF_REVENUE(A1:A3, 0.25)']];
      await context.sync();
    });
    expect(host.getCellValue('Sheet1', 'C1')).toBe('#SPILL!');
    host.setCellValue('Sheet1', 'C2', null);
    expect(host.getCellValue('Sheet1', 'C3')).toBe(500);
  });
});

describe('spilled results in a table', () => {
  it('answer #SPILL! (Excel tables take no spilled arrays), while a single-cell result is fine', async () => {
    const host = createClaimHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:C4').values = [['volume', 'one', 'many'], [1000, '', ''], [1056, '', ''], [2000, '', '']];
      sheet.tables.add('A1:C4', true);
      sheet.getRange('B2').formulas = [['=CLAIM.TARIFF_REVENUE(A2, 0.25)']];
      sheet.getRange('C2').formulas = [['=CLAIM.TARIFF_REVENUE(A2:A4, 0.25)']];
      await context.sync();
    });
    expect(host.getCellValue('Sheet1', 'B2')).toBe(250);
    expect(host.getCellValue('Sheet1', 'C2')).toBe('#SPILL!');
    expect(host.getCellValue('Sheet1', 'C3')).toBe('');
  });
});
