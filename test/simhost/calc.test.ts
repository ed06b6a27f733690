import { describe, expect, it } from 'vitest';
import { createSimulatedExcel } from '../../src/simhost/index.js';

async function figures() {
  const xl = createSimulatedExcel();
  await xl.run(async (context) => {
    const sheet = context.workbook.worksheets.add('Figures');
    sheet.getRange('A1:D3').values = [
      ['item', 'qty', 'price', 'total'],
      ['a', 2, 10, '=B2*C2'],
      ['b', 3, 5, '=B3*C3'],
    ];
    context.workbook.names.add('MYNAME', '=Figures!$D$2', 'total of a');
    context.workbook.names.add('PRICE_B', sheet.getRange('C3'));
    const calc = context.workbook.worksheets.add('Calc');
    calc.getRange('A1:A6').formulas = [['=Figures!D2*2'], ['=MYNAME*2'], ['=PRICE_B+1'], ['=NOT_A_NAME*2'], ['=SUM(Figures!D2:D3)'], ['=1/0']];
    await context.sync();
  });
  return xl;
}

describe('simulated host: calculation (HyperFormula)', () => {
  it('resolves sheet references and workbook-scoped names in formulas', async () => {
    const xl = await figures();
    expect(xl.getCellValue('Calc', 'A1')).toBe(40);
    expect(xl.getCellValue('Calc', 'A2')).toBe(40);
    expect(xl.getCellValue('Calc', 'A3')).toBe(6);
    expect(xl.getCellValue('Calc', 'A4')).toBe('#NAME?');
    expect(xl.getCellValue('Calc', 'A5')).toBe(35);
    expect(xl.getCellValue('Calc', 'A6')).toBe('#DIV/0!');
    expect(xl.getCellFormula('Calc', 'A2')).toBe('=MYNAME*2');
    expect(xl.getCellFormula('Figures', 'B2')).toBe(2);
    expect(xl.getNames()).toEqual([
      { name: 'MYNAME', formula: '=Figures!$D$2', comment: 'total of a' },
      { name: 'PRICE_B', formula: '=Figures!$C$3', comment: '' },
    ]);
  });

  it('recalculates dependents when a cell is edited with setCellValue', async () => {
    const xl = await figures();
    xl.setCellValue('Figures', 'B2', 5);
    expect(xl.getCellValue('Figures', 'D2')).toBe(50);
    expect(xl.getCellValue('Calc', 'A1')).toBe(100);
    expect(xl.getCellValue('Calc', 'A2')).toBe(100);
    expect(xl.getCellValue('Calc', 'A5')).toBe(65);
    xl.setCellValue('Figures', 'C2', '=1/0');
    expect(xl.getCellValue('Calc', 'A2')).toBe('#DIV/0!');
    xl.setCellValue('Figures', 'C2', null);
    expect(xl.getCellValue('Figures', 'C2')).toBe('');
    expect(xl.getCellValue('Calc', 'A2')).toBe(0);
  });

  it('reads back through range.values and NamedItem like Excel (errors as strings, empty as "")', async () => {
    const xl = await figures();
    await xl.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Calc').getRange('A1:B6').load('values,text,valueTypes');
      const n = context.workbook.names.getItem('MYNAME').load('name,formula,comment,type,value');
      const c = context.workbook.names.add('RATE', '=0.25');
      c.load('type,value');
      await context.sync();
      expect(r.values.map((row) => row[0])).toEqual([40, 40, 6, '#NAME?', 35, '#DIV/0!']);
      expect(r.values[0]![1]).toBe('');
      expect(r.valueTypes.map((row) => row[0])).toEqual(['Double', 'Double', 'Double', 'Error', 'Double', 'Error']);
      expect(r.text[0]).toEqual(['40', '']);
      expect(n.toJSON()).toEqual({ name: 'MYNAME', formula: '=Figures!$D$2', comment: 'total of a', type: 'Range', value: 'Figures!$D$2' });
      expect([c.type, c.value]).toEqual(['Double', 0.25]);
    });
  });

  it('text renders number formats; typed strings are parsed as Excel does', async () => {
    const xl = createSimulatedExcel();
    await xl.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange('A1:D1');
      r.values = [[1234.5, 0.256, '12%', '00042']];
      r.numberFormat = [['#,##0.00', '0.0%', 'General', '0']];
      r.load('values,text,numberFormat');
      await context.sync();
      expect(r.values).toEqual([[1234.5, 0.256, 0.12, 42]]);
      expect(r.text).toEqual([['1,234.50', '25.6%', '0.12', '42']]);
      expect(r.numberFormat).toEqual([['#,##0.00', '0.0%', 'General', '0']]);
    });
  });

  it('null entries leave cells unchanged and "" clears them', async () => {
    const xl = createSimulatedExcel();
    await xl.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange('A1:C1');
      r.values = [[1, 2, 3]];
      await context.sync();
      r.values = [[null, '', 9]] as never;
      await context.sync();
    });
    expect([xl.getCellValue('Sheet1', 'A1'), xl.getCellValue('Sheet1', 'B1'), xl.getCellValue('Sheet1', 'C1')]).toEqual([1, '', 9]);
  });

  it('deleting a sheet turns references to it into #REF!', async () => {
    const xl = await figures();
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem('Figures').delete();
      await context.sync();
    });
    expect(xl.getSheetNames()).toEqual(['Sheet1', 'Calc']);
    expect(xl.getCellValue('Calc', 'A1')).toBe('#REF!');
    expect(xl.getCellFormula('Calc', 'A1')).toBe('=#REF!D2*2');
    expect(xl.getCellValue('Calc', 'A2')).toBe('#REF!');
    expect(xl.getNames()[0]).toEqual({ name: 'MYNAME', formula: '=#REF!$D$2', comment: 'total of a' });
  });

  it('a sheet deleted and re-added under the same name does not revive references to it (as in Excel)', async () => {
    const xl = await figures();
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem('Figures').delete();
      const again = context.workbook.worksheets.add('Figures');
      again.getRange('D2').values = [[1000]];
      await context.sync();
    });
    expect(xl.getCellValue('Figures', 'D2')).toBe(1000);
    expect(xl.getCellValue('Calc', 'A1')).toBe('#REF!');
    expect(xl.getCellValue('Calc', 'A2')).toBe('#REF!');
    expect(xl.getCellFormula('Calc', 'A5')).toBe('=SUM(#REF!D2:D3)');
  });
});

describe('simulated host: text written into cells formatted as Text', () => {
  it('stays text ("25%", an ISO date), as in Excel; the same text in a General cell is a number', async () => {
    const xl = createSimulatedExcel();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.add('T');
      sheet.getRange('A1:B2').numberFormat = [['@', '@'], ['General', 'General']];
      sheet.getRange('A1:B2').values = [['25%', '2026-01-14'], ['25%', '2026-01-14']];
      await context.sync();
    });
    expect(xl.getCellValue('T', 'A1')).toBe('25%');
    expect(xl.getCellValue('T', 'B1')).toBe('2026-01-14');
    expect(xl.getCellValue('T', 'A2')).toBe(0.25);
    expect(typeof xl.getCellValue('T', 'B2')).toBe('number');
    xl.setCellValue('T', 'A1', '30%');
    expect(xl.getCellValue('T', 'A1')).toBe('30%');
  });
});
