import type { DomainError, FunctionExample, FunctionResult } from '../../../src/model/registry/index.js';
import { isDomainError } from '../../../src/model/registry/index.js';

export const ERROR_CODES = ['#VALUE!', '#NUM!', '#DIV/0!', '#N/A'] as const;

/** Within 1e-9 relative (absolute near 0). */
export function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

function cellMatches(actual: number | string | DomainError | undefined, expected: unknown): boolean {
  if (typeof expected === 'number') return typeof actual === 'number' && close(actual, expected);
  if (typeof expected === 'string' && expected.startsWith('#')) return isDomainError(actual) && actual.code === expected;
  return actual === expected;
}

/** Whether a runner result matches an example's expected result (numbers within 1e-9 relative). */
export function matchesExample(actual: FunctionResult, expected: FunctionExample['result']): boolean {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    return expected.every((row: readonly unknown[], i) => {
      const got = actual[i]!;
      return got.length === row.length && row.every((cell, j) => cellMatches(got[j], cell));
    });
  }
  return cellMatches(actual as number | string | DomainError, expected);
}
