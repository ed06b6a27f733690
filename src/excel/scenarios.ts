import { BASELINE_NAME, loadSeedScenarios, parseScenarioFile, zhFields, type Scenario } from '../model/scenarios/index.js';
import { scenarioNamed } from '../model/values/index.js';
import { ACTIVE_SCENARIO_ADDRESS, SCENARIO_NAMES } from '../plan/index.js';

/** Workbook setting holding the scenario set's metadata (descriptions, authors, timestamps) as exported JSON. */
export const SCENARIOS_SETTING = 'claimcell.scenarios';

const NAMES_ROW_INDEX = SCENARIO_NAMES.row - 1; // 0-based
const HEADER_ROW_INDEX = NAMES_ROW_INDEX + 1; // the table's header row; figures below it
const ARTICLE_COLUMN_INDEX = SCENARIO_NAMES.firstColumn - 1;
/** Workbooks filled before the names row existed kept the names in the table header, up to 'In use'. */
const LEGACY_IN_USE_HEADER = 'In use';

/** The scenario names as the sheet holds them (after the Article column), blank or non-text ending the list. */
function scenarioNames(values: readonly (readonly unknown[])[]): string[] {
  const namesRow = values[NAMES_ROW_INDEX] ?? [];
  const legacy = namesRow[ARTICLE_COLUMN_INDEX] !== BASELINE_NAME;
  const row = legacy ? (values[HEADER_ROW_INDEX] ?? []) : namesRow;
  const names: string[] = [];
  for (let c = ARTICLE_COLUMN_INDEX + 1; c < row.length; c++) {
    const name = row[c];
    if (typeof name !== 'string' || !name || (legacy && name === LEGACY_IN_USE_HEADER)) break;
    names.push(name);
  }
  return names;
}

/**
 * The Chinese label and description of a scenario read from the sheet: from the workbook's record,
 * or, for a workbook filled before scenarios had them, from the shipped seed of exactly that name.
 */
function chineseLabels(name: string, meta: Scenario | undefined): { nameZh?: string; descriptionZh?: string } {
  if (meta?.nameZh || meta?.descriptionZh) return zhFields(meta);
  const seed = loadSeedScenarios().find((s) => s.name === name);
  return seed ? zhFields(seed) : {};
}

/** A scenario's correlations: the workbook's record of it, else (no record) the shipped scenario of exactly that name. */
function correlationsOf(name: string, meta: Scenario | undefined): Pick<Scenario, 'correlations'> {
  const correlations = meta ? meta.correlations : loadSeedScenarios().find((s) => s.name === name)?.correlations;
  return correlations?.length ? { correlations } : {};
}

/**
 * The metadata with its overrides left out: the sheet's cells hold the overrides, and an override
 * of one of the user's figures (a MyFigures id) cannot be checked without the user's tables.
 */
function withoutOverrides(meta: unknown): unknown {
  const scenarios = (meta as { scenarios?: unknown } | null)?.scenarios;
  if (!Array.isArray(scenarios)) return meta;
  return { ...(meta as object), scenarios: scenarios.map((s: unknown) => (s && typeof s === 'object' ? { ...s, overrides: {} } : s)) };
}

/**
 * Reads the Scenarios sheet as the user left it: names from the names row above the table (any
 * text, even 'Label' or 'In use'), overrides from the cells (blank = as baseline), the active name
 * from B1; descriptions and authors from the setting. Rows or columns that no longer parse are
 * skipped rather than guessed at.
 */
export function readScenarioTable(values: readonly (readonly unknown[])[], meta: unknown): { scenarios: Scenario[]; activeScenario?: string; activeScenarioCell: unknown } {
  const names = scenarioNames(values);
  let known: Scenario[] = [];
  try {
    known = meta === undefined ? [] : parseScenarioFile(withoutOverrides(typeof meta === 'string' ? JSON.parse(meta) : meta), 'workbook scenarios');
  } catch {
    known = []; // metadata that no longer validates is dropped; the sheet's numbers still count
  }
  const scenarios = names.map((name, k): Scenario => {
    const overrides = new Map<string, number>();
    for (const row of values.slice(HEADER_ROW_INDEX + 1)) {
      const id = row[0];
      const v = row[ARTICLE_COLUMN_INDEX + 1 + k];
      if (typeof id === 'string' && typeof v === 'number') overrides.set(id, v);
    }
    const meta = known.find((s) => s.name === name);
    // correlations have no cells: they ride in the metadata setting, like the descriptions; without
    // a record (a file read outside Excel, a workbook filled before the setting) a shipped scenario's
    // own, found by exactly its name as its Chinese labels are
    return {
      name,
      ...chineseLabels(name, meta),
      description: meta?.description ?? '',
      author: meta?.author ?? '',
      createdAt: meta?.createdAt ?? '',
      updatedAt: meta?.updatedAt ?? '',
      overrides,
      ...correlationsOf(name, meta),
    };
  });
  const rowIndex = Number(ACTIVE_SCENARIO_ADDRESS.address.slice(1)) - 1;
  const active = values[rowIndex]?.[1];
  // Matched as the sheet's own MATCH(…, 0) matches it: case-insensitive ("high" is "High").
  const named = typeof active === 'string' ? scenarioNamed(active, scenarios) : undefined;
  const activeScenario = named === undefined ? undefined : named === BASELINE_NAME ? BASELINE_NAME : named.name;
  return { scenarios, ...(activeScenario ? { activeScenario } : {}), activeScenarioCell: active };
}
