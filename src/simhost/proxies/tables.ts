import { MAX_COLS, MAX_ROWS, cellKey, isValidDefinedName, parseRangeAddress, type CellRect } from '../address.js';
import { fail, notSupported } from '../errors.js';
import type { SimWorkbook } from '../model.js';
import type { SheetModel, TableModel } from '../types.js';
import { SimCollection, SimObject, guard } from './base.js';
import type { SimRequestContext } from './context.js';
import { Range, overlaps, type RangeTarget } from './range.js';
import { Worksheet } from './worksheet.js';

// ------------------------------------------------------------------ tables

export function nameTaken(model: SimWorkbook, name: string, except?: TableModel): boolean {
  if (model.findName(name)) return true;
  const t = model.findTable(name);
  return t !== undefined && t !== except;
}

export class TableCollection extends SimCollection<TableModel, Table> {
  readonly _entity = 'TableCollection';
  constructor(ctx: SimRequestContext, readonly _sheet: Worksheet | null) {
    super(ctx);
    return guard(this, 'TableCollection');
  }
  _list(): TableModel[] {
    const s = this._sheet?._need();
    return this._model.tables.filter((t) => !t.deleted && (!s || t.sheet === s));
  }
  _wrap(m: TableModel): Table {
    return new Table(this._ctx, () => m);
  }
  add(address: string | Range, hasHeaders: boolean): Table {
    if (hasHeaders !== true) notSupported('tables.add with hasHeaders = false');
    let created: TableModel | null = null;
    const table = new Table(this._ctx, () => created);
    this._ctx._enqueue('TableCollection.add', () => {
      const model = this._model;
      let target: RangeTarget;
      if (address instanceof Range) {
        target = address._need();
      } else if (typeof address === 'string') {
        const bang = address.lastIndexOf('!');
        let sheet: SheetModel | null;
        let local = address;
        if (bang >= 0) {
          const sheetName = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
          sheet = model.findSheet(sheetName) ?? null;
          if (!sheet) fail('InvalidArgument', `no worksheet ${sheetName}`);
          local = address.slice(bang + 1);
          if (this._sheet && this._sheet._need() !== sheet) fail('InvalidArgument', 'address is on another worksheet');
        } else {
          if (!this._sheet) fail('InvalidArgument', 'workbook.tables.add needs a sheet-qualified address');
          sheet = this._sheet._need();
        }
        const rect = parseRangeAddress(local);
        if (!rect) fail('InvalidArgument', `invalid address ${address}`);
        target = { sheet, rect };
      } else {
        fail('InvalidArgument', 'address must be a string or a Range');
      }
      const { sheet, rect } = target;
      if (rect.r1 - rect.r0 < 1 || rect.r1 === MAX_ROWS - 1 || rect.c1 === MAX_COLS - 1) fail('InvalidArgument', 'invalid table range');
      for (const t of model.tables) if (!t.deleted && t.sheet === sheet && overlaps(t.rect, rect)) fail('InvalidArgument', 'tables cannot overlap');
      // Headers become unique text; empty ones are named ColumnN, as Excel does.
      const seen = new Set<string>();
      const header: string[] = [];
      for (let c = rect.c0; c <= rect.c1; c += 1) {
        const raw = sheet.cells.get(cellKey(rect.r0, c));
        let h = raw === undefined || raw === '' ? `Column${c - rect.c0 + 1}` : String(model.cellValue(sheet, rect.r0, c));
        const base = h;
        for (let k = 2; seen.has(h.toUpperCase()); k += 1) h = `${base}${k}`;
        seen.add(h.toUpperCase());
        // Headers are text in Excel: keep formula-like text from being re-read as a formula.
        header.push(/^[=+\-@']/.test(h) ? `'${h}` : h);
      }
      model.writeBlock(sheet, { r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c1 }, [header]);
      let n = model.tables.length + 1;
      while (nameTaken(model, `Table${n}`)) n += 1;
      created = { id: String(model.tables.length + 1), name: `Table${n}`, sheet, rect, hasHeaders: true, deleted: false };
      model.tables.push(created);
    });
    return table;
  }
  getItem(key: string): Table {
    return new Table(this._ctx, () => this._find(key));
  }
  getItemOrNullObject(key: string): Table {
    return new Table(this._ctx, () => this._find(key), true)._trackNull();
  }
  private _find(key: string): TableModel | null {
    return this._list().find((t) => t.name.toUpperCase() === key.toUpperCase() || t.id === key) ?? null;
  }
}

export class Table extends SimObject<TableModel> {
  readonly _entity = 'Table';
  constructor(ctx: SimRequestContext, resolver: () => TableModel | null, nullable = false) {
    super(ctx, resolver, nullable);
    return guard(this, 'Table');
  }
  _scalarProps(): readonly string[] {
    return ['id', 'name', 'showHeaders'];
  }
  _readProp(m: TableModel, prop: string): unknown {
    if (prop === 'showHeaders') return m.hasHeaders;
    return (m as unknown as Record<string, unknown>)[prop];
  }
  get id(): string {
    return this._get('id');
  }
  get showHeaders(): boolean {
    return this._get('showHeaders');
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (m) => {
      if (typeof v !== 'string' || !isValidDefinedName(v)) fail('InvalidArgument', `invalid table name ${String(v)}`);
      if (nameTaken(this._model, v, m)) fail('ItemAlreadyExists', `the name ${v} is already used`);
      m.name = v;
    });
  }
  get worksheet(): Worksheet {
    return new Worksheet(this._ctx, () => this._need().sheet);
  }
  private _part(f: (rect: CellRect) => CellRect): Range {
    return new Range(this._ctx, () => {
      const m = this._need();
      return { sheet: m.sheet, rect: f(m.rect) };
    });
  }
  getRange(): Range {
    return this._part((r) => r);
  }
  getHeaderRowRange(): Range {
    return this._part((r) => ({ ...r, r1: r.r0 }));
  }
  getDataBodyRange(): Range {
    return this._part((r) => ({ ...r, r0: r.r0 + 1 }));
  }
  delete(): void {
    this._method('delete', (m) => {
      m.deleted = true;
      this._model.clearContents(m.sheet, m.rect);
    });
  }
}
