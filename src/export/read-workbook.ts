/**
 * Reads a saved ClaimCell workbook (filled in Excel, or exported) back into what the model needs:
 * every figure's value through its defined name, its base value, the scenarios and the active one.
 * A workbook ClaimCell cannot read gets a WorkbookReadError that says why.
 */
import ExcelJS from 'exceljs';
import { readScenarioTable } from '../excel/scenarios.js';
import { getFigure } from '../model/figures/index.js';
import { BASELINE_NAME } from '../model/scenarios/index.js';
import { scenarioNamed, type WorkbookReading } from '../model/values/index.js';
import { userTablesFromCells, type ReadTables, type TableCells } from '../model/user/index.js';
import { ACTIVE_SCENARIO_ADDRESS, FIGURE_COLUMNS, SHEETS, USER_SHEETS, userTableLang, WORKBOOK_CELLS } from '../plan/index.js';
import type { Lang } from '../text/index.js';
import { checkXlsxZip, XlsxRefusedError } from './zip-guard.js';

export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';
}

export type PlainCell = number | string | boolean | null;

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An ExcelJS cell value as a plain value: dates → Excel serials, formulas → their cached result. */
export function plainCell(value: ExcelJS.CellValue | undefined): PlainCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if (typeof value === 'object') {
    if ('result' in value) return plainCell((value as { result?: ExcelJS.CellValue }).result);
    if ('formula' in value || 'sharedFormula' in value) return null; // a formula saved without a result
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('error' in value) return String(value.error);
    if ('text' in value) return String((value as { text: unknown }).text);
  }
  return null;
}

/** `A` → 1, `XFD` → 16384. */
export const columnNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

const num = (v: PlainCell): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Rows read from a sheet: a ClaimCell sheet holds a few dozen, and a stray value far down (a
 * keystroke at row 1,048,576) must not make the reader walk a million rows.
 */
const READ_ROWS = 1000;

/** A sheet's cells as plain values, rows first, from A1 to the last used cell among the first READ_ROWS rows. */
function sheetValues(ws: ExcelJS.Worksheet, maxRows = READ_ROWS): PlainCell[][] {
  const rows: PlainCell[][] = [];
  const lastRow = Math.min(ws.rowCount, maxRows);
  for (let r = 1; r <= lastRow; r++) {
    const cells: PlainCell[] = [];
    // findRow, and eachCell without includeEmpty: visit only cells that exist, create none.
    ws.findRow(r)?.eachCell((cell, c) => {
      cells[c - 1] = plainCell(cell.value);
    });
    rows.push(Array.from(cells, (c) => c ?? null));
  }
  return rows;
}

