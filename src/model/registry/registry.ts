import { claimsServedBy } from '../claims/served.js';
import { ARITHMETIC_FUNCTIONS, functionKey } from '../functions/registry.js';
import type { FunctionSpec } from '../functions/types.js';
import { CHECK_SPECS } from './specs/check.js';
import { FIGURE_SPECS } from './specs/figure.js';
import { STRESS_SPECS } from './specs/stress.js';

/**
 * Every CLAIM.* function, in the order docs and functions.ts list them: the arithmetic functions
 * (below the claims), then the ones that read the catalogues (above them). The top of the model:
 * nothing in `src/model` imports this folder.
 * Adding a function = adding a spec file and one spread line here.
 */
export const FUNCTIONS: readonly FunctionSpec[] = [...ARITHMETIC_FUNCTIONS, ...FIGURE_SPECS, ...CHECK_SPECS, ...STRESS_SPECS].map((spec) => ({
  ...spec,
  // Read off the claim catalogue, so the two can never disagree.
  get claims() {
    return claimsServedBy(spec.name);
  },
}));

export const FUNCTION_NAMES: readonly string[] = FUNCTIONS.map((f) => f.name);

const BY_NAME = new Map(FUNCTIONS.map((f) => [f.name, f]));

/** A function by name, case-insensitive, with or without the `CLAIM.` namespace; undefined if unknown. */
export function getFunction(name: string): FunctionSpec | undefined {
  return BY_NAME.get(functionKey(name));
}
