/**
 * The one .xlsx writer: any WorkbookPlan → an ExcelJS workbook → a portable .xlsx file.
 * Node-side only (ExcelJS); the add-in writes the same plan through Office.js (src/excel).
 *
 * What is written: every sheet and cell (formulas with the model's cached result, so viewers that
 * don't recalculate still show the numbers), number formats, bold, column widths, Excel tables,
 * conditional formats, list validations, workbook-scoped defined names, frozen rows, the print
 * set-up, and native charts (added after ExcelJS, which writes none: ./xlsx-charts.ts).
 * What is not: the comments of defined names (ExcelJS has no field for them).
 */
import ExcelJS from 'exceljs';
import { printSetupFor } from '../plan/print.js';
import { cellAddress, columnLetter, sheetRef } from '../plan/a1.js';
import type { CellPlan, SheetPlan, WorkbookPlan } from '../plan/types.js';

type Scalar = number | string | boolean | null | undefined;

/** Thrown when a plan cannot be written as a portable file (a CLAIM.* formula, a bad table header). */
export class XlsxExportError extends Error {
  override readonly name = 'XlsxExportError';
}

/** `#RRGGBB` (or `#RGB`) → ExcelJS ARGB. */
function argb(color: string): string {
  let hex = color.replace(/^#/, '').toUpperCase();
  if (/^[0-9A-F]{3}$/.test(hex)) hex = [...hex].map((ch) => ch + ch).join('');
  if (!/^[0-9A-F]{6}$/.test(hex)) throw new XlsxExportError(`not a #RRGGBB colour: "${color}"`);
  return `FF${hex}`;
}

/**
 * Functions added in Excel 2010–2013: OOXML stores them with the `_xlfn.` prefix (Excel shows
 * #NAME? for the bare name in a file until the cell is re-entered; LibreOffice reads both).
 */
const FUTURE_FUNCTIONS = ['IFNA', 'DAYS', 'XOR', 'ISOWEEKNUM', 'STDEV.S', 'STDEV.P', 'VAR.S', 'VAR.P', 'PERCENTILE.INC', 'QUARTILE.INC', 'RANK.EQ', 'NORM.INV', 'LOGNORM.INV', 'BETA.INV'];
const FUTURE_CALL = new RegExp(`(^|[^A-Za-z0-9_.])(${FUTURE_FUNCTIONS.map((f) => f.replace('.', '\\.')).join('|')})\\s*\\(`, 'gi');

/** The formula as OOXML stores it: no leading `=`, newer functions `_xlfn.`-prefixed (outside string literals and quoted sheet names). */
export function formulaBody(f: string): string {
  const body = f.startsWith('=') ? f.slice(1) : f;
  return body
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*'!)/)
    .map((part, i) => (i % 2 ? part : part.replace(FUTURE_CALL, (_, before: string, name: string) => `${before}_xlfn.${name.toUpperCase()}(`)))
    .join('');
}

/** The formula with its string literals and quoted sheet names blanked, so names inside text are not mistaken for calls. */
function codeOnly(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "'x'!");
}

/** Whether a formula calls a ClaimCell custom function (only the add-in can compute those). */
export function usesCustomFunction(formula: string): boolean {
  return /(^|[^A-Za-z0-9_.])CLAIM\./i.test(codeOnly(formula));
}

/** Functions a portable file must not use: each needs Excel 365/2021+ or is missing from LibreOffice 7.4. */
const NOT_PORTABLE: Readonly<Record<string, string>> = Object.fromEntries([
  ...['LET', 'XLOOKUP', 'XMATCH', 'FILTER', 'SORT', 'SORTBY', 'UNIQUE', 'SEQUENCE', 'RANDARRAY'].map((f) => [f, 'Excel 2021/365 only; LibreOffice 24.8+']),
  ...['LAMBDA', 'MAP', 'REDUCE', 'SCAN', 'BYROW', 'BYCOL', 'MAKEARRAY', 'ISOMITTED'].map((f) => [f, 'Excel 365 only; not in LibreOffice 7.4']),
  ...['TEXTSPLIT', 'TEXTBEFORE', 'TEXTAFTER', 'VSTACK', 'HSTACK', 'TOCOL', 'TOROW', 'WRAPROWS', 'WRAPCOLS', 'TAKE', 'DROP', 'CHOOSEROWS', 'CHOOSECOLS', 'EXPAND', 'ARRAYTOTEXT', 'VALUETOTEXT', 'IMAGE', 'GROUPBY', 'PIVOTBY', 'PERCENTOF', 'REGEXTEST', 'REGEXEXTRACT', 'REGEXREPLACE', 'TRIMRANGE', 'STOCKHISTORY', 'FIELDVALUE'].map((f) => [f, 'Excel 365 only; not in LibreOffice 7.4']),
  ...['IFS', 'SWITCH', 'MAXIFS', 'MINIFS', 'CONCAT', 'TEXTJOIN'].map((f) => [f, 'not in perpetual Excel 2016 (Excel 2019+)']),
]);

