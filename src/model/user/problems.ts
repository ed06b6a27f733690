/**
 * What is wrong with a row of the user's tables, as data: a code, the cell it sits in and the
 * value found there. The pane, the CLI and the sheets render it in the reader's language
 * (`src/text/*\/user-problems.ts`); the model never writes the sentence.
 *
 * `cell` is where the reader finds it: `MyClaims!C5` in a workbook, `claims[2].recompute` in a
 * file, the bare field (`recompute`) in the pane's Add forms.
 */
import { COMPARES } from '../claims/schema.js';
import { excelNameRule, type ExcelNameRule } from '../figures/excel-names.js';
import { UNIT_IDS } from '../units/index.js';
import { issueLabel } from '../validation/index.js';
import type * as z from '../validation/zod.js';
import type { FormulaProblem } from './formula.js';

export type UserTableProblem =
  /** A figure id that is an article figure's or a reference's. */
  | { readonly code: 'articleFigureId'; readonly cell: string; readonly value: string }
  /** A figure id that is one of the workbook's own names (the plan's, e.g. SIM_SEED). */
  | { readonly code: 'reservedName'; readonly cell: string; readonly value: string }
  /** An id an earlier row of the same table has (compared as Excel compares names, ignoring case). */
  | { readonly code: 'repeatedId'; readonly cell: string; readonly value: string }
  | { readonly code: 'articleClaimId'; readonly cell: string; readonly value: string }
  /** An id Excel would not take as a defined name. */
  | { readonly code: 'badName'; readonly cell: string; readonly value: string; readonly rule: ExcelNameRule }
  | { readonly code: 'notANumber'; readonly cell: string; readonly value: unknown }
  | { readonly code: 'unknownUnit'; readonly cell: string; readonly value: unknown; readonly units: readonly string[] }
  | { readonly code: 'unknownCompare'; readonly cell: string; readonly value: unknown; readonly compares: readonly string[] }
  /** A field that must not be blank (statement, recompute, stated, value) is. */
  | { readonly code: 'empty'; readonly cell: string }
  | { readonly code: 'betweenNeedsUpper'; readonly cell: string }
  | { readonly code: 'negativeTolerance'; readonly cell: string; readonly value: number }
  /**
   * A formula the parser cannot read: its own problem passed through as the parser gives it
   * (`FormulaProblem`), so the parser's codes slot in here without a change to this union.
   */
  | { readonly code: 'formula'; readonly cell: string; readonly formula: string; readonly problem: FormulaProblem }
  /** A file's row without a field the table needs. */
  | { readonly code: 'missing'; readonly cell: string }
  /** A file's row with fields the tables do not have. */
  | { readonly code: 'unknownFields'; readonly cell: string; readonly fields: readonly string[] }
  /** Any other shape problem of a file (`cell` empty for the whole file): the schema's own (English) words, which the Chinese render leaves out. */
  | { readonly code: 'invalid'; readonly cell: string; readonly detail: string };

export type UserTableProblemCode = UserTableProblem['code'];

/** Where a row's field sits, for problems: `MyClaims!C5` in a workbook, `claims[2].recompute` in a file. */
export type CellOf = (table: 'figures' | 'claims', row: number, field: string) => string;

const NUMBER_FIELDS: ReadonlySet<string> = new Set(['value', 'tolerance', 'stated']);
/** Fields a row cannot leave blank (a blank cell or form field reads as empty, not as a wrong value). */
const REQUIRED_FIELDS: ReadonlySet<string> = new Set(['statement', 'recompute', 'stated', 'value']);

/** One schema issue of a row's field as a problem: the field's value decides which. */
export function fieldProblem(cell: string, field: string, value: unknown, issue: z.core.$ZodIssue): UserTableProblem {
  if (field === 'id' && typeof value === 'string') {
    const rule = excelNameRule(value);
    if (rule) return { code: 'badName', cell, value, rule };
  }
  if (issue.code === 'unrecognized_keys') return { code: 'unknownFields', cell, fields: issue.keys };
  if (value === undefined && !REQUIRED_FIELDS.has(field) && !NUMBER_FIELDS.has(field)) return { code: 'missing', cell };
  if (field === 'unit') return { code: 'unknownUnit', cell, value, units: UNIT_IDS };
  if (field === 'compare') return { code: 'unknownCompare', cell, value, compares: COMPARES };
  if (REQUIRED_FIELDS.has(field) && (value === '' || value === undefined)) return { code: 'empty', cell };
  if (NUMBER_FIELDS.has(field)) return { code: 'notANumber', cell, value };
  return { code: 'invalid', cell, detail: issue.message };
}

/**
 * The issues of a whole tables file (`{figures, claims}`) as problems: an issue inside a row names
 * the row by its id (`figures[1] (OK_ONE).unit`), as `describeIssues` does.
 */
export function fileProblems(issues: readonly z.core.$ZodIssue[], root: unknown): UserTableProblem[] {
  return issues.map((issue) => {
    const [table, row, field] = issue.path;
    // a file that is not tables at all has no cell to name
    const cell = issue.path.length ? issueLabel(issue.path, root) : '';
    if (issue.code === 'unrecognized_keys') return { code: 'unknownFields', cell, fields: issue.keys };
    if ((table !== 'figures' && table !== 'claims') || typeof row !== 'number' || typeof field !== 'string' || issue.path.length !== 3) return { code: 'invalid', cell, detail: issue.message };
    const record = (root as Record<string, unknown[]>)[table]?.[row];
    return fieldProblem(cell, field, record && typeof record === 'object' ? (record as Record<string, unknown>)[field] : undefined, issue);
  });
}

/** A key that is equal for equal problems (to tell a form's new problems from those the rows had). */
export const problemKey = (p: UserTableProblem): string => JSON.stringify(p);
