/**
 * What the task pane reads from and writes to the open workbook, through `Excel.run` only (in
 * Office the real one; in the preview the simulated host behind the same contract).
 */
import { readScenarioTable, SCENARIOS_SETTING } from '../excel/scenarios.js';
import type { ExcelRun } from '../excel/types.js';
import { getFigure } from '../model/figures/index.js';
import { ARTICLE_VALUES, valuesFromWorkbook, type ValuesInUse } from '../model/values/index.js';
import { BASELINE_NAME, loadSeedScenarios, type ScenarioState } from '../model/scenarios/index.js';
import { asCellInput } from '../excel/write-sheet.js';
import { ACTIVE_SCENARIO_ADDRESS, CLAIM_COLUMNS, FIGURE_COLUMNS, SHEETS, USER_SHEETS, WORKBOOK_CELLS, cellAddress } from '../plan/index.js';
import { queueUserTables } from '../excel/user-tables.js';
import { NO_USER_TABLES, type ReadTables } from '../model/user/index.js';

export interface FigureCells {
  /** 1-based row in the Figures sheet. */
  readonly row: number;
  readonly article: number | null;
  readonly base: number | null;
  readonly inUse: number | null;
}

export interface WorkbookView {
  /** True when ClaimCell's Figures and Claims sheets are in the workbook. */
  readonly filled: boolean;
  readonly figures: ReadonlyMap<string, FigureCells>;
  /** Claim id → 1-based row in the Claims sheet. */
  readonly claimRows: ReadonlyMap<string, number>;
  readonly scenarios: ScenarioState;
  /** The values in use: what every result in the pane is computed at. */
  readonly values: ValuesInUse;
  /** The user's MyFigures/MyClaims rows as the grid holds them now. */
  readonly mine: ReadTables;
}

const NO_ROWS: ReadTables = { tables: NO_USER_TABLES, problems: [], cellOf: WORKBOOK_CELLS };

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The view before any fill (or outside Excel): the article's catalogue and the shipped scenarios. */
export function emptyView(): WorkbookView {
  return { filled: false, figures: new Map(), claimRows: new Map(), scenarios: { scenarios: loadSeedScenarios(), active: BASELINE_NAME }, values: ARTICLE_VALUES, mine: NO_ROWS };
}

/**
 * Reads the workbook in two syncs: (1) which of ClaimCell's sheets and figure names exist;
 * (2) the Figures, Claims and Scenarios used ranges and every figure's value through its defined
 * name. The values in use follow from what the cells hold (`valuesFromWorkbook`).
 */
export async function readWorkbook(run: ExcelRun): Promise<WorkbookView> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    const figures = sheets.getItemOrNullObject(SHEETS.figures);
    const claims = sheets.getItemOrNullObject(SHEETS.claims);
    const scenarios = sheets.getItemOrNullObject(SHEETS.scenarios);
    const meta = context.workbook.settings.getItemOrNullObject(SCENARIOS_SETTING).load('value');
    const names = context.workbook.names.load('items/name,items/type');
    const myFigures = sheets.getItemOrNullObject(USER_SHEETS.figures);
    const myClaims = sheets.getItemOrNullObject(USER_SHEETS.claims);
    await context.sync();
    if (figures.isNullObject || claims.isNullObject) return emptyView();
    const mine = queueUserTables(sheets, (name) => !(name === USER_SHEETS.figures ? myFigures : myClaims).isNullObject);
    const figureValues = figures.getUsedRange(true).load('values');
    const claimValues = claims.getUsedRange(true).load('values');
    const scenarioValues = scenarios.isNullObject ? undefined : scenarios.getUsedRange(true).load('values');
    const named = names.items
      .filter((n) => n.type === 'Range' && getFigure(n.name) !== undefined)
      .map((n) => ({ id: n.name, range: n.getRangeOrNullObject().load('values') }));
    await context.sync();

    const cells = new Map<string, FigureCells>();
    figureValues.values.forEach((row, i) => {
      const id = row[FIGURE_COLUMNS.id - 1];
      if (i === 0 || typeof id !== 'string') return;
      cells.set(id, { row: i + 1, article: num(row[FIGURE_COLUMNS.article - 1]), base: num(row[FIGURE_COLUMNS.base - 1]), inUse: num(row[FIGURE_COLUMNS.inUse - 1]) });
    });
    const claimRows = new Map<string, number>();
    claimValues.values.forEach((row, i) => {
      const id = row[CLAIM_COLUMNS.id - 1];
      if (i > 0 && typeof id === 'string' && id) claimRows.set(id, i + 1);
    });
    const table = scenarioValues ? readScenarioTable(scenarioValues.values, meta.isNullObject ? undefined : meta.value) : undefined;
    const state: ScenarioState = table ? { scenarios: table.scenarios, active: table.activeScenario ?? BASELINE_NAME } : emptyView().scenarios;
    const values = valuesFromWorkbook({
      inUse: new Map(named.map(({ id, range }) => [id, range.isNullObject ? null : num(range.values[0]?.[0])])),
      base: new Map([...cells].map(([id, c]) => [id, c.base])),
      activeScenarioCell: table?.activeScenarioCell ?? BASELINE_NAME,
      scenarios: state.scenarios,
    });
    return { filled: true, figures: cells, claimRows, scenarios: state, values, mine: mine.read() };
  });
}

/** Writes one base value (Figures!E of the figure's row); returns the address written. */
export async function writeBaseValue(run: ExcelRun, row: number, value: number): Promise<string> {
  const address = cellAddress(row, FIGURE_COLUMNS.base);
  await run(async (context) => {
    context.workbook.worksheets.getItem(SHEETS.figures).getRange(address).values = [[value]];
    await context.sync();
  });
  return `${SHEETS.figures}!${address}`;
}

/** Switches the active scenario the way a user would: Scenarios!B1. */
export async function writeActiveScenario(run: ExcelRun, name: string): Promise<void> {
  await run(async (context) => {
    // As text, like the drop-down: a scenario named "=1+1" must not become a formula.
    context.workbook.worksheets.getItem(ACTIVE_SCENARIO_ADDRESS.sheet).getRange(ACTIVE_SCENARIO_ADDRESS.address).values = [[asCellInput(name)]];
    await context.sync();
  });
}

/** Activates the Claims sheet and selects a claim's row. */
export async function selectClaimRow(run: ExcelRun, row: number): Promise<string> {
  const address = `A${row}:L${row}`;
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(SHEETS.claims);
    sheet.activate();
    sheet.getRange(address).select();
    await context.sync();
  });
  return `${SHEETS.claims}!${address}`;
}
