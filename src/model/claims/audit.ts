import type { UnitId } from '../units/index.js';

import { getClaim, loadClaims, type Claim, type CompiledCheck } from './catalogue.js';
import { differenceUnit, toDifferenceUnit } from './format.js';
import { decide, evaluate, makeLookup, runCheck, type CheckResult, type Overrides } from './checks.js';
import { claimFormula, nativeFormula } from './formulas.js';
import { marginsOf, type Margin } from './margins.js';
import { renderReason, type Bilingual, type Comparison, type Quantity, type Reason } from './reasons.js';
import type { Verdict } from './schema.js';

export { makeLookup, verdictOf, type CheckResult, type Overrides } from './checks.js';
export type { Margin } from './margins.js';

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
  /** True when the claim's expression only reads one figure of the article: nothing is recomputed. */
  readonly echoesFigure: boolean;
  /** What the article states for this claim (a figure of the article), or null when it states no number to compare. */
  readonly stated: number | null;
  /** The value of the claim's expression. */
  readonly recomputed: number | null;
  /** The deciding check's comparison value when it is not the article's: a published figure or a fixed bound. */
  readonly bound: number | null;
  readonly boundHigh: number | null;
  /** 0-based index of the check that decided the verdict, null when none could. */
  readonly decidedBy: number | null;
  /** The deciding check's value minus what it was compared with, in `differenceUnit` (points for percentages, days for dates). */
  readonly difference: number | null;
  readonly tolerance: number | null;
  readonly differenceUnit: UnitId;
  readonly verdict: Verdict;
  /** The reason as data; `reason` and `reasonZh` are it rendered in English and Chinese. */
  readonly reasonData: Reason;
  readonly reason: string;
  readonly reasonZh: string;
  readonly checks: readonly CheckResult[];
  readonly margins: readonly Margin[];
  readonly needsEn?: string;
  readonly needsZh?: string;
}

/** value − stated for one-sided and approximate checks; the distance outside the range for a failing range check. */
function signedDifference(r: CheckResult): number | null {
  if (r.value === null || r.stated === null) return null;
  if (r.compare !== 'between') return r.value - r.stated;
  if (r.holds) return null;
  return r.value <= r.stated ? r.value - r.stated : r.value - (r.statedHigh ?? r.value);
}

function comparisonOf(check: CompiledCheck, r: CheckResult, unit: UnitId): Comparison {
  const q = (value: number): Quantity => ({ value, unit });
  const diffUnit = differenceUnit(unit);
  const diff = signedDifference(r);
  return {
    compare: check.compare,
    holds: r.holds === true,
    subject: check.subject,
    value: q(r.value!),
    against: check.against,
    stated: q(r.stated!),
    statedHigh: r.statedHigh === null ? null : q(r.statedHigh),
    exclusiveLow: check.exclusiveLow === true,
    difference: diff === null ? null : { value: toDifferenceUnit(diff, unit), unit: diffUnit },
    tolerance: check.compare === 'approx' ? { value: toDifferenceUnit(r.tolerance, unit), unit: diffUnit } : null,
    scope: check.scope,
  };
}

function reasonOf(claim: Claim, checks: readonly CheckResult[], verdict: Verdict, decisive: number | null, recomputed: { value: number | null; error?: string }): Reason {
  const recomputedQ = recomputed.value === null ? null : { value: recomputed.value, unit: claim.unit };
  const compiled = claim.compiledChecks;
  const explained = checks.flatMap((c, i) => (c.role === 'explains' && c.holds && compiled[i]!.finding ? [compiled[i]!.finding!] : []));
  if (decisive === null) {
    return { code: 'needsData', recomputed: recomputedQ, subject: claim.echoesFigure ? 'article' : 'recomputed', needs: claim.needs!, findings: explained };
  }
  const failed = checks.find((c) => c.role === 'decides' && c.holds === null);
  if (recomputed.error || failed) return { code: 'notComputable', error: recomputed.error ?? failed!.error ?? 'no value', recomputed: recomputedQ };
  const passed = verdict === 'consistent' ? [] : checks.slice(0, decisive).flatMap((c, i) => (c.role === 'decides' ? [comparisonOf(compiled[i]!, c, claim.unit)] : []));
  const findings: Bilingual[] = [];
  const decisiveCheck = compiled[decisive]!;
  if (!checks[decisive]!.holds && decisiveCheck.finding) findings.push(decisiveCheck.finding);
  findings.push(...explained);
  return { code: 'compared', verdict, decisive: comparisonOf(decisiveCheck, checks[decisive]!, claim.unit), passed, findings };
}

/** What the article states for the claim: the deciding check's article figure, the figure the claim reads, or any article-side check. */
function statedOf(claim: Claim, checks: readonly CheckResult[], decisive: number | null, recomputed: number | null): number | null {
  if (decisive !== null && checks[decisive]!.against === 'article') return checks[decisive]!.stated;
  if (claim.echoesFigure) return recomputed;
  return checks.find((c) => c.against === 'article')?.stated ?? null;
}

/** Audits one claim: recomputation, every check, the verdict, its reason and the margins to flip. */
export function auditClaim(claim: Claim, overrides?: Overrides, options: { margins?: boolean } = {}): ClaimAudit {
  const lookup = makeLookup(overrides);
  const recomputed = evaluate(claim.recomputeExpr, lookup);
  const checks = claim.compiledChecks.map((c) => runCheck(c, lookup));
  const { verdict, decisive } = decide(checks, recomputed.error);
  const deciding = decisive === null ? undefined : checks[decisive];
  const reasonData = reasonOf(claim, checks, verdict, decisive, recomputed);
  const comparison = reasonData.code === 'compared' ? reasonData.decisive : null;
  const againstRecord = deciding && deciding.against !== 'article';
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
    echoesFigure: claim.echoesFigure,
    stated: statedOf(claim, checks, decisive, recomputed.value),
    recomputed: recomputed.value,
    bound: againstRecord ? deciding.stated : null,
    boundHigh: againstRecord ? deciding.statedHigh : null,
    decidedBy: decisive,
    difference: comparison?.difference?.value ?? null,
    tolerance: comparison?.tolerance?.value ?? null,
    differenceUnit: differenceUnit(claim.unit),
    verdict,
    reasonData,
    reason: renderReason(reasonData, 'en'),
    reasonZh: renderReason(reasonData, 'zh'),
    checks,
    margins: options.margins === false ? [] : marginsOf(claim, lookup, verdict),
    ...(claim.needs ? { needsEn: claim.needs.en, needsZh: claim.needs.zh } : {}),
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