/** The workbook state the values in use follow from, read from .xlsx bytes. */
export async function readClaimCellWorkbook(bytes: Uint8Array, source = 'the workbook'): Promise<SavedWorkbookReading> {
  try {
    checkXlsxZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    if (error instanceof XlsxRefusedError) throw new WorkbookReadError(`${source} is not an .xlsx workbook ClaimCell can open: ${error.message}`);
    throw error;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkbookReadError(`${source} is not an .xlsx workbook ClaimCell can open (${error instanceof Error ? error.message : String(error)})`);
  }
  const figures = wb.getWorksheet(SHEETS.figures);
  if (!figures) throw new WorkbookReadError(`${source} is not a ClaimCell workbook: it has no "${SHEETS.figures}" sheet (fill one with the add-in, or export one with npm run workbook)`);
  const base = new Map<string, number | null>();
  const rows = sheetValues(figures);
  for (const row of rows.slice(1)) {
    const id = row[FIGURE_COLUMNS.id - 1];
    if (typeof id === 'string' && getFigure(id)) base.set(id, num(row[FIGURE_COLUMNS.base - 1] ?? null));
  }
  if (base.size === 0) throw new WorkbookReadError(`${source} is not a ClaimCell workbook: its "${SHEETS.figures}" sheet lists no figure of the article in column A`);

  const scenariosSheet = wb.getWorksheet(SHEETS.scenarios);
  const table = scenariosSheet ? readScenarioTable(sheetValues(scenariosSheet), undefined) : { scenarios: [], activeScenarioCell: BASELINE_NAME };
  const activeCell = scenariosSheet ? plainCell(scenariosSheet.getCell(ACTIVE_SCENARIO_ADDRESS.address).value) : BASELINE_NAME;
  const active = typeof activeCell === 'string' ? scenarioNamed(activeCell, table.scenarios) : undefined;

  // Each figure through its defined name. A number typed into that cell is the value; ClaimCell's
  // formula there is worked out as Excel would recalculate it (the active scenario's override, else
  // the base value), since a file saved by a tool that does not recalculate keeps a stale result.
  const inUse = new Map<string, number | null>();
  for (const { name, ranges } of wb.definedNames.model as { name: string; ranges: string[] }[]) {
    if (!getFigure(name) || ranges.length !== 1) continue;
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(ranges[0]!);
    const ws = m ? wb.getWorksheet((m[1] ?? m[2]!).replace(/''/g, "'")) : undefined;
    // findRow/findCell, not getCell, which would create the row (an empty cell reads as null, as before).
    const cell = ws ? (ws.findRow(Number(m![4]))?.findCell(columnNumber(m![3]!))?.value ?? null) : undefined;
    const isFormula = typeof cell === 'object' && cell !== null && ('formula' in cell || 'sharedFormula' in cell);
    const override = active && active !== BASELINE_NAME ? active.overrides.get(name) : undefined;
    inUse.set(name, isFormula || cell === undefined ? (override ?? base.get(name) ?? null) : num(plainCell(cell)));
  }
  if (inUse.size === 0) throw new WorkbookReadError(`${source} is not a ClaimCell workbook: it defines no figure names (e.g. ${[...base.keys()][0]})`);
  return { inUse, base, activeScenarioCell: activeCell, scenarios: table.scenarios, user: readUserSheets(wb), userLang: userSheetsLang(wb) };
}

/** A saved workbook's reading, with the user's own tables. */
export interface SavedWorkbookReading extends WorkbookReading {
  readonly user: ReadTables;
  /** The language of ClaimCell's words in MyClaims (its header row), which an import writes in again. */
  readonly userLang: Lang;
}

/** A sheet's formulas ("=A/B" for formula cells, the constant otherwise), rows first like `sheetValues`. */
function sheetFormulas(ws: ExcelJS.Worksheet, maxRows: number): PlainCell[][] {
  const rows: PlainCell[][] = [];
  const lastRow = Math.min(ws.rowCount, maxRows);
  for (let r = 1; r <= lastRow; r++) {
    const cells: PlainCell[] = [];
    ws.findRow(r)?.eachCell((cell, c) => {
      // ExcelJS gives a shared formula's followers their own, shifted formula here.
      const formula = cell.formula;
      cells[c - 1] = formula ? `=${formula}` : plainCell(cell.value);
    });
    rows.push(Array.from(cells, (c) => c ?? null));
  }
  return rows;
}

/** Rows read from a user's table: the limits (2,000 figures, 500 claims) with room to spare. */
const USER_READ_ROWS = 10_000;

/** The language MyClaims' header row is in (English when the sheet is absent). */
function userSheetsLang(wb: ExcelJS.Workbook): Lang {
  const ws = wb.getWorksheet(USER_SHEETS.claims);
  return userTableLang('claims', ws ? (sheetValues(ws, 1)[0] ?? []) : []);
}

/** The MyFigures and MyClaims tables (absent sheets read as empty tables). */
function readUserSheets(wb: ExcelJS.Workbook): ReadTables {
  const cells = (name: string): TableCells | undefined => {
    const ws = wb.getWorksheet(name);
    return ws ? { values: sheetValues(ws, USER_READ_ROWS), formulas: sheetFormulas(ws, USER_READ_ROWS) } : undefined;
  };
  return userTablesFromCells(cells(USER_SHEETS.figures), cells(USER_SHEETS.claims), WORKBOOK_CELLS);
}
