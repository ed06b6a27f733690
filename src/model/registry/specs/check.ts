import { auditClaimById, type ClaimAudit } from '../../claims/index.js';
import { noValueError, unknownClaimError } from '../../functions/errors.js';
import type { FunctionResult } from '../../functions/types.js';
import { defineLookup } from '../../functions/specs/helpers.js';

const orNone = (audit: ClaimAudit, field: string, v: number | null): FunctionResult => (v === null ? noValueError(audit.id, field) : v);

/**
 * A claim's audit in a cell. It audits with the article's values (the catalogue), not with cells
 * of the workbook: to recompute from edited cells, use the claim's formula in the Claims sheet.
 */
export const CHECK = defineLookup({
  name: 'CHECK',
  descriptionEn: "A claim's audit at the article's values: its recomputed value, or with field its verdict, reason, stated value, difference or tolerance.",
  descriptionZh: '按文章数值审计一条结论：返回重算值，或按 field 返回判定、理由、文中数值、差值或容差。',
  idHelpEn: 'Claim id as listed in the Claims sheet, e.g. BRICS_OCT_PARTS.',
  idHelpZh: '结论编号，见“Claims”工作表，如 BRICS_OCT_PARTS。',
  find: (id): ClaimAudit | undefined => auditClaimById(id),
  unknown: unknownClaimError,
  answers: {
    value: (a) => orNone(a, 'value', a.recomputed),
    verdict: (a) => a.verdict,
    reason: (a) => a.reason,
    reason_zh: (a) => a.reasonZh,
    stated: (a) => orNone(a, 'stated', a.stated),
    difference: (a) => orNone(a, 'difference', a.difference),
    tolerance: (a) => orNone(a, 'tolerance', a.tolerance),
  },
  examples: [
    { args: ['BRICS_OCT_PARTS', 'verdict'], result: 'consistent', noteEn: "India's, Brazil's and China's October cuts add up to the stated total." },
    { args: ['TARIFF_IMPLIED_BASE'], result: 1056, noteEn: 'The chip flow the revenue goal needs at a 25% rate, in USD bn.' },
    { args: ['NO_SUCH_CLAIM'], result: '#N/A', noteEn: 'Unknown claim ids answer #N/A.' },
    { args: ['BRICS_OCT_PARTS', 'colour'], result: '#VALUE!', noteEn: 'Unknown fields answer #VALUE!.' },
  ],
});

/** The fields CHECK can answer. */
export const CHECK_FIELDS = CHECK.fields;

export const CHECK_SPECS = [CHECK] as const;
