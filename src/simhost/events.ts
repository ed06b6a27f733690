/**
 * Worksheet `onChanged` events and cell-edit mode for the simulated host, as Excel has them:
 * - a handler hears every data change of its sheet, the add-in's own writes too (then with
 *   `triggerSource: 'ThisLocalAddin'`, ExcelApi 1.14), a user's edit with `triggerSource: 'Unknown'`;
 * - handlers are called after the sync that made the change, never inside it, one call per write;
 * - handlers belong to the sheet: deleting the sheet drops them, a new sheet of the same name has none;
 * - the same handler added twice is called twice;
 * - while the user edits a cell, a batch without `delayForCellEdit` fails with InvalidOperation and a
 *   batch with it waits until the edit ends (Excel.RunOptions).
 */
import { formatRect, type CellRect } from './address.js';
import type { SheetModel } from './types.js';

export type TriggerSource = 'ThisLocalAddin' | 'Unknown';

/** What a `worksheet.onChanged` handler receives (the members of WorksheetChangedEventArgs the host fills in). */
export interface SimWorksheetChangedEvent {
  readonly type: 'WorksheetChanged';
  readonly source: 'Local';
  readonly triggerSource: TriggerSource;
  readonly changeType: 'RangeEdited';
  readonly worksheetId: string;
  readonly address: string;
}

export type ChangedHandler = (event: SimWorksheetChangedEvent) => Promise<unknown> | unknown;

interface Change {
  readonly sheet: SheetModel;
  readonly rect: CellRect;
}

export class SimEvents {
  private readonly handlers = new Map<SheetModel, ChangedHandler[]>();
  private pending: Change[] = [];
  private editing = false;
  private editEnded: (() => void)[] = [];

  add(sheet: SheetModel, handler: ChangedHandler): void {
    const list = this.handlers.get(sheet) ?? [];
    list.push(handler);
    this.handlers.set(sheet, list);
  }

  remove(sheet: SheetModel, handler: ChangedHandler): void {
    const list = this.handlers.get(sheet);
    const i = list?.indexOf(handler) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
  }

  /** Handlers registered on a sheet (for tests: "never twice"). */
  count(sheet: SheetModel): number {
    return this.handlers.get(sheet)?.length ?? 0;
  }

  /** The sheet is gone: its handlers with it. */
  dropSheet(sheet: SheetModel): void {
    this.handlers.delete(sheet);
    this.pending = this.pending.filter((c) => c.sheet !== sheet);
  }

  /** A data change made while a batch is applied; announced when the sync ends. */
  record(sheet: SheetModel, rect: CellRect): void {
    if (this.handlers.has(sheet)) this.pending.push({ sheet, rect });
  }

  /** Calls the handlers for the changes recorded since the last flush, after the current task. */
  flush(triggerSource: TriggerSource): void {
    const changes = this.pending;
    this.pending = [];
    for (const change of changes) {
      const event: SimWorksheetChangedEvent = {
        type: 'WorksheetChanged',
        source: 'Local',
        triggerSource,
        changeType: 'RangeEdited',
        worksheetId: change.sheet.id,
        address: formatRect(change.rect),
      };
      for (const handler of [...(this.handlers.get(change.sheet) ?? [])]) {
        setTimeout(() => void Promise.resolve(handler(event)).catch(() => undefined), 0);
      }
    }
  }

  get cellEditMode(): boolean {
    return this.editing;
  }

  setCellEditMode(on: boolean): void {
    this.editing = on;
    if (!on) {
      const waiting = this.editEnded;
      this.editEnded = [];
      for (const resume of waiting) resume();
    }
  }

  /** Resolves when the user leaves cell-edit mode (at once when not editing). */
  untilEditEnds(): Promise<void> {
    return this.editing ? new Promise((resolve) => this.editEnded.push(resolve)) : Promise.resolve();
  }
}
