import { describe, expect, it } from 'vitest';
import { createSimulatedExcel } from '../../src/simhost/index.js';

describe('simulated host: proxies, load and sync', () => {
  it('throws PropertyNotLoaded when reading values before load + sync', async () => {
    const xl = createSimulatedExcel();
    await xl.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      expect(() => range.values).toThrowError(/The property 'values' is not available/);
      let code: unknown;
      try {
        void range.values;
      } catch (e) {
        code = (e as { code: string }).code;
      }
      expect(code).toBe('PropertyNotLoaded');
      range.load('values');
      // load is queued too: still not available before sync
      expect(() => range.rowCount).toThrowError(/rowCount/);
      expect(() => range.values).toThrowError(/values/);
      await context.sync();
      expect(range.values).toEqual([
        ['', ''],
        ['', ''],
      ]);
      // only what was loaded is available
      expect(() => range.address).toThrowError(/address/);
    });
  });

  it('makes loaded values visible after sync, reflecting writes queued before the load', async () => {
    const xl = createSimulatedExcel();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:C2').values = [
        [1, 2, '=A1+B1'],
        ['x', true, '=C1*10'],
      ];
      const r = sheet.getRange('A1:C2').load(['values', 'formulas', 'address', 'rowCount', 'columnCount']);
      await context.sync();
      expect(r.values).toEqual([
        [1, 2, 3],
        ['x', true, 30],
      ]);
      expect(r.formulas).toEqual([
        [1, 2, '=A1+B1'],
        ['x', true, '=C1*10'],
      ]);
      expect(r.address).toBe('Sheet1!A1:C2');
      expect([r.rowCount, r.columnCount]).toEqual([2, 3]);
    });
  });

  it('keeps queued writes invisible to the engine until sync', async () => {
    const xl = createSimulatedExcel();
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[42]];
      context.workbook.worksheets.add('Later');
      context.workbook.names.add('ANSWER', '=Sheet1!$A$1');
      expect(xl.getCellValue('Sheet1', 'A1')).toBe('');
      expect(xl.getSheetNames()).toEqual(['Sheet1']);
      expect(xl.getNames()).toEqual([]);
      await context.sync();
      expect(xl.getCellValue('Sheet1', 'A1')).toBe(42);
      expect(xl.getSheetNames()).toEqual(['Sheet1', 'Later']);
      expect(xl.getNames()).toEqual([{ name: 'ANSWER', formula: '=Sheet1!$A$1', comment: '' }]);
    });
  });

  it('a written property is readable locally at once (as Office keeps the set value)', async () => {
    const xl = createSimulatedExcel();
    await xl.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.values = [['=1+1']];
      expect(r.values).toEqual([['=1+1']]);
      r.load('values');
      await context.sync();
      expect(r.values).toEqual([[2]]);
    });
  });

  it('answers isNullObject after sync for *OrNullObject getters, and throws before', async () => {
    const xl = createSimulatedExcel();
    await xl.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const present = context.workbook.worksheets.getItemOrNullObject('sheet1');
      const name = context.workbook.names.getItemOrNullObject('N');
      const table = context.workbook.tables.getItemOrNullObject('Figures');
      const setting = context.workbook.settings.getItemOrNullObject('k');
      expect(() => missing.isNullObject).toThrowError(/isNullObject/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(name.isNullObject).toBe(true);
      expect(table.isNullObject).toBe(true);
      expect(setting.isNullObject).toBe(true);
      // properties of a null object read as undefined, as in Office
      missing.load('name');
      await context.sync();
      expect(missing.name).toBeUndefined();
    });
  });

  it('loads collections (items) and answers getCount through a ClientResult', async () => {
    const xl = createSimulatedExcel({ initialSheets: ['A', 'B'] });
    await xl.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const count = sheets.getCount();
      expect(() => count.value).toThrowError(/has not been loaded/);
      expect(() => sheets.items).toThrowError(/items/);
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['A', 'B']);
      expect(count.value).toBe(2);
    });
  });

  it('throws "not supported by the simulated host" at call time for unimplemented members', async () => {
    const xl = createSimulatedExcel();
    await xl.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(() => range.format.autofitColumns()).toThrowError('not supported by the simulated host: RangeFormat.autofitColumns');
      expect(() => range.getOffsetRange(1, 1)).toThrowError(/not supported by the simulated host: Range.getOffsetRange/);
      expect(() => range.load('hyperlink')).toThrowError(/not supported by the simulated host/);
      expect(() => context.workbook.worksheets.getItem('Sheet1').protection).toThrowError(/Worksheet.protection/);
      expect(() => range.conditionalFormats.add('DataBar' as Excel.ConditionalFormatType)).toThrowError(/conditionalFormats.add/);
      expect(() => {
        range.dataValidation.rule = { wholeNumber: { formula1: 1, operator: 'GreaterThan' } };
      }).not.toThrow(); // queued: the unsupported rule kind surfaces at sync
      await expect(context.sync()).rejects.toThrowError(/dataValidation.rule.wholeNumber/);
    });
  });

  it('requires the batch to return a promise, like Excel.run', async () => {
    const xl = createSimulatedExcel();
    await expect(xl.run((() => 5) as never)).rejects.toMatchObject({ code: 'RunMustReturnPromise' });
  });
});
