import {
  BASELINE_NAME,
  loadSeedScenarios,
  parseScenarioText,
  toScenarioFile,
  type OverridableUserFigure,
  type Scenario,
  type ScenarioState,
} from '../model/scenarios/index.js';
import { articlePlan } from '../plan/index.js';
import { fillWorkbook, type FillOptions, type FillResult, type WorkbookState } from './fill.js';
import type { ExcelRun } from './types.js';

/**
 * Fills the workbook with the article's plan, keeping the user's edits and scenarios and
 * recording the scenario metadata beside the sheet. The task pane's "Fill workbook".
 */
export function fillArticle(run: ExcelRun, options: Omit<FillOptions, 'recordScenarios'> & { lang?: 'en' | 'zh' } = {}): Promise<FillResult> {
  return fillWorkbook(run, (state) => articlePlan(state, options.lang ? { lang: options.lang } : {}), {
    ...options,
    recordScenarios: (state) => toScenarioFile(scenarioStateOf(state).scenarios),
  });
}

/** The scenario state a workbook holds (the shipped scenarios when it has none yet). */
export function scenarioStateOf(state: WorkbookState): ScenarioState {
  return { scenarios: state.scenarios ?? loadSeedScenarios(), active: state.activeScenario ?? BASELINE_NAME };
}

/**
 * Applies a scenario edit (create, rename, override, delete…) to what the workbook holds and
 * rewrites it, within the fill's three syncs. Returns the edited state for the task pane.
 */
export async function editScenarios(
  run: ExcelRun,
  edit: (state: ScenarioState) => ScenarioState,
  options: Omit<FillOptions, 'transform' | 'recordScenarios'> = {},
): Promise<{ result: FillResult; state: ScenarioState }> {
  let edited: ScenarioState | undefined;
  const result = await fillArticle(run, {
    ...options,
    transform: (state) => {
      edited = edit(scenarioStateOf(state));
      return { ...state, scenarios: edited.scenarios, activeScenario: edited.active };
    },
  });
  return { result, state: edited! };
}

/**
 * Imports a scenario set from JSON text. The whole file is validated first; any problem rejects
 * it with every message (scenario, figure, field) and the workbook is not touched at all.
 */
export async function importScenarios(
  run: ExcelRun,
  jsonText: string,
  options: Omit<FillOptions, 'transform' | 'recordScenarios'> = {},
  userFigures: readonly OverridableUserFigure[] = [],
): Promise<FillResult> {
  const imported = parseScenarioJson(jsonText, 'scenario file', userFigures);
  const { result } = await editScenarios(run, (state) => ({ scenarios: imported, active: imported.some((s) => s.name === state.active) ? state.active : BASELINE_NAME }), options);
  return result;
}

/** Parses and validates scenario JSON text (the model's one reader: BOM, UTF-16, size), throwing ScenarioError; `userFigures`: MyFigures rows a scenario may override. */
export function parseScenarioJson(jsonText: string, source = 'scenario file', userFigures: readonly OverridableUserFigure[] = []): Scenario[] {
  return parseScenarioText(jsonText, source, userFigures);
}
