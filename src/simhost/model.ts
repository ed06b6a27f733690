/**
 * The simulated workbook: the single source of truth for sheets, cells, formats, names, tables,
 * validations, conditional formats, charts, settings and custom XML parts (their records: types.ts).
 * HyperFormula is a derived calculation cache, rebuilt from whole sheets with
 * `HyperFormula.buildFromSheets` (+ named expressions) whenever a sync changed content, and updated
 * incrementally for single-cell user edits; engine-mapping.ts translates content both ways.
 */
import { DetailedCellError, HyperFormula, type ConfigParams, type RawCellContent } from 'hyperformula';
import { cellKey, keyCol, keyRow, type CellRect } from './address.js';
import { hfNameOk, rewriteDeletedSheetRefs, toEngine, toEngineFormula, toExcelValue } from './engine-mapping.js';
import { fail, type SimErrorCode } from './errors.js';
import { SimEvents } from './events.js';
import { withEmptyCellArgument, type EmptyCellArgument } from './functions.js';
import type { ChartModel, ConditionalFormatModel, ExcelValue, NameModel, RawContent, SheetModel, TableModel, XmlPartModel } from './types.js';

const HF_CONFIG: Partial<ConfigParams> = {
  licenseKey: 'gpl-v3',
  useArrayArithmetic: true,
  evaluateNullToZero: true,
  dateFormats: ['MM/DD/YYYY', 'MM/DD/YY', 'YYYY/MM/DD'],
  currencySymbol: ['$'],
  maxRows: 1_048_576,
  maxColumns: 16_384,
};

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
}
