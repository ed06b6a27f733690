/**
 * A scenario's correlations as they apply to one claim: only its pairs between the claim's own
 * drawn inputs. One rule for the CLI (`stress … --scenario NAME`, or a `--workbook`'s active
 * scenario) and the task pane (the active scenario), so both run the same correlated Monte Carlo.
 * The scenario is looked up among the scenarios in use (a workbook's, else the shipped ones),
 * case-insensitively as the Scenarios sheet's MATCH finds it.
 */
import { BASELINE_NAME, loadSeedScenarios, type Scenario } from '../scenarios/index.js';
import { stressModelFor, type ValuesOption } from './claims.js';
import type { CorrelationPair } from './user-correlation.js';

/** A scenario as a correlation note names it. */
export interface NamedScenario {
  readonly name: string;
  readonly nameZh?: string;
}

const named = (s: Scenario): NamedScenario => ({ name: s.name, ...(s.nameZh ? { nameZh: s.nameZh } : {}) });

/** The scenario of that name among `scenarios` (not the baseline), or undefined. */
function scenarioIn(scenarioName: string | undefined, scenarios: readonly Scenario[]): Scenario | undefined {
  const key = scenarioName?.trim().toLowerCase();
  if (!key || key === BASELINE_NAME.toLowerCase()) return undefined;
  return scenarios.find((s) => s.name.toLowerCase() === key);
}

export function scenarioPairsFor(
  claimId: string,
  scenarioName: string | undefined,
  values: ValuesOption = {},
  scenarios: readonly Scenario[] = loadSeedScenarios(),
): { scenario: NamedScenario; pairs: CorrelationPair[] } | undefined {
  const scenario = scenarioIn(scenarioName, scenarios);
  if (!scenario?.correlations?.length) return undefined;
  const inputs = new Set(stressModelFor(claimId, values.overrides, values.mine).model.inputs.map((i) => i.id));
  const pairs = scenario.correlations.filter((p) => inputs.has(p.a) && inputs.has(p.b)).map(({ a, b, rho }) => ({ a, b, rho }));
  return pairs.length ? { scenario: named(scenario), pairs } : undefined;
}

/**
 * The scenario in use when it states no correlations at all (a scenario made on the Scenarios
 * sheet has only values), so a run under it says its inputs are drawn independently.
 */
export function scenarioWithoutCorrelations(scenarioName: string | undefined, scenarios: readonly Scenario[] = loadSeedScenarios()): NamedScenario | undefined {
  const scenario = scenarioIn(scenarioName, scenarios);
  return scenario && !scenario.correlations?.length ? named(scenario) : undefined;
}
