import seed from '../../../seeds/claims.json';
import { callsOf, idsOf, parseExpr, ExprSyntaxError, type Expr } from '../expr/index.js';
import { getFigure, loadFigures } from '../figures/index.js';
import { getArithmeticFunction } from '../functions/index.js';
import { getReference } from '../references/index.js';
import { DataValidationError, parseOrThrow } from '../validation/index.js';
import type { AgainstKind, SubjectKind } from './reasons.js';
import { ClaimCatalogueSchema, type Check, type ClaimRecord } from './schema.js';

/** A check with its expressions parsed, and what its two sides are. */
export interface CompiledCheck extends Check {
  readonly valueExpr: Expr;
  readonly statedExpr: Expr;
  readonly statedHighExpr?: Expr;
  /** Whether it can set the verdict (`decides`) or only names what a figure matches (`explains`). */
  readonly role: 'decides' | 'explains';
  /** The claim's recomputation, a figure of the article read as it stands, or another value. */
  readonly subject: SubjectKind;
  /** A figure of the article, a published record, or a fixed bound. */
  readonly against: AgainstKind;
}

/**
 * What a check compares with: a figure of the article as written (a bare figure id), a published
 * record (any reference), or a bound (literals, or arithmetic on the article's figures, which the
 * article does not state).
 */
function againstKind(expr: Expr): AgainstKind {
  if (idsOf(expr).some((id) => getReference(id))) return 'record';
  return expr.kind === 'id' && getFigure(expr.name) ? 'article' : 'bound';
}

/** A claim ready to audit: the record plus parsed expressions and the ids they read. */
export interface Claim extends ClaimRecord {
  readonly recomputeExpr: Expr;
  readonly compiledChecks: readonly CompiledCheck[];
  /** Article figure ids the claim uses (computed with, or named in `alsoUses`). */
  readonly figures: readonly string[];
  /** Reference ids the claim uses. */
  readonly references: readonly string[];
  /** True when the "recomputation" only reads one figure of the article: nothing is recomputed. */
  readonly echoesFigure: boolean;
}

export interface ClaimSet {
  readonly claims: readonly Claim[];
  readonly contextOnly: readonly { figure: string; why: string }[];
}

/**
 * Validates the claim catalogue: schema, then every expression parses, every id is a figure or
 * reference, every function is in the registry, ids are unique, and every figure is used by a
 * claim or listed as context-only. Throws DataValidationError naming claim and field.
 */
export function parseClaimCatalogue(data: unknown, source = 'seeds/claims.json'): ClaimSet {
  const catalogue = parseOrThrow(ClaimCatalogueSchema, data, source);
  const problems: string[] = [];
  const seen = new Set<string>();

  const compile = (text: string, where: string): Expr => {
    try {
      const expr = parseExpr(text);
      for (const id of idsOf(expr)) {
        if (!getFigure(id) && !getReference(id)) problems.push(`${where}: unknown figure or reference "${id}"`);
      }
      for (const name of callsOf(expr)) {
        if (!getArithmeticFunction(name)) problems.push(`${where}: unknown function "${name}"`);
      }
      return expr;
    } catch (error) {
      if (error instanceof ExprSyntaxError) {
        problems.push(`${where}: ${error.message}`);
        return { kind: 'number', value: Number.NaN };
      }
      throw error;
    }
  };

  const claims = catalogue.claims.map((record, i): Claim => {
    const at = `claims[${i}] (${record.id})`;
    if (seen.has(record.id)) problems.push(`${at}.id: duplicate id`);
    seen.add(record.id);
    const recomputeExpr = compile(record.recompute, `${at}.recompute`);
    const echoesFigure = recomputeExpr.kind === 'id' && getFigure(recomputeExpr.name) !== undefined;
    const compiledChecks = (record.checks ?? []).map((check, j): CompiledCheck => {
      const valueExpr = check.value === undefined ? recomputeExpr : compile(check.value, `${at}.checks[${j}].value`);
      const statedExpr = compile(check.stated, `${at}.checks[${j}].stated`);
      return {
        ...check,
        role: check.role ?? 'decides',
        valueExpr,
        statedExpr,
        ...(check.statedHigh === undefined ? {} : { statedHighExpr: compile(check.statedHigh, `${at}.checks[${j}].statedHigh`) }),
        subject: valueExpr !== recomputeExpr ? 'check' : echoesFigure ? 'article' : 'recomputed',
        against: againstKind(statedExpr),
      };
    });
    const ids: string[] = [];
    for (const expr of [recomputeExpr, ...compiledChecks.flatMap((c) => [c.valueExpr, c.statedExpr, ...(c.statedHighExpr ? [c.statedHighExpr] : [])])]) {
      idsOf(expr, ids);
    }
    for (const id of record.alsoUses ?? []) {
      if (!getFigure(id)) problems.push(`${at}.alsoUses: unknown figure "${id}"`);
      if (!ids.includes(id)) ids.push(id);
    }
    const figures = ids.filter((id) => getFigure(id));
    // The paragraph list is what the claim's figures stand in, no more and no less.
    const expected = [...new Set(figures.map((id) => getFigure(id)!.paragraph))].sort((a, b) => a - b);
    const listed = [...record.paragraphs].sort((a, b) => a - b);
    if (expected.join(',') !== listed.join(',')) {
      problems.push(`${at}.paragraphs: [${record.paragraphs.join(', ')}] should be [${expected.join(', ')}], the paragraphs of its figures`);
    }
    return {
      ...record,
      recomputeExpr,
      compiledChecks,
      figures,
      references: ids.filter((id) => getReference(id)),
      echoesFigure,
    };
  });

  const used = new Set(claims.flatMap((c) => c.figures));
  catalogue.contextOnly.forEach((entry, i) => {
    if (!getFigure(entry.figure)) problems.push(`contextOnly[${i}].figure: unknown figure "${entry.figure}"`);
    if (used.has(entry.figure)) problems.push(`contextOnly[${i}].figure: ${entry.figure} is used by a claim, so it is not context-only`);
    used.add(entry.figure);
  });
  for (const figure of loadFigures()) {
    if (!used.has(figure.id)) problems.push(`figure ${figure.id} is used by no claim and is not listed as context-only`);
  }

  if (problems.length) throw new DataValidationError(source, problems);
  return { claims, contextOnly: catalogue.contextOnly };
}

let cached: ClaimSet | undefined;

/** The article's claims, validated once on first use. */
export function loadClaims(): ClaimSet {
  cached ??= parseClaimCatalogue(seed);
  return cached;
}

export function getClaim(id: string): Claim | undefined {
  return loadClaims().claims.find((c) => c.id === id.toUpperCase());
}
