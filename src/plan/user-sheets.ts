/**
 * The user's own tables, `MyFigures` and `MyClaims`, as plan sheets. Each figure row is a defined
 * name; each claim row's `recomputed`, `verdict`, `reason` and `verdict code` are native formulas
 * over the row's own cells, so the table works with no add-in (and in the portable file) for rows
 * the model cannot read too. Cached results come from the model's audit of the same rows. The
 * words (headers, verdict words, reasons, prompts) are the catalogue's, in the workbook's language.
 */
import example from '../../seeds/my-claims-example.json';
import exampleZh from '../../seeds/my-claims-example.zh.json';
import { COMPARES, FLOAT_SLACK, NATIVE_DIALECT } from '../model/claims/index.js';
import { formatNumber, renderExpr, type Expr } from '../model/expr/index.js';
import { UNIT_IDS, UNITS } from '../model/units/index.js';
import { auditUserClaims, compileUserTables, UserTablesSchema, type CellOf, type CompiledUserTables, type UserClaim, type UserTables } from '../model/user/index.js';
import { parseOrThrow } from '../model/validation/index.js';
import { cellAddress, columnLetter, rangeAddress } from './a1.js';
import { verdictFormats, verdictWord, verdictWordFormula } from './claims-sheet.js';
import { excelString, templateFormula } from './text-formula.js';
import { TEXT, type Lang } from '../text/index.js';
import { FIGURES_IN_USE_NAME } from './figures-sheet.js';
import { SCENARIO_LOOKUP_NAMES } from './scenarios-sheet.js';
import { SIM_NAMES, simHoldsName } from './simulation-sheet.js';
import { stressClaimIds } from '../model/stress/claims.js';
import type { CellPlan, ConditionalFormatPlan, NamePlan, SheetPlan, ValidationPlan } from './types.js';

/** Each table on a sheet of its own name (a sheet and a table may share a name; defined names may not). */
export const USER_SHEETS = { figures: 'MyFigures', claims: 'MyClaims' } as const;
export const USER_TABLES = { figures: 'MyFigures', claims: 'MyClaims' } as const;

/** 1-based columns of the two tables, in the order the issue and the README give them. */
export const MY_FIGURE_COLUMNS = { id: 1, label: 2, value: 3, unit: 4, note: 5, inUse: 6 } as const;
/**
 * `verdict` shows the verdict as a word of the workbook's language; `verdictCode`, a side column,
 * holds the native verdict formula's language-neutral code, which the word and the colours read.
 */
export const MY_CLAIM_COLUMNS = { id: 1, statement: 2, recompute: 3, stated: 4, compare: 5, tolerance: 6, recomputed: 7, verdict: 8, reason: 9, verdictCode: 10 } as const;

/** The header row of each table in `lang`, in column order (the reader accepts either language's). */
export function userTableHeaders(lang: Lang): { figures: string[]; claims: string[] } {
  const t = TEXT[lang].sheets;
  const inOrder = <K extends string>(columns: Readonly<Record<K, number>>, words: Readonly<Record<K, string>>): string[] =>
    (Object.keys(columns) as K[]).sort((a, b) => columns[a] - columns[b]).map((k) => words[k]);
  return { figures: inOrder(MY_FIGURE_COLUMNS, t.myFigures.headers), claims: inOrder(MY_CLAIM_COLUMNS, t.myClaims.headers) };
}

/** The plan's own defined names besides the figures': a user figure may not take one (compile's `reservedNames`). */
export const RESERVED_PLAN_NAMES: readonly string[] = [
  FIGURES_IN_USE_NAME,
  SCENARIO_LOOKUP_NAMES.ids,
  SCENARIO_LOOKUP_NAMES.inUse,
  // the Simulation sheet's names, so a user's figure cannot take one
  ...Object.values(SIM_NAMES),
  ...stressClaimIds().map(simHoldsName),
];

/** The worked example a first fill writes: one figure and one claim the user may delete. */
export function exampleUserTables(lang: 'en' | 'zh' = 'en'): UserTables {
  // The same rows in each language (test/plan/user-sheets-zh.test.ts): only the words differ.
  return lang === 'zh' ? parseOrThrow(UserTablesSchema, exampleZh, 'seeds/my-claims-example.zh.json') : parseOrThrow(UserTablesSchema, example, 'seeds/my-claims-example.json');
}

