import { SWAP_RECORD_SHEET } from '../model/swap/index.js';
import { BASELINE, FIGURE_COLUMNS, SHEETS, USER_SHEETS, sheetRef, userSheetRefresh, type WorkbookPlan } from '../plan/index.js';
import type { Scenario } from '../model/scenarios/index.js';
import { parseOwner, queueClearSheet, type SheetInventory } from './ownership.js';
import { readScenarioTable, SCENARIOS_SETTING } from './scenarios.js';
import { OWNER_SETTING, type ExcelRun, type OwnerRecord, type Progress } from './types.js';
import type { Requirements } from './print.js';
import { queueSheet } from './write-sheet.js';
import type { UserTables } from '../model/user/index.js';
import { isUserSheet, queueUserSheetRefresh, queueUserTables } from './user-tables.js';

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
  /** For a reset: the edited figures set back to the article's values, and the scenario that was active. */
  readonly reset?: { readonly figures: readonly string[]; readonly scenarioWas?: string };
}

/** What the fill learned from the workbook before writing: the plan depends on it. */
export interface WorkbookState {
  /** Base values the user edited (figure id → value), unless a reset was asked for. */
  readonly edits: ReadonlyMap<string, number>;
  /** The active scenario the workbook had, if any. */
  readonly activeScenario?: string;
  /** The scenarios the workbook holds (its Scenarios sheet, with metadata from settings); undefined on a first fill. */
  readonly scenarios?: readonly Scenario[];
  /** The user's MyFigures/MyClaims rows when those sheets are there (a refill keeps them: it rewrites only ClaimCell's words and computed columns). */
  readonly userTables?: UserTables;
}

export interface FillOptions {
  /**
   * Drop the user's edits in the Figures sheet, make Article the active scenario and write
   * everything again (always: a cell typed over is back too). Scenarios themselves are kept.
   */
  readonly resetToArticle?: boolean;
  readonly onProgress?: (progress: Progress) => void;
  /** Changes the state read from the workbook before the plan is made (a scenario edit, an import). */
  readonly transform?: (state: WorkbookState) => WorkbookState;
  /** The scenario set (with descriptions, authors, timestamps) to record beside the Scenarios sheet. */
  readonly recordScenarios?: (state: WorkbookState) => unknown;
  /** The host's requirement sets (default: Office's): the print page layout needs ExcelApi 1.9. */
  readonly requirements?: Requirements;
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
    const tables = workbook.tables.load('items/name');
    const setting = workbook.settings.getItemOrNullObject(OWNER_SETTING).load('value');
    const scenarioMeta = workbook.settings.getItemOrNullObject(SCENARIOS_SETTING).load('value');
    await context.sync();

    const owner = setting.isNullObject ? undefined : parseOwner(setting.value);
    // Excel compares sheet names and defined names without regard to case: 'figures' blocks 'Figures'.
    const ownedSheets = new NameSet(owner?.sheets ?? []);
    const ownedNames = new NameSet(owner?.names ?? []);
    const existingSheets = new NameSet(sheets.items.map((s) => s.name));
    const existingNames = new NameSet(names.items.map((n) => n.name));

    // Sync 2, only when ClaimCell's sheets are already there: the user's edits and scenarios,
    // and the tables and charts that sit on those sheets (to be removed before rewriting).
    const ownedPresent = ownedSheets.names().filter((n) => existingSheets.has(n));
    let state: WorkbookState = { edits: new Map() };
    let inventory = new Map<string, SheetInventory>();
    let userCells = new Map<string, unknown[][]>();
    if (ownedPresent.length) {
      progress('read', 0.2, 'Reading your edits');
      const read = await readState(context, ownedPresent, scenarioMeta.isNullObject ? undefined : scenarioMeta.value);
      state = read.state;
      inventory = read.inventory;
      userCells = read.userCells;
    }
    let reset: FillResult['reset'];
    if (options.resetToArticle) {
      reset = { figures: [...state.edits.keys()], ...(state.activeScenario && state.activeScenario !== BASELINE ? { scenarioWas: state.activeScenario } : {}) };
      state = { ...state, edits: new Map(), activeScenario: BASELINE };
    }
    if (options.transform) state = options.transform(state);
    const plan = makePlan(state);
    const base = {
      sheets: plan.sheets.length,
      names: plan.names.length,
      keptEdits: [...state.edits.keys()],
      ...(state.activeScenario ? { activeScenario: state.activeScenario } : {}),
      ...(reset ? { reset } : {}),
    };

