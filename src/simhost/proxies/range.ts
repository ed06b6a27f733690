import { MAX_COLS, MAX_ROWS, cellKey, qualifiedAddress, type CellRect } from '../address.js';
import { fail, notSupported } from '../errors.js';
import { isParsableFormula } from '../engine-mapping.js';
import type { SheetModel } from '../types.js';
import { SimObject, guard } from './base.js';
import type { SimRequestContext } from './context.js';
import { ConditionalFormatCollection, DataValidation, RangeFormat } from './formats.js';
import { Worksheet } from './worksheet.js';

// ------------------------------------------------------------------ ranges

export interface RangeTarget {
  readonly sheet: SheetModel;
  readonly rect: CellRect;
}

export const MAX_LOAD_CELLS = 5_000_000;

export function rectRows(rect: CellRect): number {
  return rect.r1 - rect.r0 + 1;
}
export function rectCols(rect: CellRect): number {
  return rect.c1 - rect.c0 + 1;
}

function matrixOf<V>(t: RangeTarget, read: (row: number, col: number) => V): V[][] {
  if (rectRows(t.rect) * rectCols(t.rect) > MAX_LOAD_CELLS) fail('InvalidArgument', 'range too large to load');
  const out: V[][] = [];
  for (let r = t.rect.r0; r <= t.rect.r1; r += 1) {
    const row: V[] = [];
    for (let c = t.rect.c0; c <= t.rect.c1; c += 1) row.push(read(r, c));
    out.push(row);
  }
  return out;
}

/**
 * Checks a 2-D input against the range's shape (InvalidArgument on mismatch, as Excel does);
 * a single non-array value is applied to every cell.
 */
function shapeInput(value: unknown, rect: CellRect, what: string): unknown[][] {
  const rows = rectRows(rect);
  const cols = rectCols(rect);
  if (!Array.isArray(value)) {
    if (rows * cols > MAX_LOAD_CELLS) fail('InvalidArgument', 'range too large');
    return Array.from({ length: rows }, () => new Array<unknown>(cols).fill(value));
  }
  if (value.length !== rows) fail('InvalidArgument', `${what}: ${value.length} rows given for a range of ${rows} rows`);
  for (const row of value) {
    if (!Array.isArray(row) || row.length !== cols) {
      fail('InvalidArgument', `${what}: a row of ${Array.isArray(row) ? row.length : 'non-array'} columns given for a range of ${cols} columns`);
    }
  }
  return value as unknown[][];
}

function checkCellInput(v: unknown): void {
  if (v === null || v === undefined || typeof v === 'boolean') return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) fail('InvalidArgument', `not a finite number: ${v}`);
    return;
  }
  if (typeof v === 'string') {
    if (v.length > 32_767) fail('InvalidArgument', 'text longer than 32,767 characters');
    if (v.startsWith('=') && v.length > 1 && !isParsableFormula(v)) fail('InvalidArgument', `invalid formula ${v}`);
    return;
  }
  fail('InvalidArgument', `unsupported cell value of type ${typeof v}`);
}

function valueType(v: unknown, raw: unknown): string {
  if (raw === undefined) return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'string' && /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!)$/.test(v) && !(typeof raw === 'string' && !raw.startsWith('=') && raw === v)) return 'Error';
  return 'String';
}

