import { SimOfficeError, fail, notSupported } from '../errors.js';
import type { SimWorkbook } from '../model.js';
import type { SimRequestContext } from './context.js';

// ------------------------------------------------------------------ proxy guard

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

export function guard<T extends object>(obj: T, entity: string): T {
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

// ------------------------------------------------------------------ base object

/** What a value adds to the request Office sends (its JSON), for the request size limit. */
function payloadBytes(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0;
  }
}

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

export abstract class SimObject<T> {
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
    this._ctx._enqueue(`${this._entity}.${prop}`, () => apply(this._need()), payloadBytes(value));
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

export function result<V>(ctx: SimRequestContext, location: string, compute: () => V): ClientResult<V> {
  const r = new ClientResult<V>();
  ctx._enqueue(location, () => r._setValue(compute()));
  return r;
}

/** Base of collections: `items` after `load`, `getCount()`. */
export abstract class SimCollection<M, P extends SimObject<M>> {
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
