import { getArithmeticFunction, invokeFunction } from '../functions/index.js';
import type { DomainError } from '../functions/types.js';
import type { Expr } from './ast.js';

/** Resolves an id to its number (figure value, reference value or scenario override). */
export type Lookup = (id: string) => number | undefined;

const isError = (v: unknown): v is DomainError => typeof v === 'object' && v !== null && (v as DomainError).kind === 'error';

const fail = (code: DomainError['code'], message: string): DomainError => ({ kind: 'error', code, message });

/**
 * `l ^ r` as Excel answers it: 0^0 and a negative base with a fractional exponent are #NUM!, zero
 * to a negative power is #DIV/0!, and a result too large for a double is #NUM!.
 */
export function power(l: number, r: number): number | DomainError {
  if (l === 0 && r === 0) return fail('#NUM!', '0^0 is undefined');
  if (l === 0 && r < 0) return fail('#DIV/0!', 'zero to a negative power');
  const v = Math.pow(l, r);
  return Number.isFinite(v) ? v : fail('#NUM!', `${l}^${r} is not a real number Excel can hold`);
}

/**
 * Evaluates an expression the way its native Excel formula calculates: through the registry's
 * runner, so the model, the `CLAIM.*` cells and the native cells share one implementation.
 */
export function evaluateExpr(expr: Expr, lookup: Lookup): number | DomainError {
  switch (expr.kind) {
    case 'number':
      return expr.value;
    case 'id': {
      const value = lookup(expr.name);
      return value === undefined ? fail('#N/A', `unknown id ${expr.name}`) : value;
    }
    case 'neg': {
      const v = evaluateExpr(expr.arg, lookup);
      return isError(v) ? v : -v;
    }
    case 'binary': {
      const l = evaluateExpr(expr.left, lookup);
      if (isError(l)) return l;
      const r = evaluateExpr(expr.right, lookup);
      if (isError(r)) return r;
      switch (expr.op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          return r === 0 ? fail('#DIV/0!', 'division by zero') : l / r;
        case '^':
          return power(l, r);
      }
    }
    // falls through: every binary branch returns
    case 'call': {
      const spec = getArithmeticFunction(expr.name);
      if (!spec) return fail('#N/A', `unknown function ${expr.name}`);
      const args: number[] = [];
      for (const a of expr.args) {
        const v = evaluateExpr(a, lookup);
        if (isError(v)) return v;
        args.push(v);
      }
      const result = invokeFunction(spec, args);
      if (typeof result === 'number') return result;
      if (isError(result)) return result;
      return fail('#VALUE!', `${expr.name} did not return a single number`);
    }
  }
}