/** Where a row's field sits in the workbook, for messages: `MyClaims!C2`. */
export const WORKBOOK_CELLS: CellOf = (table, row, field) => {
  const columns: Record<string, number> = table === 'figures' ? MY_FIGURE_COLUMNS : MY_CLAIM_COLUMNS;
  return `${table === 'figures' ? USER_SHEETS.figures : USER_SHEETS.claims}!${cellAddress(row + 2, columns[field] ?? 1)}`;
};

const header = (text: string): CellPlan => ({ v: text, bold: true });
/** Text that stays text even when it starts with "=": the cell is formatted as text. */
const text = (value: string): CellPlan => ({ v: value, fmt: '@' });

/** The language of a table's header row: the one whose headers it holds most of (English when it holds none). */
export function userTableLang(table: 'figures' | 'claims', header: readonly unknown[]): Lang {
  const texts = new Set(header.map((h) => String(h ?? '').trim().toLowerCase()));
  const score = (lang: Lang): number => userTableHeaders(lang)[table].filter((h) => texts.has(h.toLowerCase())).length;
  return score('zh') > score('en') ? 'zh' : 'en';
}

/**
 * The verdict code of row `r` as a native formula: the model's rule (`checkHolds`, with the same
 * float slack for approx), any Excel error reading as unverifiable. Codes, never words: the
 * verdict word and the conditional formats read this cell in every language.
 */
export function myClaimVerdictCodeFormula(r: number): string {
  const c = (col: number): string => cellAddress(r, col);
  const [v, s, cmp, tol] = [c(MY_CLAIM_COLUMNS.recomputed), c(MY_CLAIM_COLUMNS.stated), c(MY_CLAIM_COLUMNS.compare), c(MY_CLAIM_COLUMNS.tolerance)];
  const verdict = (test: string): string => `IF(${test},"consistent","inconsistent")`;
  return (
    `=IFERROR(IF(${cmp}="approx",${verdict(`ABS(${v}-${s})<=${tol}+${formatNumber(FLOAT_SLACK)}*MAX(1,ABS(${s}))`)},` +
    `IF(${cmp}="atLeast",${verdict(`${v}>=${s}`)},IF(${cmp}="atMost",${verdict(`${v}<=${s}`)},` +
    `IF(${cmp}="between",${verdict(`AND(${v}>=${s},${v}<=${tol})`)},"unverifiable")))),"unverifiable")`
  );
}

/** The verdict word of row `r` in `lang`, read from the row's verdict code. */
export const myClaimVerdictWordFormula = (r: number, lang: Lang): string => verdictWordFormula(`$${columnLetter(MY_CLAIM_COLUMNS.verdictCode)}${r}`, lang);

/**
 * The value in use of MyFigures row `r`, natively: the active scenario's override when the
 * Scenarios sheet has a row for the id and the override is not blank, else the user's value
 * (the model's rule: `valuesFromWorkbook` / `valuesFromChoices`). INDEX/MATCH only, for LibreOffice.
 */
export function myFigureInUseFormula(r: number): string {
  const id = `$${cellAddress(r, MY_FIGURE_COLUMNS.id)}`;
  const own = `$${cellAddress(r, MY_FIGURE_COLUMNS.value)}`;
  const pick = `INDEX(${SCENARIO_LOOKUP_NAMES.inUse},MATCH(${id},${SCENARIO_LOOKUP_NAMES.ids},0),1)`;
  return `=IFERROR(IF(${pick}="",${own},${pick}),${own})`;
}

/** A one-line reason of row `r` in `lang`: what was recomputed and what would make the claim hold. */
export function myClaimReasonFormula(r: number, lang: Lang): string {
  const t = TEXT[lang].sheets.myClaims;
  const c = (col: number): string => cellAddress(r, col);
  const [v, s, cmp, tol] = [c(MY_CLAIM_COLUMNS.recomputed), c(MY_CLAIM_COLUMNS.stated), c(MY_CLAIM_COLUMNS.compare), c(MY_CLAIM_COLUMNS.tolerance)];
  const stated = `ROUND(${s},6)`;
  // A blank tolerance reads as 0, as the model reads it (blank&"" would print nothing).
  const tolerance = `(${tol}+0)`;
  const holdsIf =
    `IF(${cmp}="approx",${templateFormula(t.holdsIf.approx, [tolerance, stated])},IF(${cmp}="atLeast",${templateFormula(t.holdsIf.atLeast, [stated])},` +
    `IF(${cmp}="atMost",${templateFormula(t.holdsIf.atMost, [stated])},${templateFormula(t.holdsIf.between, [stated, tolerance])})))`;
  return `=IFERROR(${templateFormula(t.reason, [`ROUND(${v},6)`, holdsIf])},${excelString(t.cannotCompute)})`;
}

