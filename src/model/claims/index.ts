export { VERDICTS, COMPARES, ClaimSchema, CheckSchema, type Verdict, type ClaimRecord, type Check } from './schema.js';
export { loadClaims, getClaim, parseClaimCatalogue, type Claim, type CompiledCheck, type ClaimSet } from './catalogue.js';
export {
  auditAll,
  auditClaim,
  auditClaimById,
  makeLookup,
  verdictOf,
  type ClaimAudit,
  type CheckResult,
  type Margin,
  type Overrides,
} from './audit.js';
export { CLAIM_DIALECT, NATIVE_DIALECT, nativeDialect, FLOAT_SLACK, checkConditionFormula, claimFormula, nativeFormula, nativeVerdictFormula } from './formulas.js';
export { formatValue, formatQuantity, type Lang } from './format.js';
export { describeMargin, describeMarginIn } from './margins.js';
export { renderReason, type Reason, type Comparison, type Quantity, type Bilingual } from './reasons.js';
export { claimVectorModel, stressInputsOf, type ClaimVectorModel, type OtherFigureUnit } from './vector.js';
