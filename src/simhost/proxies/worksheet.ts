import { MAX_COLS, MAX_ROWS, isValidSheetName, parseRangeAddress } from '../address.js';
import { fail } from '../errors.js';
import type { ChangedHandler } from '../events.js';
import type { SimWorkbook } from '../model.js';
import type { SheetModel } from '../types.js';
import { SimCollection, SimObject, guard } from './base.js';
import { ChartCollection } from './charts.js';
import { PageLayout } from './page-layout.js';
import type { SimRequestContext } from './context.js';
import { Range } from './range.js';
import { TableCollection } from './tables.js';

// ------------------------------------------------------------------ worksheets

function sheetByName(model: SimWorkbook, name: string): SheetModel | null {
  return model.findSheet(name) ?? null;
}

function defaultSheetName(model: SimWorkbook): string {
  for (let i = 1; ; i += 1) {
    const n = `Sheet${i}`;
    if (!model.findSheet(n)) return n;
  }
}

export class WorksheetCollection extends SimCollection<SheetModel, Worksheet> {
  readonly _entity = 'WorksheetCollection';
  constructor(ctx: SimRequestContext) {
    super(ctx);
    return guard(this, 'WorksheetCollection');
  }
  _list(): SheetModel[] {
    return this._model.liveSheets();
  }
  _wrap(m: SheetModel): Worksheet {
    return new Worksheet(this._ctx, () => m);
  }

  add(name?: string): Worksheet {
    let created: SheetModel | null = null;
    const sheet = new Worksheet(this._ctx, () => created);
    this._ctx._enqueue('WorksheetCollection.add', () => {
      const model = this._model;
      const n = name ?? defaultSheetName(model);
      if (typeof n !== 'string' || !isValidSheetName(n)) fail('InvalidArgument', `invalid worksheet name: ${String(n)}`);
      if (model.findSheet(n)) fail('ItemAlreadyExists', `a worksheet named ${n} already exists`);
      created = model.addSheet(n);
    });
    return sheet;
  }

  getItem(key: string): Worksheet {
    return new Worksheet(this._ctx, () => sheetByName(this._model, key) ?? this._model.liveSheets().find((s) => s.id === key) ?? null);
  }

  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(
      this._ctx,
      () => sheetByName(this._model, key) ?? this._model.liveSheets().find((s) => s.id === key) ?? null,
      true,
    )._trackNull();
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(this._ctx, () => this._model.liveSheets().find((s) => s.visibility === 'Visible') ?? null);
  }
}

export class Worksheet extends SimObject<SheetModel> {
  readonly _entity = 'Worksheet';
  readonly tables: TableCollection;
  readonly charts: ChartCollection;

  constructor(ctx: SimRequestContext, resolver: () => SheetModel | null, nullable = false) {
    super(ctx, resolver, nullable);
    this.tables = new TableCollection(ctx, this);
    this.charts = new ChartCollection(ctx, this);
    return guard(this, 'Worksheet');
  }

  _scalarProps(): readonly string[] {
    return ['name', 'id', 'position', 'visibility'];
  }

  _readProp(s: SheetModel, prop: string): unknown {
    switch (prop) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'position':
        return this._model.liveSheets().indexOf(s);
      case 'visibility':
        return s.visibility;
    }
    return undefined;
  }

  get name(): string {
    return this._get('name');
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  set position(value: number) {
    this._set('position', value, (s) => {
      const sheets = this._model.sheets;
      if (!Number.isInteger(value) || value < 0 || value >= sheets.length) fail('InvalidArgument', `invalid position ${value}`);
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(value, 0, s);
    });
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(value: string) {
    this._set('visibility', value, (s) => {
      if (value !== 'Visible' && value !== 'Hidden' && value !== 'VeryHidden') fail('InvalidArgument', `invalid visibility ${value}`);
      if (value !== 'Visible' && this._model.liveSheets().filter((x) => x !== s && x.visibility === 'Visible').length === 0) {
        fail('InvalidOperation', 'at least one worksheet must stay visible');
      }
      s.visibility = value;
    });
  }

  getRange(address?: string): Range {
    return new Range(this._ctx, () => {
      const s = this._need();
      if (address === undefined) return { sheet: s, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } };
      if (typeof address !== 'string') fail('InvalidArgument', 'address must be a string');
      const rect = parseRangeAddress(address);
      if (!rect) fail('InvalidArgument', `invalid address ${address}`);
      return { sheet: s, rect };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return new Range(this._ctx, () => {
      const s = this._need();
      const ok = [startRow, startColumn, rowCount, columnCount].every((n) => Number.isInteger(n));
      if (!ok || startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1) fail('InvalidArgument', 'invalid indexes');
      if (startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLS) fail('InvalidArgument', 'range outside the sheet');
      return { sheet: s, rect: { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 } };
    });
  }

  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly?: boolean): Range {
    return new Range(this._ctx, () => {
      const s = this._need();
      const rect = this._model.usedRect(s, valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 };
      return { sheet: s, rect };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(
      this._ctx,
      () => {
        const s = this._need();
        const rect = this._model.usedRect(s, valuesOnly === true);
        return rect ? { sheet: s, rect } : null;
      },
      true,
    )._trackNull();
  }

  delete(): void {
    this._method('delete', (s) => this._model.deleteSheet(s));
  }

  /** Worksheet.freezePanes (ExcelApi 1.7): rows only. */
  get freezePanes(): { freezeRows(count?: number): void; unfreeze(): void } {
    return {
      freezeRows: (count = 1) =>
        this._method('freezePanes.freezeRows', (s) => {
          if (!Number.isInteger(count) || count < 1 || count >= MAX_ROWS) fail('InvalidArgument', `invalid row count ${count}`);
          s.frozenRows = count;
        }),
      unfreeze: () =>
        this._method('freezePanes.unfreeze', (s) => {
          s.frozenRows = 0;
        }),
    };
  }

  /** Worksheet.pageLayout (ExcelApi 1.9): write-only, checked at sync (proxies/page-layout.ts). */
  get pageLayout(): PageLayout {
    return new PageLayout(this as unknown as ConstructorParameters<typeof PageLayout>[0]);
  }

  /** Worksheet.onChanged (ExcelApi 1.7): handlers are registered at the next sync and die with the sheet. */
  get onChanged(): { add(handler: ChangedHandler): { remove(): void } } {
    return {
      add: (handler) => {
        let registeredOn: SheetModel | null = null;
        this._method('onChanged.add', (s) => {
          this._model.events.add(s, handler);
          registeredOn = s;
        });
        return {
          remove: () =>
            this._ctx._enqueue('EventHandlerResult.remove', () => {
              if (registeredOn) this._model.events.remove(registeredOn, handler);
            }),
        };
      },
    };
  }

  activate(): void {
    this._method('activate', () => undefined);
  }
}
