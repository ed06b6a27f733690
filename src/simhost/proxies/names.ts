import { isValidDefinedName, parseRangeAddress, qualifiedAddress } from '../address.js';
import { fail } from '../errors.js';
import { isParsableFormula } from '../engine-mapping.js';
import type { SimWorkbook } from '../model.js';
import type { NameModel } from '../types.js';
import { SimCollection, SimObject, guard } from './base.js';
import type { SimRequestContext } from './context.js';
import { Range } from './range.js';
import { nameTaken } from './tables.js';

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
