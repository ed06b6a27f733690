import type { Expr } from './ast.js';

/** How ids and calls become formula text; binary operators and numbers render the same everywhere. */
export interface FormulaDialect {
  id(name: string): string;
  call(name: string, args: readonly string[]): string;
}

/** Excel's order: negation binds tighter than ^ (-2^2 is 4), ^ tighter than * and /, which bind tighter than + and -. */
const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 3 } as const;
const NEGATION = 4;

function precedenceOf(expr: Expr): number {
  if (expr.kind === 'binary') return PRECEDENCE[expr.op];
  return expr.kind === 'neg' ? NEGATION : NEGATION + 1;
}

/** Renders an expression as formula text (without the leading "="), adding only the parentheses needed. */
export function renderExpr(expr: Expr, dialect: FormulaDialect): string {
  switch (expr.kind) {
    case 'number':
      return formatNumber(expr.value);
    case 'id':
      return dialect.id(expr.name);
    case 'call':
      return dialect.call(
        expr.name,
        expr.args.map((a) => renderExpr(a, dialect)),
      );
    case 'neg': {
      const inner = renderExpr(expr.arg, dialect);
      return precedenceOf(expr.arg) < NEGATION ? `-(${inner})` : `-${inner}`;
    }
    case 'binary': {
      const mine = PRECEDENCE[expr.op];
      const left = renderExpr(expr.left, dialect);
      const right = renderExpr(expr.right, dialect);
      // Right operands of -, / and ^ need parentheses at equal precedence: a-(b-c) is not a-b-c, and Excel's ^ is left-associative.
      const rightNeedsParens = precedenceOf(expr.right) < mine || (precedenceOf(expr.right) === mine && (expr.op === '-' || expr.op === '/' || expr.op === '^'));
      return `${precedenceOf(expr.left) < mine ? `(${left})` : left}${expr.op}${rightNeedsParens ? `(${right})` : right}`;
    }
  }
}

/** Numbers as Excel formulas accept them: plain decimal, no exponent for the magnitudes claims use. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const text = String(value);
  return text.includes('e') ? value.toFixed(12).replace(/0+$/, '') : text;
}
