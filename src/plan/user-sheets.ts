/**
 * The user's own tables, `MyFigures` and `MyClaims`, as plan sheets. Each figure row is a defined
 * name; each claim row's `recomputed`, `verdict` and `reason` are native formulas over the row's
 * own cells, so the table works with no add-in (and in the portable file) for rows the model
 * cannot read too. Cached results come from the model's audit of the same rows.
 */
import example from '../../seeds/my-claims-example.json';
import exampleZh from '../../seeds/my-claims-example.zh.json';
import { COMPARES, FLOAT_SLACK, NATIVE_DIALECT } from '../model/claims/index.js';
import { formatNumber, renderExpr, type Expr } from '../model/expr/index.js';
import { UNIT_IDS, UNITS } from '../model/units/index.js';
import { auditUserClaims, compileUserTables, UserTablesSchema, type CellOf, type CompiledUserTables, type UserClaim, type UserTables } from '../model/user/index.js';
import { parseOrThrow } from '../model/validation/index.js';
import { cellAddress, rangeAddress } from './a1.js';
import { FIGURES_IN_USE_NAME } from './figures-sheet.js';
import { SCENARIO_LOOKUP_NAMES } from './scenarios-sheet.js';
import { SIM_NAMES, simHoldsName } from './simulation-sheet.js';
import { stressClaimIds } from '../model/stress/claims.js';
import type { CellPlan, NamePlan, SheetPlan } from './types.js';

/** Each table on a sheet of its own name (a sheet and a table may share a name; defined names may not). */
export const USER_SHEETS = { figures: 'MyFigures', claims: 'MyClaims' } as const;
export const USER_TABLES = { figures: 'MyFigures', claims: 'MyClaims' } as const;

/** 1-based columns of the two tables, in the order the issue and the README give them. */
export const MY_FIGURE_COLUMNS = { id: 1, label: 2, value: 3, unit: 4, note: 5, inUse: 6 } as const;
/** The header of MyFigures' computed column, which the figure's defined name points at. */
export const MY_FIGURE_IN_USE_HEADER = 'value in use';
export const MY_CLAIM_COLUMNS = { id: 1, statement: 2, recompute: 3, stated: 4, compare: 5, tolerance: 6, recomputed: 7, verdict: 8, reason: 9 } as const;

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

/**
 * The verdict of row `r` as a native formula: the model's rule (`checkHolds`, with the same float
 * slack for approx), any Excel error reading as unverifiable.
 */
export function myClaimVerdictFormula(r: number): string {
  const c = (col: number): string => cellAddress(r, col);
  const [v, s, cmp, tol] = [c(MY_CLAIM_COLUMNS.recomputed), c(MY_CLAIM_COLUMNS.stated), c(MY_CLAIM_COLUMNS.compare), c(MY_CLAIM_COLUMNS.tolerance)];
  const verdict = (test: string): string => `IF(${test},"consistent","inconsistent")`;
  return (
    `=IFERROR(IF(${cmp}="approx",${verdict(`ABS(${v}-${s})<=${tol}+${formatNumber(FLOAT_SLACK)}*MAX(1,ABS(${s}))`)},` +
    `IF(${cmp}="atLeast",${verdict(`${v}>=${s}`)},IF(${cmp}="atMost",${verdict(`${v}<=${s}`)},` +
    `IF(${cmp}="between",${verdict(`AND(${v}>=${s},${v}<=${tol})`)},"unverifiable")))),"unverifiable")`
  );
}

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

/** A one-line reason of row `r`: what was recomputed and what would make the claim hold. */
export function myClaimReasonFormula(r: number): string {
  const c = (col: number): string => cellAddress(r, col);
  const [v, s, cmp, tol] = [c(MY_CLAIM_COLUMNS.recomputed), c(MY_CLAIM_COLUMNS.stated), c(MY_CLAIM_COLUMNS.compare), c(MY_CLAIM_COLUMNS.tolerance)];
  const holdsIf = `IF(${cmp}="approx","within "&${tol}&" of "&ROUND(${s},6),IF(${cmp}="atLeast","at least "&ROUND(${s},6),IF(${cmp}="atMost","at most "&ROUND(${s},6),ROUND(${s},6)&" to "&${tol})))`;
  return `=IFERROR("recomputed "&ROUND(${v},6)&"; holds if "&${holdsIf},"cannot be computed: check the recompute and stated formulas")`;
}

