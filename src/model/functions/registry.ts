import { CHANGE_SPECS } from './specs/change.js';
import { CURRENCY_SPECS } from './specs/currency.js';
import { DATE_SPECS } from './specs/dates.js';
import { FISCAL_SPECS } from './specs/fiscal.js';
import { GOLD_SPECS } from './specs/gold.js';
import { LOOKUP_SPECS } from './specs/lookup.js';
import { CHECK_SPECS } from './specs/check.js';
import { STRESS_SPECS } from './specs/stress.js';
import { TARIFF_SPECS } from './specs/tariff.js';
import { claimsServedBy } from '../claims/served.js';
import type { FunctionSpec } from './types.js';

/**
 * Every CLAIM.* function, in the order docs and functions.ts list them.
 * Adding a function = adding a spec file under specs/ and one spread line here.
 */
export const FUNCTIONS: readonly FunctionSpec[] = [
  ...TARIFF_SPECS,
  ...CHANGE_SPECS,
  ...CURRENCY_SPECS,
  ...GOLD_SPECS,
  ...DATE_SPECS,
  ...FISCAL_SPECS,
  ...LOOKUP_SPECS,
  ...CHECK_SPECS,
  ...STRESS_SPECS,
];

// The claims a function serves are read off the claim catalogue (lazily: the catalogue itself
// needs this registry), so the two can never disagree.
for (const spec of FUNCTIONS) {
  Object.defineProperty(spec, 'claims', { get: () => claimsServedBy(spec.name), enumerable: true, configurable: true });
}

export const FUNCTION_NAMES: readonly string[] = FUNCTIONS.map((f) => f.name);

const BY_NAME = new Map(FUNCTIONS.map((f) => [f.name, f]));

/** A function by name, case-insensitive, with or without the `CLAIM.` namespace; undefined if unknown. */
export function getFunction(name: string): FunctionSpec | undefined {
  const upper = name.trim().toUpperCase();
  return BY_NAME.get(upper.startsWith('CLAIM.') ? upper.slice('CLAIM.'.length) : upper);
}
