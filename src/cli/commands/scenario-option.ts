import type { Overrides } from '../../model/claims/index.js';
import { BASELINE_NAME, findSeedScenario, loadSeedScenarios } from '../../model/scenarios/index.js';
import { UsageError } from '../command.js';

/** Figure overrides for `--scenario NAME` (a shipped scenario; `Article` is the baseline). */
export function scenarioOverrides(name: string | undefined): Overrides | undefined {
  if (name === undefined) return undefined;
  const found = findSeedScenario(name);
  if (found === null) {
    const known = [BASELINE_NAME, ...loadSeedScenarios().map((s) => s.name)].map((n) => `"${n}"`).join(', ');
    throw new UsageError(`unknown scenario "${name}" (known: ${known})`);
  }
  return found?.overrides;
}
