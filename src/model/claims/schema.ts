import * as z from '../validation/zod.js';
import { UNIT_IDS } from '../units/index.js';

const text = z.string().check(z.minLength(3));
const zhText = (min: number) => z.string().check(z.minLength(min));
const exprText = z.string().check(z.minLength(1));
const bilingual = z.strictObject({ en: text, zh: zhText(2) });

export const COMPARES = ['approx', 'atLeast', 'atMost', 'between'] as const;
export const VERDICTS = ['consistent', 'inconsistent', 'implausible', 'unverifiable'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * One test of a claim: `value` (default: the claim's recomputation) compared with `stated`.
 * `article` checks use only the article's figures; `reference` checks bring in outside data.
 */
export const CheckSchema = z
  .strictObject({
    scope: z.enum(['article', 'reference']),
    value: z.optional(exprText),
    stated: exprText,
    statedHigh: z.optional(exprText),
    exclusiveLow: z.optional(z.boolean()),
    compare: z.enum(COMPARES),
    /** Absolute tolerance for `approx`, in the claim's unit, derived from the article's rounding. */
    tolerance: z.optional(z.number().check(z.nonnegative())),
    /** Why this tolerance or bound, in one sentence. */
    toleranceWhy: text,
    onFail: z.enum(['inconsistent', 'implausible']),
  })
  .check(
    z.superRefine((check, ctx) => {
      if (check.compare === 'approx' && check.tolerance === undefined) {
        ctx.issues.push({ code: 'custom', input: check, path: ['tolerance'], message: 'an approx check needs a tolerance' });
      }
      if ((check.compare === 'between') !== (check.statedHigh !== undefined)) {
        ctx.issues.push({ code: 'custom', input: check, path: ['statedHigh'], message: 'statedHigh goes with compare "between" and only with it' });
      }
    }),
  );
export type Check = z.infer<typeof CheckSchema>;

export const ClaimSchema = z
  .strictObject({
    id: z.string().check(z.regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE')),
    paragraphs: z.array(z.int().check(z.positive())).check(z.minLength(1)),
    unit: z.enum(UNIT_IDS),
    statementEn: text,
    statementZh: zhText(4),
    recompute: exprText,
    checks: z.optional(z.array(CheckSchema)),
    /** Figures the claim is about without computing with them (e.g. the year in "lowest since 2008"). */
    alsoUses: z.optional(z.array(z.string())),
    /** For claims no data here can settle: which data would. */
    needsEn: z.optional(text),
    needsZh: z.optional(zhText(4)),
    /** Claim-specific reason templates per verdict, overriding the generic ones. */
    reasons: z.optional(z.partialRecord(z.enum(VERDICTS), bilingual)),
  })
  .check(
    z.superRefine((claim, ctx) => {
      const hasChecks = (claim.checks?.length ?? 0) > 0;
      if (!hasChecks && !claim.needsEn) {
        ctx.issues.push({ code: 'custom', input: claim, path: ['needsEn'], message: 'a claim without checks must say which data would settle it' });
      }
      if (Boolean(claim.needsEn) !== Boolean(claim.needsZh)) {
        ctx.issues.push({ code: 'custom', input: claim, path: ['needsZh'], message: 'needsEn and needsZh go together' });
      }
    }),
  );
export type ClaimRecord = z.infer<typeof ClaimSchema>;

export const ClaimCatalogueSchema = z.strictObject({
  claims: z.array(ClaimSchema).check(z.minLength(1)),
  contextOnly: z.array(z.strictObject({ figure: z.string(), why: text })),
});
export type ClaimCatalogue = z.infer<typeof ClaimCatalogueSchema>;
