import { getFigure } from '../model/figures/index.js';
import { getReference } from '../model/references/index.js';
import { sheetRef, type NamePlan, type SheetPlan } from '../plan/index.js';
import { parseOwner, queueClearSheet } from './ownership.js';
import { OWNER_SETTING, type ExcelRun, type OwnerRecord } from './types.js';
import { queueSheet } from './write-sheet.js';
import type { StressPaneText } from '../text/index.js';

export interface StressWriteResult {
  /**
   * written: the sheet was written (created, or ClaimCell's own replaced in place);
   * conflict: a sheet of that name exists that ClaimCell did not create — nothing written;
   * not-filled: the defined names its formulas read are missing (fill the workbook first) — nothing written.
   */
  readonly status: 'written' | 'conflict' | 'not-filled';
  readonly sheet: string;
  readonly replaced: boolean;
  readonly cells: number;
  readonly missingNames: readonly string[];
  /** Defined names the sheet needs that the user already has (status conflict): nothing was written. */
  readonly takenNames: readonly string[];
  /** What was written, for the message the reader's catalogue renders (`stressWriteMessage`). */
  readonly charts: number;
  readonly tables: number;
}

/** Figure and reference ids the plan's formulas read (the defined names they need). */
export function namesUsedBy(plan: SheetPlan): string[] {
  const used = new Set<string>();
  for (const row of plan.cells) {
    for (const cell of row) {
      if (!cell.f) continue;
      // skip string literals, then collect identifiers that are catalogue ids
      for (const m of cell.f.replace(/"[^"]*"/g, '').matchAll(/[A-Z][A-Z0-9_]*/g)) if (getFigure(m[0]) || getReference(m[0])) used.add(m[0]);
    }
  }
  return [...used].sort();
}

/**
 * Writes a Stress sheet plan (src/plan/stress-sheet.ts), or the Simulation sheet with its defined
 * names (`sheetNames`, recorded as ClaimCell's; a name of the user's blocks the write), in at most three syncs: (1) the sheets,
 * names and ownership record; (2) only when ClaimCell's own sheet of that name is there, the tables
 * and charts on it; (3) everything else in one batch with calculation suspended. A sheet of that
 * name that ClaimCell did not create is never touched, and nothing is written when the defined
 * names its formulas read are missing. The sheet is added to the ownership record's sheets.
 */
export async function writeStressSheet(run: ExcelRun, plan: SheetPlan, sheetNames: readonly NamePlan[] = []): Promise<StressWriteResult> {
  return run(async (context) => {
    const workbook = context.workbook;
    const sheets = workbook.worksheets.load('items/name');
    const names = workbook.names.load('items/name');
    const setting = workbook.settings.getItemOrNullObject(OWNER_SETTING).load('value');
    await context.sync();

    const owner = setting.isNullObject ? undefined : parseOwner(setting.value);
    const exists = sheets.items.some((s) => s.name === plan.name);
    const base = { sheet: plan.name, replaced: false, cells: 0, missingNames: [] as string[], takenNames: [] as string[], charts: 0, tables: 0 };
    if (exists && !owner?.sheets.includes(plan.name)) {
      return { ...base, status: 'conflict' };
    }
    const have = new Set(names.items.map((n) => n.name.toUpperCase()));
    const owned = new Set((owner?.names ?? []).map((n) => n.toUpperCase()));
    const taken = sheetNames.filter((n) => have.has(n.name.toUpperCase()) && !owned.has(n.name.toUpperCase())).map((n) => n.name);
    if (taken.length) {
      return { ...base, status: 'conflict', takenNames: taken };
    }
    const missing = namesUsedBy(plan).filter((n) => !have.has(n));
    if (missing.length || !owner) {
      return {
        ...base,
        missingNames: missing,
        status: 'not-filled',
      };
    }

    let sheet: Excel.Worksheet;
    if (exists) {
      sheet = workbook.worksheets.getItem(plan.name);
      const tables = sheet.tables.load('items/name');
      const charts = sheet.charts.load('items/name');
      await context.sync();
      context.application.suspendApiCalculationUntilNextSync();
      queueClearSheet(sheet, { tables: tables.items.map((t) => t.name), charts: charts.items.map((c) => c.name) });
    } else {
      context.application.suspendApiCalculationUntilNextSync();
      sheet = workbook.worksheets.add(plan.name);
    }
    const cells = queueSheet(sheet, plan);
    // the sheet's own defined names (the Simulation sheet's SIM_*), replaced when ClaimCell wrote them before
    for (const name of sheetNames) {
      if (have.has(name.name.toUpperCase())) workbook.names.getItem(name.name).delete();
      workbook.names.add(name.name, `=${sheetRef(name.sheet)}!${name.address}`, name.comment);
    }
    const newNames = sheetNames.map((n) => n.name).filter((n) => !owned.has(n.toUpperCase()));
    if (!owner.sheets.includes(plan.name) || newNames.length) {
      const record: OwnerRecord = { ...owner, sheets: owner.sheets.includes(plan.name) ? owner.sheets : [...owner.sheets, plan.name], names: [...owner.names, ...newNames] };
      workbook.settings.add(OWNER_SETTING, JSON.stringify(record));
    }
    await context.sync();
    return { ...base, replaced: exists, cells, status: 'written', charts: plan.charts.length, tables: plan.tables.length };
  });
}

/** The outcome of `writeStressSheet` as a sentence of the reader's catalogue. */
export function stressWriteMessage(result: StressWriteResult, text: StressPaneText): string {
  const missing = result.missingNames.length ? `${result.missingNames.slice(0, 5).join(', ')}${result.missingNames.length > 5 ? ', …' : ''}` : '';
  switch (result.status) {
    case 'written':
      return text.written(result.sheet, result.replaced, result.charts, result.tables);
    case 'conflict':
      return result.takenNames.length ? text.writeNameConflict(result.takenNames.join(', ')) : text.writeConflict(result.sheet);
    case 'not-filled':
      return text.writeNotFilled(result.sheet, missing);
  }
}
