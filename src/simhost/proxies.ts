/**
 * Proxy objects of the simulated Excel host, mirroring the Excel JavaScript API's client objects:
 * getters return proxies at once, writes and loads are queued and applied in order at `context.sync()`,
 * reading a property that was neither loaded nor set throws PropertyNotLoaded, errors surface at sync.
 */
import { XMLValidator } from 'fast-xml-parser';
import {
  MAX_COLS,
  MAX_ROWS,
  cellKey,
  isValidDefinedName,
  isValidSheetName,
  parseRangeAddress,
  qualifiedAddress,
  type CellRect,
} from './address.js';
import { ChartType, ChartSeriesBy, ConditionalFormatType } from './enums.js';
import { SimNotSupportedError, SimOfficeError, fail, notSupported } from './errors.js';
import {
  DEFAULT_COLUMN_WIDTH,
  isParsableFormula,
  type ChartModel,
  type ConditionalFormatModel,
  type NameModel,
  type SheetModel,
  type SimWorkbook,
  type TableModel,
  type XmlPartModel,
} from './model.js';

// ------------------------------------------------------------------ context & queue

interface Op {
  readonly location: string;
  run(): void;
}

export interface HostCounters {
  syncs: number;
  roundTrips: number;
}

/** Keys that test frameworks, promises and printers probe on any object; never "unsupported". */
const INSPECTION_KEYS = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  'nodeType',
  'tagName',
  'nodeName',
  'constructor',
  'toString',
  'valueOf',
  'inspect',
  'length',
  'getMockName',
]);

function guard<T extends object>(obj: T, entity: string): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === 'symbol' || prop in target || INSPECTION_KEYS.has(prop) || /^[_$@]/.test(prop)) {
        return Reflect.get(target, prop, receiver);
      }
      return notSupported(`${entity}.${prop}`);
    },
    set(target, prop, value, receiver) {
      if (typeof prop === 'symbol' || prop in target || /^[_$@]/.test(prop)) {
        const desc = findDescriptor(target, prop);
        if (desc && desc.get && !desc.set) notSupported(`${entity}.${String(prop)} is read-only`);
        return Reflect.set(target, prop, value, receiver);
      }
      return notSupported(`${entity}.${prop} (set)`);
    },
  });
}

function findDescriptor(obj: object, prop: string | symbol): PropertyDescriptor | undefined {
  let o: object | null = obj;
  while (o) {
    const d = Object.getOwnPropertyDescriptor(o, prop);
    if (d) return d;
    o = Object.getPrototypeOf(o) as object | null;
  }
  return undefined;
}

export class SimRequestContext {
  private queue: Op[] = [];
  readonly workbook: Workbook;
  readonly application: Application;
  /** Office's tracked-objects API: accepted, nothing to release in the simulator. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(
    readonly _model: SimWorkbook,
    private readonly counters: HostCounters,
  ) {
    this.application = new Application(this);
    this.workbook = new Workbook(this);
  }

  /** @internal */
  _enqueue(location: string, run: () => void): void {
    this.queue.push({ location, run });
  }

  get _pendingCount(): number {
    return this.queue.length;
  }

  load<T extends { load(p?: unknown): unknown }>(object: T, props?: unknown): T {
    object.load(props);
    return object;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    this.counters.syncs += 1;
    const ops = this.queue;
    this.queue = [];
    if (ops.length > 0) this.counters.roundTrips += 1;
    await Promise.resolve();
    const model = this._model;
    try {
      for (const op of ops) {
        try {
          op.run();
        } catch (e) {
          if (e instanceof SimOfficeError) {
            throw new SimOfficeError(e.code, {
              errorLocation: op.location,
              statement: op.location,
              ...(e.debugInfo.detail !== undefined ? { detail: e.debugInfo.detail } : {}),
            });
          }
          if (e instanceof SimNotSupportedError) throw e;
          throw new SimOfficeError('GeneralException', {
            errorLocation: op.location,
            detail: e instanceof Error ? e.message : String(e),
          });
        }
      }
    } finally {
      model.calculationSuspended = false;
      // Excel recalculates at the end of the request; the partial result of a failed batch too.
      model.ensureCalculated();
    }
    return passThroughValue as T;
  }
}

// ------------------------------------------------------------------ base object

type LoadSpec = string | string[] | { select?: string | string[]; expand?: string | string[] } | undefined | null;

function parseLoadSpec(spec: unknown): string[] {
  if (spec === undefined || spec === null) return [];
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => parseLoadSpec(s));
  if (typeof spec === 'object') {
    const o = spec as { select?: unknown; expand?: unknown };
    if ('select' in o || 'expand' in o) return [...parseLoadSpec(o.select), ...parseLoadSpec(o.expand)];
    // object form: { values: true, format: { columnWidth: true } }
    const out: string[] = [];
    for (const [k, v] of Object.entries(spec as Record<string, unknown>)) {
      if (k === '$all' || k === '$top' || k === '$skip') continue;
      if (v === true) out.push(k);
      else if (v && typeof v === 'object') for (const sub of parseLoadSpec(v)) out.push(`${k}/${sub}`);
    }
    return out;
  }
  return [];
}

function propertyNotLoaded(entity: string, prop: string): SimOfficeError {
  return new SimOfficeError('PropertyNotLoaded', { arg: prop, errorLocation: `${entity}.${prop}` });
}

abstract class SimObject<T> {
  abstract readonly _entity: string;
  readonly _props = new Map<string, unknown>();
  _null: boolean | undefined = undefined;
  private _cached: T | null | undefined = undefined;

  constructor(
    readonly _ctx: SimRequestContext,
    private readonly _resolver: () => T | null,
    readonly _nullable = false,
  ) {}

