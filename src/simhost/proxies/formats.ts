import { cellKey, qualifiedAddress } from '../address.js';
import { ConditionalFormatType } from '../enums.js';
import { fail, notSupported } from '../errors.js';
import { isParsableFormula } from '../engine-mapping.js';
import { DEFAULT_COLUMN_WIDTH, type ConditionalFormatModel } from '../types.js';
import { SimCollection, SimObject, guard } from './base.js';
import type { SimRequestContext } from './context.js';
import { MAX_LOAD_CELLS, Range, overlaps, rectCols, rectRows, type RangeTarget } from './range.js';

// ------------------------------------------------------------------ range format & font

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
  /** Write-only here. Excel's tallest row is 409 points ("Excel specifications and limits"). */
  set rowHeight(value: number) {
    this._set('rowHeight', value, (t) => {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_ROW_HEIGHT) fail('InvalidArgument', `row height ${String(value)} is not from 0 to ${MAX_ROW_HEIGHT} points`);
      t.sheet.rowHeights ??= new Map();
      for (let r = t.rect.r0; r <= t.rect.r1; r += 1) t.sheet.rowHeights.set(r, value);
    });
  }
  set wrapText(value: boolean) {
    this._set('wrapText', value, (t) => {
      if (typeof value !== 'boolean') fail('InvalidArgument', 'wrapText must be true or false');
      setAlignment(t, { wrapText: value });
    });
  }
  set verticalAlignment(value: string) {
    this._set('verticalAlignment', value, (t) => {
      if (!VERTICAL_ALIGNMENTS.includes(value)) fail('InvalidArgument', `verticalAlignment ${String(value)}`);
      setAlignment(t, { verticalAlignment: value });
    });
  }
}

/** Excel.VerticalAlignment's values. */
const VERTICAL_ALIGNMENTS = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const MAX_ROW_HEIGHT = 409;
/** Cells a formatting write may touch at once here (a whole-column write is refused rather than stored cell by cell). */
const MAX_FORMAT_CELLS = 1_000_000;

function setAlignment(t: RangeTarget, change: { wrapText?: boolean; verticalAlignment?: string }): void {
  if ((t.rect.r1 - t.rect.r0 + 1) * (t.rect.c1 - t.rect.c0 + 1) > MAX_FORMAT_CELLS) notSupported('alignment of more than a million cells');
  t.sheet.alignment ??= new Map();
  for (let r = t.rect.r0; r <= t.rect.r1; r += 1)
    for (let c = t.rect.c0; c <= t.rect.c1; c += 1) t.sheet.alignment.set(cellKey(r, c), { ...t.sheet.alignment.get(cellKey(r, c)), ...change });
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
    return ['rule', 'type', 'prompt'];
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
    if (prop === 'prompt') {
      const p = t.sheet.validationPrompt.get(cellKey(t.rect.r0, t.rect.c0));
      return p ? (JSON.parse(p) as unknown) : { showPrompt: false, title: '', message: '' };
    }
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
  /** DataValidation.prompt (ExcelApi 1.8): the message shown when a cell of the range is selected. */
  get prompt(): unknown {
    return this._get('prompt');
  }
  set prompt(value: unknown) {
    this._set('prompt', value, (t) => {
      const p = value as { showPrompt?: unknown; title?: unknown; message?: unknown } | null;
      if (!p || typeof p !== 'object' || typeof p.message !== 'string' || (p.title !== undefined && typeof p.title !== 'string')) {
        fail('InvalidArgument', 'prompt must be { showPrompt, title, message } with string title and message');
      }
      const json = JSON.stringify({ showPrompt: p.showPrompt !== false, title: p.title ?? '', message: p.message });
      for (let r = t.rect.r0; r <= t.rect.r1; r += 1) {
        for (let c = t.rect.c0; c <= t.rect.c1; c += 1) t.sheet.validationPrompt.set(cellKey(r, c), json);
      }
    });
  }
  clear(): void {
    this._method('clear', (t) => {
      this._model.forEachKeyIn(t.sheet.validation, t.rect, (k) => t.sheet.validation.delete(k));
      this._model.forEachKeyIn(t.sheet.validationPrompt, t.rect, (k) => t.sheet.validationPrompt.delete(k));
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
