import { describe, expect, it } from 'vitest';
import { fillArticle } from '../../src/excel/scenario-actions.js';
import { USER_SHEETS, USER_TABLES } from '../../src/plan/index.js';
import { createClaimHost } from './host.js';

describe('a table named like its sheet (MyClaims on MyClaims), as Excel allows', () => {
  it('the fill makes both tables on sheets of the same names', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    expect(USER_TABLES.claims).toBe(USER_SHEETS.claims);
    const tables = await host.run(async (context) => {
      const list = context.workbook.tables.load('items/name');
      await context.sync();
      return list.items.map((t) => t.name);
    });
    expect(tables).toEqual(expect.arrayContaining([USER_TABLES.figures, USER_TABLES.claims]));
  });

  it('while a table named like a defined name, or like another table, is refused', async () => {
    const host = createClaimHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.tables.add('A1:B3', true).name = 'Sheet1'; // the sheet's own name: allowed
      context.workbook.names.add('RATE', '=Sheet1!$D$1');
      await context.sync();
    });
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').tables.add('F1:G3', true).name = 'rate';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.add('Other').tables.add('A1:B3', true).name = 'SHEET1';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });
});