  get context(): SimRequestContext {
    return this._ctx;
  }

  get _model(): SimWorkbook {
    return this._ctx._model;
  }

  /** Resolves the target at apply time (once, like an Office object path). null = null object. */
  _resolve(): T | null {
    if (this._cached !== undefined && this._cached !== null && !isDeleted(this._cached)) return this._cached;
    const t = this._resolver();
    if (t === null) {
      if (!this._nullable) fail('ItemNotFound');
      this._null = true;
      return null;
    }
    if (isDeleted(t)) fail('ItemNotFound');
    this._cached = t;
    this._null = false;
    return t;
  }

  /** The target for a write or method: a null object cannot be written. */
  _need(): T {
    const t = this._resolve();
    if (t === null) fail('ItemNotFound', `${this._entity} is a null object`);
    return t;
  }

  get isNullObject(): boolean {
    if (this._null === undefined) throw propertyNotLoaded(this._entity, 'isNullObject');
    return this._null;
  }

  /** Queues resolution so that isNullObject is known after sync (what *OrNullObject getters do). */
  _trackNull(): this {
    this._ctx._enqueue(`${this._entity}._resolve`, () => {
      this._resolve();
    });
    return this;
  }

  _get<V>(prop: string): V {
    if (this._null === true) return undefined as V;
    if (!this._props.has(prop)) throw propertyNotLoaded(this._entity, prop);
    return this._props.get(prop) as V;
  }

  /** Queues a property write; the value is readable locally at once, as in Office. */
  _set(prop: string, value: unknown, apply: (target: T) => void): void {
    this._props.set(prop, value);
    this._ctx._enqueue(`${this._entity}.${prop}`, () => apply(this._need()));
  }

  _method(name: string, apply: (target: T) => void): void {
    this._ctx._enqueue(`${this._entity}.${name}`, () => apply(this._need()));
  }

  /** Scalar properties `load()` with no argument loads. */
  abstract _scalarProps(): readonly string[];
  /** Reads one scalar property of a resolved target. */
  abstract _readProp(target: T, prop: string): unknown;
  /** Navigation properties (`format`, `font`, `title` …) that `load('format/font/bold')` descends into. */
  _child(_prop: string): SimObject<unknown> | undefined {
    return undefined;
  }

  load(spec?: LoadSpec): this {
    const props = parseLoadSpec(spec);
    const scalars: string[] = [];
    for (const p of props.length > 0 ? props : this._scalarProps()) {
      const [head, ...rest] = p.split(/[/.]/);
      if (rest.length > 0) {
        const child = this._child(head!);
        if (!child) notSupported(`${this._entity}.load('${p}')`);
        child.load(rest.join('/'));
      } else if (this._scalarProps().includes(head!)) {
        scalars.push(head!);
      } else if (this._child(head!)) {
        this._child(head!)!.load();
      } else {
        notSupported(`${this._entity}.load('${p}')`);
      }
    }
    this._ctx._enqueue(`${this._entity}.load`, () => this._fill(scalars));
    return this;
  }

  /** @internal apply-time load of scalar props. */
  _fill(scalars: readonly string[]): void {
    const t = this._resolve();
    if (t === null) return;
    for (const p of scalars) this._props.set(p, this._readProp(t, p));
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._props);
  }
}

function isDeleted(t: unknown): boolean {
  if (typeof t !== 'object' || t === null) return false;
  if ('deleted' in t && (t as { deleted: unknown }).deleted === true) return true;
  const sheet = (t as { sheet?: { deleted?: unknown } }).sheet;
  return sheet !== undefined && sheet.deleted === true;
}

/** A value returned by a method (e.g. `getCount()`, `getXml()`), readable after sync. */
export class ClientResult<V> {
  private _loaded = false;
  private _value: V | undefined;
  get value(): V {
    if (!this._loaded) {
      throw new SimOfficeError('ValueNotLoaded', { errorLocation: 'clientResult.value' });
    }
    return this._value as V;
  }
  /** @internal */
  _setValue(v: V): void {
    this._value = v;
    this._loaded = true;
  }
}

function result<V>(ctx: SimRequestContext, location: string, compute: () => V): ClientResult<V> {
  const r = new ClientResult<V>();
  ctx._enqueue(location, () => r._setValue(compute()));
  return r;
}

/** Base of collections: `items` after `load`, `getCount()`. */
abstract class SimCollection<M, P extends SimObject<M>> {
  abstract readonly _entity: string;
  private _items: P[] | undefined;

  constructor(readonly _ctx: SimRequestContext) {}

  get context(): SimRequestContext {
    return this._ctx;
  }

  get _model(): SimWorkbook {
    return this._ctx._model;
  }

  abstract _list(): M[];
  abstract _wrap(m: M): P;

  get items(): P[] {
    if (!this._items) throw propertyNotLoaded(this._entity, 'items');
    return this._items;
  }

  getCount(): ClientResult<number> {
    return result(this._ctx, `${this._entity}.getCount`, () => this._list().length);
  }

  load(spec?: LoadSpec): this {
    const props = parseLoadSpec(spec).map((p) => p.replace(/^items[/.]/, '')).filter((p) => p !== 'items');
    this._ctx._enqueue(`${this._entity}.load`, () => {
      const items = this._list().map((m) => this._wrap(m));
      for (const item of items) {
        const want = props.length > 0 ? props : item._scalarProps();
        const scalars = want.filter((p) => item._scalarProps().includes(p));
        item._fill(scalars);
      }
      this._items = items;
    });
    return this;
  }

  toJSON(): { items: unknown[] } {
    return { items: (this._items ?? []).map((i) => i.toJSON()) };
  }
}

