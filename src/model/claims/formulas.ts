import { formatNumber, renderExpr, type Expr, type FormulaDialect } from '../expr/index.js';
import { getArithmeticFunction } from '../functions/index.js';
import type { Claim, CompiledCheck } from './catalogue.js';

/** `=CLAIM.*` formulas: ids stay names, calls go to the add-in's custom functions. */
export const CLAIM_DIALECT: FormulaDialect = {
  id: (name) => name,
  call: (name, args) => `CLAIM.${name}(${args.join(',')})`,
};

/**
 * Native formulas: calls expand to the registry's native Excel equivalent; ids stay defined
 * names unless `id` maps them elsewhere (the scenario summary points them at one scenario's cells).
 */
export const nativeDialect = (id: (name: string) => string = (name) => name): FormulaDialect => ({
  id,
  call: (name, args) => {
    const spec = getArithmeticFunction(name);
    if (!spec?.native) throw new Error(`${name} has no native Excel equivalent, so it cannot appear in a claim`);
    // The registry's fragments splice arguments in as they are (`(a/b)`), so an argument that is
    // itself arithmetic goes in parentheses: RATIO(x, y*z) must be x/(y*z), not x/y*z.
    return spec.native(args.map((a) => (/^-?[A-Za-z0-9_.]+$/.test(a) || /^\(.*\)$/.test(a) && balanced(a.slice(1, -1)) ? a : `(${a})`)));
  },
});

/** True when every parenthesis in `text` closes inside it, so "(text)" is one group. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

export const NATIVE_DIALECT = nativeDialect();

/** Slack added to every tolerance so binary floating point (12+5+11.8 ≠ 28.8 exactly) never flips a verdict. */
export const FLOAT_SLACK = 1e-9;

export const claimFormula = (expr: Expr): string => `=${renderExpr(expr, CLAIM_DIALECT)}`;
export const nativeFormula = (expr: Expr): string => `=${renderExpr(expr, NATIVE_DIALECT)}`;

/**
 * The native condition under which a check holds, the same test `audit` applies in the model.
 * `value` may be passed as a cell reference to avoid repeating the recomputation.
 */
export function checkConditionFormula(check: CompiledCheck, value?: string, dialect: FormulaDialect = NATIVE_DIALECT): string {
  value ??= renderExpr(check.valueExpr, dialect);
  const stated = renderExpr(check.statedExpr, dialect);
  switch (check.compare) {
    case 'approx':
      return `ABS((${value})-(${stated}))<=${formatNumber(check.tolerance ?? 0)}+${formatNumber(FLOAT_SLACK)}*MAX(1,ABS(${stated}))`;
    case 'atLeast':
      return `(${value})>=(${stated})`;
    case 'atMost':
      return `(${value})<=(${stated})`;
    case 'between': {
      const high = renderExpr(check.statedHighExpr!, dialect);
      return `AND((${value})${check.exclusiveLow ? '>' : '>='}(${stated}),(${value})<=(${high}))`;
    }
  }
}

/**
 * The verdict as one native formula: the checks in catalogue order, the first that fails names
 * the verdict; any Excel error (e.g. a zero rate in a scenario) reads as unverifiable.
 * `recomputedCell` replaces the claim's own recomputation where a check uses it.
 */
export function nativeVerdictFormula(claim: Claim, recomputedCell?: string, dialect: FormulaDialect = NATIVE_DIALECT): string {
  // Explaining checks never set the verdict, in the workbook as in the model.
  const deciding = claim.compiledChecks.filter((c) => c.role === 'decides');
  if (deciding.length === 0) return '="unverifiable"';
  let body = '"consistent"';
  for (const check of [...deciding].reverse()) {
    const value = recomputedCell && check.valueExpr === claim.recomputeExpr ? recomputedCell : undefined;
    body = `IF(${checkConditionFormula(check, value, dialect)},${body},"${check.onFail}")`;
  }
  return `=IFERROR(${body},"unverifiable")`;
}