/** Functions both Excel 2016 and LibreOffice 7.4 calculate; anything else is reported so a new one is checked before it ships. */
export const PORTABLE_FUNCTIONS: ReadonlySet<string> = new Set(
  (
    'ABS ACOS ACOSH AND ASIN ASINH ATAN ATAN2 ATANH AVERAGE AVERAGEA AVERAGEIF AVERAGEIFS CEILING CHAR CHOOSE CLEAN CODE COLUMN COLUMNS ' +
    'CONCATENATE COS COSH COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS DATE DATEDIF DATEVALUE DAY DAYS DEGREES EDATE EOMONTH EVEN EXACT EXP FALSE ' +
    'FIND FIXED FLOOR HLOOKUP HOUR IF IFERROR IFNA INDEX INDIRECT INT ISBLANK ISERR ISERROR ISEVEN ISLOGICAL ISNA ISNONTEXT ISNUMBER ISODD ' +
    'ISOWEEKNUM ISTEXT LARGE LEFT LEN LN LOG LOG10 LOOKUP LOWER MATCH MAX MAXA MEDIAN MID MIN MINA MINUTE MOD MONTH MROUND N NA NETWORKDAYS ' +
    'NOT NOW NPER NPV ODD OFFSET OR PERCENTILE PI PMT POWER PRODUCT PROPER PV QUOTIENT RADIANS RAND RANDBETWEEN RANK RATE REPLACE REPT RIGHT ' +
    'ROUND ROUNDDOWN ROUNDUP ROW ROWS SEARCH SECOND SIGN SIN SINH SMALL SQRT STDEV STDEVP STDEV.S STDEV.P SUBSTITUTE SUBTOTAL SUM SUMIF SUMIFS ' +
    'SUMPRODUCT SUMSQ T TAN TANH TEXT TIME TODAY TRIM TRUE TRUNC UPPER VALUE VAR VARP VAR.S VAR.P VLOOKUP WEEKDAY WEEKNUM WORKDAY XOR YEAR YEARFRAC ' +
    'PERCENTILE.INC QUARTILE QUARTILE.INC RANK.EQ GEOMEAN CORREL SLOPE INTERCEPT FORECAST IRR FV NORM.INV LOGNORM.INV BETA.INV'
  ).split(' '),
);

export interface NativeProblem {
  readonly sheet: string;
  readonly cell: string;
  readonly fn: string;
  readonly why: string;
}

/**
 * Every formula (cells and conditional formats) that calls something Excel 2016+ and LibreOffice 7.4
 * might not both calculate: a newer dynamic-array/365 function, a CLAIM.* custom function, an
 * `_xlfn.`-prefixed call, or a function missing from the checked list. Empty means portable.
 */
export function nativeOnlyProblems(plan: WorkbookPlan): NativeProblem[] {
  const problems: NativeProblem[] = [];
  const check = (sheet: string, cell: string, formula: string): void => {
    const code = codeOnly(formula);
    for (const match of code.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)) {
      const name = match[1]!.toUpperCase();
      let why: string | undefined;
      if (name.startsWith('CLAIM.')) why = 'ClaimCell custom function: needs the add-in';
      else if (name.startsWith('_XLFN.') || name.startsWith('_XLWS.')) why = 'future-function prefix: needs a newer Excel';
      else why = NOT_PORTABLE[name] ?? (PORTABLE_FUNCTIONS.has(name) ? undefined : 'not on the list of functions checked in both Excel 2016 and LibreOffice 7.4');
      if (why) problems.push({ sheet, cell, fn: name, why });
    }
  };
  for (const sheet of plan.sheets) {
    sheet.cells.forEach((row, r) => row.forEach((c, k) => c.f !== undefined && check(sheet.name, cellAddress(r + 1, k + 1), c.f)));
    for (const rule of sheet.conditionalFormats) check(sheet.name, rule.range, rule.formula);
    for (const validation of sheet.validations) check(sheet.name, validation.range, validation.listSource);
  }
  return problems;
}