// ------------------------------------------------------------------ application & workbook

export class Application {
  readonly _entity = 'Application';
  constructor(readonly _ctx: SimRequestContext) {
    return guard(this, 'Application');
  }
  suspendApiCalculationUntilNextSync(): void {
    this._ctx._enqueue('Application.suspendApiCalculationUntilNextSync', () => {
      this._ctx._model.calculationSuspended = true;
    });
  }
  calculate(_type?: string): void {
    this._ctx._enqueue('Application.calculate', () => this._ctx._model.ensureCalculated());
  }
}

export class Workbook {
  readonly _entity = 'Workbook';
  readonly worksheets: WorksheetCollection;
  readonly names: NamedItemCollection;
  readonly tables: TableCollection;
  readonly settings: SettingCollection;
  readonly customXmlParts: CustomXmlPartCollection;
  constructor(readonly _ctx: SimRequestContext) {
    this.worksheets = new WorksheetCollection(_ctx);
    this.names = new NamedItemCollection(_ctx);
    this.tables = new TableCollection(_ctx, null);
    this.settings = new SettingCollection(_ctx);
    this.customXmlParts = new CustomXmlPartCollection(_ctx);
    return guard(this, 'Workbook');
  }
  get application(): Application {
    return this._ctx.application;
  }
  get context(): SimRequestContext {
    return this._ctx;
  }
}

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

  activate(): void {
    this._method('activate', () => undefined);
  }
}

// ------------------------------------------------------------------ ranges

export interface RangeTarget {
  readonly sheet: SheetModel;
  readonly rect: CellRect;
}

const MAX_LOAD_CELLS = 5_000_000;