/** What `myClaimReasonFormula` shows, for the cached value (numbers as ROUND(…, 6) prints them). */
export function myClaimReasonText(claim: UserClaim, recomputed: number | null, stated: number | null, lang: Lang): string {
  const t = TEXT[lang].sheets.myClaims;
  if (recomputed === null || stated === null) return t.cannotCompute;
  const round = (v: number): string => String(Math.round(v * 1e6) / 1e6);
  const tol = String(claim.tolerance ?? 0);
  const s = round(stated);
  const holdsIf =
    claim.compare === 'approx' ? t.holdsIf.approx(tol, s) : claim.compare === 'atLeast' ? t.holdsIf.atLeast(s) : claim.compare === 'atMost' ? t.holdsIf.atMost(s) : t.holdsIf.between(s, tol);
  return t.reason(round(recomputed), holdsIf);
}

/** The formulas of MyClaims row `r`'s computed columns, recomputed to verdict code, in column order. */
export function myClaimComputedFormulas(r: number, lang: Lang): [recomputed: string, verdict: string, reason: string, verdictCode: string] {
  return [`=${cellAddress(r, MY_CLAIM_COLUMNS.recompute)}`, myClaimVerdictWordFormula(r, lang), myClaimReasonFormula(r, lang), myClaimVerdictCodeFormula(r)];
}

/** The verdict colours of MyClaims rows `first` to `last`, keyed on the code column (the word and the code coloured alike). */
export function myClaimFormats(first: number, last: number): ConditionalFormatPlan[] {
  const code = `$${columnLetter(MY_CLAIM_COLUMNS.verdictCode)}${first}`;
  const column = (c: number): string => rangeAddress(first, c, last, c);
  return [...verdictFormats(column(MY_CLAIM_COLUMNS.verdict), code), ...verdictFormats(column(MY_CLAIM_COLUMNS.verdictCode), code)];
}

/** The drop-downs of each table over data rows 2 to `last…`, with their prompts in `lang`. */
function userValidations(lang: Lang, lastFigure: number, lastClaim: number): { figures: ValidationPlan[]; claims: ValidationPlan[] } {
  const t = TEXT[lang].sheets;
  return {
    figures: [{ range: rangeAddress(2, MY_FIGURE_COLUMNS.unit, lastFigure, MY_FIGURE_COLUMNS.unit), listSource: `"${UNIT_IDS.join(',')}"`, prompt: t.myFigures.unitPrompt }],
    claims: [{ range: rangeAddress(2, MY_CLAIM_COLUMNS.compare, lastClaim, MY_CLAIM_COLUMNS.compare), listSource: `"${COMPARES.join(',')}"`, prompt: t.myClaims.comparePrompt }],
  };
}

/**
 * What a refill in `lang` writes on a user sheet that is already there: ClaimCell's words (the
 * header row, the prompts) and its computed columns, on every row that holds something in the
 * user's columns (also rows the model leaves out). The user's own cells are not touched.
 */
