import type { OwnerRecord } from './types.js';

/** The ownership record stored in the workbook setting, or undefined when absent or unreadable. */
export function parseOwner(value: unknown): OwnerRecord | undefined {
  try {
    const record = (typeof value === 'string' ? JSON.parse(value) : value) as OwnerRecord;
    return Array.isArray(record?.sheets) && Array.isArray(record.names) ? record : undefined;
  } catch {
    return undefined;
  }
}

/** What sits on one of ClaimCell's sheets and must go before it is rewritten. */
export interface SheetInventory {
  readonly tables: readonly string[];
  readonly charts: readonly string[];
}

/**
 * Queues the emptying of one of ClaimCell's own sheets so it can be rewritten in place: its tables,
 * charts, conditional formats, validations, contents and formats. The sheet itself stays, because
 * deleting it would turn every formula that points at it into #REF!.
 */
export function queueClearSheet(sheet: Excel.Worksheet, inventory: SheetInventory | undefined): void {
  for (const table of inventory?.tables ?? []) sheet.tables.getItem(table).delete();
  for (const chart of inventory?.charts ?? []) sheet.charts.getItem(chart).delete();
  const whole = sheet.getRange();
  whole.conditionalFormats.clearAll();
  whole.dataValidation.clear();
  whole.clear('All' as Excel.ClearApplyTo.all);
  sheet.freezePanes.unfreeze();
}