function rectRows(rect: CellRect): number {
  return rect.r1 - rect.r0 + 1;
}
function rectCols(rect: CellRect): number {
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

function intersect(a: CellRect, b: CellRect): CellRect | null {
  const r0 = Math.max(a.r0, b.r0);
  const c0 = Math.max(a.c0, b.c0);
  const r1 = Math.min(a.r1, b.r1);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? { r0, c0, r1, c1 } : null;
}

function overlaps(a: CellRect, b: CellRect): boolean {
  return intersect(a, b) !== null;
}

export class RangeFormat extends SimObject<RangeTarget> {
  readonly _entity = 'RangeFormat';
  readonly font: RangeFont;
  constructor(ctx: SimRequestContext, readonly _range: Range) {
    super(ctx, () => _range._resolve(), true);
    this.font = new RangeFont(ctx, _range);
    return guard(this, 'RangeFormat');
  }
  _scalarProps(): readonly string[] {
    return ['columnWidth'];
  }
  _readProp(t: RangeTarget, prop: string): unknown {
    if (prop !== 'columnWidth') return undefined;
    let width: number | undefined;
    for (let c = t.rect.c0; c <= t.rect.c1; c += 1) {
      const w = t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
      if (width === undefined) width = w;
      else if (width !== w) return null;
    }
    return width;
  }
  override _child(prop: string): SimObject<unknown> | undefined {
    return prop === 'font' ? (this.font as unknown as SimObject<unknown>) : undefined;
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(value: number) {
    this._set('columnWidth', value, (t) => {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail('InvalidArgument', 'invalid column width');
      for (let c = t.rect.c0; c <= t.rect.c1; c += 1) t.sheet.columnWidths.set(c, value);
    });
  }
}

export class RangeFont extends SimObject<RangeTarget> {
  readonly _entity = 'RangeFont';
  constructor(ctx: SimRequestContext, readonly _range: Range) {
    super(ctx, () => _range._resolve(), true);
    return guard(this, 'RangeFont');
  }
  _scalarProps(): readonly string[] {
    return ['bold'];
  }
  _readProp(t: RangeTarget, prop: string): unknown {
    if (prop !== 'bold') return undefined;
    let all: boolean | undefined;
    if (rectRows(t.rect) * rectCols(t.rect) > MAX_LOAD_CELLS) fail('InvalidArgument', 'range too large to load');
    for (let r = t.rect.r0; r <= t.rect.r1; r += 1) {
      for (let c = t.rect.c0; c <= t.rect.c1; c += 1) {
        const b = t.sheet.bold.get(cellKey(r, c)) ?? false;
        if (all === undefined) all = b;
        else if (all !== b) return null;
      }
    }
    return all ?? false;
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(value: boolean) {
    this._set('bold', value, (t) => {
      if (typeof value !== 'boolean') fail('InvalidArgument', 'bold must be a boolean');
      if (rectRows(t.rect) * rectCols(t.rect) > MAX_LOAD_CELLS) notSupported('font.bold on more than 5,000,000 cells');
      for (let r = t.rect.r0; r <= t.rect.r1; r += 1) {
        for (let c = t.rect.c0; c <= t.rect.c1; c += 1) {
          if (value) t.sheet.bold.set(cellKey(r, c), true);
          else t.sheet.bold.delete(cellKey(r, c));
        }
      }
    });
  }
}

// ------------------------------------------------------------------ data validation

interface ListRule {
  list: { inCellDropDown: boolean; source: string };
}

function normalizeRule(rule: unknown): ListRule {
  if (!rule || typeof rule !== 'object') fail('InvalidArgument', 'rule must be an object');
  const keys = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined && (rule as Record<string, unknown>)[k] !== null);
  if (keys.length !== 1) fail('InvalidArgument', 'a data-validation rule has exactly one kind');
  if (keys[0] !== 'list') notSupported(`dataValidation.rule.${keys[0]}`);
  const list = (rule as { list: { inCellDropDown?: unknown; source?: unknown } }).list;
  let source = list.source;
  if (source instanceof Range) {
    const t = source._need();
    source = `=${qualifiedAddress(t.sheet.name, t.rect, true)}`;
  }
  if (typeof source !== 'string' || source.trim() === '') fail('InvalidArgument', 'list.source must be a non-empty string or a Range');
  if (source.startsWith('=') && !isParsableFormula(source)) fail('InvalidArgument', `invalid list source ${source}`);
  return { list: { inCellDropDown: list.inCellDropDown !== false, source } };
}

export class DataValidation extends SimObject<RangeTarget> {
  readonly _entity = 'DataValidation';
  constructor(ctx: SimRequestContext, readonly _range: Range) {
    super(ctx, () => _range._resolve(), true);
    return guard(this, 'DataValidation');
  }
  _scalarProps(): readonly string[] {
    return ['rule', 'type'];
  }
  private _state(t: RangeTarget): { rule: string | undefined; mixed: boolean } {
    let rule: string | undefined;
    let first = true;
    for (let r = t.rect.r0; r <= t.rect.r1; r += 1) {
      for (let c = t.rect.c0; c <= t.rect.c1; c += 1) {
        const v = t.sheet.validation.get(cellKey(r, c));
        if (first) {
          rule = v;
          first = false;
        } else if (v !== rule) return { rule: undefined, mixed: true };
      }
    }
    return { rule, mixed: false };
  }
  _readProp(t: RangeTarget, prop: string): unknown {
    if (rectRows(t.rect) * rectCols(t.rect) > MAX_LOAD_CELLS) fail('InvalidArgument', 'range too large to load');
    const s = this._state(t);
    if (prop === 'type') return s.mixed ? 'Inconsistent' : s.rule ? 'List' : 'None';
    if (prop === 'rule') return s.rule ? (JSON.parse(s.rule) as unknown) : {};
    return undefined;
  }
  get type(): string {
    return this._get('type');
  }
  get rule(): unknown {
    return this._get('rule');
  }
  set rule(value: unknown) {
    this._set('rule', value, (t) => {
      const json = JSON.stringify(normalizeRule(value));
      if (rectRows(t.rect) * rectCols(t.rect) > MAX_LOAD_CELLS) notSupported('data validation on more than 5,000,000 cells');
      for (let r = t.rect.r0; r <= t.rect.r1; r += 1) {
        for (let c = t.rect.c0; c <= t.rect.c1; c += 1) t.sheet.validation.set(cellKey(r, c), json);
      }
    });
  }
  clear(): void {
    this._method('clear', (t) => {
      this._model.forEachKeyIn(t.sheet.validation, t.rect, (k) => t.sheet.validation.delete(k));
    });
  }
}

// ------------------------------------------------------------------ conditional formats

export class ConditionalFormatCollection extends SimCollection<ConditionalFormatModel, ConditionalFormat> {
  readonly _entity = 'ConditionalFormatCollection';
  constructor(ctx: SimRequestContext, readonly _range: Range) {
    super(ctx);
    return guard(this, 'ConditionalFormatCollection');
  }
  _list(): ConditionalFormatModel[] {
    const t = this._range._need();
    return this._model.conditionalFormats.filter((cf) => !cf.deleted && cf.sheet === t.sheet && overlaps(cf.rect, t.rect));
  }
  _wrap(m: ConditionalFormatModel): ConditionalFormat {
    return new ConditionalFormat(this._ctx, () => m);
  }
  add(type: string): ConditionalFormat {
    if (type !== ConditionalFormatType.custom) notSupported(`conditionalFormats.add('${type}')`);
    let created: ConditionalFormatModel | null = null;
    const cf = new ConditionalFormat(this._ctx, () => created);
    this._ctx._enqueue('ConditionalFormatCollection.add', () => {
      const t = this._range._need();
      const model = this._model;
      const live = model.conditionalFormats.filter((x) => !x.deleted && x.sheet === t.sheet);
      for (const x of live) x.priority += 1; // a new rule goes first, as in Excel
      created = {
        id: model.newId('0003'),
        sheet: t.sheet,
        rect: t.rect,
        type,
        formula: null,
        fillColor: null,
        fontColor: null,
        fontBold: null,
        priority: 0,
        stopIfTrue: false,
        deleted: false,
      };
      model.conditionalFormats.push(created);
    });
    return cf;
  }
  clearAll(): void {
    this._ctx._enqueue('ConditionalFormatCollection.clearAll', () => {
      for (const cf of this._list()) cf.deleted = true;
    });
  }
}

export class ConditionalFormat extends SimObject<ConditionalFormatModel> {
  readonly _entity = 'ConditionalFormat';
  readonly custom: CustomConditionalFormat;
  constructor(ctx: SimRequestContext, resolver: () => ConditionalFormatModel | null) {
    super(ctx, resolver);
    this.custom = new CustomConditionalFormat(ctx, this);
    return guard(this, 'ConditionalFormat');
  }
  _scalarProps(): readonly string[] {
    return ['id', 'type', 'priority', 'stopIfTrue'];
  }
  _readProp(m: ConditionalFormatModel, prop: string): unknown {
    return (m as unknown as Record<string, unknown>)[prop];
  }
  override _child(prop: string): SimObject<unknown> | undefined {
    return prop === 'custom' ? (this.custom as unknown as SimObject<unknown>) : undefined;
  }
  get id(): string {
    return this._get('id');
  }
  get type(): string {
    return this._get('type');
  }
  get priority(): number {
    return this._get('priority');
  }
  set priority(v: number) {
    this._set('priority', v, (m) => {
      m.priority = v;
    });
  }
  get stopIfTrue(): boolean {
    return this._get('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this._set('stopIfTrue', v, (m) => {
      m.stopIfTrue = v;
    });
  }
  getRange(): Range {
    return new Range(this._ctx, () => {
      const m = this._need();
      return { sheet: m.sheet, rect: m.rect };
    });
  }
  delete(): void {
    this._method('delete', (m) => {
      m.deleted = true;
    });
  }
}

/** `custom.rule` / `custom.format` / `custom.format.fill` / `custom.format.font` share one model. */
class CfPart extends SimObject<ConditionalFormatModel> {
  constructor(
    ctx: SimRequestContext,
    readonly _entity: string,
    owner: ConditionalFormat,
    private readonly _fields: Record<string, keyof ConditionalFormatModel>,
    private readonly _children: Record<string, CfPart> = {},
  ) {
    super(ctx, () => owner._resolve());
    for (const [prop, field] of Object.entries(_fields)) {
      Object.defineProperty(this, prop, {
        get: () => this._get(prop),
        set: (v: unknown) =>
          this._set(prop, v, (m) => {
            if (field === 'formula') {
              if (typeof v !== 'string' || !v.startsWith('=') || !isParsableFormula(v)) fail('InvalidArgument', `invalid rule formula ${String(v)}`);
            } else if (field === 'fontBold') {
              if (typeof v !== 'boolean') fail('InvalidArgument', 'bold must be a boolean');
            } else if (typeof v !== 'string' || !/^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/.test(v)) {
              fail('InvalidArgument', `invalid color ${String(v)}`);
            }
            (m as unknown as Record<string, unknown>)[field] = v;
          }),
        enumerable: true,
      });
    }
    for (const [prop, child] of Object.entries(_children)) {
      Object.defineProperty(this, prop, { get: () => child, enumerable: true });
    }
    return guard(this, _entity);
  }
  _scalarProps(): readonly string[] {
    return Object.keys(this._fields);
  }
  _readProp(m: ConditionalFormatModel, prop: string): unknown {
    const field = this._fields[prop];
    return field ? (m as unknown as Record<string, unknown>)[field] : undefined;
  }
  override _child(prop: string): SimObject<unknown> | undefined {
    return this._children[prop] as unknown as SimObject<unknown> | undefined;
  }
}

export class CustomConditionalFormat extends SimObject<ConditionalFormatModel> {
  readonly _entity = 'CustomConditionalFormat';
  readonly rule: CfPart;
  readonly format: CfPart;
  constructor(ctx: SimRequestContext, owner: ConditionalFormat) {
    super(ctx, () => owner._resolve());
    this.rule = new CfPart(ctx, 'ConditionalFormatRule', owner, { formula: 'formula' });
    const fill = new CfPart(ctx, 'ConditionalRangeFill', owner, { color: 'fillColor' });
    const font = new CfPart(ctx, 'ConditionalRangeFont', owner, { color: 'fontColor', bold: 'fontBold' });
    this.format = new CfPart(ctx, 'ConditionalRangeFormat', owner, {}, { fill, font });
    return guard(this, 'CustomConditionalFormat');
  }
  _scalarProps(): readonly string[] {
    return [];
  }
  _readProp(): unknown {
    return undefined;
  }
  override _child(prop: string): SimObject<unknown> | undefined {
    if (prop === 'rule') return this.rule as unknown as SimObject<unknown>;
    if (prop === 'format') return this.format as unknown as SimObject<unknown>;
    return undefined;
  }
}

// ------------------------------------------------------------------ charts

const CHART_TYPES = new Set<string>(Object.values(ChartType));
const SERIES_BY = new Set<string>(Object.values(ChartSeriesBy));

export class ChartCollection extends SimCollection<ChartModel, Chart> {
  readonly _entity = 'ChartCollection';
  constructor(ctx: SimRequestContext, readonly _sheet: Worksheet) {
    super(ctx);
    return guard(this, 'ChartCollection');
  }
  _list(): ChartModel[] {
    const s = this._sheet._need();
    return this._model.charts.filter((c) => !c.deleted && c.sheet === s);
  }
  _wrap(m: ChartModel): Chart {
    return new Chart(this._ctx, () => m);
  }
  add(type: string, sourceData: Range, seriesBy?: string): Chart {
    let created: ChartModel | null = null;
    const chart = new Chart(this._ctx, () => created);
    this._ctx._enqueue('ChartCollection.add', () => {
      const s = this._sheet._need();
      if (!CHART_TYPES.has(type)) fail('InvalidArgument', `unknown chart type ${String(type)}`);
      const by = seriesBy ?? 'Auto';
      if (!SERIES_BY.has(by)) fail('InvalidArgument', `invalid seriesBy ${String(by)}`);
      if (!(sourceData instanceof Range)) fail('InvalidArgument', 'sourceData must be a Range');
      const src = sourceData._need();
      if (src.sheet !== s) notSupported('a chart whose source data is on another worksheet');
      const model = this._model;
      const count = model.charts.length + 1;
      created = {
        id: model.newId('0004'),
        sheet: s,
        name: `Chart ${count}`,
        chartType: type,
        source: src.rect,
        seriesBy: by,
        title: null,
        top: 0,
        left: 0,
        width: 360,
        height: 216,
        deleted: false,
      };
      model.charts.push(created);
    });
    return chart;
  }
  getItem(name: string): Chart {
    return new Chart(this._ctx, () => this._find(name));
  }
  getItemOrNullObject(name: string): Chart {
    return new Chart(this._ctx, () => this._find(name), true)._trackNull();
  }
  private _find(name: string): ChartModel | null {
    return this._list().find((c) => c.name === name) ?? null;
  }
}

export class Chart extends SimObject<ChartModel> {
  readonly _entity = 'Chart';
  readonly title: ChartTitle;
  constructor(ctx: SimRequestContext, resolver: () => ChartModel | null, nullable = false) {
    super(ctx, resolver, nullable);
    this.title = new ChartTitle(ctx, this);
    return guard(this, 'Chart');
  }
  _scalarProps(): readonly string[] {
    return ['id', 'name', 'chartType', 'top', 'left', 'width', 'height'];
  }
  _readProp(m: ChartModel, prop: string): unknown {
    return (m as unknown as Record<string, unknown>)[prop];
  }
  override _child(prop: string): SimObject<unknown> | undefined {
    return prop === 'title' ? (this.title as unknown as SimObject<unknown>) : undefined;
  }
  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (m) => {
      if (typeof v !== 'string' || v.trim() === '') fail('InvalidArgument', 'invalid chart name');
      m.name = v;
    });
  }
  get chartType(): string {
    return this._get('chartType');
  }
  set chartType(v: string) {
    this._set('chartType', v, (m) => {
      if (!CHART_TYPES.has(v)) fail('InvalidArgument', `unknown chart type ${String(v)}`);
      m.chartType = v;
    });
  }
  private _num(prop: 'top' | 'left' | 'width' | 'height', v: number): void {
    this._set(prop, v, (m) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail('InvalidArgument', `invalid ${prop}`);
      m[prop] = v;
    });
  }
  get top(): number {
    return this._get('top');
  }
  set top(v: number) {
    this._num('top', v);
  }
  get left(): number {
    return this._get('left');
  }
  set left(v: number) {
    this._num('left', v);
  }
  get width(): number {
    return this._get('width');
  }
  set width(v: number) {
    this._num('width', v);
  }
  get height(): number {
    return this._get('height');
  }
  set height(v: number) {
    this._num('height', v);
  }
  /**
   * Places the chart's top-left corner at a cell (Office: `setPosition(startCell, endCell?)`).
   * Queued like other writes; positions use Excel's default row height (15 pt) and column width (48 pt).
   */
  setPosition(startCell: string, endCell?: string): void {
    this._method('setPosition', (m) => {
      const start = typeof startCell === 'string' ? parseRangeAddress(startCell) : null;
      if (!start) fail('InvalidArgument', `invalid start cell ${String(startCell)}`);
      m.top = start.r0 * 15;
      m.left = start.c0 * 48;
      if (endCell !== undefined) {
        const end = parseRangeAddress(endCell);
        if (!end || end.r1 < start.r0 || end.c1 < start.c0) fail('InvalidArgument', `invalid end cell ${String(endCell)}`);
        m.height = (end.r1 - start.r0 + 1) * 15;
        m.width = (end.c1 - start.c0 + 1) * 48;
      }
    });
  }
  delete(): void {
    this._method('delete', (m) => {
      m.deleted = true;
    });
  }
}

