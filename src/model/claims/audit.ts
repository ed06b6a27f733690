import { evaluateExpr, type Lookup } from '../expr/index.js';
import { figureValue, getFigure } from '../figures/index.js';
import type { DomainError } from '../functions/types.js';
import { getReference, referenceValue } from '../references/index.js';

import { getClaim, loadClaims, type Claim, type CompiledCheck } from './catalogue.js';
import { fillTemplate, formatValue } from './format.js';
import { claimFormula, FLOAT_SLACK, nativeFormula } from './formulas.js';
import { REASONS } from './reasons.js';
import type { Verdict } from './schema.js';

/** Figure values that replace the article's (a scenario, an edited cell, a stress sample). */
export type Overrides = ReadonlyMap<string, number>;

export interface CheckResult {
  readonly scope: 'article' | 'reference';
  readonly compare: CompiledCheck['compare'];
  readonly value: number | null;
  readonly stated: number | null;
  readonly statedHigh: number | null;
  readonly tolerance: number;
  readonly toleranceWhy: string;
  /** null when the check could not be computed (an Excel error in its inputs). */
  readonly holds: boolean | null;
  readonly onFail: 'inconsistent' | 'implausible';
  readonly error?: string;
}

/** How far one figure may move (relative, 0.031 = 3.1%) before the verdict changes; null = not within ±1000%. */
export interface Margin {
  readonly figure: string;
  readonly up: number | null;
  readonly down: number | null;
}