/** Minimal Excel number-format rendering for `range.text`. */
export function formatText(value: unknown, format: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'number') return String(value);
  const f = format.trim();
  if (f === '' || f === 'General') {
    if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
    const s = Number(value.toPrecision(10)).toString();
    return s.length > 11 && Math.abs(value) >= 1e11 ? value.toExponential(5).replace('e+', 'E+') : s;
  }
  if (f === '@') return String(value);
  const pct = f.endsWith('%');
  const core = pct ? f.slice(0, -1) : f;
  const m = /^(#,##)?0(?:\.(0+))?$/.exec(core);
  if (!m) return formatText(value, 'General');
  const decimals = m[2]?.length ?? 0;
  const n = pct ? value * 100 : value;
  let s = Math.abs(n).toFixed(decimals);
  if (m[1]) {
    const [int, frac] = s.split('.');
    s = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  return `${n < 0 && Number(s.replace(/,/g, '')) !== 0 ? '-' : ''}${s}${pct ? '%' : ''}`;
}

export class Range extends SimObject<RangeTarget> {
  readonly _entity = 'Range';
  private _format: RangeFormat | undefined;
  private _dv: DataValidation | undefined;
  private _cf: ConditionalFormatCollection | undefined;

  constructor(ctx: SimRequestContext, resolver: () => RangeTarget | null, nullable = false) {
    super(ctx, resolver, nullable);
    return guard(this, 'Range');
  }

  _scalarProps(): readonly string[] {
    return [
      'address',
      'addressLocal',
      'rowCount',
      'columnCount',
      'rowIndex',
      'columnIndex',
      'cellCount',
      'values',
      'formulas',
      'numberFormat',
      'text',
      'valueTypes',
    ];
  }

  _readProp(t: RangeTarget, prop: string): unknown {
    const model = this._model;
    switch (prop) {
      case 'address':
      case 'addressLocal':
        return qualifiedAddress(t.sheet.name, t.rect);
      case 'rowCount':
        return rectRows(t.rect);
      case 'columnCount':
        return rectCols(t.rect);
      case 'rowIndex':
        return t.rect.r0;
      case 'columnIndex':
        return t.rect.c0;
      case 'cellCount':
        return rectRows(t.rect) * rectCols(t.rect);
      case 'values':
        return matrixOf(t, (r, c) => model.cellValue(t.sheet, r, c));
      case 'formulas':
        return matrixOf(t, (r, c) => model.cellFormula(t.sheet, r, c));
      case 'numberFormat':
        return matrixOf(t, (r, c) => t.sheet.numberFormats.get(cellKey(r, c)) ?? 'General');
      case 'text':
        return matrixOf(t, (r, c) => formatText(model.cellValue(t.sheet, r, c), t.sheet.numberFormats.get(cellKey(r, c)) ?? 'General'));
      case 'valueTypes':
        return matrixOf(t, (r, c) => valueType(model.cellValue(t.sheet, r, c), t.sheet.cells.get(cellKey(r, c))));
    }
    return undefined;
  }

  override _child(prop: string): SimObject<unknown> | undefined {
    if (prop === 'format') return this.format as unknown as SimObject<unknown>;
    if (prop === 'dataValidation') return this.dataValidation as unknown as SimObject<unknown>;
    return undefined;
  }

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get text(): string[][] {
    return this._get('text');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }

  get values(): unknown[][] {
    return this._get('values');
  }
  set values(value: unknown[][]) {
    this._set('values', value, (t) => this._writeContent(t, value, 'values'));
  }

  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(value: unknown[][]) {
    this._set('formulas', value, (t) => this._writeContent(t, value, 'formulas'));
  }

  private _writeContent(t: RangeTarget, value: unknown, what: string): void {
    const rows = shapeInput(value, t.rect, what);
    for (const row of rows) for (const v of row) checkCellInput(v);
    this._model.writeBlock(t.sheet, t.rect, rows);
  }

  get numberFormat(): unknown[][] {
    return this._get('numberFormat');
  }
  set numberFormat(value: unknown[][]) {
    this._set('numberFormat', value, (t) => {
      const rows = shapeInput(value, t.rect, 'numberFormat');
      for (let r = 0; r < rows.length; r += 1) {
        const row = rows[r]!;
        for (let c = 0; c < row.length; c += 1) {
          const f = row[c];
          if (f === null || f === undefined) continue;
          if (typeof f !== 'string') fail('InvalidArgument', 'numberFormat entries must be strings');
          const key = cellKey(t.rect.r0 + r, t.rect.c0 + c);
          if (f === 'General') t.sheet.numberFormats.delete(key);
          else t.sheet.numberFormats.set(key, f);
        }
      }
    });
  }

  get format(): RangeFormat {
    this._format ??= new RangeFormat(this._ctx, this);
    return this._format;
  }

  get dataValidation(): DataValidation {
    this._dv ??= new DataValidation(this._ctx, this);
    return this._dv;
  }

  get conditionalFormats(): ConditionalFormatCollection {
    this._cf ??= new ConditionalFormatCollection(this._ctx, this);
    return this._cf;
  }

  get worksheet(): Worksheet {
    return new Worksheet(this._ctx, () => this._need().sheet);
  }

  clear(applyTo?: string): void {
    this._method('clear', (t) => {
      const mode = applyTo ?? 'All';
      if (!['All', 'Formats', 'Contents'].includes(mode)) notSupported(`Range.clear('${mode}')`);
      if (mode === 'All' || mode === 'Contents') this._model.clearContents(t.sheet, t.rect);
      if (mode === 'All' || mode === 'Formats') this._model.clearFormats(t.sheet, t.rect);
    });
  }

  getCell(row: number, column: number): Range {
    return new Range(this._ctx, () => {
      const t = this._need();
      const r = t.rect.r0 + row;
      const c = t.rect.c0 + column;
      if (!Number.isInteger(row) || !Number.isInteger(column) || row < 0 || column < 0 || r >= MAX_ROWS || c >= MAX_COLS) {
        fail('InvalidArgument', 'cell outside the sheet');
      }
      return { sheet: t.sheet, rect: { r0: r, c0: c, r1: r, c1: c } };
    });
  }

  getUsedRange(valuesOnly?: boolean): Range {
    return new Range(this._ctx, () => {
      const t = this._need();
      const used = this._model.usedRect(t.sheet, valuesOnly === true);
      const inter = used && intersect(used, t.rect);
      if (!inter) fail('ItemNotFound', 'the range is empty');
      return { sheet: t.sheet, rect: inter };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(
      this._ctx,
      () => {
        const t = this._need();
        const used = this._model.usedRect(t.sheet, valuesOnly === true);
        const inter = used && intersect(used, t.rect);
        return inter ? { sheet: t.sheet, rect: inter } : null;
      },
      true,
    )._trackNull();
  }
}

export function intersect(a: CellRect, b: CellRect): CellRect | null {
  const r0 = Math.max(a.r0, b.r0);
  const c0 = Math.max(a.c0, b.c0);
  const r1 = Math.min(a.r1, b.r1);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? { r0, c0, r1, c1 } : null;
}

export function overlaps(a: CellRect, b: CellRect): boolean {
  return intersect(a, b) !== null;
}
