/**
 * The simulated Excel host (src/simhost): one-sync fill of a 5,000-row values+formulas block with
 * 5,000 workbook-scoped names, the HyperFormula rebuild inside it, a 25,000-cell read back, and a
 * single-cell user edit with its recalculation. Target: fill ≤ 2,000 ms on the CI machine.
 */
import { createSimulatedExcel } from '../src/simhost/index.js';
import type { Report } from './run.js';
import { medianMs } from './timing.js';

const ROWS = 5_000;

export async function run(report: Report): Promise<void> {
  const values: (string | number)[][] = [];
  for (let i = 0; i < ROWS; i += 1) values.push([`item ${i}`, i, i * 0.5, `=B${i + 1}*C${i + 1}`, `=N_${i}*2`]);
  let last = createSimulatedExcel();
  let rebuildMs = 0;
  const fillMs = await medianMs(async () => {
    last = createSimulatedExcel();
    await last.run(async (context) => {
      const sheet = context.workbook.worksheets.add('Figures');
      sheet.getRange(`A1:E${ROWS}`).values = values;
      for (let i = 0; i < ROWS; i += 1) context.workbook.names.add(`N_${i}`, `=Figures!$D$${i + 1}`, `figure ${i}`);
      await context.sync();
    });
    rebuildMs = last.stats().lastRebuildMs;
  }, 3, 1);
  const readMs = await medianMs(async () => {
    await last.run(async (context) => {
      context.workbook.worksheets.getItem('Figures').getRange(`A1:E${ROWS}`).load('values');
      await context.sync();
    });
  }, 5, 1);
  let k = 0;
  const editMs = await medianMs(() => {
    last.setCellValue('Figures', 'B1', (k += 1));
    return last.getCellValue('Figures', 'E1');
  }, 7, 1);
  report({ name: 'simhost.fill_5000_rows_5000_names_one_sync', value: fillMs, unit: 'ms' });
  report({ name: 'simhost.engine_rebuild_in_fill', value: rebuildMs, unit: 'ms' });
  report({ name: 'simhost.read_25000_values', value: readMs, unit: 'ms' });
  report({ name: 'simhost.edit_one_cell_recalc', value: editMs, unit: 'ms' });
}
