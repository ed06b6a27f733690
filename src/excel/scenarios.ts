import { BASELINE_NAME, parseScenarioFile, type Scenario } from '../model/scenarios/index.js';
import { scenarioNamed } from '../model/values/index.js';
import { ACTIVE_SCENARIO_ADDRESS } from '../plan/index.js';

/** Workbook setting holding the scenario set's metadata (descriptions, authors, timestamps) as exported JSON. */
export const SCENARIOS_SETTING = 'claimcell.scenarios';

const HEADER_ROW_INDEX = 3; // row 4 of the Scenarios sheet, 0-based
const ARTICLE_COLUMN_INDEX = 2; // column C
const IN_USE_HEADER = 'In use';

/**
 * Reads the Scenarios sheet as the user left it: names from the header row, overrides from the
 * cells (blank = as baseline), the active name from B1; descriptions and authors from the setting.
 * Rows or columns that no longer parse are skipped rather than guessed at.
 */
export function readScenarioTable(values: readonly (readonly unknown[])[], meta: unknown): { scenarios: Scenario[]; activeScenario?: string; activeScenarioCell: unknown } {
  const header = values[HEADER_ROW_INDEX] ?? [];
  const names: string[] = [];
  for (let c = ARTICLE_COLUMN_INDEX + 1; c < header.length; c++) {
    const name = header[c];
    if (name === IN_USE_HEADER || typeof name !== 'string' || !name) break;
    names.push(name);
  }
  let known: Scenario[] = [];
  try {
    known = meta === undefined ? [] : parseScenarioFile(typeof meta === 'string' ? JSON.parse(meta) : meta, 'workbook scenarios');
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
    return { name, description: meta?.description ?? '', author: meta?.author ?? '', createdAt: meta?.createdAt ?? '', updatedAt: meta?.updatedAt ?? '', overrides };
  });
  const rowIndex = Number(ACTIVE_SCENARIO_ADDRESS.address.slice(1)) - 1;
  const active = values[rowIndex]?.[1];
  // Matched as the sheet's own MATCH(…, 0) matches it: case-insensitive ("high" is "High").
  const named = typeof active === 'string' ? scenarioNamed(active, scenarios) : undefined;
  const activeScenario = named === undefined ? undefined : named === BASELINE_NAME ? BASELINE_NAME : named.name;
  return { scenarios, ...(activeScenario ? { activeScenario } : {}), activeScenarioCell: active };
}