export interface ClaimAudit {
  readonly id: string;
  readonly paragraphs: readonly number[];
  readonly statementEn: string;
  readonly statementZh: string;
  readonly unit: Claim['unit'];
  readonly figures: readonly string[];
  readonly references: readonly string[];
  /** The recomputation as a CLAIM.* formula and as a native Excel formula. */
  readonly formula: string;
  readonly nativeFormula: string;
  readonly stated: number | null;
  readonly recomputed: number | null;
  readonly difference: number | null;
  readonly tolerance: number | null;
  readonly verdict: Verdict;
  readonly reason: string;
  readonly reasonZh: string;
  readonly checks: readonly CheckResult[];
  readonly margins: readonly Margin[];
  readonly needsEn?: string;
  readonly needsZh?: string;
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

function evaluate(expr: CompiledCheck['valueExpr'], lookup: Lookup): { value: number | null; error?: string } {
  const v = evaluateExpr(expr, lookup);
  return isError(v) ? { value: null, error: `${v.code} ${v.message}` } : { value: v };
}

function runCheck(check: CompiledCheck, lookup: Lookup): CheckResult {
  const value = evaluate(check.valueExpr, lookup);
  const stated = evaluate(check.statedExpr, lookup);
  const high = check.statedHighExpr ? evaluate(check.statedHighExpr, lookup) : { value: null };
  const tolerance = check.tolerance ?? 0;
  const base = { scope: check.scope, compare: check.compare, tolerance, toleranceWhy: check.toleranceWhy, onFail: check.onFail };
  const error = value.error ?? stated.error ?? high.error;
  if (error || value.value === null || stated.value === null) {
    return { ...base, value: value.value, stated: stated.value, statedHigh: high.value, holds: null, error: error ?? 'no value' };
  }
  const v = value.value;
  const s = stated.value;
  let holds: boolean;
  switch (check.compare) {
    case 'approx':
      holds = Math.abs(v - s) <= tolerance + FLOAT_SLACK * Math.max(1, Math.abs(s));
      break;
    case 'atLeast':
      holds = v >= s;
      break;
    case 'atMost':
      holds = v <= s;
      break;
    case 'between':
      holds = (check.exclusiveLow ? v > s : v >= s) && high.value !== null && v <= high.value;
      break;
  }
  return { ...base, value: v, stated: s, statedHigh: high.value, holds };
}

/** The verdict and the check that decided it: the first failing check, else the first check. */
function decide(claim: Claim, checks: readonly CheckResult[], recomputeError: string | undefined): { verdict: Verdict; decisive?: CheckResult } {
  if (recomputeError || checks.length === 0) return { verdict: 'unverifiable', decisive: checks[0] };
  for (const check of checks) {
    if (check.holds === null) return { verdict: 'unverifiable', decisive: check };
    if (!check.holds) return { verdict: check.onFail, decisive: check };
  }
  return { verdict: 'consistent', decisive: checks[0] };
}

/** Verdict only, for margin searches and stress samples. */
export function verdictOf(claim: Claim, lookup: Lookup): Verdict {
  const recomputed = evaluate(claim.recomputeExpr, lookup);
  return decide(claim, claim.compiledChecks.map((c) => runCheck(c, lookup)), recomputed.error).verdict;
}

function excessOf(check: CheckResult): number {
  const v = check.value ?? 0;
  const s = check.stated ?? 0;
  switch (check.compare) {
    case 'approx':
      return Math.max(0, Math.abs(v - s) - check.tolerance);
    case 'atLeast':
      return s - v;
    case 'atMost':
      return v - s;
    case 'between':
      return v < s ? s - v : v - (check.statedHigh ?? v);
  }
}

/**
 * The signed distances of each check from its boundaries (value − stated ∓ tolerance, value − bound):
 * a verdict can only change where one of them changes sign, which a coarse scan can see even when
 * the region of the other verdict is narrower than a scan step (an inconsistent sum that becomes
 * consistent only within ±0.2).
 */
function boundaryDistances(claim: Claim, lookup: Lookup): number[] {
  return claim.compiledChecks.flatMap((check) => {
    const r = runCheck(check, lookup);
    if (r.value === null || r.stated === null) return [Number.NaN];
    switch (check.compare) {
      case 'approx':
        return [r.value - r.stated - r.tolerance, r.value - r.stated + r.tolerance];
      case 'atLeast':
      case 'atMost':
        return [r.value - r.stated];
      case 'between':
        return [r.value - r.stated, r.value - (r.statedHigh ?? Number.NaN)];
    }
  });
}

/** Smallest d in (lo, hi] where `changed(d)` holds, given it holds at hi and not at lo (bisection). */
function firstChange(lo: number, hi: number, changed: (d: number) => boolean): number {
  for (let i = 0; i < 60 && hi - lo > 1e-9 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (changed(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Relative move of `figure` (0.031 = 3.1%) that first changes the verdict: scanned outward on a
 * geometric grid up to ±1000%, each step watching both the verdict and every check boundary, then
 * bisected. Null when no move within the range changes it.
 */
function marginFor(claim: Claim, figure: string, baseLookup: Lookup, baseVerdict: Verdict, direction: 1 | -1): number | null {
  const base = baseLookup(figure);
  if (base === undefined || base === 0) return null;
  const lookupAt = (delta: number): Lookup => (id) => (id === figure ? base * (1 + direction * delta) : baseLookup(id));
  const flips = (delta: number): boolean => verdictOf(claim, lookupAt(delta)) !== baseVerdict;
  let previous = 0;
  let previousDistances = boundaryDistances(claim, lookupAt(0));
  for (let delta = 1e-4; delta <= 10; delta *= 1.5) {
    if (flips(delta)) return direction * firstChange(previous, delta, flips);
    const distances = boundaryDistances(claim, lookupAt(delta));
    for (let i = 0; i < distances.length; i++) {
      const before = previousDistances[i]!;
      const after = distances[i]!;
      if (!Number.isFinite(before) || !Number.isFinite(after) || Math.sign(before) === Math.sign(after)) continue;
      // A boundary was crossed inside this step without the verdict differing at its ends: find the
      // crossing and see whether the verdict differs just past it (a window of the other verdict).
      const crossing = firstChange(previous, delta, (d) => Math.sign(boundaryDistances(claim, lookupAt(d))[i]!) !== Math.sign(before));
      const past = crossing * (1 + 1e-7);
      if (flips(past)) return direction * past;
    }
    previous = delta;
    previousDistances = distances;
  }
  return null;
}

function marginsOf(claim: Claim, lookup: Lookup, verdict: Verdict): Margin[] {
  if (claim.compiledChecks.length === 0) return [];
  return claim.figures
    .filter((id) => getFigure(id)?.unit !== 'date')
    .map((figure) => ({
      figure,
      up: marginFor(claim, figure, lookup, verdict, 1),
      down: marginFor(claim, figure, lookup, verdict, -1),
    }));
}

/** Audits one claim: recomputation, every check, the verdict, its reason and the margins to flip. */
export function auditClaim(claim: Claim, overrides?: Overrides, options: { margins?: boolean } = {}): ClaimAudit {
  const lookup = makeLookup(overrides);
  const recomputed = evaluate(claim.recomputeExpr, lookup);
  const checks = claim.compiledChecks.map((c) => runCheck(c, lookup));
  const { verdict, decisive } = decide(claim, checks, recomputed.error);
  const difference = decisive?.value != null && decisive.stated != null ? decisive.value - decisive.stated : null;
  const fmt = (v: number | null): string => formatValue(v, claim.unit);
  const fmtAbs = (v: number | null): string => (v === null ? 'n/a' : claim.unit === 'date' ? `${Math.abs(v)} days` : formatValue(Math.abs(v), claim.unit));
  const values = {
    // The decisive check's value: for most claims the recomputation, for some a reference-side ratio.
    recomputed: fmt(decisive?.value ?? recomputed.value),
    stated: fmt(decisive?.stated ?? null),
    statedHigh: fmt(decisive?.statedHigh ?? null),
    difference: fmtAbs(difference),
    tolerance: fmtAbs(decisive?.tolerance ?? null),
    excess: decisive ? fmtAbs(excessOf(decisive)) : 'n/a',
    scope: decisive?.scope ?? 'article',
    needs: claim.needsEn ?? (recomputed.error ? `inputs without errors (${recomputed.error})` : 'more data'),
  };
  const template = claim.reasons?.[verdict] ?? REASONS[verdict][decisive?.compare ?? 'none'];
  const zhValues = { ...values, scope: values.scope === 'article' ? '文内' : '参考数据', needs: claim.needsZh ?? values.needs };
  return {
    id: claim.id,
    paragraphs: claim.paragraphs,
    statementEn: claim.statementEn,
    statementZh: claim.statementZh,
    unit: claim.unit,
    figures: claim.figures,
    references: claim.references,
    formula: claimFormula(claim.recomputeExpr),
    nativeFormula: nativeFormula(claim.recomputeExpr),
    stated: decisive?.stated ?? null,
    recomputed: recomputed.value,
    difference,
    tolerance: decisive ? decisive.tolerance : null,
    verdict,
    reason: fillTemplate(template.en, values),
    reasonZh: fillTemplate(template.zh, zhValues),
    checks,
    margins: options.margins === false ? [] : marginsOf(claim, lookup, verdict),
    ...(claim.needsEn ? { needsEn: claim.needsEn, needsZh: claim.needsZh } : {}),
  };
}

/** Audits every claim of the catalogue, under optional figure overrides. */
export function auditAll(overrides?: Overrides, options: { margins?: boolean } = {}): ClaimAudit[] {
  return loadClaims().claims.map((c) => auditClaim(c, overrides, options));
}

/** Audits one claim by id, or undefined when there is no such claim. */
export function auditClaimById(id: string, overrides?: Overrides): ClaimAudit | undefined {
  const claim = getClaim(id);
  return claim ? auditClaim(claim, overrides) : undefined;
}

/** "holds until CN_UST_HOLDINGS moves by more than +3.1% or −2.0%" */
export function describeMargin(margin: Margin): string {
  const pct = (v: number): string => `${v > 0 ? '+' : '−'}${formatValue(Math.abs(v), 'percent')}`;
  const parts = [margin.up, margin.down].filter((v): v is number => v !== null).map(pct);
  return parts.length ? `${margin.figure} moves by ${parts.join(' or ')}` : `${margin.figure} cannot flip it within ±1000%`;
}


