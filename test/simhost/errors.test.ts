import { describe, expect, it } from 'vitest';
import { createSimulatedExcel } from '../../src/simhost/index.js';
import { officeError } from './helpers.js';

describe('simulated host: errors surface at sync, partial batches', () => {
  it('ItemAlreadyExists for a sheet added twice in one batch: raised at sync, earlier ops applied, later ones not', async () => {
    const xl = createSimulatedExcel();
    const err = await officeError(
      xl.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const first = sheets.add('Figures');
        first.getRange('A1').values = [[1]];
        expect(() => sheets.add('Figures')).not.toThrow(); // queued, not raised at the call
        sheets.add('After');
        context.workbook.names.add('AFTER_NAME', '=1');
        await context.sync();
      }),
    );
    expect(err.name).toBe('RichApi.Error');
    expect(err.code).toBe('ItemAlreadyExists');
    expect(err.message).toBe('The resource already exists.');
    expect(err.debugInfo.errorLocation).toBe('WorksheetCollection.add');
    expect(xl.getSheetNames()).toEqual(['Sheet1', 'Figures']);
    expect(xl.getCellValue('Figures', 'A1')).toBe(1);
    expect(xl.getNames()).toEqual([]);
  });

  it('ItemAlreadyExists for a name added twice (case-insensitively) in one batch', async () => {
    const xl = createSimulatedExcel();
    const err = await officeError(
      xl.run(async (context) => {
        context.workbook.names.add('Rate', '=0.25', 'first');
        context.workbook.names.add('RATE', '=0.5');
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['=Rate*4']];
        await context.sync();
      }),
    );
    expect(err.code).toBe('ItemAlreadyExists');
    expect(err.debugInfo.errorLocation).toBe('NamedItemCollection.add');
    expect(xl.getNames()).toEqual([{ name: 'Rate', formula: '=0.25', comment: 'first' }]);
    expect(xl.getCellValue('Sheet1', 'A1')).toBe('');
  });

  it('a name and a table share one namespace', async () => {
    const xl = createSimulatedExcel();
    const err = await officeError(
      xl.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Sheet1');
        sheet.getRange('A1:B3').values = [['h1', 'h2'], [1, 2], [3, 4]];
        const t = sheet.tables.add('A1:B3', true);
        t.name = 'Figures';
        context.workbook.names.add('figures', '=1');
        await context.sync();
      }),
    );
    expect(err.code).toBe('ItemAlreadyExists');
  });

  it('InvalidArgument when a values/formulas/numberFormat array does not match the range shape', async () => {
    const xl = createSimulatedExcel();
    for (const write of [
      (r: Excel.Range) => (r.values = [[1, 2]]),
      (r: Excel.Range) => (r.values = [[1, 2, 3], [4, 5]]),
      (r: Excel.Range) => (r.formulas = [['=1'], ['=2']]),
      (r: Excel.Range) => (r.numberFormat = [['0.00', '0.00', '0.00']]),
    ]) {
      const err = await officeError(
        xl.run(async (context) => {
          write(context.workbook.worksheets.getItem('Sheet1').getRange('A1:C2'));
          await context.sync();
        }),
      );
      expect(err.code).toBe('InvalidArgument');
      expect(err.message).toBe('The argument is invalid or missing or has an incorrect format.');
    }
    expect(xl.getCellValue('Sheet1', 'A1')).toBe('');
  });

  it('a single non-array value is applied to every cell of the range', async () => {
    const xl = createSimulatedExcel();
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = 7 as never;
      await context.sync();
    });
    expect(xl.getCellValue('Sheet1', 'B2')).toBe(7);
  });

  it('InvalidArgument for names that collide with cell references or break Excel rules', async () => {
    for (const bad of ['A1', 'xfd1048576', 'R1C1', 'r', 'C12', '1abc', 'has space', 'TRUE', '']) {
      const xl = createSimulatedExcel();
      const err = await officeError(
        xl.run(async (context) => {
          context.workbook.names.add(bad, '=1');
          await context.sync();
        }),
      );
      expect(err.code, bad).toBe('InvalidArgument');
    }
    const xl = createSimulatedExcel();
    await xl.run(async (context) => {
      for (const good of ['A1B', 'AAAA1', 'Debt.Share', '_x', 'XFE1', 'Rate2025x']) context.workbook.names.add(good, '=1');
      await context.sync();
    });
    expect(xl.getNames().map((n) => n.name)).toEqual(['A1B', 'AAAA1', 'Debt.Share', 'Rate2025x', 'XFE1', '_x']);
  });

  it('InvalidArgument for invalid sheet names, addresses and formulas; ItemNotFound for missing items', async () => {
    const xl = createSimulatedExcel();
    const cases: [string, (c: Excel.RequestContext) => void][] = [
      ['InvalidArgument', (c) => c.workbook.worksheets.add('bad/name')],
      ['InvalidArgument', (c) => c.workbook.worksheets.add('x'.repeat(32))],
      ['InvalidArgument', (c) => c.workbook.worksheets.getItem('Sheet1').getRange('A0').load('values')],
      ['InvalidArgument', (c) => (c.workbook.worksheets.getItem('Sheet1').getRange('A1').formulas = [['=SUM(']])],
      ['ItemNotFound', (c) => c.workbook.worksheets.getItem('Nope').getRange('A1').load('values')],
      ['ItemNotFound', (c) => c.workbook.names.getItem('Nope').load('formula')],
      ['ItemNotFound', (c) => (c.workbook.worksheets.getItemOrNullObject('Nope').visibility = 'Hidden')],
      ['InvalidReference', (c) => c.workbook.names.add('X', '=Missing!$A$1')],
      ['InvalidReference', (c) => c.workbook.names.add('Y', '=1').getRange().load('address')],
    ];
    for (const [code, act] of cases) {
      const err = await officeError(
        xl.run(async (context) => {
          act(context);
          await context.sync();
        }),
      );
      expect(err.code, String(act)).toBe(code);
    }
  });

  it('an error of run’s implicit final sync rejects run', async () => {
    const xl = createSimulatedExcel();
    const err = await officeError(
      xl.run(async (context) => {
        context.workbook.worksheets.add('Sheet1');
      }),
    );
    expect(err.code).toBe('ItemAlreadyExists');
  });
});