/** What `myClaimReasonFormula` shows, for the cached value (numbers as ROUND(…, 6) prints them). */
export function myClaimReasonText(claim: UserClaim, recomputed: number | null, stated: number | null): string {
  if (recomputed === null || stated === null) return 'cannot be computed: check the recompute and stated formulas';
  const round = (v: number): string => String(Math.round(v * 1e6) / 1e6);
  const tol = String(claim.tolerance ?? 0);
  const holdsIf =
    claim.compare === 'approx' ? `within ${tol} of ${round(stated)}` : claim.compare === 'atLeast' ? `at least ${round(stated)}` : claim.compare === 'atMost' ? `at most ${round(stated)}` : `${round(stated)} to ${tol}`;
  return `recomputed ${round(recomputed)}; holds if ${holdsIf}`;
}

/** A formula cell for a user's formula: natively rendered when the model read it, else as the user wrote it. */
function formulaCell(source: string | number, parsed: string | undefined, cached: number | null | undefined): CellPlan {
  if (typeof source === 'number') return { v: source };
  const f = parsed ?? (source.trim().startsWith('=') ? source.trim() : `=${source.trim()}`);
  return { f, ...(cached === undefined ? {} : { cached }) };
}

/**
 * Both sheets for `tables` (the example when the workbook has none yet), audited at `inUse`.
 * `nativeFormulas` renders parsed formulas natively (the portable file); otherwise the user's own text is kept.
 */
export function userSheets(tables: UserTables, inUse: ReadonlyMap<string, number>, nativeFormulas: boolean): { sheets: SheetPlan[]; names: NamePlan[]; compiled: CompiledUserTables } {
  const compiled = compileUserTables(tables, { cellOf: WORKBOOK_CELLS });
  const results = auditUserClaims(compiled, inUse);
  const figureRows: CellPlan[][] = [['id', 'label', 'value', 'unit', 'note', MY_FIGURE_IN_USE_HEADER].map(header)];
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
  const claimRows: CellPlan[][] = [['id', 'statement', 'recompute', 'stated', 'compare', 'tolerance', 'recomputed', 'verdict', 'reason'].map(header)];
  tables.claims.forEach((claim, i) => {
    const row = i + 2;
    const entry = compiled.claims[i]!;
    const audit = results[i]!.audit;
    const check = entry.claim?.compiledChecks[0];
    const native = (expr: Expr | undefined): string | undefined => (nativeFormulas && expr ? `=${renderExpr(expr, NATIVE_DIALECT)}` : undefined);
    claimRows.push([
      text(claim.id),
      text(claim.statement),
      formulaCell(claim.recompute, native(entry.claim?.recomputeExpr), audit?.recomputed),
      formulaCell(claim.stated, native(check?.statedExpr), audit?.checks[0]?.stated),
      text(claim.compare),
      claim.tolerance === undefined ? { v: null } : { v: claim.tolerance },
      { f: `=${cellAddress(row, MY_CLAIM_COLUMNS.recompute)}`, ...(audit ? { cached: audit.recomputed } : {}) },
      { f: myClaimVerdictFormula(row), ...(audit ? { cached: audit.verdict } : {}) },
      { f: myClaimReasonFormula(row), cached: audit ? myClaimReasonText(claim, audit.recomputed, audit.checks[0]?.stated ?? null) : null },
    ]);
  });
  const lastFigure = Math.max(2, figureRows.length);
  const lastClaim = Math.max(2, claimRows.length);
  const sheet = (name: string, table: string, cells: CellPlan[][], width: number, widths: number[], validations: SheetPlan['validations']): SheetPlan => ({
    name,
    cells,
    columnWidths: widths,
    tables: [{ name: table, range: rangeAddress(1, 1, Math.max(2, cells.length), width) }],
    conditionalFormats: [],
    validations,
    charts: [],
    freezeRows: 1,
  });
  return {
    sheets: [
      sheet(USER_SHEETS.figures, USER_TABLES.figures, figureRows, 6, [24, 44, 14, 14, 40, 14], [
        { range: rangeAddress(2, MY_FIGURE_COLUMNS.unit, lastFigure, MY_FIGURE_COLUMNS.unit), listSource: `"${UNIT_IDS.join(',')}"`, prompt: 'One of ClaimCell\'s units' },
      ]),
      sheet(USER_SHEETS.claims, USER_TABLES.claims, claimRows, 9, [20, 48, 36, 14, 10, 10, 14, 14, 48], [
        { range: rangeAddress(2, MY_CLAIM_COLUMNS.compare, lastClaim, MY_CLAIM_COLUMNS.compare), listSource: `"${COMPARES.join(',')}"`, prompt: 'approx, atLeast, atMost or between' },
      ]),
    ],
    names,
    compiled,
  };
}