    // Table names share the defined names' namespace in Excel: a user's table named like one of
    // ClaimCell's names or tables blocks the fill as much as a defined name does.
    const ownTables = new NameSet([...inventory.values()].flatMap((i) => i.tables));
    const userNames = new NameSet([
      ...existingNames.names().filter((n) => !ownedNames.has(n)),
      ...tables.items.map((t) => t.name).filter((n) => !ownTables.has(n)),
    ]);
    const wanted = unique([...plan.names.map((n) => n.name), ...plan.sheets.flatMap((s) => s.tables.map((t) => t.name))]);
    const conflicts: Conflict[] = [
      ...plan.sheets.filter((s) => existingSheets.has(s.name) && !ownedSheets.has(s.name)).map((s) => ({ kind: 'sheet' as const, name: s.name })),
      ...wanted.filter((n) => userNames.has(n)).map((name) => ({ kind: 'name' as const, name })),
    ];
    if (conflicts.length) {
      progress('done', 1, `Stopped: ${conflicts.length} sheet(s) or name(s) already exist and are not ClaimCell's`);
      return { ...base, status: 'conflict', conflicts, cells: 0 };
    }
    const complete = plan.sheets.every((s) => existingSheets.has(s.name)) && plan.names.every((n) => existingNames.has(n.name));
    // The record says what was written, not what the user typed since: a reset always writes. A
    // swapped-out workbook (pane or `portable` CLI) has native formulas and values where the plan has
    // CLAIM.* calls while its hash still matches, so it is never up to date until swapped back in.
    const swappedOut = existingSheets.has(SWAP_RECORD_SHEET);
    if (!options.resetToArticle && !swappedOut && owner?.hash === plan.hash && owner.planVersion === plan.planVersion && complete) {
      progress('done', 1, 'The workbook is already up to date');
      return { ...base, status: 'unchanged', conflicts: [], cells: 0 };
    }

    progress('write', 0.4, 'Writing sheets and names');
    // Claim ownership before anything is created, with no hash: should a later operation of this batch
    // fail (Excel keeps the operations before it), the next fill rewrites what this one left instead of
    // reporting ClaimCell's own half-written sheets as conflicts, and never mistakes them for up to date.
    const pending: OwnerRecord = {
      planVersion: plan.planVersion,
      hash: '',
      sheets: unique([...(owner?.sheets ?? []), ...plan.sheets.map((s) => s.name)]),
      names: unique([...(owner?.names ?? []), ...plan.names.map((n) => n.name)]),
    };
    workbook.settings.add(OWNER_SETTING, JSON.stringify(pending));
    context.application.suspendApiCalculationUntilNextSync();
    // ClaimCell's names outside the plan (the SIM_* names of a Simulation sheet written on demand) stay
    // with their sheet while the plan version is the same, as the sheets outside the plan do below.
    const upgrading = owner !== undefined && owner.planVersion !== plan.planVersion;
    const plannedNames = new NameSet(plan.names.map((n) => n.name));
    const extraNames = upgrading ? [] : existingNames.names().filter((n) => ownedNames.has(n) && !plannedNames.has(n));
    const keptNames = new NameSet(extraNames);
    for (const name of existingNames.names()) if (ownedNames.has(name) && !keptNames.has(name)) workbook.names.getItem(name).delete();
    let cells = 0;
    for (const sheetPlan of plan.sheets) {
      // The user's own tables are written once, by the first fill; after that their rows are the
      // user's, and a refill writes only ClaimCell's words and computed columns (in the plan's language).
      if (isUserSheet(sheetPlan.name) && existingSheets.has(sheetPlan.name)) {
        const refresh = userSheetRefresh(sheetPlan.name, plan.lang ?? 'en', userCells.get(sheetPlan.name) ?? []);
        if (refresh) cells += queueUserSheetRefresh(workbook.worksheets.getItem(sheetPlan.name), refresh);
        continue;
      }
      let sheet: Excel.Worksheet;
      if (existingSheets.has(sheetPlan.name)) {
        // Rewrite in place: deleting the sheet would turn every formula pointing at it into #REF!.
        sheet = workbook.worksheets.getItem(sheetPlan.name);
        queueClearSheet(sheet, inventory.get(sheetPlan.name));
      } else {
        sheet = workbook.worksheets.add(sheetPlan.name);
      }
      cells += queueSheet(sheet, sheetPlan, options.requirements);
    }
    // ClaimCell's sheets outside the plan (e.g. a Stress sheet written on demand) stay while the plan
    // version is the same; an upgrade to a new plan version migrates them away.
    const planned = new NameSet(plan.sheets.map((s) => s.name));
    const extras = existingSheets.names().filter((n) => ownedSheets.has(n) && !planned.has(n));
    if (upgrading) for (const stale of extras) workbook.worksheets.getItem(stale).delete();
    for (const name of plan.names) workbook.names.add(name.name, `=${sheetRef(name.sheet)}!${name.address}`, name.comment);
    const record: OwnerRecord = {
      planVersion: plan.planVersion,
      hash: plan.hash,
      sheets: [...plan.sheets.map((s) => s.name), ...(upgrading ? [] : extras)],
      names: [...plan.names.map((n) => n.name), ...extraNames],
    };
    workbook.settings.add(OWNER_SETTING, JSON.stringify(record));
    if (options.recordScenarios) workbook.settings.add(SCENARIOS_SETTING, JSON.stringify(options.recordScenarios(state)));
    await context.sync();
    progress('done', 1, `Wrote ${plan.sheets.length} sheets and ${plan.names.length} names`);
    return { ...base, status: 'written', conflicts: [], cells };
  });
}

