import { FIGURE_COLUMNS, SHEETS, sheetRef, type WorkbookPlan } from '../plan/index.js';
import { OWNER_SETTING, type ExcelRun, type OwnerRecord, type Progress } from './types.js';
import { queueSheet } from './write-sheet.js';

/** A sheet or name in the workbook that ClaimCell would write but did not create. */
export interface Conflict {
  readonly kind: 'sheet' | 'name';
  readonly name: string;
}

export interface FillResult {
  /** written: the plan was written; unchanged: the workbook already held it; conflict: nothing written. */
  readonly status: 'written' | 'unchanged' | 'conflict';
  readonly conflicts: readonly Conflict[];
  readonly sheets: number;
  readonly names: number;
  readonly cells: number;
  /** Figure ids whose user-edited base value was kept. */
  readonly keptEdits: readonly string[];
  /** The active scenario kept from the workbook, if it had one. */
  readonly activeScenario?: string;
}

/** What the fill learned from the workbook before writing: the plan depends on it. */
export interface WorkbookState {
  /** Base values the user edited (figure id → value), unless a reset was asked for. */
  readonly edits: ReadonlyMap<string, number>;
  /** The active scenario the workbook had, if any. */
  readonly activeScenario?: string;
}

export interface FillOptions {
  /** Drop the user's edits in the Figures sheet and write the article's values again. */
  readonly resetToArticle?: boolean;
  readonly onProgress?: (progress: Progress) => void;
}

const TEMP_SUFFIX = ' (ClaimCell new)';

function parseOwner(value: unknown): OwnerRecord | undefined {
  try {
    const record = (typeof value === 'string' ? JSON.parse(value) : value) as OwnerRecord;
    return Array.isArray(record?.sheets) && Array.isArray(record.names) ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Fills the open workbook from a plan in at most three `context.sync` calls, whatever the size:
 * (1) inspect sheets, names and the ownership record; (2) only when ClaimCell's Figures sheet is
 * already there, read the user's base values and active scenario; (3) write everything in one
 * batch with calculation suspended. Sheets and names ClaimCell did not create are never touched:
 * if the plan needs one of them, the fill reports the conflicts and writes nothing.
 */
export async function fillWorkbook(run: ExcelRun, makePlan: (state: WorkbookState) => WorkbookPlan, options: FillOptions = {}): Promise<FillResult> {
  const progress = (stage: Progress['stage'], fraction: number, message: string): void => options.onProgress?.({ stage, fraction, message });
  return run(async (context) => {
    const workbook = context.workbook;
    progress('inspect', 0.05, 'Looking at the workbook');
    const sheets = workbook.worksheets.load('items/name');
    const names = workbook.names.load('items/name');
    const setting = workbook.settings.getItemOrNullObject(OWNER_SETTING).load('value');
    await context.sync();

    const owner = setting.isNullObject ? undefined : parseOwner(setting.value);
    const ownedSheets = new Set(owner?.sheets ?? []);
    const ownedNames = new Set(owner?.names ?? []);
    const existingSheets = new Set(sheets.items.map((s) => s.name));
    const existingNames = new Set(names.items.map((n) => n.name));

    let state: WorkbookState = { edits: new Map() };
    if (ownedSheets.has(SHEETS.figures) && existingSheets.has(SHEETS.figures)) {
      progress('read', 0.2, 'Reading your edits');
      state = await readState(context, existingSheets.has(SHEETS.scenarios) && ownedSheets.has(SHEETS.scenarios), options.resetToArticle === true);
    }
    const plan = makePlan(state);
    const base = { sheets: plan.sheets.length, names: plan.names.length, keptEdits: [...state.edits.keys()], ...(state.activeScenario ? { activeScenario: state.activeScenario } : {}) };

    const conflicts: Conflict[] = [
      ...plan.sheets.flatMap((s) => [s.name, `${s.name}${TEMP_SUFFIX}`]).filter((n) => existingSheets.has(n) && !ownedSheets.has(n)).map((name) => ({ kind: 'sheet' as const, name })),
      ...plan.names.filter((n) => existingNames.has(n.name) && !ownedNames.has(n.name)).map((n) => ({ kind: 'name' as const, name: n.name })),
    ];
    if (conflicts.length) {
      progress('done', 1, `Stopped: ${conflicts.length} sheet(s) or name(s) already exist and are not ClaimCell's`);
      return { ...base, status: 'conflict', conflicts, cells: 0 };
    }
    const complete = plan.sheets.every((s) => existingSheets.has(s.name)) && plan.names.every((n) => existingNames.has(n.name));
    if (owner?.hash === plan.hash && owner.planVersion === plan.planVersion && complete) {
      progress('done', 1, 'The workbook is already up to date');
      return { ...base, status: 'unchanged', conflicts: [], cells: 0 };
    }

    progress('write', 0.4, 'Writing sheets and names');
    context.application.suspendApiCalculationUntilNextSync();
    // Names first: they may point at sheets about to be replaced.
    for (const name of owner?.names ?? []) if (existingNames.has(name)) workbook.names.getItem(name).delete();
    let cells = 0;
    for (const sheetPlan of plan.sheets) {
      const replacing = existingSheets.has(sheetPlan.name);
      // A new sheet under a temporary name first, so the workbook never drops to zero sheets.
      const sheet = workbook.worksheets.add(replacing ? `${sheetPlan.name}${TEMP_SUFFIX}` : sheetPlan.name);
      cells += queueSheet(sheet, sheetPlan);
      if (replacing) {
        workbook.worksheets.getItem(sheetPlan.name).delete();
        sheet.name = sheetPlan.name;
      }
    }
    // Sheets an older plan owned that this one no longer has (an upgrade migrates them away).
    for (const stale of ownedSheets) if (existingSheets.has(stale) && !plan.sheets.some((s) => s.name === stale)) workbook.worksheets.getItem(stale).delete();
    for (const name of plan.names) workbook.names.add(name.name, `=${sheetRef(name.sheet)}!${name.address}`, name.comment);
    const record: OwnerRecord = { planVersion: plan.planVersion, hash: plan.hash, sheets: plan.sheets.map((s) => s.name), names: plan.names.map((n) => n.name) };
    workbook.settings.add(OWNER_SETTING, JSON.stringify(record));
    await context.sync();
    progress('done', 1, `Wrote ${plan.sheets.length} sheets and ${plan.names.length} names`);
    return { ...base, status: 'written', conflicts: [], cells };
  });
}



/** Sync 2: the user's base values that differ from the article's, and the active scenario. */
async function readState(context: Excel.RequestContext, hasScenarios: boolean, reset: boolean): Promise<WorkbookState> {
  const figures = context.workbook.worksheets.getItem(SHEETS.figures).getUsedRange().load('values');
  const active = hasScenarios ? context.workbook.worksheets.getItem(SHEETS.scenarios).getRange('B1').load('values') : undefined;
  await context.sync();
  const edits = new Map<string, number>();
  if (!reset) {
    for (const row of figures.values.slice(1)) {
      const id = row[FIGURE_COLUMNS.id - 1];
      const article = row[FIGURE_COLUMNS.article - 1];
      const baseValue = row[FIGURE_COLUMNS.base - 1];
      if (typeof id === 'string' && typeof baseValue === 'number' && baseValue !== article) edits.set(id, baseValue);
    }
  }
  const activeName = active?.values[0]?.[0];
  return { edits, ...(typeof activeName === 'string' && activeName ? { activeScenario: activeName } : {}) };
}