export class ChartTitle extends SimObject<ChartModel> {
  readonly _entity = 'ChartTitle';
  constructor(ctx: SimRequestContext, chart: Chart) {
    super(ctx, () => chart._resolve(), true);
    return guard(this, 'ChartTitle');
  }
  _scalarProps(): readonly string[] {
    return ['text', 'visible'];
  }
  _readProp(m: ChartModel, prop: string): unknown {
    if (prop === 'text') return m.title ?? '';
    if (prop === 'visible') return m.title !== null;
    return undefined;
  }
  get text(): string {
    return this._get('text');
  }
  set text(v: string) {
    this._set('text', v, (m) => {
      if (typeof v !== 'string') fail('InvalidArgument', 'title text must be a string');
      m.title = v;
    });
  }
  get visible(): boolean {
    return this._get('visible');
  }
}

// ------------------------------------------------------------------ tables

function nameTaken(model: SimWorkbook, name: string, except?: TableModel): boolean {
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

// ------------------------------------------------------------------ names

const SHEET_REF_RE = /(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*))!/g;

function normalizeNameFormula(model: SimWorkbook, reference: unknown): string {
  let formula: string;
  if (reference instanceof Range) {
    const t = reference._need();
    formula = `=${qualifiedAddress(t.sheet.name, t.rect, true)}`;
  } else if (typeof reference === 'string') {
    formula = reference.startsWith('=') ? reference : `=${reference}`;
  } else {
    fail('InvalidArgument', 'reference must be a formula string or a Range');
  }
  if (formula.length < 2 || !isParsableFormula(formula)) fail('InvalidArgument', `invalid reference ${formula}`);
  for (const m of formula.replace(/"(?:[^"]|"")*"/g, '""').matchAll(SHEET_REF_RE)) {
    const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
    if (!model.findSheet(sheetName)) fail('InvalidReference', `no worksheet ${sheetName}`);
  }
  return formula;
}