/** Names compared as Excel compares sheet and defined names: ignoring case. */
class NameSet {
  private readonly byKey = new Map<string, string>();
  constructor(names: Iterable<string>) {
    for (const name of names) this.byKey.set(name.toUpperCase(), name);
  }
  has(name: string): boolean {
    return this.byKey.has(name.toUpperCase());
  }
  /** The names as spelt in the workbook (or the record). */
  names(): string[] {
    return [...this.byKey.values()];
  }
}

function unique(names: readonly string[]): string[] {
  return new NameSet(names).names();
}

/** Sync 2: the user's base values that differ from the article's, the scenarios, and what sits on ClaimCell's sheets. */
async function readState(
  context: Excel.RequestContext,
  ownedPresent: readonly string[],
  scenarioMeta: unknown,
): Promise<{ state: WorkbookState; inventory: Map<string, SheetInventory>; userCells: Map<string, unknown[][]> }> {
  const sheets = context.workbook.worksheets;
  const figures = ownedPresent.includes(SHEETS.figures) ? sheets.getItem(SHEETS.figures).getUsedRange().load('values') : undefined;
  const mine = ownedPresent.includes(USER_SHEETS.figures) || ownedPresent.includes(USER_SHEETS.claims) ? queueUserTables(sheets, (name) => ownedPresent.includes(name)) : undefined;
  const table = ownedPresent.includes(SHEETS.scenarios) ? sheets.getItem(SHEETS.scenarios).getUsedRange().load('values') : undefined;
  const found = ownedPresent.map((name) => ({
    name,
    tables: sheets.getItem(name).tables.load('items/name'),
    charts: sheets.getItem(name).charts.load('items/name'),
  }));
  await context.sync();
  const inventory = new Map(found.map((f) => [f.name, { tables: f.tables.items.map((t) => t.name), charts: f.charts.items.map((c) => c.name) }]));
  const edits = new Map<string, number>();
  if (figures) {
    for (const row of figures.values.slice(1)) {
      const id = row[FIGURE_COLUMNS.id - 1];
      const article = row[FIGURE_COLUMNS.article - 1];
      const baseValue = row[FIGURE_COLUMNS.base - 1];
      if (typeof id === 'string' && typeof baseValue === 'number' && baseValue !== article) edits.set(id, baseValue);
    }
  }
  const read = table ? readScenarioTable(table.values, scenarioMeta) : undefined;
  // The state keeps the scenarios and the active one; the raw B1 cell is the pane's concern.
  const scenarios = read ? { scenarios: read.scenarios, ...(read.activeScenario ? { activeScenario: read.activeScenario } : {}) } : {};
  const userTables = mine?.read().tables;
  // The user sheets' cells as they are, so a refill finds every row that holds the user's data.
  const userCells = new Map<string, unknown[][]>();
  for (const name of [USER_SHEETS.figures, USER_SHEETS.claims]) {
    const values = mine?.values(name);
    if (values) userCells.set(name, values);
  }
  return { state: { edits, ...scenarios, ...(userTables ? { userTables } : {}) }, inventory, userCells };
}
