/**
 * What the pane's "Add claim" and "Add figure" forms check before anything is written: the row
 * must pass the table's schema, and, added to the rows already there, give no new problem (a
 * duplicate id, an unknown name, a formula the model cannot read). Every problem names the field
 * and the value; an empty list means the row may be written.
 */
import { COMPARES } from '../claims/schema.js';
import { UNIT_IDS } from '../units/index.js';
import { describeIssues } from '../validation/index.js';
import { compileUserTables, FILE_CELLS } from './compile.js';
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

/** The new row's problems, each "field: what is wrong (value)"; a problem the rows already had is not the form's. */
function newRowProblems(current: UserTables, next: UserTables, table: 'figures' | 'claims'): string[] {
  const row = next[table].length - 1;
  const prefix = `${table}[${row}].`;
  const before = new Set(compileUserTables(current, { cellOf: FILE_CELLS }).allProblems);
  return compileUserTables(next, { cellOf: FILE_CELLS })
    .allProblems.filter((p) => !before.has(p))
    .map((p) => (p.startsWith(prefix) ? p.slice(prefix.length) : p));
}

export function checkClaimForm(form: ClaimForm, current: UserTables): { readonly claim: UserClaim } | { readonly problems: string[] } {
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
  if (!parsed.success) {
    return {
      problems: describeIssues(parsed.error.issues, record).map((p) => {
        const field = p.split(':')[0]!;
        const value = (record as Record<string, unknown>)[field] ?? (field === 'tolerance' ? form.tolerance : undefined);
        return field === 'compare' ? `compare: "${form.compare}" is not one of ${COMPARES.join(', ')}` : `${p} (${JSON.stringify(value ?? null)})`;
      }),
    };
  }
  const problems = newRowProblems(current, { ...current, claims: [...current.claims, parsed.data] }, 'claims');
  return problems.length ? { problems } : { claim: parsed.data };
}

export function checkFigureForm(form: FigureForm, current: UserTables): { readonly figure: UserFigure } | { readonly problems: string[] } {
  const value = form.value.trim() === '' ? undefined : Number(form.value.trim());
  const record = { id: form.id.trim(), label: form.label.trim(), value, unit: form.unit, ...(form.note?.trim() ? { note: form.note.trim() } : {}) };
  const parsed = UserFigureSchema.safeParse(record);
  if (!parsed.success) {
    return {
      problems: describeIssues(parsed.error.issues, record).map((p) => {
        const field = p.split(':')[0]!;
        if (field === 'unit') return `unit: "${form.unit}" is not one of ClaimCell's units (${UNIT_IDS.join(', ')})`;
        if (field === 'value') return `value: "${form.value}" is not a number`;
        return p;
      }),
    };
  }
  const problems = newRowProblems(current, { ...current, figures: [...current.figures, parsed.data] }, 'figures');
  return problems.length ? { problems } : { figure: parsed.data };
}
