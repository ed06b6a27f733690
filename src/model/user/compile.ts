/**
 * The user's tables as claims of the same kind as the catalogue's: each `MyClaims` row becomes a
 * `Claim` with one deciding check, so the audit, the reasons, the stress models and the native
 * formulas treat it exactly as they treat the article's claims.
 */
import { getClaim, type Claim, type CompiledCheck } from '../claims/index.js';
import type { AgainstKind } from '../claims/reasons.js';
import { formatNumber, idsOf, renderExpr, type Expr } from '../expr/index.js';
import { getFigure } from '../figures/index.js';
import { getArithmeticFunction } from '../functions/index.js';
import { getReference } from '../references/index.js';
import { UNITS, type UnitId } from '../units/index.js';
import { CLAIM_DIALECT } from '../claims/formulas.js';
import { parseUserFormula, type NameResolver } from './formula.js';
import type { CellOf, UserTableProblem } from './problems.js';
import type { UserClaim, UserFigure, UserTables } from './schema.js';

export type { CellOf } from './problems.js';

export const FILE_CELLS: CellOf = (table, row, field) => `${table}[${row}].${field}`;

/** One `MyClaims` row: its claim when the model can read it, and every problem when it cannot. */
export interface UserClaimEntry {
  readonly record: UserClaim;
  readonly claim?: Claim;
  readonly problems: readonly UserTableProblem[];
}

export interface CompiledUserTables {
  readonly figures: readonly UserFigure[];
  readonly claims: readonly UserClaimEntry[];
  /** Problems of the figures table and of ids (clashes, duplicates). */
  readonly problems: readonly UserTableProblem[];
  /** Every problem, table and rows, in order: what an import or the Add-claim form refuses on. */
  readonly allProblems: readonly UserTableProblem[];
}

export interface CompileOptions {
  readonly cellOf?: CellOf;
  /** Other workbook names a user figure may not take (the plan's own names). */
  readonly reservedNames?: readonly string[];
}

/** The user's figure ids, case-insensitively (Excel names are), to their row. */
function figureIndex(figures: readonly UserFigure[]): Map<string, UserFigure> {
  const index = new Map<string, UserFigure>();
  for (const f of figures) if (!index.has(f.id.toUpperCase())) index.set(f.id.toUpperCase(), f);
  return index;
}

/** Names in a user's formula: an article figure, a reference, or one of the user's figures. */
export function userNameResolver(figures: readonly UserFigure[]): NameResolver {
  const mine = figureIndex(figures);
  return (name) => getFigure(name)?.id ?? getReference(name.toUpperCase())?.id ?? mine.get(name.toUpperCase())?.id;
}

/** A claim's unit from its formula: a figure's unit survives sums and scaling by numbers; anything else is a ratio. */
function unitOf(expr: Expr, unitOfId: (id: string) => UnitId | undefined): UnitId | undefined {
  switch (expr.kind) {
    case 'number':
      return undefined;
    case 'id':
      return unitOfId(expr.name);
    case 'neg':
      return unitOf(expr.arg, unitOfId);
    case 'call': {
      const unit = getArithmeticFunction(expr.name)?.resultUnit;
      return unit && unit !== 'any' ? unit : 'ratio';
    }
    case 'binary': {
      const l = unitOf(expr.left, unitOfId);
      const r = unitOf(expr.right, unitOfId);
      if (expr.op === '+' || expr.op === '-') return l === r || r === undefined ? l : l === undefined ? r : 'ratio';
      if (expr.op === '*' && (l === undefined || r === undefined)) return l ?? r;
      // a level times a share or rate (USD bn × 4%) stays a level of that unit
      if (expr.op === '*' && l !== undefined && r !== undefined && UNITS[l].isFraction !== UNITS[r].isFraction) return UNITS[l].isFraction ? r : l;
      if (expr.op === '/' && r === undefined) return l;
      return l === undefined && r === undefined ? undefined : 'ratio';
    }
  }
}

function againstOf(expr: Expr): AgainstKind {
  if (idsOf(expr).some((id) => getReference(id))) return 'record';
  return expr.kind === 'id' && getFigure(expr.name) ? 'article' : 'bound';
}

