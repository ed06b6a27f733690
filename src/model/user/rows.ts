/**
 * The `MyFigures` and `MyClaims` tables as a host reads them (cell values and cell formulas,
 * header row first) into `UserTables`. One reader for the pane, the fill and `--workbook`: blank
 * rows are skipped, a row that is not valid is left out with a problem naming its cell and value.
 */
import type * as z from '../validation/zod.js';
import { fieldProblem, type UserTableProblem } from './problems.js';
import { LANGS, TEXT } from '../../text/index.js';
import { UserClaimSchema, UserFigureSchema, type UserClaim, type UserFigure, type UserTables } from './schema.js';

export type RowCell = number | string | boolean | null | undefined;

/** A table's used range: values as shown and formulas as typed (a constant's formula is the constant). */
export interface TableCells {
  readonly values: readonly (readonly RowCell[])[];
  readonly formulas?: readonly (readonly RowCell[])[];
}

/** Where a cell sits, for messages: sheet name, 0-based data row (after the header), field. */
export type RowCellName = (table: 'figures' | 'claims', row: number, field: string) => string;

const blank = (v: RowCell): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const str = (v: RowCell): string => (blank(v) ? '' : String(v).trim());
/** A number cell, or text that reads as one (a pasted "0.5"); anything else stays as it is for the schema to name. */
const numeric = (v: RowCell): unknown => (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : blank(v) ? undefined : v);

/**
 * A table's header words in every language (lower-cased) to the field each names: a table filled
 * in Chinese reads like one filled in English, and a refill in the other language reads either.
 */
const FIELD_OF_HEADER: Readonly<Record<'figures' | 'claims', ReadonlyMap<string, string>>> = {
  figures: new Map(LANGS.flatMap((lang) => Object.entries(TEXT[lang].sheets.myFigures.headers).map(([field, word]) => [word.toLowerCase(), field] as const))),
  claims: new Map(LANGS.flatMap((lang) => Object.entries(TEXT[lang].sheets.myClaims.headers).map(([field, word]) => [word.toLowerCase(), field] as const))),
};

/** The fields a table's first row names, to their column index (a header no language has is ignored). */
function columnsOf(table: 'figures' | 'claims', header: readonly RowCell[] | undefined): Map<string, number> {
  const columns = new Map<string, number>();
  (header ?? []).forEach((h, i) => {
    const field = FIELD_OF_HEADER[table].get(str(h).toLowerCase());
    if (field !== undefined && !columns.has(field)) columns.set(field, i);
  });
  return columns;
}

/** The formula a cell holds ("=A/B"), else its constant. */
function formulaOrValue(cells: TableCells, r: number, c: number): RowCell {
  const f = cells.formulas?.[r]?.[c];
  return typeof f === 'string' && f.startsWith('=') ? f : cells.values[r]?.[c];
}

export interface ReadTables {
  readonly tables: UserTables;
  readonly problems: UserTableProblem[];
  /** Names a cell of a row of `tables` by the row it came from, so later messages point at the right cell. */
  readonly cellOf: RowCellName;
}

export function userTablesFromCells(figures: TableCells | undefined, claims: TableCells | undefined, cellName: RowCellName): ReadTables {
  const problems: UserTableProblem[] = [];
  const from = { figures: [] as number[], claims: [] as number[] };
  const reject = (table: 'figures' | 'claims', row: number, record: Record<string, unknown>, issues: readonly z.core.$ZodIssue[]): void => {
    for (const issue of issues) {
      const field = String(issue.path[0] ?? 'id');
      problems.push(fieldProblem(cellName(table, row, field), field, record[field], issue));
    }
  };
  const outFigures: UserFigure[] = [];
  if (figures) {
    const col = columnsOf('figures', figures.values[0]);
    const at = (row: readonly RowCell[], name: string): RowCell => (col.has(name) ? row[col.get(name)!] : undefined);
    figures.values.slice(1).forEach((row, i) => {
      if (row.every(blank)) return;
      const note = str(at(row, 'note'));
      const record = { id: str(at(row, 'id')), label: str(at(row, 'label')), value: numeric(at(row, 'value')), unit: str(at(row, 'unit')), ...(note ? { note } : {}) };
      const parsed = UserFigureSchema.safeParse(record);
      if (parsed.success) {
        outFigures.push(parsed.data);
        from.figures.push(i);
      }
      else reject('figures', i, record, parsed.error.issues);
    });
  }
  const outClaims: UserClaim[] = [];
  if (claims) {
    const col = columnsOf('claims', claims.values[0]);
    claims.values.slice(1).forEach((row, i) => {
      const r = i + 1;
      const at = (name: string): RowCell => (col.has(name) ? row[col.get(name)!] : undefined);
      const formula = (name: string): RowCell => (col.has(name) ? formulaOrValue(claims, r, col.get(name)!) : undefined);
      if (['id', 'statement', 'recompute', 'stated'].every((name) => blank(at(name)) && blank(formula(name)))) return;
      const stated = formula('stated');
      const tolerance = numeric(at('tolerance'));
      const record = {
        id: str(at('id')),
        statement: str(at('statement')),
        recompute: typeof formula('recompute') === 'number' ? `=${formula('recompute')}` : str(formula('recompute')),
        stated: typeof stated === 'string' && stated.startsWith('=') ? stated : numeric(stated),
        compare: str(at('compare')),
        ...(tolerance === undefined ? {} : { tolerance }),
      };
      const parsed = UserClaimSchema.safeParse(record);
      if (parsed.success) {
        outClaims.push(parsed.data);
        from.claims.push(i);
      }
      else reject('claims', i, record, parsed.error.issues);
    });
  }
  return { tables: { figures: outFigures, claims: outClaims }, problems, cellOf: (table, row, field) => cellName(table, from[table][row] ?? row, field) };
}
