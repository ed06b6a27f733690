/**
 * Swap-out and swap-in of the open workbook (the pane's Share action): the cells are read through
 * Office.js, `src/model/swap` decides every change, and the changes and the record sheet are
 * written in one batch. The record sheet is added before any cell changes, so a batch that fails
 * half-way leaves a record of every cell it did change (swap-in restores those and leaves the
 * others, which still hold their original formula).
 */
import { cellAddress } from '../plan/a1.js';
import {
  planSwapIn,
  planSwapOut,
  readSwapRecord,
  SWAP_RECORD_SHEET,
  swapRecordRows,
  SwapError,
  type FormulaCell,
  type SwapCellValue,
  type SwapInPlan,
  type SwapOutPlan,
  type SwapWrite,
} from '../model/swap/index.js';
import type { Lang } from '../text/index.js';
import type { ExcelRun } from './types.js';
import { asCellInput } from './write-sheet.js';

const asValue = (v: unknown): SwapCellValue => (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : null);

function queueWrites(sheets: Excel.WorksheetCollection, writes: readonly SwapWrite[]): void {
  for (const write of writes) {
    const range = sheets.getItem(write.sheet).getRange(write.address);
    if ('formula' in write) range.formulas = [[write.formula]];
    else range.values = [[asCellInput(write.value)]];
  }
}

/** Swaps the open workbook out: CLAIM.* arithmetic → native formulas, the rest of CLAIM.* → values; a hidden sheet records each cell. */
export async function swapOutWorkbook(run: ExcelRun, lang: Lang = 'en'): Promise<SwapOutPlan> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const recordSheet = sheets.getItemOrNullObject(SWAP_RECORD_SHEET);
    await context.sync();
    if (!recordSheet.isNullObject) throw new SwapError({ code: 'alreadySwappedOut' });
    const used = sheets.items.map((sheet) => ({ name: sheet.name, range: sheet.getUsedRangeOrNullObject().load('formulas,values,rowIndex,columnIndex') }));
    await context.sync();
    const cells: FormulaCell[] = [];
    for (const { name, range } of used) {
      if (range.isNullObject) continue;
      range.formulas.forEach((row, r) =>
        row.forEach((formula, c) => {
          if (typeof formula === 'string' && formula.startsWith('=')) {
            cells.push({ sheet: name, address: cellAddress(range.rowIndex + r + 1, range.columnIndex + c + 1), formula, value: asValue(range.values[r]?.[c]) });
          }
        }),
      );
    }
    const plan = planSwapOut(cells, lang);
    if (plan.record.length === 0) return plan;
    const rows = swapRecordRows(plan.record, lang);
    const record = sheets.add(SWAP_RECORD_SHEET);
    const block = record.getRange(`A1:${cellAddress(rows.length, rows[0]!.length)}`);
    // Text format first, so an original formula is kept as text, never entered as a formula.
    block.numberFormat = rows.map((row) => row.map(() => '@'));
    block.values = rows.map((row) => row.map((v) => asCellInput(v)));
    record.visibility = 'Hidden' as Excel.SheetVisibility.hidden;
    queueWrites(sheets, plan.writes);
    await context.sync();
    return plan;
  });
}

/** Swaps the open workbook back in: every recorded cell that still holds what swap-out wrote gets its original formula; the record sheet goes. */
export async function swapInWorkbook(run: ExcelRun, lang: Lang = 'en'): Promise<SwapInPlan> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    const recordSheet = sheets.getItemOrNullObject(SWAP_RECORD_SHEET);
    await context.sync();
    if (recordSheet.isNullObject) throw new SwapError({ code: 'notSwappedOut' });
    const recordRange = recordSheet.getUsedRange(true).load('values');
    sheets.load('items/name');
    await context.sync();
    const record = readSwapRecord(recordRange.values.map((row) => row.map(asValue)));
    const present = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    const cells = new Map(
      record
        .filter((row) => present.has(row.sheet.toLowerCase()))
        .map((row) => [`${row.sheet}!${row.address}`, sheets.getItem(row.sheet).getRange(row.address).load('formulas,values')]),
    );
    await context.sync();
    const plan = planSwapIn(record, (sheet, address) => {
      const range = cells.get(`${sheet}!${address}`);
      if (!range) return undefined;
      const formula = range.formulas[0]?.[0];
      return { formula: typeof formula === 'string' && formula.startsWith('=') ? formula : undefined, value: asValue(range.values[0]?.[0]) };
    }, lang);
    queueWrites(sheets, plan.writes);
    recordSheet.delete();
    await context.sync();
    return plan;
  });
}
