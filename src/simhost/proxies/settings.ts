import { XMLValidator } from 'fast-xml-parser';
import { fail } from '../errors.js';
import type { XmlPartModel } from '../types.js';
import { SimCollection, SimObject, guard, result, type ClientResult } from './base.js';
import type { SimRequestContext } from './context.js';

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