export class NamedItemCollection extends SimCollection<NameModel, NamedItem> {
  readonly _entity = 'NamedItemCollection';
  constructor(ctx: SimRequestContext) {
    super(ctx);
    return guard(this, 'NamedItemCollection');
  }
  _list(): NameModel[] {
    return [...this._model.names.values()].sort((a, b) => (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : 1));
  }
  _wrap(m: NameModel): NamedItem {
    return new NamedItem(this._ctx, () => m);
  }
  add(name: string, reference: string | Range, comment?: string): NamedItem {
    let created: NameModel | null = null;
    const item = new NamedItem(this._ctx, () => created);
    this._ctx._enqueue('NamedItemCollection.add', () => {
      const model = this._model;
      if (typeof name !== 'string' || !isValidDefinedName(name)) fail('InvalidArgument', `invalid name ${String(name)}`);
      if (nameTaken(model, name)) fail('ItemAlreadyExists', `the name ${name} already exists`);
      if (comment !== undefined && (typeof comment !== 'string' || comment.length > 255)) fail('InvalidArgument', 'invalid comment');
      const formula = normalizeNameFormula(model, reference);
      created = { name, formula, comment: comment ?? '', visible: true };
      model.names.set(name.toUpperCase(), created);
      model.markDirty();
    });
    return item;
  }
  getItem(name: string): NamedItem {
    return new NamedItem(this._ctx, () => this._model.findName(name) ?? null);
  }
  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this._ctx, () => this._model.findName(name) ?? null, true)._trackNull();
  }
}

