import { evaluateExpr, type Lookup } from '../expr/index.js';
import { figureValue, getFigure } from '../figures/index.js';
import type { DomainError } from '../functions/types.js';
import { getReference, referenceValue } from '../references/index.js';

import type { Claim, CompiledCheck } from './catalogue.js';
import { FLOAT_SLACK } from './formulas.js';
import type { Verdict } from './schema.js';

/** Figure values that replace the article's (a scenario, an edited cell, a stress sample). */
export type Overrides = ReadonlyMap<string, number>;

export interface CheckResult {
  readonly scope: 'article' | 'reference';
  readonly role: CompiledCheck['role'];
  readonly compare: CompiledCheck['compare'];
  readonly against: CompiledCheck['against'];
  readonly value: number | null;
  readonly stated: number | null;
  readonly statedHigh: number | null;
  readonly tolerance: number;
  readonly toleranceWhy: string;
  readonly toleranceWhyZh: string;
  /** null when the check could not be computed (an Excel error in its inputs). */
  readonly holds: boolean | null;
  readonly onFail: 'inconsistent' | 'implausible';
  readonly error?: string;
}

const isError = (v: number | DomainError): v is DomainError => typeof v === 'object';

/** Figure values (with overrides), then reference values. */
export function makeLookup(overrides?: Overrides): Lookup {
  return (id) => {
    const override = overrides?.get(id);
    if (override !== undefined) return override;
    const figure = getFigure(id);
    if (figure) return figureValue(figure);
    const reference = getReference(id);
    return reference ? referenceValue(reference) : undefined;
  };
}

export function evaluate(expr: CompiledCheck['valueExpr'], lookup: Lookup): { value: number | null; error?: string } {
  const v = evaluateExpr(expr, lookup);
  return isError(v) ? { value: null, error: `${v.code} ${v.message}` } : { value: v };
}

/** The tolerance an approximate check allows around `stated`, float slack included: one rule for the audit and the stress models. */
export function allowedTolerance(check: Pick<CompiledCheck, 'tolerance'>, stated: number): number {
  return (check.tolerance ?? 0) + FLOAT_SLACK * Math.max(1, Math.abs(stated));
}

/** Whether a check holds for value `v` against `stated` (and `high` for a range): the one comparison rule. */
export function checkHolds(check: Pick<CompiledCheck, 'compare' | 'tolerance' | 'exclusiveLow'>, v: number, stated: number, high: number | null): boolean {
  switch (check.compare) {
    case 'approx':
      return Math.abs(v - stated) <= allowedTolerance(check, stated);
    case 'atLeast':
      return v >= stated;
    case 'atMost':
      return v <= stated;
    case 'between':
      return (check.exclusiveLow ? v > stated : v >= stated) && high !== null && v <= high;
  }
}

export function runCheck(check: CompiledCheck, lookup: Lookup): CheckResult {
  const value = evaluate(check.valueExpr, lookup);
  const stated = evaluate(check.statedExpr, lookup);
  const high = check.statedHighExpr ? evaluate(check.statedHighExpr, lookup) : { value: null };
  const tolerance = check.tolerance ?? 0;
  const base = { scope: check.scope, role: check.role, compare: check.compare, against: check.against, tolerance, toleranceWhy: check.toleranceWhy, toleranceWhyZh: check.toleranceWhyZh, onFail: check.onFail };
  const error = value.error ?? stated.error ?? high.error;
  if (error || value.value === null || stated.value === null) {
    return { ...base, value: value.value, stated: stated.value, statedHigh: high.value, holds: null, error: error ?? 'no value' };
  }
  return { ...base, value: value.value, stated: stated.value, statedHigh: high.value, holds: checkHolds(check, value.value, stated.value, high.value) };
}

/** The verdict and the index of the deciding check: the first deciding check that fails, else the first deciding check. */
export function decide(checks: readonly CheckResult[], recomputeError: string | undefined): { verdict: Verdict; decisive: number | null } {
  const deciding = checks.map((c, i) => [c, i] as const).filter(([c]) => c.role === 'decides');
  if (deciding.length === 0) return { verdict: 'unverifiable', decisive: null };
  if (recomputeError) return { verdict: 'unverifiable', decisive: deciding[0]![1] };
  for (const [check, i] of deciding) {
    if (check.holds === null) return { verdict: 'unverifiable', decisive: i };
    if (!check.holds) return { verdict: check.onFail, decisive: i };
  }
  return { verdict: 'consistent', decisive: deciding[0]![1] };
}

/** Verdict only, for margin searches and stress samples. */
export function verdictOf(claim: Claim, lookup: Lookup): Verdict {
  const recomputed = evaluate(claim.recomputeExpr, lookup);
  return decide(claim.compiledChecks.map((c) => runCheck(c, lookup)), recomputed.error).verdict;
}

