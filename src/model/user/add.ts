/**
 * What the pane's "Add claim" and "Add figure" forms check before anything is written: the row
 * must pass the table's schema, and, added to the rows already there, give no new problem (a
 * duplicate id, an unknown name, a formula the model cannot read). Every problem names the field
 * and the value; an empty list means the row may be written.
 */
import { compileUserTables, FILE_CELLS } from './compile.js';
import { fieldProblem, problemKey, type CellOf, type UserTableProblem } from './problems.js';
import { UserClaimSchema, UserFigureSchema, type UserClaim, type UserFigure, type UserTables } from './schema.js';

/** The form's fields as typed. */
export interface ClaimForm {
  readonly id: string;
  readonly statement: string;
  readonly recompute: string;
  readonly stated: string;
  readonly compare: string;
  readonly tolerance: string;
}
export interface FigureForm {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly unit: string;
  readonly note?: string;
}

const numberOrText = (text: string): number | string => (text.trim() !== '' && Number.isFinite(Number(text.trim())) ? Number(text.trim()) : text.trim());

/** The new row's problems, each at its bare field (`id`); a problem the rows already had is not the form's. */
function newRowProblems(current: UserTables, next: UserTables, table: 'figures' | 'claims'): UserTableProblem[] {
  const row = next[table].length - 1;
  // the new row's cells are its form's fields; every other row keeps its file name
  const cellOf: CellOf = (t, r, field) => (t === table && r === row ? field : FILE_CELLS(t, r, field));
  const before = new Set(compileUserTables(current, { cellOf }).allProblems.map(problemKey));
  return compileUserTables(next, { cellOf }).allProblems.filter((p) => !before.has(problemKey(p)));
}

/** The form's schema issues, each at its field with the value as typed (`form`), not as parsed. */
function formProblems(issues: Parameters<typeof fieldProblem>[3][], typed: Readonly<Record<string, unknown>>): UserTableProblem[] {
  return issues.map((issue) => {
    const field = String(issue.path[0] ?? 'id');
    return fieldProblem(field, field, typed[field], issue);
  });
}

export function checkClaimForm(form: ClaimForm, current: UserTables): { readonly claim: UserClaim } | { readonly problems: UserTableProblem[] } {
  const tolerance = form.tolerance.trim();
  const record = {
    id: form.id.trim(),
    statement: form.statement.trim(),
    recompute: form.recompute.trim().startsWith('=') ? form.recompute.trim() : `=${form.recompute.trim()}`,
    stated: numberOrText(form.stated),
    compare: form.compare,
    ...(tolerance === '' ? {} : { tolerance: Number(tolerance) }),
  };
  const parsed = UserClaimSchema.safeParse(record);
  if (!parsed.success) return { problems: formProblems(parsed.error.issues, { ...record, tolerance: form.tolerance }) };
  const problems = newRowProblems(current, { ...current, claims: [...current.claims, parsed.data] }, 'claims');
  return problems.length ? { problems } : { claim: parsed.data };
}

export function checkFigureForm(form: FigureForm, current: UserTables): { readonly figure: UserFigure } | { readonly problems: UserTableProblem[] } {
  const value = form.value.trim() === '' ? undefined : Number(form.value.trim());
  const record = { id: form.id.trim(), label: form.label.trim(), value, unit: form.unit, ...(form.note?.trim() ? { note: form.note.trim() } : {}) };
  const parsed = UserFigureSchema.safeParse(record);
  if (!parsed.success) return { problems: formProblems(parsed.error.issues, { ...record, value: form.value }) };
  const problems = newRowProblems(current, { ...current, figures: [...current.figures, parsed.data] }, 'figures');
  return problems.length ? { problems } : { figure: parsed.data };
}