function toClaim(record: UserClaim, recomputeExpr: Expr, statedExpr: Expr, unitOfId: (id: string) => UnitId | undefined): Claim {
  const statedText = renderExpr(statedExpr, CLAIM_DIALECT);
  const high = record.compare === 'between' ? record.tolerance! : undefined;
  const check: CompiledCheck = {
    scope: 'article',
    stated: statedText,
    compare: record.compare,
    ...(record.compare === 'approx' ? { tolerance: record.tolerance ?? 0 } : {}),
    ...(high === undefined ? {} : { statedHigh: formatNumber(high), statedHighExpr: { kind: 'number', value: high } }),
    toleranceWhy: 'set by the user',
    toleranceWhyZh: '由用户设定',
    onFail: 'inconsistent',
    role: 'decides',
    valueExpr: recomputeExpr,
    statedExpr,
    subject: 'recomputed',
    against: againstOf(statedExpr),
  };
  const ids = idsOf(recomputeExpr);
  idsOf(statedExpr, ids);
  const figures = ids.filter((id) => getFigure(id));
  return {
    id: record.id,
    paragraphs: [...new Set(figures.map((id) => getFigure(id)!.paragraph))].sort((a, b) => a - b),
    unit: unitOf(recomputeExpr, unitOfId) ?? 'ratio',
    statementEn: record.statement,
    statementZh: record.statement,
    recompute: renderExpr(recomputeExpr, CLAIM_DIALECT),
    checks: [check],
    recomputeExpr,
    compiledChecks: [check],
    figures,
    references: ids.filter((id) => getReference(id)),
    echoesFigure: recomputeExpr.kind === 'id' && getFigure(recomputeExpr.name) !== undefined,
  };
}

/**
 * Reads both tables: ids (legal, not an article id, not repeated), each claim's formulas, and
 * builds the claims. Never throws on bad rows: each gets its problems, and only rows without
 * problems get a claim. Rows are numbered from 0 for `cellOf`.
 */
export function compileUserTables(tables: UserTables, options: CompileOptions = {}): CompiledUserTables {
  const cellOf = options.cellOf ?? FILE_CELLS;
  const reserved = new Set((options.reservedNames ?? []).map((n) => n.toUpperCase()));
  const problems: UserTableProblem[] = [];
  const seenFigures = new Set<string>();
  tables.figures.forEach((f, i) => {
    const key = f.id.toUpperCase();
    const cell = cellOf('figures', i, 'id');
    if (getFigure(f.id) || getReference(key)) problems.push({ code: 'articleFigureId', cell, value: f.id });
    else if (reserved.has(key)) problems.push({ code: 'reservedName', cell, value: f.id });
    else if (seenFigures.has(key)) problems.push({ code: 'repeatedId', cell, value: f.id });
    seenFigures.add(key);
  });
  const resolve = userNameResolver(tables.figures);
  const units = figureIndex(tables.figures);
  const unitOfId = (id: string): UnitId | undefined => getFigure(id)?.unit ?? getReference(id)?.unit ?? units.get(id.toUpperCase())?.unit;
  const seenClaims = new Set<string>();
  const claims = tables.claims.map((record, i): UserClaimEntry => {
    const rowProblems: UserTableProblem[] = [];
    const key = record.id.toUpperCase();
    const cell = cellOf('claims', i, 'id');
    if (getClaim(key)) rowProblems.push({ code: 'articleClaimId', cell, value: record.id });
    else if (seenClaims.has(key)) rowProblems.push({ code: 'repeatedId', cell, value: record.id });
    seenClaims.add(key);
    const read = (field: 'recompute' | 'stated', text: string | number): Expr | undefined => {
      if (typeof text === 'number') return { kind: 'number', value: text };
      const reading = parseUserFormula(text, resolve);
      if ('expr' in reading) return reading.expr;
      rowProblems.push({ code: 'formula', cell: cellOf('claims', i, field), formula: text, problem: reading.problem });
      return undefined;
    };
    const recomputeExpr = read('recompute', record.recompute);
    const statedExpr = read('stated', record.stated);
    if (record.compare === 'between' && record.tolerance === undefined) rowProblems.push({ code: 'betweenNeedsUpper', cell: cellOf('claims', i, 'tolerance') });
    if (record.compare === 'approx' && (record.tolerance ?? 0) < 0) rowProblems.push({ code: 'negativeTolerance', cell: cellOf('claims', i, 'tolerance'), value: record.tolerance! });
    const ok = rowProblems.length === 0 && recomputeExpr && statedExpr;
    return { record, problems: rowProblems, ...(ok ? { claim: toClaim(record, recomputeExpr, statedExpr, unitOfId) } : {}) };
  });
  return { figures: tables.figures, claims, problems, allProblems: [...problems, ...claims.flatMap((c) => c.problems)] };
}

/** The values a user claim reads: the user's figures, then the values in use (a scenario may override a user figure). */
export function withUserFigures(overrides: ReadonlyMap<string, number> | undefined, figures: readonly UserFigure[]): Map<string, number> {
  return new Map<string, number>([...figures.map((f) => [f.id, f.value] as const), ...(overrides ?? [])]);
}
