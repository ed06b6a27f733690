/**
 * The user's MyFigures and MyClaims sheets in Excel: queued for reading in a sync the caller
 * already makes (values and formulas of each used range), then read into `UserTables`.
 */
import { UNITS } from '../model/units/index.js';
import { userTablesFromCells, type ReadTables, type TableCells, type UserClaim, type UserFigure } from '../model/user/index.js';
import { cellAddress, MY_CLAIM_COLUMNS, MY_FIGURE_COLUMNS, myClaimReasonFormula, myClaimVerdictFormula, myFigureInUseFormula, rangeAddress, USER_SHEETS, WORKBOOK_CELLS } from '../plan/index.js';
import type { ExcelRun } from './types.js';
import { asCellInput } from './write-sheet.js';

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

/** The cells of a new MyClaims row `r`: the user's text stays text, the formulas are the table's own. */
export function claimRowInput(claim: UserClaim, r: number): (string | number)[] {
  return [
    asCellInput(claim.id) as string,
    asCellInput(claim.statement) as string,
    claim.recompute,
    claim.stated,
    claim.compare,
    claim.tolerance ?? '',
    `=${cellAddress(r, MY_CLAIM_COLUMNS.recompute)}`,
    myClaimVerdictFormula(r),
    myClaimReasonFormula(r),
  ];
}

/**
 * Appends a checked row (see `checkClaimForm` / `checkFigureForm`) under the table's last used
 * row, in two syncs; a figure also gets its defined name. Returns the address written.
 */
export async function appendUserRow(run: ExcelRun, row: { claim: UserClaim } | { figure: UserFigure }): Promise<string> {
  const name = 'claim' in row ? USER_SHEETS.claims : USER_SHEETS.figures;
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const used = sheet.getUsedRange().load('rowCount,rowIndex');
    await context.sync();
    const r = used.rowIndex + used.rowCount + 1;
    let address: string;
    if ('claim' in row) {
      address = rangeAddress(r, 1, r, MY_CLAIM_COLUMNS.reason);
      sheet.getRange(address).formulas = [claimRowInput(row.claim, r)];
    } else {
      const f = row.figure;
      address = rangeAddress(r, 1, r, MY_FIGURE_COLUMNS.inUse);
      sheet.getRange(address).formulas = [[asCellInput(f.id) as string, asCellInput(f.label) as string, f.value, f.unit, asCellInput(f.note ?? '') as string, myFigureInUseFormula(r)]];
      // values shown in the unit's format, as the plan's rows are (4.0% for a percent)
      sheet.getRange(rangeAddress(r, MY_FIGURE_COLUMNS.value, r, MY_FIGURE_COLUMNS.value)).numberFormat = [[UNITS[f.unit].numberFormat]];
      sheet.getRange(cellAddress(r, MY_FIGURE_COLUMNS.inUse)).numberFormat = [[UNITS[f.unit].numberFormat]];
      // the name points at the value in use, so a scenario that overrides the figure reaches every formula
      context.workbook.names.add(f.id, `=${name}!${cellAddress(r, MY_FIGURE_COLUMNS.inUse, true)}`, f.label);
    }
    await context.sync();
    return `${name}!${address}`;
  });
}
