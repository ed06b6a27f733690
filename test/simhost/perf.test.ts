import { describe, expect, it } from 'vitest';
import { createSimulatedExcel } from '../../src/simhost/index.js';

const ROWS = 5_000;

describe('simulated host: scale', () => {
  it(`writes a ${ROWS}-row values+formulas block and ${ROWS} names in one sync, fast`, async () => {
    const xl = createSimulatedExcel();
    const values: (string | number)[][] = [];
    for (let i = 0; i < ROWS; i += 1) values.push([`item ${i}`, i, i * 0.5, `=B${i + 1}*C${i + 1}`, `=N_${i}*2`]);
    const t0 = performance.now();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.add('Figures');
      sheet.getRange(`A1:E${ROWS}`).values = values;
      sheet.getRange(`B1:D${ROWS}`).numberFormat = Array.from({ length: ROWS }, () => ['0', '0.0', '0.00']);
      for (let i = 0; i < ROWS; i += 1) context.workbook.names.add(`N_${i}`, `=Figures!$D$${i + 1}`, `figure ${i}`);
      await context.sync();
    });
    const fillMs = performance.now() - t0;
    const t1 = performance.now();
    let readBack: unknown[][] = [];
    await xl.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Figures').getRange(`A1:E${ROWS}`).load('values');
      await context.sync();
      readBack = r.values;
    });
    const readMs = performance.now() - t1;
    const t2 = performance.now();
    xl.setCellValue('Figures', 'B5000', 2);
    const v = xl.getCellValue('Figures', 'E5000');
    const editMs = performance.now() - t2;
    const t3 = performance.now();
    const snap = xl.snapshotJson();
    const snapMs = performance.now() - t3;
    console.log(
      `[simhost perf] fill ${ROWS} rows x 5 cols + ${ROWS} names in 1 sync: ${fillMs.toFixed(0)} ms ` +
        `(engine rebuild ${xl.stats().lastRebuildMs.toFixed(0)} ms); read back ${ROWS * 5} values: ${readMs.toFixed(0)} ms; ` +
        `edit + recalc one precedent: ${editMs.toFixed(1)} ms; snapshot (${(snap.length / 1e6).toFixed(1)} MB): ${snapMs.toFixed(0)} ms`,
    );
    expect(xl.syncCount()).toBe(2);
    expect(xl.getNames()).toHaveLength(ROWS);
    expect(readBack[4_998]).toEqual(['item 4998', 4998, 2499, 4998 * 2499, 4998 * 2499 * 2]);
    expect(v).toBe(2 * 4999 * 0.5 * 2);
    expect(fillMs).toBeLessThan(10_000);
  });
});
