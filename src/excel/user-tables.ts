/**
 * The user's MyFigures and MyClaims sheets in Excel: queued for reading in a sync the caller
 * already makes (values and formulas of each used range), then read into `UserTables`.
 */
import { UNITS } from '../model/units/index.js';
import { userTablesFromCells, type ReadTables, type TableCells, type UserClaim, type UserFigure } from '../model/user/index.js';
import type { Lang } from '../text/index.js';
import { cellAddress, MY_CLAIM_COLUMNS, MY_FIGURE_COLUMNS, myClaimComputedFormulas, myClaimFormats, myFigureInUseFormula, rangeAddress, USER_SHEETS, userTableLang, WORKBOOK_CELLS, type UserSheetRefresh } from '../plan/index.js';
import { parseOwner } from './ownership.js';
import { OWNER_SETTING, type ExcelRun, type OwnerRecord } from './types.js';
import { asCellInput, queueConditionalFormats, queueValidations } from './write-sheet.js';

export const isUserSheet = (name: string): boolean => name === USER_SHEETS.figures || name === USER_SHEETS.claims;

/**
 * Queues loads of the used ranges of the sheets that are there (`present`: the caller's sheet
 * list, so no null-object calls are needed); call `read()` after the next sync.
 */
export function queueUserTables(sheets: Excel.WorksheetCollection, present: (name: string) => boolean): { read(): ReadTables; values(name: string): unknown[][] | undefined } {
  const load = (name: string): Excel.Range | undefined => (present(name) ? sheets.getItem(name).getUsedRange().load(['values', 'formulas']) : undefined);
  const figures = load(USER_SHEETS.figures);
  const claims = load(USER_SHEETS.claims);
  const cells = (range: Excel.Range | undefined): TableCells | undefined => (range ? { values: range.values, formulas: range.formulas } : undefined);
  return {
    read: () => userTablesFromCells(cells(figures), cells(claims), WORKBOOK_CELLS),
    values: (name) => (name === USER_SHEETS.figures ? figures : name === USER_SHEETS.claims ? claims : undefined)?.values,
  };
}

/**
 * Queues a refill's words on a user sheet that is already there (`userSheetRefresh`): the header
 * row, the computed columns of the user's rows, the verdict colours and the drop-downs' prompts.
 * The colours and drop-downs on those columns are replaced, so a refill does not pile them up.
 */
export function queueUserSheetRefresh(sheet: Excel.Worksheet, refresh: UserSheetRefresh): number {
  const header = sheet.getRange(rangeAddress(1, 1, 1, refresh.header.length));
  header.values = [refresh.header.map((cell) => asCellInput(cell.v))];
  header.format.font.bold = true;
  const width = refresh.rows[0]?.formulas.length ?? 0;
  for (const { row, formulas } of refresh.rows) sheet.getRange(rangeAddress(row, refresh.firstColumn, row, refresh.firstColumn + width - 1)).formulas = [[...formulas]];
  // several rules colour the same range: clear each range once
  for (const range of new Set(refresh.conditionalFormats.map((rule) => rule.range))) sheet.getRange(range).conditionalFormats.clearAll();
  queueConditionalFormats(sheet, refresh.conditionalFormats);
  for (const validation of refresh.validations) sheet.getRange(validation.range).dataValidation.clear();
  queueValidations(sheet, refresh.validations);
  return refresh.header.length + refresh.rows.length * width;
}

/** The cells of a new MyClaims row `r` in a table whose words are in `lang`: the user's text stays text, the formulas are the table's own. */
export function claimRowInput(claim: UserClaim, r: number, lang: Lang): (string | number)[] {
  return [asCellInput(claim.id) as string, asCellInput(claim.statement) as string, claim.recompute, claim.stated, claim.compare, claim.tolerance ?? '', ...myClaimComputedFormulas(r, lang)];
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
    // The header row says which language the table's words are in: the new row's verdict and reason follow it.
    const header = 'claim' in row ? sheet.getRange(rangeAddress(1, 1, 1, MY_CLAIM_COLUMNS.verdictCode)).load('values') : undefined;
    const setting = 'figure' in row ? context.workbook.settings.getItemOrNullObject(OWNER_SETTING).load('value') : undefined;
    await context.sync();
    const r = used.rowIndex + used.rowCount + 1;
    let address: string;
    if ('claim' in row) {
      address = rangeAddress(r, 1, r, MY_CLAIM_COLUMNS.verdictCode);
      sheet.getRange(address).formulas = [claimRowInput(row.claim, r, userTableLang('claims', header?.values[0] ?? []))];
      queueConditionalFormats(sheet, myClaimFormats(r, r));
    } else {
      const f = row.figure;
      address = rangeAddress(r, 1, r, MY_FIGURE_COLUMNS.inUse);
      sheet.getRange(address).formulas = [[asCellInput(f.id) as string, asCellInput(f.label) as string, f.value, f.unit, asCellInput(f.note ?? '') as string, myFigureInUseFormula(r)]];
      // values shown in the unit's format, as the plan's rows are (4.0% for a percent)
      sheet.getRange(rangeAddress(r, MY_FIGURE_COLUMNS.value, r, MY_FIGURE_COLUMNS.value)).numberFormat = [[UNITS[f.unit].numberFormat]];
      sheet.getRange(cellAddress(r, MY_FIGURE_COLUMNS.inUse)).numberFormat = [[UNITS[f.unit].numberFormat]];
      // the name points at the value in use, so a scenario that overrides the figure reaches every formula
      context.workbook.names.add(f.id, `=${name}!${cellAddress(r, MY_FIGURE_COLUMNS.inUse, true)}`, f.label);
      // ClaimCell made the name: recorded as its own, a later fill rewrites it rather than stopping on it
      const owner = setting && !setting.isNullObject ? parseOwner(setting.value) : undefined;
      if (owner && !owner.names.some((n) => n.toUpperCase() === f.id.toUpperCase())) {
        const record: OwnerRecord = { ...owner, names: [...owner.names, f.id] };
        context.workbook.settings.add(OWNER_SETTING, JSON.stringify(record));
      }
    }
    await context.sync();
    return `${name}!${address}`;
  });
}
