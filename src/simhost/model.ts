/**
 * The simulated workbook: the single source of truth for sheets, cells, formats, names, tables,
 * validations, conditional formats, charts, settings and custom XML parts. HyperFormula is a derived
 * calculation cache, rebuilt from whole sheets with `HyperFormula.buildFromSheets` (+ named expressions)
 * whenever a sync changed content, and updated incrementally for single-cell user edits.
 */
import { DetailedCellError, HyperFormula, type ConfigParams, type RawCellContent } from 'hyperformula';
import {
  cellKey,
  colToLetters,
  formatRect,
  keyCol,
  keyRow,
  looksLikeCellReference,
  qualifiedAddress,
  type CellRect,
} from './address.js';
import { fail, type SimErrorCode } from './errors.js';
import { SimEvents } from './events.js';
import { withEmptyCellArgument, type EmptyCellArgument } from './functions.js';

export type RawContent = number | string | boolean;
export type ExcelValue = number | string | boolean;

export interface SheetModel {
  readonly id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  deleted: boolean;
  readonly cells: Map<number, RawContent>;
  readonly numberFormats: Map<number, string>;
  readonly bold: Map<number, boolean>;
  readonly columnWidths: Map<number, number>;
  /** cell → JSON of the normalized data-validation rule. */
  readonly validation: Map<number, string>;
  /** cell → JSON of the data-validation prompt ({ showPrompt, title, message }). */
  readonly validationPrompt: Map<number, string>;
  /** Rows frozen at the top (worksheet.freezePanes.freezeRows), 0 when none. */
  frozenRows: number;
  /** The print set-up (worksheet.pageLayout, ExcelApi 1.9), once any of it is set. */
  pageLayout?: PageLayoutModel;
  /** cell → wrapping and vertical alignment (RangeFormat.wrapText, verticalAlignment), once any is set. */
  alignment?: Map<number, { wrapText?: boolean; verticalAlignment?: string }>;
  /** row → height in points (RangeFormat.rowHeight), once any is set. */
  rowHeights?: Map<number, number>;
}

/** What `worksheet.pageLayout` has set on a sheet. */
export interface PageLayoutModel {
  orientation?: 'Portrait' | 'Landscape';
  paperSize?: string;
  printOrder?: 'DownThenOver' | 'OverThenDown';
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows?: string;
  printTitleColumns?: string;
  headersFooters: Partial<Record<'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter', string>>;
}

