/**
 * The user's MyFigures and MyClaims sheets in Excel: queued for reading in a sync the caller
 * already makes (values and formulas of each used range), then read into `UserTables`.
 */
import { userTablesFromCells, type ReadTables, type TableCells } from '../model/user/index.js';
import { USER_SHEETS, WORKBOOK_CELLS } from '../plan/index.js';

export const isUserSheet = (name: string): boolean => name === USER_SHEETS.figures || name === USER_SHEETS.claims;

/**
 * Queues loads of the used ranges of the sheets that are there (`present`: the caller's sheet
 * list, so no null-object calls are needed); call `read()` after the next sync.
 */
export function queueUserTables(sheets: Excel.WorksheetCollection, present: (name: string) => boolean): { read(): ReadTables } {
  const load = (name: string): Excel.Range | undefined => (present(name) ? sheets.getItem(name).getUsedRange().load(['values', 'formulas']) : undefined);
  const figures = load(USER_SHEETS.figures);
  const claims = load(USER_SHEETS.claims);
  const cells = (range: Excel.Range | undefined): TableCells | undefined => (range ? { values: range.values, formulas: range.formulas } : undefined);
  return { read: () => userTablesFromCells(cells(figures), cells(claims), WORKBOOK_CELLS) };
}
