import * as z from '../validation/zod.js';
import { UNIT_IDS } from '../units/index.js';

const text = z.string().check(z.minLength(3));
const zhText = (min: number) => z.string().check(z.minLength(min));
const exprText = z.string().check(z.minLength(1));
const bilingual = z.strictObject({ en: text, zh: zhText(2) });

/**
 * Free text of a finding or of the data a claim needs may name periods (years such as 2008, months
 * such as 11月) but quotes no other number: every number a reason quotes comes from the audit's own fields.
 */
// No lookbehind (WebKit before Safari 16.4 cannot parse it): the number is group 1, after a non-digit or the start.
export const NON_PERIOD_NUMBER = /(?:^|[^\d.])((?!(?:19|20)\d\d(?!\d|\.\d))(?!(?:1[0-2]|[1-9])月)\d+(?:\.\d+)?)/
const noNumbers = (where: string) =>
  z.superRefine((value: { en: string; zh: string }, ctx) => {
    for (const lang of ['en', 'zh'] as const) {
      const found = NON_PERIOD_NUMBER.exec(value[lang]);
      if (found) ctx.issues.push({ code: 'custom', input: value, path: [lang], message: `${where} may name periods (years, months) only, but quotes "${found[1]}"` });
    }
  });
const prose = (where: string) => bilingual.check(noNumbers(where));

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
    toleranceWhyZh: text,
    onFail: z.enum(['inconsistent', 'implausible']),
    /**
     * `decides` (default): a failing check sets the verdict. `explains`: never sets the verdict;
     * when it holds, its finding names what the figure matches instead (another month, scope or series).
     */
    role: z.optional(z.enum(['decides', 'explains'])),
    /** Shown when a deciding check fails, or when an explaining check holds. */
    finding: z.optional(prose('a finding')),
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
    /** For claims no public source settles: which data would. */
    needs: z.optional(prose('needs')),
  })
  .check(
    z.superRefine((claim, ctx) => {
      const deciding = (claim.checks ?? []).filter((c) => c.role !== 'explains').length;
      if (deciding === 0 && !claim.needs) {
        ctx.issues.push({ code: 'custom', input: claim, path: ['needs'], message: 'a claim without deciding checks must say which data would settle it' });
      }
      if (deciding > 0 && claim.needs) {
        ctx.issues.push({ code: 'custom', input: claim, path: ['needs'], message: 'a claim with deciding checks is settled by them, so it needs no data' });
      }
    }),
  );
export type ClaimRecord = z.infer<typeof ClaimSchema>;

export const ClaimCatalogueSchema = z.strictObject({
  claims: z.array(ClaimSchema).check(z.minLength(1)),
  contextOnly: z.array(z.strictObject({ figure: z.string(), why: text })),
});
export type ClaimCatalogue = z.infer<typeof ClaimCatalogueSchema>;
