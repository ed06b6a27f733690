import { auditClaimById } from '../../claims/index.js';
import { noValueError, unknownClaimError, unknownFieldError } from '../errors.js';
import type { FunctionResult } from '../types.js';
import { defineFunction, text } from './helpers.js';

/** The fields CHECK can answer. */
export const CHECK_FIELDS = ['value', 'verdict', 'reason', 'reason_zh', 'stated', 'difference', 'tolerance'] as const;
type CheckField = (typeof CHECK_FIELDS)[number];

/**
 * A claim's audit in a cell. It audits with the article's values (the catalogue), not with cells
 * of the workbook: to recompute from edited cells, use the claim's formula in the Claims sheet.
 */
export const CHECK = defineFunction({
  name: 'CHECK',
  descriptionEn: "A claim's audit at the article's values: its recomputed value, or with field its verdict, reason, stated value, difference or tolerance.",
  descriptionZh: '按文章数值审计一条结论：返回重算值，或按 field 返回判定、理由、文中数值、差值或容差。',
  params: [
    text('id', 'Claim id as listed in the Claims sheet, e.g. BRICS_OCT_PARTS.', '结论编号，见“Claims”工作表，如 BRICS_OCT_PARTS。'),
    text('field', `Optional, one of: ${CHECK_FIELDS.join(', ')} (default value).`, `可选，取值之一：${CHECK_FIELDS.join('、')}（默认 value）。`, {
      optional: true,
      defaultValue: 'value',
    }),
  ],
  resultUnit: 'any',
  resultType: 'any',
  elementwise: false,
  implementation: (id: string, field: string): FunctionResult => {
    const audit = auditClaimById(id.trim());
    if (!audit) return unknownClaimError(id);
    const which = field.trim().toLowerCase() as CheckField;
    const orNone = (v: number | null): FunctionResult => (v === null ? noValueError(audit.id, which) : v);
    switch (which) {
      case 'value':
        return orNone(audit.recomputed);
      case 'verdict':
        return audit.verdict;
      case 'reason':
        return audit.reason;
      case 'reason_zh':
        return audit.reasonZh;
      case 'stated':
        return orNone(audit.stated);
      case 'difference':
        return orNone(audit.difference);
      case 'tolerance':
        return orNone(audit.tolerance);
      default:
        return unknownFieldError(field, CHECK_FIELDS);
    }
  },
  examples: [
    { args: ['BRICS_OCT_PARTS', 'verdict'], result: 'consistent', noteEn: "India's, Brazil's and China's October cuts add up to the stated total." },
    { args: ['TARIFF_IMPLIED_BASE'], result: 1056, noteEn: 'The chip flow the revenue goal needs at a 25% rate, in USD bn.' },
    { args: ['NO_SUCH_CLAIM'], result: '#N/A', noteEn: 'Unknown claim ids answer #N/A.' },
    { args: ['BRICS_OCT_PARTS', 'colour'], result: '#VALUE!', noteEn: 'Unknown fields answer #VALUE!.' },
  ],
  claims: [],
});

export const CHECK_SPECS = [CHECK] as const;