function isPureReference(formula: string): boolean {
  const body = formula.slice(1);
  return /^(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/.test(body);
}

export class NamedItem extends SimObject<NameModel> {
  readonly _entity = 'NamedItem';
  constructor(ctx: SimRequestContext, resolver: () => NameModel | null, nullable = false) {
    super(ctx, resolver, nullable);
    return guard(this, 'NamedItem');
  }
  _scalarProps(): readonly string[] {
    return ['name', 'formula', 'comment', 'type', 'value', 'visible'];
  }
  _readProp(m: NameModel, prop: string): unknown {
    switch (prop) {
      case 'name':
        return m.name;
      case 'formula':
        return m.formula;
      case 'comment':
        return m.comment;
      case 'visible':
        return m.visible;
      case 'type':
      case 'value': {
        if (isPureReference(m.formula)) return prop === 'type' ? 'Range' : m.formula.slice(1);
        const v = this._model.nameValue(m);
        const excel = typeof v === 'object' && v !== null && 'value' in v ? (v as { value: unknown }).value : v;
        if (prop === 'value') return Array.isArray(excel) ? excel : excel;
        if (typeof excel === 'number') return Number.isInteger(excel) ? 'Integer' : 'Double';
        if (typeof excel === 'boolean') return 'Boolean';
        if (Array.isArray(excel)) return 'Array';
        if (typeof excel === 'string' && excel.startsWith('#')) return 'Error';
        return 'String';
      }
    }
    return undefined;
  }
  get name(): string {
    return this._get('name');
  }
  get type(): string {
    return this._get('type');
  }
  get value(): unknown {
    return this._get('value');
  }
  get formula(): string {
    return this._get('formula');
  }
  set formula(v: string) {
    this._set('formula', v, (m) => {
      m.formula = normalizeNameFormula(this._model, v);
      this._model.markDirty();
    });
  }
  get comment(): string {
    return this._get('comment');
  }
  set comment(v: string) {
    this._set('comment', v, (m) => {
      if (typeof v !== 'string' || v.length > 255) fail('InvalidArgument', 'invalid comment');
      m.comment = v;
    });
  }
  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this._set('visible', v, (m) => {
      m.visible = v === true;
    });
  }
  delete(): void {
    this._method('delete', (m) => {
      this._model.names.delete(m.name.toUpperCase());
      (m as { deleted?: boolean }).deleted = true;
      this._model.markDirty();
    });
  }
  private _range(nullable: boolean): Range {
    return new Range(
      this._ctx,
      () => {
        const m = this._need();
        const body = m.formula.slice(1);
        const bang = body.lastIndexOf('!');
        const sheetName = body.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
        const sheet = bang > 0 ? this._model.findSheet(sheetName) : undefined;
        const rect = isPureReference(m.formula) && sheet ? parseRangeAddress(body.slice(bang + 1)) : null;
        if (!sheet || !rect) {
          if (nullable) return null;
          fail('InvalidReference', `the name ${m.name} is not a range`);
        }
        return { sheet, rect };
      },
      nullable,
    );
  }
  getRange(): Range {
    return this._range(false);
  }
  getRangeOrNullObject(): Range {
    return this._range(true)._trackNull();
  }
}

// ------------------------------------------------------------------ settings

interface SettingModel {
  key: string;
  deleted: boolean;
}

export class SettingCollection extends SimCollection<SettingModel, Setting> {
  readonly _entity = 'SettingCollection';
  constructor(ctx: SimRequestContext) {
    super(ctx);
    return guard(this, 'SettingCollection');
  }
  _list(): SettingModel[] {
    return [...this._model.settings.keys()].sort().map((key) => ({ key, deleted: false }));
  }
  _wrap(m: SettingModel): Setting {
    return new Setting(this._ctx, () => m);
  }
  add(key: string, value: unknown): Setting {
    const setting = new Setting(this._ctx, () => (this._model.settings.has(key) ? { key, deleted: false } : null));
    this._ctx._enqueue('SettingCollection.add', () => {
      if (typeof key !== 'string' || key.length === 0 || key.length > 255) fail('InvalidArgument', 'invalid setting key');
      let json: string | undefined;
      try {
        json = JSON.stringify(value);
      } catch {
        fail('InvalidArgument', 'setting value must be JSON-serializable');
      }
      if (json === undefined) fail('InvalidArgument', 'setting value must be JSON-serializable');
      this._model.settings.set(key, JSON.parse(json) as unknown);
    });
    return setting;
  }
  getItem(key: string): Setting {
    return new Setting(this._ctx, () => (this._model.settings.has(key) ? { key, deleted: false } : null));
  }
  getItemOrNullObject(key: string): Setting {
    return new Setting(this._ctx, () => (this._model.settings.has(key) ? { key, deleted: false } : null), true)._trackNull();
  }
}

