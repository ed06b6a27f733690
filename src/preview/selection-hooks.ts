/**
 * The simulated host accepts `Worksheet.activate()` as a no-op and has no `Range.select()`. The
 * preview gives both a visible effect (the grid switches sheet and selects the range) by patching
 * the proxies' prototypes here, in the preview only; src/simhost is unchanged.
 */
import { Range, Worksheet } from '../simhost/proxies.js';

export interface SelectionListener {
  activate(sheet: string): void;
  select(sheet: string, rect: { r0: number; c0: number; r1: number; c1: number }): void;
}

interface Enqueuer<T> {
  _method(name: string, apply: (target: T) => void): void;
}

export function installSelectionHooks(listener: SelectionListener): void {
  const ws = Worksheet.prototype as unknown as Enqueuer<{ name: string }> & { activate(): void };
  ws.activate = function (this: Enqueuer<{ name: string }>) {
    this._method('activate', (s) => listener.activate(s.name));
  };
  const range = Range.prototype as unknown as { select?: () => void };
  range.select = function (this: Enqueuer<{ sheet: { name: string }; rect: { r0: number; c0: number; r1: number; c1: number } }>) {
    this._method('select', (t) => listener.select(t.sheet.name, t.rect));
  };
}
