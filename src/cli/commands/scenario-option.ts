import type { Overrides } from '../../model/claims/index.js';
import { UsageError } from '../command.js';

/**
 * Figure overrides for `--scenario NAME`. Until scenarios land, only the baseline exists.
 * Replaced by the scenario catalogue lookup when it arrives.
 */
export function scenarioOverrides(name: string | undefined): Overrides | undefined {
  if (name === undefined || name.toLowerCase() === 'article') return undefined;
  throw new UsageError(`unknown scenario "${name}" (known: Article)`);
}
