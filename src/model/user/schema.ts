/**
 * The user's own figures and claims, as the `MyFigures` and `MyClaims` tables hold them and as
 * `myclaims export|import` writes them. Shape only: names, formulas and clashes with the
 * article's ids are checked by `compileUserTables`, which knows every table at once.
 */
import { COMPARES } from '../claims/schema.js';
import { excelNameProblem } from '../figures/excel-names.js';
import { UNIT_IDS } from '../units/index.js';
import * as z from '../validation/zod.js';

/** A legal workbook name that Excel would not read as a cell reference. */
const excelName = z.string().check(
  z.superRefine((name, ctx) => {
    const problem = excelNameProblem(name);
    if (problem) ctx.issues.push({ code: 'custom', input: name, message: `"${name}" ${problem}` });
  }),
);
const finite = z.number().check(z.refine(Number.isFinite, 'must be a finite number'));

export const UserFigureSchema = z.strictObject({
  id: excelName,
  label: z.string(),
  value: finite,
  unit: z.enum(UNIT_IDS),
  note: z.optional(z.string()),
});
export type UserFigure = z.infer<typeof UserFigureSchema>;

export const UserClaimSchema = z.strictObject({
    id: excelName,
    statement: z.string().check(z.minLength(1)),
    /** An Excel formula over figure names, e.g. "=CN_UST_HOLDINGS/WORLD_GDP". */
    recompute: z.string().check(z.minLength(1)),
    /** What the claim states: a number, or a formula like `recompute`. */
    stated: z.union([finite, z.string().check(z.minLength(1))]),
    compare: z.enum(COMPARES),
    /** The allowed difference for `approx`; the upper bound for `between`; unused otherwise. */
    tolerance: z.optional(finite),
  });
export type UserClaim = z.infer<typeof UserClaimSchema>;

/** Both tables, as `myclaims export` writes them and `myclaims import` reads them. */
export const UserTablesSchema = z.strictObject({
  figures: z.array(UserFigureSchema),
  claims: z.array(UserClaimSchema),
});
export type UserTables = z.infer<typeof UserTablesSchema>;

export const NO_USER_TABLES: UserTables = Object.freeze({ figures: [], claims: [] });
