/**
 * A scenario's correlations as they apply to one claim: only its pairs between the claim's own
 * drawn inputs. One rule for the CLI (`stress … --scenario NAME`) and the task pane (the active
 * scenario), so both run the same correlated Monte Carlo.
 */
import { findSeedScenario } from '../scenarios/index.js';
import { stressModelFor, type ValuesOption } from './claims.js';
import type { CorrelationPair } from './user-correlation.js';

export function scenarioPairsFor(claimId: string, scenarioName: string | undefined, values: ValuesOption = {}): { scenario: { name: string; nameZh?: string }; pairs: CorrelationPair[] } | undefined {
  const scenario = scenarioName === undefined ? undefined : findSeedScenario(scenarioName);
  if (!scenario?.correlations?.length) return undefined;
  const inputs = new Set(stressModelFor(claimId, values.overrides, values.mine).model.inputs.map((i) => i.id));
  const pairs = scenario.correlations.filter((p) => inputs.has(p.a) && inputs.has(p.b)).map(({ a, b, rho }) => ({ a, b, rho }));
  return pairs.length ? { scenario: { name: scenario.name, ...(scenario.nameZh ? { nameZh: scenario.nameZh } : {}) }, pairs } : undefined;
}
