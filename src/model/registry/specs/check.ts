import { auditClaim, describeMargin, describeMarginIn, getClaim, type ClaimAudit } from '../../claims/index.js';
import { isDomainError, noValueError, unknownClaimError } from '../../functions/errors.js';
import type { DomainError, FunctionResult } from '../../functions/types.js';
import { defineLookup, valuesParam } from '../../functions/specs/helpers.js';
import { overridesFromValuesArg } from '../values-arg.js';

const orNone = (audit: ClaimAudit, field: string, v: number | null): FunctionResult => (v === null ? noValueError(audit.id, field) : v);

// Excel recalculates a cell often; an audit (margins included) is pure in its claim and values.
const audits = new Map<string, ClaimAudit>();

/** The audit of a claim at the values given (none: the article's), or #VALUE! for a bad values range. */
function auditAt(id: string, cells: readonly (readonly unknown[])[]): ClaimAudit | DomainError | undefined {
  const claim = getClaim(id);
  if (!claim) return undefined;
  const values = overridesFromValuesArg(cells);
  if (isDomainError(values)) return values;
  const key = `${claim.id}|${values.key}`;
  let audit = audits.get(key);
  if (!audit) {
    audit = auditClaim(claim, values.overrides);
    if (audits.size > 500) audits.clear();
    audits.set(key, audit);
  }
  return audit;
}

/**
 * A claim's audit in a cell: at the article's values, or with `values` (a range of figure ids and
 * values, such as FIGURES_IN_USE) at the workbook's, recalculating whenever one of them changes.
 */
export const CHECK = defineLookup({
  name: 'CHECK',
  descriptionEn: "A claim's audit: its recomputed value, or with field its verdict, reason, stated value, difference, tolerance or margin to flip; at the article's values, or at those in values.",
  descriptionZh: '审计一条论断：返回重算值，或按 field 返回判定、理由、文中数值、差值、容差或翻转余量；按文章数值，或按 values 中的数值。',
  idHelpEn: 'Claim id as listed in the Claims sheet, e.g. BRICS_OCT_PARTS.',
  idHelpZh: '论断编号，见“Claims”工作表，如 BRICS_OCT_PARTS。',
  params: [valuesParam()],
  find: auditAt as (id: string, ...rest: never[]) => ClaimAudit | DomainError | undefined,
  unknown: unknownClaimError,
  answers: {
    value: (a) => orNone(a, 'value', a.recomputed),
    verdict: (a) => a.verdict,
    reason: (a) => a.reason,
    reason_zh: (a) => a.reasonZh,
    stated: (a) => orNone(a, 'stated', a.stated),
    difference: (a) => orNone(a, 'difference', a.difference),
    tolerance: (a) => orNone(a, 'tolerance', a.tolerance),
    margin: (a) => a.margins.map((m) => describeMargin(m)).join('; '),
    margin_zh: (a) => a.margins.map((m) => describeMarginIn(m, 'zh')).join('；'),
  },
  examples: [
    { args: ['BRICS_OCT_PARTS', 'verdict'], result: 'consistent', noteEn: "India's, Brazil's and China's October cuts add up to the stated total." },
    { args: ['TARIFF_IMPLIED_BASE'], result: 1056, noteEn: 'The chip flow the revenue goal needs at a 25% rate, in USD bn.' },
    {
      args: ['TARIFF_IMPLIED_BASE', 'value', [['AI_CHIP_TARIFF_RATE', 0.3]]],
      result: 880,
      noteEn: 'At a 30% rate (a values range: ids first, values last; FIGURES_IN_USE in a filled workbook) the implied flow is 880 bn.',
    },
    { args: ['NO_SUCH_CLAIM'], result: '#N/A', noteEn: 'Unknown claim ids answer #N/A.' },
    { args: ['BRICS_OCT_PARTS', 'colour'], result: '#VALUE!', noteEn: 'Unknown fields answer #VALUE!.' },
  ],
});

/** The fields CHECK can answer. */
export const CHECK_FIELDS = CHECK.fields;

export const CHECK_SPECS = [CHECK] as const;