export class Setting extends SimObject<SettingModel> {
  readonly _entity = 'Setting';
  constructor(ctx: SimRequestContext, resolver: () => SettingModel | null, nullable = false) {
    super(ctx, resolver, nullable);
    return guard(this, 'Setting');
  }
  _scalarProps(): readonly string[] {
    return ['key', 'value'];
  }
  _readProp(m: SettingModel, prop: string): unknown {
    if (prop === 'key') return m.key;
    if (prop === 'value') return structuredClone(this._model.settings.get(m.key));
    return undefined;
  }
  get key(): string {
    return this._get('key');
  }
  get value(): unknown {
    return this._get('value');
  }
  set value(v: unknown) {
    this._set('value', v, (m) => {
      const json = JSON.stringify(v);
      if (json === undefined) fail('InvalidArgument', 'setting value must be JSON-serializable');
      this._model.settings.set(m.key, JSON.parse(json) as unknown);
    });
  }
  delete(): void {
    this._method('delete', (m) => {
      this._model.settings.delete(m.key);
    });
  }
}

// ------------------------------------------------------------------ custom XML parts

function rootNamespace(xml: string): string {
  const root = /<(?![?!])([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)([^>]*)>/.exec(xml);
  if (!root) return '';
  const name = root[1]!;
  const prefix = name.includes(':') ? name.split(':')[0] : undefined;
  const attr = prefix ? new RegExp(`xmlns:${prefix}\\s*=\\s*["']([^"']*)["']`) : /xmlns\s*=\s*["']([^"']*)["']/;
  return attr.exec(root[2]!)?.[1] ?? '';
}

function checkXml(xml: unknown): string {
  if (typeof xml !== 'string' || xml.trim() === '') fail('InvalidArgument', 'xml must be a non-empty string');
  if (XMLValidator.validate(xml) !== true) fail('InvalidArgument', 'xml is not well-formed');
  return xml;
}

export class CustomXmlPartCollection extends SimCollection<XmlPartModel, CustomXmlPart> {
  readonly _entity = 'CustomXmlPartCollection';
  constructor(ctx: SimRequestContext) {
    super(ctx);
    return guard(this, 'CustomXmlPartCollection');
  }
  _list(): XmlPartModel[] {
    return this._model.xmlParts.filter((p) => !p.deleted);
  }
  _wrap(m: XmlPartModel): CustomXmlPart {
    return new CustomXmlPart(this._ctx, () => m);
  }
  add(xml: string): CustomXmlPart {
    let created: XmlPartModel | null = null;
    const part = new CustomXmlPart(this._ctx, () => created);
    this._ctx._enqueue('CustomXmlPartCollection.add', () => {
      const text = checkXml(xml);
      const model = this._model;
      created = { id: model.newId('0005'), namespaceUri: rootNamespace(text), xml: text, deleted: false };
      model.xmlParts.push(created);
    });
    return part;
  }
  getItem(id: string): CustomXmlPart {
    return new CustomXmlPart(this._ctx, () => this._list().find((p) => p.id === id) ?? null);
  }
  getItemOrNullObject(id: string): CustomXmlPart {
    return new CustomXmlPart(this._ctx, () => this._list().find((p) => p.id === id) ?? null, true)._trackNull();
  }
  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollection {
    return new CustomXmlPartScopedCollection(this._ctx, namespaceUri);
  }
}

export class CustomXmlPartScopedCollection extends SimCollection<XmlPartModel, CustomXmlPart> {
  readonly _entity = 'CustomXmlPartScopedCollection';
  constructor(ctx: SimRequestContext, readonly _ns: string) {
    super(ctx);
    return guard(this, 'CustomXmlPartScopedCollection');
  }
  _list(): XmlPartModel[] {
    return this._model.xmlParts.filter((p) => !p.deleted && p.namespaceUri === this._ns);
  }
  _wrap(m: XmlPartModel): CustomXmlPart {
    return new CustomXmlPart(this._ctx, () => m);
  }
  getItem(id: string): CustomXmlPart {
    return new CustomXmlPart(this._ctx, () => this._list().find((p) => p.id === id) ?? null);
  }
  getItemOrNullObject(id: string): CustomXmlPart {
    return new CustomXmlPart(this._ctx, () => this._list().find((p) => p.id === id) ?? null, true)._trackNull();
  }
  getOnlyItem(): CustomXmlPart {
    return new CustomXmlPart(this._ctx, () => {
      const list = this._list();
      if (list.length !== 1) fail(list.length === 0 ? 'ItemNotFound' : 'InvalidOperation', `${list.length} parts in the namespace`);
      return list[0]!;
    });
  }
  getOnlyItemOrNullObject(): CustomXmlPart {
    return new CustomXmlPart(
      this._ctx,
      () => {
        const list = this._list();
        return list.length === 1 ? list[0]! : null;
      },
      true,
    )._trackNull();
  }
}

export class CustomXmlPart extends SimObject<XmlPartModel> {
  readonly _entity = 'CustomXmlPart';
  constructor(ctx: SimRequestContext, resolver: () => XmlPartModel | null, nullable = false) {
    super(ctx, resolver, nullable);
    return guard(this, 'CustomXmlPart');
  }
  _scalarProps(): readonly string[] {
    return ['id', 'namespaceUri'];
  }
  _readProp(m: XmlPartModel, prop: string): unknown {
    if (prop === 'id') return m.id;
    if (prop === 'namespaceUri') return m.namespaceUri;
    return undefined;
  }
  get id(): string {
    return this._get('id');
  }
  get namespaceUri(): string {
    return this._get('namespaceUri');
  }
  getXml(): ClientResult<string> {
    return result(this._ctx, 'CustomXmlPart.getXml', () => this._need().xml);
  }
  setXml(xml: string): void {
    this._method('setXml', (m) => {
      m.xml = checkXml(xml);
      m.namespaceUri = rootNamespace(m.xml);
    });
  }
  delete(): void {
    this._method('delete', (m) => {
      m.deleted = true;
    });
  }
}

