/**
 * Reads a returned student workbook for grading: only the cells the grader looks at, so the work
 * per file is bounded by the layout, not by where a student happened to type. A single cell at
 * XFD1048576 used to make the reader walk a million rows once per row (ExcelJS' `columnCount`
 * walks every row each time it is read).
 */
import ExcelJS from 'exceljs';
import { EXERCISE_FIGURE_COLUMNS, EXERCISE_SHEETS, TASK_COLUMNS, type Cell, type ExerciseFile } from '../model/exercises/index.js';
import { columnNumber, plainCell } from './read-workbook.js';
import { checkXlsxZip } from './zip-guard.js';

/** About holds a label in column A and its value in column B. */
const ABOUT_VALUE_COLUMN = 2;

/**
 * The part of each sheet the grader reads: the layout's columns, and rows enough for any task
 * list and every figure many times over (an exercise has at most a few dozen of each).
 */
export const GRADED_CELLS = {
  rows: 1000,
  columns: Math.max(ABOUT_VALUE_COLUMN, ...Object.values(TASK_COLUMNS), ...Object.values(EXERCISE_FIGURE_COLUMNS)),
} as const;


/** The graded block of one sheet: rows 1… up to the last non-empty one inside GRADED_CELLS, each GRADED_CELLS.columns wide. */
function gradedBlock(ws: ExcelJS.Worksheet): Cell[][] {
  const rows: Cell[][] = [];
  const lastRow = Math.min(ws.rowCount, GRADED_CELLS.rows);
  for (let r = 1; r <= lastRow; r++) {
    const row = ws.findRow(r); // findRow, not getRow: getRow creates the rows it walks past
    const cells: Cell[] = new Array<Cell>(GRADED_CELLS.columns).fill(null);
    if (row) for (let c = 1; c <= GRADED_CELLS.columns; c++) cells[c - 1] = plainCell(row.findCell(c)?.value);
    rows.push(cells);
  }
  return rows;
}

/**
 * The sheets and defined names grading needs, from .xlsx bytes. The zip is checked first
 * (size, entries, inflated size: `checkXlsxZip`), so ExcelJS never sees a zip bomb.
 * Throws XlsxRefusedError for a refused file, another error for an unreadable one.
 */
export async function readExerciseXlsx(bytes: Buffer): Promise<ExerciseFile> {
  checkXlsxZip(bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = new Map<string, Cell[][]>();
  for (const name of Object.values(EXERCISE_SHEETS)) {
    const ws = wb.getWorksheet(name);
    if (ws) sheets.set(name, gradedBlock(ws));
  }
  const names = new Map<string, Cell>();
  for (const { name, ranges } of wb.definedNames.model as { name: string; ranges: string[] }[]) {
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(ranges[0] ?? '');
    if (!m || ranges.length !== 1) continue;
    const ws = wb.getWorksheet((m[1] ?? m[2]!).replace(/''/g, "'"));
    if (ws) names.set(name, plainCell(ws.findRow(Number(m[4]))?.findCell(columnNumber(m[3]!))?.value));
  }
  return { sheets, names };
}