/** Top-left and bottom-right (1-based) of an A1 range such as `A1:J49` or `$B$1`. */
function decodeRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const decode = (a: string): { row: number; col: number } => {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a.trim());
    if (!m) throw new XlsxExportError(`not an A1 address: "${a}" in "${range}"`);
    const col = [...m[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { row: Number(m[2]), col };
  };
  const [a, b = a] = range.split(':') as [string, string?];
  const p = decode(a);
  const q = decode(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** The ExcelJS value of one planned cell: formulas with their cached result, constants as they are (text stays text). */
function cellValue(cell: CellPlan | undefined, where: string): ExcelJS.CellValue {
  if (!cell) return null;
  if (cell.f !== undefined) {
    if (usesCustomFunction(cell.f)) {
      throw new XlsxExportError(`${where}: formula ${cell.f} uses a CLAIM.* custom function; build the plan with includeCustomFunctions: false for a portable file`);
    }
    const formula = formulaBody(cell.f);
    const result = scalar(cell.cached);
    return result === null ? ({ formula } as ExcelJS.CellFormulaValue) : ({ formula, result } as ExcelJS.CellFormulaValue);
  }
  return scalar(cell.v);
}

function scalar(v: Scalar): number | string | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v; // strings are written as strings (shared strings), never parsed as formulas
}

function writeSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  plan.cells.forEach((row, r) => {
    if (!row.length) return;
    const xlRow = ws.getRow(r + 1);
    row.forEach((cell, c) => {
      const value = cellValue(cell, `${plan.name}!${cellAddress(r + 1, c + 1)}`);
      if (value === null && !cell.fmt && !cell.bold) return;
      const xl = xlRow.getCell(c + 1);
      xl.value = value;
      if (cell.fmt) xl.numFmt = cell.fmt;
      if (cell.bold) xl.font = { bold: true };
    });
  });
  plan.columnWidths.forEach((chars, i) => {
    ws.getColumn(i + 1).width = chars;
  });
  for (const table of plan.tables) addTable(ws, plan, table.name, table.range);
  plan.conditionalFormats.forEach((rule, i) => {
    ws.addConditionalFormatting({
      ref: rule.range,
      rules: [
        {
          type: 'expression',
          priority: i + 1, // distinct priorities, in plan order
          formulae: [formulaBody(rule.formula)],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.fill) } }, font: { color: { argb: argb(rule.fontColor) } } },
        },
      ],
    });
  });
  for (const validation of plan.validations) {
    const rule: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [formulaBody(validation.listSource)],
      showErrorMessage: true,
      errorStyle: 'stop',
      ...(validation.prompt ? { showInputMessage: true, prompt: validation.prompt } : {}),
    };
    // Never set showDropDown: in OOXML showDropDown="1" *hides* the in-cell arrow.
    const { top, left, bottom, right } = decodeRange(validation.range);
    const ref = top === bottom && left === right ? cellAddress(top, left) : `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
    (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(ref, rule);
  }
  if (plan.freezeRows > 0) {
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: plan.freezeRows, topLeftCell: `A${plan.freezeRows + 1}`, activeCell: 'A1' }];
  }
  applyPrintSetup(ws, plan);
}

/** The plan's print set-up (src/plan/print.ts) as ExcelJS page setup, print titles, header/footer and wrapping. */
function applyPrintSetup(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const print = printSetupFor(plan);
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: print.orientation,
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: print.fitToPagesWide,
    fitToHeight: print.fitToPagesTall,
    pageOrder: print.pageOrder,
    ...(print.titleRows ? { printTitlesRow: `${print.titleRows[0]}:${print.titleRows[1]}` } : {}),
    ...(print.titleColumns ? { printTitlesColumn: `${columnLetter(print.titleColumns[0])}:${columnLetter(print.titleColumns[1])}` } : {}),
  };
  ws.headerFooter = { ...ws.headerFooter, oddHeader: `&L${print.header.left}&R${print.header.right}`, oddFooter: `&C${print.footer.center}` };
  // 15 points per line of the default 11-point font.
  for (const [row, lines] of print.rowLines) ws.getRow(row).height = 15 * lines;
  // Every cell top-aligned, so a row's id and numbers stand level with the first line of its wrapped text.
  const headerRows = print.titleRows?.[1] ?? 0;
  plan.cells.forEach((row, r) =>
    row.forEach((_, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      const wrap = r < headerRows || print.wrapColumns.includes(c + 1);
      cell.alignment = { ...cell.alignment, vertical: 'top', ...(wrap ? { wrapText: true } : {}) };
    }),
  );
}

/**
 * An Excel table over cells already written. ExcelJS's addTable (re)writes the header and row values
 * it is given, so it gets exactly the values just written; styles already on the cells stay.
 */
function addTable(ws: ExcelJS.Worksheet, plan: SheetPlan, name: string, range: string): void {
  const { top, left, bottom, right } = decodeRange(range);
  const where = `${plan.name} table ${name} (${range})`;
  const seen = new Set<string>();
  const columns = [];
  for (let c = left; c <= right; c++) {
    const header = plan.cells[top - 1]?.[c - 1];
    const text = header?.f === undefined && header?.v !== null && header?.v !== undefined ? String(header.v).trim() : '';
    if (!text) throw new XlsxExportError(`${where}: header cell ${cellAddress(top, c)} must hold a constant (tables need a text header in every column)`);
    if (seen.has(text.toLowerCase())) throw new XlsxExportError(`${where}: header "${text}" appears twice (table headers must be unique)`);
    seen.add(text.toLowerCase());
    columns.push({ name: String(header!.v), filterButton: true });
  }
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = top + 1; r <= Math.max(bottom, top + 1); r++) {
    const row: ExcelJS.CellValue[] = [];
    for (let c = left; c <= right; c++) row.push(cellValue(plan.cells[r - 1]?.[c - 1], `${plan.name}!${cellAddress(r, c)}`));
    rows.push(row);
  }
  ws.addTable({
    name,
    ref: cellAddress(top, left),
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns,
    rows,
  });
  // Headers are text in a table: a numeric header (e.g. 2024) is stored as its text, as Excel does.
  for (let c = left; c <= right; c++) ws.getCell(top, c).value = String(plan.cells[top - 1]![c - 1]!.v);
}

/** Builds the ExcelJS workbook for any plan (without its charts: `planToXlsxBytes` adds them). Throws XlsxExportError for a CLAIM.* formula or an unwritable table. */
export function writePlanToWorkbook(plan: WorkbookPlan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ClaimCell';
  wb.lastModifiedBy = 'ClaimCell';
  wb.title = 'ClaimCell';
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of plan.sheets) writeSheet(wb.addWorksheet(sheet.name), sheet);
  const sheetNames = new Set(plan.sheets.map((s) => s.name));
  for (const name of plan.names) {
    if (!sheetNames.has(name.sheet)) throw new XlsxExportError(`defined name ${name.name} points at missing sheet "${name.sheet}"`);
    if (name.sheet.includes("'")) throw new XlsxExportError(`defined name ${name.name}: sheet names with an apostrophe are not supported by the .xlsx writer`);
    wb.definedNames.add(`${sheetRef(name.sheet)}!${name.address}`, name.name);
  }
  return wb;
}

/** The plan as .xlsx bytes (Node). */
export async function planToXlsxBuffer(plan: WorkbookPlan): Promise<Buffer> {
  return Buffer.from(await planToXlsxBytes(plan));
}

/**
 * The plan as .xlsx bytes, in a browser too (no Node Buffer): the task pane hands them to
 * `Excel.createWorkbook`. `created` fixes the file's dates, so the same plan gives the same content.
 */
export async function planToXlsxBytes(plan: WorkbookPlan, created?: Date): Promise<Uint8Array> {
  const wb = writePlanToWorkbook(plan);
  if (created) {
    wb.created = created;
    wb.modified = created;
  }
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  if (!plan.sheets.some((s) => s.charts.length)) return bytes;
  // Loaded only for a plan with charts (JSZip), so the pane's exercise chunk stays as it was.
  const { addPlannedCharts } = await import('./xlsx-charts.js');
  return addPlannedCharts(bytes, plan);
}
