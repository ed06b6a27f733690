/**
 * Tasks on claims of the user's own (MyClaims). Such a claim is not in the catalogue, so its
 * MyClaims row and the MyFigures rows it names travel with the task: written into the task's row
 * of the Tasks sheet (column `Definition`, JSON) and covered by the exercise code. Grading reads
 * them back from the file and compiles them with the same model code, so it still needs only the
 * seed (and an edited definition fails the code check like an edited task list).
 */
import { userProblemText } from '../../text/messages.js';
import { getClaim, type Claim } from '../claims/index.js';
import { idsOf } from '../expr/index.js';
import { getFigure } from '../figures/index.js';
import { getReference } from '../references/index.js';
import { compileUserTables, UserClaimSchema, UserFigureSchema, type UserClaim, type UserFigure, type UserTables } from '../user/index.js';
import * as z from '../validation/zod.js';
import type { GivenFigure } from './perturb.js';

/** A user's claim as a task carries it: its row, and the rows of the user's figures it reads. */
export interface OwnTaskRows {
  readonly claim: UserClaim;
  readonly figures: readonly UserFigure[];
}

export const OwnTaskRowsSchema = z.strictObject({ claim: UserClaimSchema, figures: z.array(UserFigureSchema) });

/** The rows as one line of JSON in a fixed key order: what the Tasks sheet holds and the exercise code hashes. */
export function ownRowsText(rows: OwnTaskRows): string {
  const c = rows.claim;
  const claim = { id: c.id, statement: c.statement, recompute: c.recompute, stated: c.stated, compare: c.compare, ...(c.tolerance === undefined ? {} : { tolerance: c.tolerance }) };
  const figures = rows.figures.map((f) => ({ id: f.id, label: f.label, value: f.value, unit: f.unit, ...(f.note === undefined ? {} : { note: f.note }) }));
  return JSON.stringify({ claim, figures });
}

/** The rows read back from a Tasks cell, or a problem sentence. */
export function parseOwnRows(text: string): OwnTaskRows | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'its Definition cell is not the JSON ClaimCell wrote';
  }
  const parsed = OwnTaskRowsSchema.safeParse(data);
  return parsed.success ? parsed.data : 'its Definition cell does not hold a MyClaims row and its MyFigures rows';
}

const compiled = new Map<string, Claim | string>();

/** The claim the rows define, compiled by the model (memoised by the rows' text), or why it cannot be. */
export function ownClaimOf(rows: OwnTaskRows): Claim | string {
  const key = ownRowsText(rows);
  let claim = compiled.get(key);
  if (claim === undefined) {
    const entry = compileUserTables({ figures: [...rows.figures], claims: [rows.claim] }).claims[0]!;
    // an exercise error is still one English sentence (ExerciseError); its row problems read as in the CLI
    claim = entry.claim ?? `${rows.claim.id} cannot be read: ${entry.problems.map((p) => userProblemText(p, 'en')).join('; ')}`;
    compiled.set(key, claim);
  }
  return claim;
}

/** The user's claim `id` from their tables, with the figure rows its formulas name; undefined when it is not one of theirs. */
export function ownTaskRows(tables: UserTables, id: string): OwnTaskRows | undefined {
  const key = id.trim().toUpperCase();
  if (getClaim(key)) return undefined;
  const row = tables.claims.find((c) => c.id.toUpperCase() === key);
  if (!row) return undefined;
  const entry = compileUserTables({ figures: tables.figures, claims: [row] }).claims[0]!;
  const read = entry.claim ? [...idsOf(entry.claim.recomputeExpr), ...entry.claim.compiledChecks.flatMap((c) => idsOf(c.statedExpr))] : [];
  const named = new Set(read.filter((n) => !getFigure(n) && !getReference(n)).map((n) => n.toUpperCase()));
  return { claim: row, figures: tables.figures.filter((f) => named.has(f.id.toUpperCase())) };
}

/** A user's figure as a number given to the student (varied like an article figure of its unit). */
export function givenOwnFigure(f: UserFigure): GivenFigure {
  return { id: f.id, source: 'user', unit: f.unit, kind: 'level', value: f.value, labelEn: f.label, labelZh: f.label, where: 'MyFigures', period: f.note ?? '', periodZh: f.note ?? '', stream: f.id };
}
