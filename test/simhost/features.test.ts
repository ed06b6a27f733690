import { describe, expect, it } from 'vitest';
import { SimExcelEnums, SimExcelEnumsAsExcel, createSimulatedExcel } from '../../src/simhost/index.js';
import { officeError } from './helpers.js';

describe('simulated host: workbook features', () => {
  it('tables: add with headers, rename, getItemOrNullObject, header/body ranges', async () => {
    const xl = createSimulatedExcel();
    await xl.run(async (context) => {
      const s = context.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:C3').values = [['Name', '', 'Name'], [1, 2, 3], [4, 5, 6]];
      const t = s.tables.add('A1:C3', true);
      t.name = 'Figures';
      const found = context.workbook.tables.getItemOrNullObject('figures');
      found.load('name,id');
      const body = found.getDataBodyRange().load('address');
      const header = found.getHeaderRowRange().load('values');
      const count = s.tables.getCount();
      await context.sync();
      expect(found.isNullObject).toBe(false);
      expect(found.name).toBe('Figures');
      expect(body.address).toBe('Sheet1!A2:C3');
      expect(header.values).toEqual([['Name', 'Column2', 'Name2']]);
      expect(count.value).toBe(1);
      const overlapping = s.tables.add('B2:D4', true);
      void overlapping;
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect((xl.snapshot() as { tables: unknown[] }).tables).toEqual([{ id: '1', name: 'Figures', address: 'Sheet1!A1:C3', hasHeaders: true }]);
  });

  it('data validation: list rule kept and readable; a value outside the list is still written through the API', async () => {
    const xl = createSimulatedExcel();
    await xl.run(async (context) => {
      const s = context.workbook.worksheets.getItem('Sheet1');
      s.getRange('E1:E2').values = [['low'], ['high']];
      const target = s.getRange('A1:A3');
      target.dataValidation.rule = { list: { inCellDropDown: true, source: '=$E$1:$E$2' } };
      target.values = [['low'], ['not in list'], ['high']];
      target.dataValidation.load('rule,type');
      const none = s.getRange('B1').dataValidation.load('type');
      const mixed = s.getRange('A3:B3').dataValidation.load('type');
      await context.sync();
      expect(target.dataValidation.rule).toEqual({ list: { inCellDropDown: true, source: '=$E$1:$E$2' } });
      expect(target.dataValidation.type).toBe('List');
      expect(none.type).toBe('None');
      expect(mixed.type).toBe('Inconsistent');
    });
    expect(xl.getCellValue('Sheet1', 'A2')).toBe('not in list');
  });

  it('conditional formats (custom) and charts are stored with their settings', async () => {
    const xl = createSimulatedExcel();
    await xl.run(async (context) => {
      const s = context.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:B3').values = [['k', 'v'], ['a', 1], ['b', 2]];
      const cf = s.getRange('B2:B3').conditionalFormats.add(SimExcelEnumsAsExcel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=B2>1';
      cf.custom.format.fill.color = '#FFC7CE';
      cf.custom.format.font.color = '#9C0006';
      const chart = s.charts.add(SimExcelEnumsAsExcel.ChartType.barClustered, s.getRange('A1:B3'), SimExcelEnumsAsExcel.ChartSeriesBy.auto);
      chart.title.text = 'Values';
      chart.name = 'ValuesChart';
      const c2 = s.charts.add('ColumnClustered' as Excel.ChartType, s.getRange('A1:B3'));
      c2.load('name,chartType');
      const cfs = s.getRange('B2').conditionalFormats.getCount();
      await context.sync();
      expect(c2.name).toBe('Chart 2');
      expect(cfs.value).toBe(1);
      const back = s.charts.getItem('ValuesChart');
      back.load('chartType');
      back.title.load('text');
      cf.custom.rule.load('formula');
      await context.sync();
      expect(back.chartType).toBe('BarClustered');
      expect(back.title.text).toBe('Values');
      expect(cf.custom.rule.formula).toBe('=B2>1');
      s.charts.add('NoSuchChart' as Excel.ChartType, s.getRange('A1:B3'));
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    const snap = xl.snapshot() as { conditionalFormats: unknown[]; charts: { name: string; chartType: string; source: string; title: string | null }[] };
    expect(snap.conditionalFormats).toEqual([
      { id: expect.any(String), address: 'Sheet1!B2:B3', type: 'Custom', formula: '=B2>1', fillColor: '#FFC7CE', fontColor: '#9C0006', fontBold: null, priority: 0, stopIfTrue: false },
    ]);
    expect(snap.charts.map((c) => [c.name, c.chartType, c.source, c.title])).toEqual([
      ['ValuesChart', 'BarClustered', 'Sheet1!A1:B3', 'Values'],
      ['Chart 2', 'ColumnClustered', 'Sheet1!A1:B3', null],
    ]);
    expect(SimExcelEnums.ChartType.barClustered).toBe('BarClustered');
  });

  it('settings and custom XML parts round-trip', async () => {
    const xl = createSimulatedExcel();
    await xl.run(async (context) => {
      context.workbook.settings.add('claimcell.version', { schema: 2 });
      context.workbook.customXmlParts.add('<claim xmlns="urn:claimcell:v1"><id>42</id></claim>');
      context.workbook.customXmlParts.add('<other xmlns="urn:other"/>');
      await context.sync();
    });
    await xl.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject('claimcell.version');
      setting.load('value');
      const part = context.workbook.customXmlParts.getByNamespace('urn:claimcell:v1').getOnlyItemOrNullObject();
      const none = context.workbook.customXmlParts.getByNamespace('urn:none').getOnlyItemOrNullObject();
      await context.sync();
      expect(setting.value).toEqual({ schema: 2 });
      expect(part.isNullObject).toBe(false);
      expect(none.isNullObject).toBe(true);
      const xml = part.getXml();
      await context.sync();
      expect(xml.value).toBe('<claim xmlns="urn:claimcell:v1"><id>42</id></claim>');
      context.workbook.customXmlParts.add('<broken>');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });

  it('worksheet visibility, position, used range, column width, bold, number format, clear', async () => {
    const xl = createSimulatedExcel();
    await xl.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const data = sheets.add('Data');
      const hidden = sheets.add('Hidden');
      hidden.visibility = SimExcelEnumsAsExcel.SheetVisibility.veryHidden;
      data.position = 0;
      data.getRange('B2:C3').values = [[1, 2], [3, 4]];
      data.getRange('B:C').format.columnWidth = 120;
      data.getRange('B2:C2').format.font.bold = true;
      data.getRange('B3:C3').numberFormat = [['0.00', '0%']];
      const used = data.getUsedRange().load('address');
      const usedInRange = data.getRange('A1:B9').getUsedRange(true).load('address');
      const fmt = data.getRange('B1').format.load('columnWidth');
      const otherFmt = data.getRange('A1').format.load('columnWidth');
      const bold = data.getRange('B2:C2').format.font.load('bold');
      const mixedBold = data.getRange('B2:B3').format.font.load('bold');
      data.load('position,visibility,name');
      hidden.load('visibility');
      const emptyUsed = sheets.getItem('Sheet1').getUsedRangeOrNullObject();
      await context.sync();
      expect(used.address).toBe('Data!B2:C3');
      expect(usedInRange.address).toBe('Data!B2:B3');
      expect([fmt.columnWidth, otherFmt.columnWidth]).toEqual([120, 48]);
      expect([bold.bold, mixedBold.bold]).toEqual([true, null]);
      expect([data.position, data.visibility, hidden.visibility]).toEqual([0, 'Visible', 'VeryHidden']);
      expect(emptyUsed.isNullObject).toBe(true);
      data.getRange('B2:B3').clear(SimExcelEnumsAsExcel.ClearApplyTo.contents);
      data.getRange('C2:C3').clear();
      const after = data.getRange('B2:C3').load('values,numberFormat');
      await context.sync();
      expect(after.values).toEqual([['', ''], ['', '']]);
      expect(after.numberFormat).toEqual([['General', 'General'], ['0.00', 'General']]);
    });
    expect(xl.getSheetNames()).toEqual(['Data', 'Sheet1', 'Hidden']);
  });

  it('cannot hide or delete the last visible sheet', async () => {
    const xl = createSimulatedExcel();
    const err = await officeError(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').delete();
        await context.sync();
      }),
    );
    expect(err.code).toBe('InvalidOperation');
  });
});
