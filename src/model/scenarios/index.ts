import seed from '../../../seeds/scenarios.json';
import { parseScenarioFile, type Scenario } from './set.js';
import { BASELINE_NAME } from './schema.js';

export * from './schema.js';
export { parseScenarioFile, toScenarioFile, scenarioDisplayName, scenarioDescription, zhFields, resolveOverride, resolveUserOverride, describeValue, EXCEL_DATE_RANGE, ScenarioError, type Scenario, type OverridableUserFigure } from './set.js';
export * from './edit.js';
export { encodingProblem, parseScenarioText } from './text.js';

let cached: readonly Scenario[] | undefined;

/** The scenarios shipped in seeds/, drawn from the article's own ranges and readings. */
export function loadSeedScenarios(): readonly Scenario[] {
  cached ??= Object.freeze(parseScenarioFile(seed, 'seeds/scenarios.json'));
  return cached;
}

/** Overrides for a scenario name among the seeds (case-insensitive); undefined for the baseline. */
export function findSeedScenario(name: string): Scenario | undefined | null {
  if (name.trim().toLowerCase() === BASELINE_NAME.toLowerCase()) return undefined;
  return loadSeedScenarios().find((s) => s.name.toLowerCase() === name.trim().toLowerCase()) ?? null;
}
