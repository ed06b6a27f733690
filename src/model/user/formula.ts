/**
 * A user's Excel formula (`=CN_UST_HOLDINGS/WORLD_GDP`) read into the expression model the
 * catalogue's claims use, by the same reader (`readExpr`) in its Excel mode. It reads what the model
 * can evaluate, stress and render natively: numbers, + - * / ^, unary signs, %, parentheses, names,
 * the scalar `CLAIM.*` arithmetic functions and the native POWER and SQRT. Anything else is a problem
 * naming the part it could not read; the row still calculates in Excel, it is only not audited by the model.
 */
import { TEXT } from '../../text/index.js';
import { readExpr, type CallBuilder, type Expr, type ExprProblem, type ExprRefusal } from '../expr/index.js';
import { getArithmeticFunction } from '../functions/index.js';

/**
 * A problem as data (`code` and its fields, `part`, `at`: see `ExprProblem`), with `message`, its
 * English rendering, for callers that still show text; render in another language with
 * `textFor(lang).exprProblem(problem)`.
 */
export type FormulaProblem = ExprProblem & {
  /** What is wrong, naming the part, in English: `unsupported function SUM`. */
  readonly message: string;
};

export type FormulaReading = { readonly expr: Expr } | { readonly problem: FormulaProblem };

/** The canonical id a name in a formula stands for (figure, reference or user figure), or undefined. */
export type NameResolver = (name: string) => string | undefined;

/** Native functions read into the expression model: each becomes the arithmetic Excel does. */
const NATIVE: Readonly<Record<string, { arity: number; build: (args: readonly Expr[]) => Expr }>> = {
  POWER: { arity: 2, build: ([base, exponent]) => ({ kind: 'binary', op: '^', left: base!, right: exponent! }) },
  SQRT: { arity: 1, build: ([x]) => ({ kind: 'binary', op: '^', left: x!, right: { kind: 'number', value: 0.5 } }) },
};

/** `build`, once the argument count is between `min` and `max`. */
const counted =
  (name: string, min: number, max: number, build: (args: readonly Expr[]) => Expr): CallBuilder =>
  (args) =>
    args.length < min || args.length > max ? { code: 'arity', name, min, max, got: args.length } : build(args);

/** The functions a claim's formula may call: scalar CLAIM.* arithmetic, POWER and SQRT. */
function formulaFunction(name: string): CallBuilder | ExprRefusal {
  const upper = name.toUpperCase();
  if (upper.startsWith('CLAIM.')) {
    const spec = getArithmeticFunction(upper);
    if (!spec) return { code: 'unknownFunction', name };
    if (spec.params.some((p) => p.type !== 'number' || p.dimensionality !== 'scalar')) return { code: 'rangeParameter', name };
    const required = spec.params.filter((p) => !p.optional).length;
    return counted(name, required, spec.params.length, (args) => ({ kind: 'call', name: spec.name, args }));
  }
  const native = NATIVE[upper];
  if (!native) return { code: 'unsupportedFunction', name };
  return counted(upper, native.arity, native.arity, native.build);
}

export function parseUserFormula(formula: string, resolve: NameResolver): FormulaReading {
  const reading = readExpr(formula, { excel: true, resolveName: resolve, resolveCall: formulaFunction });
  if ('expr' in reading) return reading;
  return { problem: { ...reading.problem, message: TEXT.en.exprProblem(reading.problem) } };
}
