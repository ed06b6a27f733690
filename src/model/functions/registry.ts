import { CHANGE_SPECS } from './specs/change.js';
import { CURRENCY_SPECS } from './specs/currency.js';
import { DATE_SPECS } from './specs/dates.js';
import { FISCAL_SPECS } from './specs/fiscal.js';
import { GOLD_SPECS } from './specs/gold.js';
import { TARIFF_SPECS } from './specs/tariff.js';
import type { FunctionSpec } from './types.js';

/**
 * The arithmetic CLAIM.* functions: pure numbers in, a number out, each with a native equivalent.
 * Claims are written with these, so this layer sits below the claims; the functions that read
 * the catalogues (FIGURE, CHECK, BREAKEVEN, PROB_HOLDS) are assembled above it in `model/registry`.
 */
export const ARITHMETIC_FUNCTIONS: readonly FunctionSpec[] = [...TARIFF_SPECS, ...CHANGE_SPECS, ...CURRENCY_SPECS, ...GOLD_SPECS, ...DATE_SPECS, ...FISCAL_SPECS];

const BY_NAME = new Map(ARITHMETIC_FUNCTIONS.map((f) => [f.name, f]));

/** Strips the `CLAIM.` namespace and upper-cases: the key both registries use. */
export function functionKey(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CLAIM.') ? upper.slice('CLAIM.'.length) : upper;
}

/** An arithmetic function by name, case-insensitive, with or without `CLAIM.`; undefined if unknown. */
export function getArithmeticFunction(name: string): FunctionSpec | undefined {
  return BY_NAME.get(functionKey(name));
}