export interface NameModel {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export interface TableModel {
  readonly id: string;
  name: string;
  readonly sheet: SheetModel;
  readonly rect: CellRect;
  readonly hasHeaders: boolean;
  deleted: boolean;
}

export interface ConditionalFormatModel {
  readonly id: string;
  readonly sheet: SheetModel;
  readonly rect: CellRect;
  readonly type: string;
  formula: string | null;
  fillColor: string | null;
  fontColor: string | null;
  fontBold: boolean | null;
  priority: number;
  stopIfTrue: boolean;
  deleted: boolean;
}

export interface ChartModel {
  readonly id: string;
  readonly sheet: SheetModel;
  name: string;
  chartType: string;
  readonly source: CellRect;
  readonly seriesBy: string;
  title: string | null;
  top: number;
  left: number;
  width: number;
  height: number;
  deleted: boolean;
}

export interface XmlPartModel {
  readonly id: string;
  namespaceUri: string;
  xml: string;
  deleted: boolean;
}

export const DEFAULT_COLUMN_WIDTH = 48;

const HF_CONFIG: Partial<ConfigParams> = {
  licenseKey: 'gpl-v3',
  useArrayArithmetic: true,
  evaluateNullToZero: true,
  dateFormats: ['MM/DD/YYYY', 'MM/DD/YY', 'YYYY/MM/DD'],
  currencySymbol: ['$'],
  maxRows: 1_048_576,
  maxColumns: 16_384,
};

let validator: HyperFormula | undefined;
function formulaValidator(): HyperFormula {
  validator ??= HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  return validator;
}

/** True when `formula` (starting with `=`) parses. */
export function isParsableFormula(formula: string): boolean {
  return formulaValidator().validateFormula(toEngineFormula(formula));
}

function hfNameOk(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !looksLikeCellReference(name);
}

/** Applies `fn` to the parts of a formula outside string literals. */
function outsideStrings(formula: string, fn: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join('');
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Excel's rewrite of references to a deleted sheet: `=Figures!D2*2` → `=#REF!D2*2`. */
export function rewriteDeletedSheetRefs(formula: string, sheetName: string): string {
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  const re = new RegExp(`(^|[^A-Za-z0-9_.'\\u00C0-\\uFFFF])(?:${escapeRe(quoted)}|${escapeRe(sheetName)})!`, 'gi');
  return outsideStrings(formula, (part) => part.replace(re, '$1#REF!'));
}

/** HyperFormula cannot parse `#REF!D2`; it reads the bare `#REF!` error literal. */
export function toEngineFormula(formula: string): string {
  if (!formula.includes('#REF!')) return formula;
  return outsideStrings(formula, (part) => part.replace(/#REF!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/g, '#REF!'));
}

/**
 * A cell's content as HyperFormula takes it. Text written into a cell formatted as Text ('@') stays
 * text, as in Excel ("25%" and "2026-01-14" are not turned into numbers; README, "Text format"):
 * HyperFormula's quote prefix keeps it a string. Formulas are left to the engine.
 */
function toEngine(raw: RawContent, numberFormat?: string): RawContent {
  if (typeof raw !== 'string') return raw;
  if (raw.startsWith('=')) return toEngineFormula(raw);
  return numberFormat === '@' && !raw.startsWith("'") ? `'${raw}` : raw;
}

/** Maps a HyperFormula cell value to what Excel's `range.values` returns. */
export function toExcelValue(v: unknown): ExcelValue {
  if (v === null || v === undefined) return '';
  if (v instanceof DetailedCellError) {
    switch (v.value) {
      case '#ERROR!':
      case '#LIC!':
        return '#NAME?';
      case '#CYCLE!':
        return 0; // Excel shows 0 for a circular reference (and warns)
      default:
        return v.value;
    }
  }
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** Group `key → value` cell maps into deterministic `{ value, ranges }` runs (per column, consecutive rows). */
function compressCells<T>(map: Map<number, T>): { value: T; ranges: string[] }[] {
  const byValue = new Map<string, { value: T; keys: number[] }>();
  for (const [k, v] of map) {
    const id = JSON.stringify(v);
    let entry = byValue.get(id);
    if (!entry) byValue.set(id, (entry = { value: v, keys: [] }));
    entry.keys.push(k);
  }
  const out: { value: T; ranges: string[] }[] = [];
  for (const id of [...byValue.keys()].sort()) {
    const entry = byValue.get(id)!;
    const keys = entry.keys.sort((a, b) => keyCol(a) - keyCol(b) || keyRow(a) - keyRow(b));
    const ranges: string[] = [];
    let start: number | undefined;
    let prev: number | undefined;
    const flush = (): void => {
      if (start === undefined || prev === undefined) return;
      ranges.push(formatRect({ r0: keyRow(start), c0: keyCol(start), r1: keyRow(prev), c1: keyCol(prev) }));
    };
    for (const k of keys) {
      if (prev !== undefined && keyCol(k) === keyCol(prev) && keyRow(k) === keyRow(prev) + 1) {
        prev = k;
      } else {
        flush();
        start = k;
        prev = k;
      }
    }
    flush();
    out.push({ value: entry.value, ranges });
  }
  return out;
}

export class SimWorkbook {
  readonly sheets: SheetModel[] = [];
  readonly names = new Map<string, NameModel>();
  readonly tables: TableModel[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly charts: ChartModel[] = [];
  readonly settings = new Map<string, unknown>();
  readonly xmlParts: XmlPartModel[] = [];
  /** The request size Excel accepts (5 MB on the web; undefined: no limit modelled). */
  requestLimitBytes: number | undefined = undefined;
  /** How empty cells reach custom functions: 0 on Windows and Mac, null on the web. */
  emptyCellArgument: EmptyCellArgument = 'zero';
  /** The ExcelApi version the host plays (1.9: page layout; 1.8: the manifest's minimum). */
  excelApiVersion = 1.9;
  /** Worksheet onChanged handlers and cell-edit mode. */
  readonly events = new SimEvents();
  private nextId = 1;
  private hf: HyperFormula | undefined;
  private hfSheetIds = new Map<SheetModel, number>();
  private dirty = true;
  /** Set by application.suspendApiCalculationUntilNextSync(); cleared at the end of the sync. */
  calculationSuspended = false;
  /** Faults a test asked for: the next operation at `location` fails with `code` (see SimulatedExcel.failNextOperation). */
  private readonly faults: { location: string; code: SimErrorCode }[] = [];
  /** Milliseconds spent in the last rebuild (for benchmarks). */
  lastRebuildMs = 0;
  rebuildCount = 0;

  /** Deterministic GUID-shaped ids (`{00000000-0001-0000-0000-00000000000A}`), kind in the second group. */
  newId(kind: string): string {
    const n = this.nextId++;
    return `{00000000-${kind}-0000-0000-${n.toString(16).padStart(12, '0').toUpperCase()}}`;
  }

  injectFault(location: string, code: SimErrorCode): void {
    this.faults.push({ location, code });
  }

  /** Raises the first fault planned for an operation at `location`, once. */
  takeFault(location: string): void {
    const i = this.faults.findIndex((f) => f.location === location);
    if (i < 0) return;
    const [fault] = this.faults.splice(i, 1);
    fail(fault!.code, 'fault injected by the test');
  }

  markDirty(): void {
    this.dirty = true;
  }

  liveSheets(): SheetModel[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  findSheet(name: string): SheetModel | undefined {
    const upper = name.toUpperCase();
    return this.sheets.find((s) => !s.deleted && s.name.toUpperCase() === upper);
  }

  addSheet(name: string): SheetModel {
    const sheet: SheetModel = {
      id: this.newId('0001'),
      name,
      visibility: 'Visible',
      deleted: false,
      cells: new Map(),
      numberFormats: new Map(),
      bold: new Map(),
      columnWidths: new Map(),
      validation: new Map(),
      validationPrompt: new Map(),
      frozenRows: 0,
    };
    this.sheets.push(sheet);
    this.dirty = true;
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.liveSheets().filter((s) => s.visibility === 'Visible' && s !== sheet).length === 0) {
      fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    sheet.deleted = true;
    this.events.dropSheet(sheet);
    const idx = this.sheets.indexOf(sheet);
    this.sheets.splice(idx, 1);
    // Like Excel, references to the deleted sheet become #REF! for good (a later sheet of the same name does not revive them).
    for (const other of this.sheets) {
      for (const [k, v] of other.cells) {
        if (typeof v === 'string' && v.startsWith('=')) {
          const next = rewriteDeletedSheetRefs(v, sheet.name);
          if (next !== v) other.cells.set(k, next);
        }
      }
    }
    for (const n of this.names.values()) n.formula = rewriteDeletedSheetRefs(n.formula, sheet.name);
    for (const t of this.tables) if (t.sheet === sheet) t.deleted = true;
    for (const c of this.charts) if (c.sheet === sheet) c.deleted = true;
    for (const cf of this.conditionalFormats) if (cf.sheet === sheet) cf.deleted = true;
    this.dirty = true;
  }

  findName(name: string): NameModel | undefined {
    return this.names.get(name.toUpperCase());
  }

  findTable(name: string): TableModel | undefined {
    const upper = name.toUpperCase();
    return this.tables.find((t) => !t.deleted && t.name.toUpperCase() === upper);
  }

  /** Writes a block; `null` entries leave the cell unchanged, `''` clears it (as Excel does). */
  writeBlock(sheet: SheetModel, rect: CellRect, rows: readonly (readonly unknown[])[]): void {
    for (let r = 0; r < rows.length; r += 1) {
      const row = rows[r]!;
      for (let c = 0; c < row.length; c += 1) {
        const v = row[c];
        if (v === null || v === undefined) continue;
        const key = cellKey(rect.r0 + r, rect.c0 + c);
        if (v === '') sheet.cells.delete(key);
        else sheet.cells.set(key, v as RawContent);
      }
    }
    this.events.record(sheet, { r0: rect.r0, c0: rect.c0, r1: rect.r0 + Math.max(rows.length, 1) - 1, c1: rect.c0 + Math.max(rows[0]?.length ?? 1, 1) - 1 });
    this.dirty = true;
  }

  clearContents(sheet: SheetModel, rect: CellRect): void {
    this.forEachKeyIn(sheet.cells, rect, (k) => sheet.cells.delete(k));
    this.events.record(sheet, rect);
    this.dirty = true;
  }

  clearFormats(sheet: SheetModel, rect: CellRect): void {
    this.forEachKeyIn(sheet.numberFormats, rect, (k) => sheet.numberFormats.delete(k));
    this.forEachKeyIn(sheet.bold, rect, (k) => sheet.bold.delete(k));
    if (rect.r0 === 0 && rect.r1 === 1_048_575) {
      for (let c = rect.c0; c <= rect.c1; c += 1) sheet.columnWidths.delete(c);
    }
  }

  forEachKeyIn(map: Map<number, unknown>, rect: CellRect, fn: (key: number) => void): void {
    const area = (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
    if (area <= map.size) {
      for (let r = rect.r0; r <= rect.r1; r += 1) {
        for (let c = rect.c0; c <= rect.c1; c += 1) {
          const k = cellKey(r, c);
          if (map.has(k)) fn(k);
        }
      }
    } else {
      for (const k of [...map.keys()]) {
        const r = keyRow(k);
        const c = keyCol(k);
        if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) fn(k);
      }
    }
  }

  // ---------------------------------------------------------------- calculation

  private engine(): HyperFormula {
    if (this.dirty || !this.hf) this.rebuild();
    return this.hf!;
  }

  ensureCalculated(): void {
    this.engine();
  }

  rebuild(): void {
    withEmptyCellArgument(this.emptyCellArgument, () => this.rebuildEngine());
  }

  private rebuildEngine(): void {
    const t0 = performance.now();
    this.hf?.destroy();
    const sheets: Record<string, RawCellContent[][]> = {};
    const sparse: [SheetModel, number][] = [];
    for (const sheet of this.liveSheets()) {
      let maxR = -1;
      let maxC = -1;
      for (const k of sheet.cells.keys()) {
        const r = keyRow(k);
        const c = keyCol(k);
        if (r > maxR) maxR = r;
        if (c > maxC) maxC = c;
      }
      const area = (maxR + 1) * (maxC + 1);
      if (area > 4_000_000 && area > sheet.cells.size * 8) {
        sheets[sheet.name] = [];
        sparse.push([sheet, 0]);
        continue;
      }
      const rows: RawCellContent[][] = [];
      for (let r = 0; r <= maxR; r += 1) rows.push(new Array<RawCellContent>(maxC + 1).fill(null));
      for (const [k, v] of sheet.cells) rows[keyRow(k)]![keyCol(k)] = toEngine(v, sheet.numberFormats.get(k));
      sheets[sheet.name] = rows;
    }
    const named = [...this.names.values()].filter((n) => hfNameOk(n.name)).map((n) => ({ name: n.name, expression: toEngineFormula(n.formula) }));
    let hf: HyperFormula;
    try {
      hf = HyperFormula.buildFromSheets(sheets, HF_CONFIG, named);
    } catch {
      // One name HyperFormula refuses (e.g. a reference to a deleted sheet) must not sink the others.
      hf = HyperFormula.buildFromSheets(sheets, HF_CONFIG);
      hf.suspendEvaluation();
      for (const n of named) {
        try {
          hf.addNamedExpression(n.name, n.expression);
        } catch {
          /* left undefined: formulas using it answer #NAME? */
        }
      }
      hf.resumeEvaluation();
    }
    this.hfSheetIds = new Map();
    for (const sheet of this.liveSheets()) this.hfSheetIds.set(sheet, hf.getSheetId(sheet.name)!);
    if (sparse.length > 0) {
      hf.suspendEvaluation();
      for (const [sheet] of sparse) {
        const id = this.hfSheetIds.get(sheet)!;
        for (const [k, v] of sheet.cells) hf.setCellContents({ sheet: id, row: keyRow(k), col: keyCol(k) }, toEngine(v, sheet.numberFormats.get(k)));
      }
      hf.resumeEvaluation();
    }
    this.hf = hf;
    this.dirty = false;
    this.lastRebuildMs = performance.now() - t0;
    this.rebuildCount += 1;
  }

  /** A user edit of one cell: updates the model and recalculates incrementally. */
  editCell(sheet: SheetModel, row: number, col: number, value: RawContent | null): void {
    const key = cellKey(row, col);
    if (value === null || value === '') sheet.cells.delete(key);
    else sheet.cells.set(key, value);
    this.events.record(sheet, { r0: row, c0: col, r1: row, c1: col });
    // Clearing a cell may free a blocked spill range; HyperFormula's incremental update does not
    // spill again there (Excel does), so a cleared cell rebuilds the engine.
    if (value === null || value === '') this.dirty = true;
    if (this.dirty || !this.hf) {
      this.dirty = true;
      return;
    }
    const hf = this.hf;
    withEmptyCellArgument(this.emptyCellArgument, () =>
      hf.setCellContents({ sheet: this.hfSheetIds.get(sheet)!, row, col }, value === null || value === '' ? null : toEngine(value, sheet.numberFormats.get(key))),
    );
  }

  cellValue(sheet: SheetModel, row: number, col: number): ExcelValue {
    const hf = this.engine();
    const id = this.hfSheetIds.get(sheet);
    if (id === undefined) return '';
    const address = { sheet: id, row, col };
    // Excel tables take no spilled arrays: a spilling formula in a table answers #SPILL!, its spill cells stay empty.
    if (hf.isCellPartOfArray(address) && this.inTable(sheet, row, col)) {
      return sheet.cells.has(cellKey(row, col)) ? '#SPILL!' : '';
    }
    return toExcelValue(hf.getCellValue(address));
  }

  private inTable(sheet: SheetModel, row: number, col: number): boolean {
    return this.tables.some((t) => !t.deleted && t.sheet === sheet && row >= t.rect.r0 && row <= t.rect.r1 && col >= t.rect.c0 && col <= t.rect.c1);
  }

  /** The message HyperFormula attached to an error value (e.g. a custom function's DomainError message). */
  cellErrorMessage(sheet: SheetModel, row: number, col: number): string | undefined {
    const hf = this.engine();
    const id = this.hfSheetIds.get(sheet);
    if (id === undefined) return undefined;
    const v = hf.getCellValue({ sheet: id, row, col });
    return v instanceof DetailedCellError && v.message ? v.message : undefined;
  }

  /** Excel's `formulas` for one cell: the formula text, else the (parsed) constant, else ''. */
  cellFormula(sheet: SheetModel, row: number, col: number): ExcelValue {
    const raw = sheet.cells.get(cellKey(row, col));
    if (typeof raw === 'string' && raw.startsWith('=')) return raw;
    // constants answer their parsed value; empty cells '' (or the value spilled into them)
    return this.cellValue(sheet, row, col);
  }

  /** Value of a defined name (for NamedItem.value / type). */
  nameValue(name: NameModel): unknown {
    const hf = this.engine();
    if (!hfNameOk(name.name)) return '#NAME?';
    try {
      return hf.getNamedExpressionValue(name.name);
    } catch {
      return '#NAME?';
    }
  }

  usedRect(sheet: SheetModel, valuesOnly: boolean): CellRect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const maps: Map<number, unknown>[] = valuesOnly ? [sheet.cells] : [sheet.cells, sheet.numberFormats, sheet.bold, sheet.validation];
    for (const map of maps) {
      for (const k of map.keys()) {
        const r = keyRow(k);
        const c = keyCol(k);
        if (r < r0) r0 = r;
        if (c < c0) c0 = c;
        if (r > r1) r1 = r;
        if (c > c1) c1 = c;
      }
    }
    if (r1 < 0) return null;
    return { r0, c0, r1, c1 };
  }

  // ---------------------------------------------------------------- snapshot

  snapshot(): unknown {
    this.ensureCalculated();
    const live = (x: { deleted: boolean }): boolean => !x.deleted;
    return {
      sheets: this.liveSheets().map((sheet, position) => {
        const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
        return {
          name: sheet.name,
          id: sheet.id,
          position,
          visibility: sheet.visibility,
          cells: keys.map((k) => {
            const raw = sheet.cells.get(k)!;
            return [`${colToLetters(keyCol(k))}${keyRow(k) + 1}`, raw, this.cellValue(sheet, keyRow(k), keyCol(k))];
          }),
          numberFormats: compressCells(sheet.numberFormats),
          bold: compressCells(sheet.bold),
          columnWidths: [...sheet.columnWidths.entries()].sort((a, b) => a[0] - b[0]).map(([c, w]) => [colToLetters(c), w]),
          dataValidation: compressCells(sheet.validation).map((e) => ({ rule: JSON.parse(e.value) as unknown, ranges: e.ranges })),
          // Only when set, so snapshots of workbooks without them stay as they were.
          ...(sheet.validationPrompt.size ? { validationPrompts: compressCells(sheet.validationPrompt).map((e) => ({ prompt: JSON.parse(e.value) as unknown, ranges: e.ranges })) } : {}),
          ...(sheet.frozenRows ? { frozenRows: sheet.frozenRows } : {}),
          ...(sheet.pageLayout ? { pageLayout: sheet.pageLayout } : {}),
          ...(sheet.alignment?.size ? { alignment: compressCells(new Map([...sheet.alignment].map(([k, v]) => [k, JSON.stringify(v)]))) } : {}),
          ...(sheet.rowHeights?.size ? { rowHeights: [...sheet.rowHeights.entries()].sort((a, b) => a[0] - b[0]).map(([r, h]) => [r + 1, h]) } : {}),
        };
      }),
      names: [...this.names.values()]
        .sort((a, b) => (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : a.name.toUpperCase() > b.name.toUpperCase() ? 1 : 0))
        .map((n) => ({ name: n.name, formula: n.formula, comment: n.comment, visible: n.visible })),
      tables: this.tables.filter(live).map((t) => ({
        id: t.id,
        name: t.name,
        address: qualifiedAddress(t.sheet.name, t.rect),
        hasHeaders: t.hasHeaders,
      })),
      conditionalFormats: this.conditionalFormats.filter(live).map((cf) => ({
        id: cf.id,
        address: qualifiedAddress(cf.sheet.name, cf.rect),
        type: cf.type,
        formula: cf.formula,
        fillColor: cf.fillColor,
        fontColor: cf.fontColor,
        fontBold: cf.fontBold,
        priority: cf.priority,
        stopIfTrue: cf.stopIfTrue,
      })),
      charts: this.charts.filter(live).map((c) => ({
        id: c.id,
        sheet: c.sheet.name,
        name: c.name,
        chartType: c.chartType,
        source: qualifiedAddress(c.sheet.name, c.source),
        seriesBy: c.seriesBy,
        title: c.title,
        top: c.top,
        left: c.left,
        width: c.width,
        height: c.height,
      })),
      settings: [...this.settings.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([key, value]) => ({ key, value })),
      customXmlParts: this.xmlParts.filter(live).map((p) => ({ id: p.id, namespaceUri: p.namespaceUri, xml: p.xml })),
    };
  }
}
