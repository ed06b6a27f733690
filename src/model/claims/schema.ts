import { z } from 'zod';
import { UNIT_IDS } from '../units/index.js';

const text = z.string().min(3);
const exprText = z.string().min(1);
const bilingual = z.object({ en: text, zh: z.string().min(2) }).strict();

export const COMPARES = ['approx', 'atLeast', 'atMost', 'between'] as const;
export const VERDICTS = ['consistent', 'inconsistent', 'implausible', 'unverifiable'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * One test of a claim: `value` (default: the claim's recomputation) compared with `stated`.
 * `article` checks use only the article's figures; `reference` checks bring in outside data.
 */
export const CheckSchema = z
  .object({
    scope: z.enum(['article', 'reference']),
    value: exprText.optional(),
    stated: exprText,
    statedHigh: exprText.optional(),
    exclusiveLow: z.boolean().optional(),
    compare: z.enum(COMPARES),
    /** Absolute tolerance for `approx`, in the claim's unit, derived from the article's rounding. */
    tolerance: z.number().nonnegative().optional(),
    /** Why this tolerance or bound, in one sentence. */
    toleranceWhy: text,
    onFail: z.enum(['inconsistent', 'implausible']),
  })
  .strict()
  .superRefine((check, ctx) => {
    if (check.compare === 'approx' && check.tolerance === undefined) {
      ctx.addIssue({ code: 'custom', path: ['tolerance'], message: 'an approx check needs a tolerance' });
    }
    if ((check.compare === 'between') !== (check.statedHigh !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['statedHigh'], message: 'statedHigh goes with compare "between" and only with it' });
    }
  });
export type Check = z.infer<typeof CheckSchema>;

export const ClaimSchema = z
  .object({
    id: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE'),
    paragraphs: z.array(z.number().int().positive()).min(1),
    unit: z.enum(UNIT_IDS),
    statementEn: text,
    statementZh: z.string().min(4),
    recompute: exprText,
    checks: z.array(CheckSchema).optional(),
    /** Figures the claim is about without computing with them (e.g. the year in "lowest since 2008"). */
    alsoUses: z.array(z.string()).optional(),
    /** For claims no data here can settle: which data would. */
    needsEn: text.optional(),
    needsZh: z.string().min(4).optional(),
    /** Claim-specific reason templates per verdict, overriding the generic ones. */
    reasons: z.partialRecord(z.enum(VERDICTS), bilingual).optional(),
  })
  .strict()
  .superRefine((claim, ctx) => {
    const hasChecks = (claim.checks?.length ?? 0) > 0;
    if (!hasChecks && !claim.needsEn) {
      ctx.addIssue({ code: 'custom', path: ['needsEn'], message: 'a claim without checks must say which data would settle it' });
    }
    if (Boolean(claim.needsEn) !== Boolean(claim.needsZh)) {
      ctx.addIssue({ code: 'custom', path: ['needsZh'], message: 'needsEn and needsZh go together' });
    }
  });
export type ClaimRecord = z.infer<typeof ClaimSchema>;

export const ClaimCatalogueSchema = z
  .object({
    claims: z.array(ClaimSchema).min(1),
    contextOnly: z.array(z.object({ figure: z.string(), why: text }).strict()),
  })
  .strict();
export type ClaimCatalogue = z.infer<typeof ClaimCatalogueSchema>;
