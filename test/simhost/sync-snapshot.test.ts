import { describe, expect, it } from 'vitest';
import { SimExcelEnumsAsExcel, createSimulatedExcel, type ExcelEnumsLike } from '../../src/simhost/index.js';

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A writer in the shape of src/excel: typed against the real Excel typings, takes `run` and enums. */
async function writeWorkbook(run: Run, X: ExcelEnumsLike, rows: number): Promise<number> {
  return run(async (context) => {
    context.application.suspendApiCalculationUntilNextSync();
    const existing = context.workbook.worksheets.getItemOrNullObject('Figures');
    await context.sync(); // 1
    if (!existing.isNullObject) existing.delete();
    const sheet = context.workbook.worksheets.add('Figures');
    const values: (string | number)[][] = [['label', 'value', 'double']];
    for (let i = 0; i < rows; i += 1) values.push([`row ${i}`, i, `=B${i + 2}*2`]);
    sheet.getRange(`A1:C${rows + 1}`).values = values;
    sheet.getRange('A1:C1').format.font.bold = true;
    sheet.getRange(`B2:C${rows + 1}`).numberFormat = Array.from({ length: rows }, () => ['0.00', '0.00']);
    for (let i = 0; i < rows; i += 1) context.workbook.names.add(`FIG_${i}`, `=Figures!$C$${i + 2}`, `row ${i}`);
    const t = sheet.tables.add(`A1:C${rows + 1}`, true);
    t.name = 'FigureTable';
    sheet.getRange('D2').formulas = [['=FIG_0+FIG_1']];
    sheet.getRange('E2').dataValidation.rule = { list: { inCellDropDown: true, source: 'yes,no' } };
    const cf = sheet.getRange(`C2:C${rows + 1}`).conditionalFormats.add(X.ConditionalFormatType.custom);
    cf.custom.rule.formula = '=C2>10';
    cf.custom.format.fill.color = '#FFEB9C';
    sheet.charts.add(X.ChartType.columnClustered, sheet.getRange('A1:B4'), X.ChartSeriesBy.columns).title.text = 'Figures';
    context.workbook.settings.add('claimcell', { rows });
    context.workbook.customXmlParts.add(`<claimcell xmlns="urn:claimcell"><rows>${rows}</rows></claimcell>`);
    sheet.getRange('A:C').format.columnWidth = 90;
    await context.sync(); // 2
    const check = sheet.getRange('D2').load('values');
    await context.sync(); // 3
    return check.values[0]![0] as number;
  });
}

describe('simulated host: sync counting and snapshots', () => {
  it('counts syncs exactly: explicit syncs, and run’s final sync only when work is still queued', async () => {
    const xl = createSimulatedExcel();
    await xl.run(async (context) => {
      await context.sync(); // empty: counted as a sync, not a round trip
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await context.sync();
    });
    expect([xl.syncCount(), xl.roundTripCount()]).toEqual([2, 1]);
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [[2]];
      // no explicit sync: run flushes it
    });
    expect([xl.syncCount(), xl.roundTripCount()]).toEqual([3, 2]);
    await xl.run(async () => undefined); // nothing queued: no sync at all
    expect(xl.syncCount()).toBe(3);
    xl.resetSyncCount();
    expect([xl.syncCount(), xl.roundTripCount()]).toEqual([0, 0]);
    expect(xl.getCellValue('Sheet1', 'A2')).toBe(2);
  });

  it('a whole writer fill runs in exactly 3 syncs, with calculation suspension accepted', async () => {
    const xl = createSimulatedExcel();
    const d2 = await writeWorkbook(xl.run, SimExcelEnumsAsExcel, 20);
    expect(d2).toBe(2); // FIG_0 + FIG_1 = 0*2 + 1*2
    expect(xl.syncCount()).toBe(3);
    expect(xl.roundTripCount()).toBe(3);
  });

  it('snapshot is identical across identical builds and unchanged by a read-only run', async () => {
    const a = createSimulatedExcel();
    const b = createSimulatedExcel();
    await writeWorkbook(a.run, SimExcelEnumsAsExcel, 50);
    await writeWorkbook(b.run, SimExcelEnumsAsExcel, 50);
    const before = a.snapshotJson();
    expect(before).toBe(b.snapshotJson());
    expect(before).toBe(JSON.stringify(JSON.parse(before))); // JSON-able
    await a.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Figures').getRange('A1:D10').load('values,formulas,numberFormat');
      context.workbook.names.load('items/name');
      await context.sync();
      expect(r.values.length).toBe(10);
    });
    expect(a.snapshotJson()).toBe(before);
    a.setCellValue('Figures', 'B2', 5);
    expect(a.snapshotJson()).not.toBe(before);
    a.setCellValue('Figures', 'B2', 0);
    expect(a.snapshotJson()).toBe(before);
  });
});
