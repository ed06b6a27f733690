/**
 * Swap-out and swap-in of an .xlsx file (the `portable` command): the cells are read with ExcelJS,
 * `src/model/swap` decides every change, and the changes and the hidden record sheet are written
 * back. Cached results are kept, so the swapped file shows its numbers before any recalculation.
 */
import { LANGS, TEXT, type DroppedPart, type Lang } from '../text/index.js';
import ExcelJS from 'exceljs';
import {
  isSwapRecordSheet,
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
import { plainCell } from './read-workbook.js';
import { formulaBody } from './xlsx.js';
import { checkXlsxZip, XlsxRefusedError } from './zip-guard.js';

const EXCEL_ERROR = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA)$/;

/** Parts of a workbook ExcelJS does not carry over when it rewrites a file. */
const DROPPED_PARTS: readonly [string, DroppedPart][] = [
  ['xl/charts/', 'charts'],
  ['xl/pivotTables/', 'pivotTables'],
  ['xl/drawings/vmlDrawing', 'legacyDrawings'],
  ['xl/vbaProject', 'macros'],
  ['xl/slicers/', 'slicers'],
];

async function loadWorkbook(bytes: Uint8Array, source: string): Promise<ExcelJS.Workbook> {
  try {
    checkXlsxZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    if (error instanceof XlsxRefusedError) throw new SwapError({ code: 'unreadable', source, detail: error.message });
    throw error;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new SwapError({ code: 'unreadable', source, detail: error instanceof Error ? error.message : String(error) });
  }
  return wb;
}

/** What a rewrite through ExcelJS would leave out of this file (checked on the zip's entry names). */
export function partsLostInRewrite(bytes: Uint8Array): DroppedPart[] {
  const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return DROPPED_PARTS.filter(([prefix]) => names.includes(prefix)).map(([, what]) => what);
}

/** A note's text: a string when set here, `{ texts: [{ text }] }` when read from a file. */
function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as string | { texts?: { text: string }[] } | undefined;
  return typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
}

const isFormulaCell = (cell: ExcelJS.Cell): boolean => cell.type === ExcelJS.ValueType.Formula;

function formulaCells(wb: ExcelJS.Workbook): FormulaCell[] {
  const cells: FormulaCell[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (isFormulaCell(cell)) cells.push({ sheet: ws.name, address: cell.address, formula: `=${cell.formula}`, value: plainCell(cell.value) });
      }),
    );
  }
  return cells;
}

const cellValue = (value: SwapCellValue): ExcelJS.CellValue => (typeof value === 'string' && EXCEL_ERROR.test(value) ? { error: value as ExcelJS.CellErrorValue['error'] } : value);

/**
 * Applies writes, keeping each formula cell's cached result and an array formula's range. A shared
 * formula's followers (filled-down cells that read their text off the first) have the same calls,
 * so each is rewritten too and gets a formula of its own.
 */
function applyWrites(wb: ExcelJS.Workbook, writes: readonly SwapWrite[], verbatim: boolean): void {
  for (const write of writes) {
    const cell = wb.getWorksheet(write.sheet)!.getCell(write.address);
    const old = cell.value as { result?: ExcelJS.CellValue; shareType?: string; ref?: string } | null;
    if ('formula' in write) {
      // Swap-in writes the original exactly as it was read; swap-out's native text gets the file's _xlfn. prefixes.
      const formula = verbatim ? write.formula.slice(1) : formulaBody(write.formula);
      const array = old?.shareType === 'array' ? { shareType: 'array', ref: old.ref } : {};
      cell.value = { formula, ...(old?.result === undefined ? {} : { result: old.result }), ...array } as ExcelJS.CellFormulaValue;
    } else cell.value = cellValue(write.value);
  }
}

export interface SwapOutFile {
  readonly bytes: Uint8Array;
  readonly plan: SwapOutPlan;
}

/** Swap-out of an .xlsx: CLAIM.* arithmetic → native formulas, the rest of CLAIM.* → values with a note, and the record sheet. */
export async function swapOutXlsx(input: Uint8Array, source = 'the workbook', lang: Lang = 'en'): Promise<SwapOutFile> {
  const wb = await loadWorkbook(input, source);
  if (wb.worksheets.some((ws) => isSwapRecordSheet(ws.name))) {
    throw new SwapError({ code: 'alreadySwappedOut', source });
  }
  const plan = planSwapOut(formulaCells(wb), lang);
  applyWrites(wb, plan.writes, false);
  for (const row of plan.record) {
    const cell = wb.getWorksheet(row.sheet)!.getCell(row.address);
    // The note a frozen cell gets, so a colleague sees why it holds a number and not a formula.
    if (row.kind === 'value' && !noteText(cell)) cell.note = TEXT[lang].swap.cellNote(row.note, row.original);
  }
  const record = wb.addWorksheet(SWAP_RECORD_SHEET, { state: 'hidden' });
  for (const row of swapRecordRows(plan.record, lang)) record.addRow(row);
  record.getRow(1).font = { bold: true };
  [18, 8, 60, 60, 8, 60].forEach((width, i) => (record.getColumn(i + 1).width = width));
  return { bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), plan };
}

export interface SwapInFile {
  readonly bytes: Uint8Array;
  readonly plan: SwapInPlan;
}

/** Swap-in of an .xlsx swapped out by ClaimCell: every recorded formula restored, the record sheet removed. */
export async function swapInXlsx(input: Uint8Array, source = 'the workbook', lang: Lang = 'en'): Promise<SwapInFile> {
  const wb = await loadWorkbook(input, source);
  const recordSheet = wb.worksheets.find((ws) => isSwapRecordSheet(ws.name));
  if (!recordSheet) throw new SwapError({ code: 'notSwappedOut', source });
  const rows: SwapCellValue[][] = [];
  recordSheet.eachRow({ includeEmpty: true }, (row, r) => {
    rows[r - 1] = [1, 2, 3, 4, 5, 6].map((c) => plainCell(row.getCell(c).value));
  });
  const record = readSwapRecord(Array.from(rows, (row) => row ?? []));
  const plan = planSwapIn(record, (sheet, address) => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) return undefined;
    const cell = ws.getCell(address);
    return { formula: isFormulaCell(cell) ? `=${cell.formula}` : undefined, value: plainCell(cell.value) };
  }, lang);
  applyWrites(wb, plan.writes, true);
  for (const write of plan.writes) {
    const cell = wb.getWorksheet(write.sheet)!.getCell(write.address);
    // ExcelJS has no public way to remove a note; its cell keeps it in _comment.
    if (LANGS.some((l) => noteText(cell).startsWith(TEXT[l].swap.cellNotePrefix))) (cell as unknown as { _comment?: unknown })._comment = undefined;
  }
  wb.removeWorksheet(recordSheet.id);
  return { bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), plan };
}