export interface UserSheetRefresh {
  readonly name: string;
  /** Row 1, from column A. */
  readonly header: readonly CellPlan[];
  /** The computed columns from `firstColumn`: formulas of each row (1-based) that holds the user's data. */
  readonly firstColumn: number;
  readonly rows: readonly { readonly row: number; readonly formulas: readonly string[] }[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  readonly validations: readonly ValidationPlan[];
}

/** The refresh of user sheet `name` whose used range, from A1, holds `values` (header row first); undefined for any other sheet. */
export function userSheetRefresh(name: string, lang: Lang, values: readonly (readonly unknown[])[]): UserSheetRefresh | undefined {
  const table = name === USER_SHEETS.figures ? 'figures' : name === USER_SHEETS.claims ? 'claims' : undefined;
  if (!table) return undefined;
  const firstColumn = table === 'figures' ? MY_FIGURE_COLUMNS.inUse : MY_CLAIM_COLUMNS.recomputed;
  const filled = (v: unknown): boolean => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
  const rows = values.flatMap((cells, i) => (i > 0 && cells.slice(0, firstColumn - 1).some(filled) ? [i + 1] : []));
  const last = Math.max(2, values.length);
  const validations = userValidations(lang, last, last);
  const headers = userTableHeaders(lang);
  return table === 'figures'
    ? { name, header: headers.figures.map(header), firstColumn, rows: rows.map((row) => ({ row, formulas: [myFigureInUseFormula(row)] })), conditionalFormats: [], validations: validations.figures }
    : { name, header: headers.claims.map(header), firstColumn, rows: rows.map((row) => ({ row, formulas: myClaimComputedFormulas(row, lang) })), conditionalFormats: myClaimFormats(2, last), validations: validations.claims };
}

/** A formula cell for a user's formula: natively rendered when the model read it, else as the user wrote it. */
function formulaCell(source: string | number, parsed: string | undefined, cached: number | null | undefined): CellPlan {
  if (typeof source === 'number') return { v: source };
  const f = parsed ?? (source.trim().startsWith('=') ? source.trim() : `=${source.trim()}`);
  return { f, ...(cached === undefined ? {} : { cached }) };
}

/**
 * Both sheets for `tables` (the example when the workbook has none yet), audited at `inUse`, with
 * ClaimCell's words in `lang`. `nativeFormulas` renders parsed formulas natively (the portable
 * file); otherwise the user's own text is kept.
 */
export function userSheets(tables: UserTables, inUse: ReadonlyMap<string, number>, nativeFormulas: boolean, lang: Lang): { sheets: SheetPlan[]; names: NamePlan[]; compiled: CompiledUserTables } {
  const compiled = compileUserTables(tables, { cellOf: WORKBOOK_CELLS });
  const results = auditUserClaims(compiled, inUse);
  const headers = userTableHeaders(lang);
  const figureRows: CellPlan[][] = [headers.figures.map(header)];
  const names: NamePlan[] = [];
  tables.figures.forEach((f, i) => {
    const row = i + 2;
    const format = UNITS[f.unit].numberFormat;
    figureRows.push([text(f.id), text(f.label), { v: f.value, fmt: format }, text(f.unit), text(f.note ?? ''), { f: myFigureInUseFormula(row), cached: inUse.get(f.id) ?? f.value, fmt: format }]);
    // A clashing or repeated id gets no name: the problem is reported, the article's name stays as it is.
    if (!compiled.problems.some((p) => p.cell === WORKBOOK_CELLS('figures', i, 'id'))) {
      names.push({ name: f.id, sheet: USER_SHEETS.figures, address: cellAddress(row, MY_FIGURE_COLUMNS.inUse, true), comment: f.label });
    }
  });
  const claimRows: CellPlan[][] = [headers.claims.map(header)];
  tables.claims.forEach((claim, i) => {
    const row = i + 2;
    const entry = compiled.claims[i]!;
    const audit = results[i]!.audit;
    const check = entry.claim?.compiledChecks[0];
    const native = (expr: Expr | undefined): string | undefined => (nativeFormulas && expr ? `=${renderExpr(expr, NATIVE_DIALECT)}` : undefined);
    const [recomputed, verdict, reason, verdictCode] = myClaimComputedFormulas(row, lang);
    claimRows.push([
      text(claim.id),
      text(claim.statement),
      formulaCell(claim.recompute, native(entry.claim?.recomputeExpr), audit?.recomputed),
      formulaCell(claim.stated, native(check?.statedExpr), audit?.checks[0]?.stated),
      text(claim.compare),
      claim.tolerance === undefined ? { v: null } : { v: claim.tolerance },
      { f: recomputed, ...(audit ? { cached: audit.recomputed } : {}) },
      { f: verdict, ...(audit ? { cached: verdictWord(audit.verdict, lang) } : {}) },
      { f: reason, cached: audit ? myClaimReasonText(claim, audit.recomputed, audit.checks[0]?.stated ?? null, lang) : null },
      { f: verdictCode, ...(audit ? { cached: audit.verdict } : {}) },
    ]);
  });
  const lastFigure = Math.max(2, figureRows.length);
  const lastClaim = Math.max(2, claimRows.length);
  const validations = userValidations(lang, lastFigure, lastClaim);
  const sheet = (name: string, table: string, cells: CellPlan[][], width: number, widths: number[], formats: ConditionalFormatPlan[], checks: ValidationPlan[]): SheetPlan => ({
    name,
    cells,
    columnWidths: widths,
    tables: [{ name: table, range: rangeAddress(1, 1, Math.max(2, cells.length), width) }],
    conditionalFormats: formats,
    validations: checks,
    charts: [],
    freezeRows: 1,
  });
  return {
    sheets: [
      sheet(USER_SHEETS.figures, USER_TABLES.figures, figureRows, 6, [24, 44, 14, 14, 40, 14], [], validations.figures),
      sheet(USER_SHEETS.claims, USER_TABLES.claims, claimRows, MY_CLAIM_COLUMNS.verdictCode, [20, 48, 36, 14, 10, 10, 14, 14, 48, 14], myClaimFormats(2, lastClaim), validations.claims),
    ],
    names,
    compiled,
  };
}
