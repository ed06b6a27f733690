/**
 * The user's own figures and claims (`MyFigures`, `MyClaims`): read, checked, audited and
 * stressed through the same code as the catalogue's claims, on the values in use.
 */
import { auditClaim, claimVectorModel, type ClaimAudit, type Overrides } from '../claims/index.js';
import type { OwnClaims } from '../stress/claims.js';
import type { UnitId } from '../units/index.js';
import { compileUserTables, withUserFigures, type CompileOptions, type CompiledUserTables } from './compile.js';
import type { UserTableProblem } from './problems.js';
import type { UserTables } from './schema.js';

export { UserClaimSchema, UserFigureSchema, UserTablesSchema, NO_USER_TABLES, type UserClaim, type UserFigure, type UserTables } from './schema.js';
export { parseUserFormula, type FormulaProblem, type FormulaReading, type NameResolver } from './formula.js';
export { compileUserTables, userNameResolver, withUserFigures, FILE_CELLS, type CellOf, type CompileOptions, type CompiledUserTables, type UserClaimEntry } from './compile.js';
export { fieldProblem, fileProblems, problemKey, type UserTableProblem, type UserTableProblemCode } from './problems.js';

/** One user claim's audit, or the problems that keep the model from auditing it (Excel still calculates the row). */
export interface UserClaimResult {
  readonly id: string;
  readonly statement: string;
  readonly audit?: ClaimAudit;
  readonly problems: readonly UserTableProblem[];
}

/** The user's claims for the stress functions (`ValuesOption.mine`). */
export function ownClaimsOf(compiled: CompiledUserTables): OwnClaims {
  const units = new Map<string, UnitId>(compiled.figures.map((f) => [f.id, f.unit]));
  return { claims: compiled.claims.flatMap((c) => (c.claim ? [c.claim] : [])), unitOf: (id) => units.get(id) };
}

/** The overrides a user claim is audited and stressed with: the user's figures under the values in use. */
export function userOverrides(compiled: CompiledUserTables, overrides?: Overrides): Map<string, number> {
  return withUserFigures(overrides, compiled.figures);
}

/** What the stress functions take to stress the user's claims, and which of them have an input to move. */
export interface UserStress {
  /** `ValuesOption.mine`: the user's readable claims and the units of the user's figures. */
  readonly mine: OwnClaims;
  /** The values in use with the user's figures under them (`ValuesOption.overrides`). */
  readonly overrides: Map<string, number>;
  /** Ids of the user's claims whose recomputation reads at least one figure (those a stress test can move). */
  readonly ids: readonly string[];
}

export function userStressOf(compiled: CompiledUserTables, overrides?: Overrides): UserStress {
  const mine = ownClaimsOf(compiled);
  const values = userOverrides(compiled, overrides);
  return { mine, overrides: values, ids: mine.claims.filter((c) => claimVectorModel(c, values, mine.unitOf).inputs.length > 0).map((c) => c.id) };
}

/**
 * The same from the rows as plain data: what a Monte Carlo worker receives (it gets no closures)
 * and compiles with the same model code as the pane and the CLI.
 */
export function userStress(tables: UserTables, overrides?: Overrides, options: CompileOptions = {}): UserStress {
  return userStressOf(compileUserTables(tables, options), overrides);
}

/** Audits every user claim at the values in use (margins off unless asked: they search article figures only). */
export function auditUserClaims(compiled: CompiledUserTables, overrides?: Overrides, options: { margins?: boolean } = {}): UserClaimResult[] {
  const values = userOverrides(compiled, overrides);
  return compiled.claims.map((entry) => ({
    id: entry.record.id,
    statement: entry.record.statement,
    problems: entry.problems,
    ...(entry.claim ? { audit: auditClaim(entry.claim, values, { margins: options.margins ?? false }) } : {}),
  }));
}

/** Reads and audits both tables in one step. */
export function auditUserTables(tables: UserTables, overrides?: Overrides, options: CompileOptions & { margins?: boolean } = {}): { compiled: CompiledUserTables; results: UserClaimResult[] } {
  const compiled = compileUserTables(tables, options);
  return { compiled, results: auditUserClaims(compiled, overrides, options) };
}
export { userTablesFromCells, type TableCells, type RowCell, type RowCellName, type ReadTables } from './rows.js';
export { checkClaimForm, checkFigureForm, type ClaimForm, type FigureForm } from './add.js';
