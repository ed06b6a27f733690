import { parseRangeAddress } from '../address.js';
import { ChartSeriesBy, ChartType } from '../enums.js';
import { fail, notSupported } from '../errors.js';
import type { ChartModel } from '../types.js';
import { SimCollection, SimObject, guard } from './base.js';
import type { SimRequestContext } from './context.js';
import { Range } from './range.js';
import type { Worksheet } from './worksheet.js';

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
