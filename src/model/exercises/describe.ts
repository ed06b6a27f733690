/**
 * Task wording: a claim's recomputation written out as plain arithmetic over the figure names
 * (so a student can build it in Excel), and a check written out as a condition.
 */
import type { Claim, CompiledCheck } from '../claims/index.js';
import { formatNumber, renderExpr, type BinaryOp, type Expr, type FormulaDialect } from '../expr/index.js';
import { GRAMS_PER_TONNE, GRAMS_PER_TROY_OUNCE } from '../units/index.js';

const num = (value: number): Expr => ({ kind: 'number', value });
const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });

/** Replaces the registry functions that are plain arithmetic by that arithmetic. */
export function expandArithmetic(expr: Expr): Expr {
  switch (expr.kind) {
    case 'number':
    case 'id':
      return expr;
    case 'neg':
      return { kind: 'neg', arg: expandArithmetic(expr.arg) };
    case 'binary':
      return bin(expr.op, expandArithmetic(expr.left), expandArithmetic(expr.right));
    case 'call': {
      const a = expr.args.map(expandArithmetic);
      const [x, y] = a as [Expr, Expr];
      switch (expr.name) {
        case 'RATIO':
        case 'DEBT_SHARE':
        case 'TAXABLE_BASE':
          return bin('/', x, y);
        case 'IMPLIED_FX':
          return bin('/', y, x);
        case 'CHANGE':
        case 'DAYS_BETWEEN':
          return bin('-', y, x);
        case 'PCT_CHANGE':
          return bin('-', bin('/', y, x), num(1));
        case 'PRIOR_FROM_GROWTH':
          return bin('/', x, bin('+', num(1), y));
        case 'PRIOR_FROM_DELTA':
          return bin('-', x, y);
        case 'SHARE_SHIFT_PP':
          return bin('*', bin('-', y, x), num(100));
        case 'CONVERT_CURRENCY':
        case 'TARIFF_REVENUE':
        case 'BURDEN_SHARE':
        case 'INTEREST_COST':
          return bin('*', x, y);
        case 'TROY_OZ_TO_TONNES':
          return bin('/', bin('*', x, num(GRAMS_PER_TROY_OUNCE)), num(GRAMS_PER_TONNE));
        case 'TONNES_TO_TROY_OZ':
          return bin('/', bin('*', x, num(GRAMS_PER_TONNE)), num(GRAMS_PER_TROY_OUNCE));
        default:
          return { kind: 'call', name: expr.name, args: a };
      }
    }
  }
}

/** Calls left after expansion, written as native Excel where one exists. */
const MATH_DIALECT: FormulaDialect = {
  id: (name) => name,
  call: (name, args) => {
    if (name === 'STREAK_START') return `(EOMONTH(${args[0]}, -${args[1]}) + 1)`;
    return `${name}(${args.join(', ')})`;
  },
};

/** "INDIA_UST_CUT_OCT + BRAZIL_UST_CUT_OCT", "OFFICIAL_UST_HOLDINGS ÷ WORLD_GDP", … */
export function mathOf(expr: Expr): string {
  return renderExpr(expandArithmetic(expr), MATH_DIALECT)
    .replace(/\*/g, ' × ')
    .replace(/\//g, ' ÷ ')
    // No lookbehind: WebKit before Safari 16.4 (Excel on older macOS) cannot even parse it.
    .replace(/([\w)])([+-])(?=[\w(])/g, '$1 $2 ')
    .replace(/ {2,}/g, ' ');
}

/** Extra notes a student needs for a few functions (what EOMONTH means here). */
export function hintsOf(expr: Expr): { en: string; zh: string }[] {
  const hints: { en: string; zh: string }[] = [];
  const text = renderExpr(expr, { id: (n) => n, call: (n, a) => `${n}(${a.join(',')})` });
  if (text.includes('STREAK_START(')) {
    hints.push({
      en: 'EOMONTH(d, -n) + 1 is the first day of an n-month run that ends in the month of d.',
      zh: 'EOMONTH(d, -n) + 1 表示以 d 所在月份为最后一个月、共 n 个月的连续期间的第一天。',
    });
  }
  if (text.includes('DAYS_BETWEEN(')) hints.push({ en: 'Dates are Excel dates: subtracting two gives days.', zh: '日期为 Excel 日期，两者相减即为天数。' });
  return hints;
}

/** A check as a condition: "X ≤ REF_SEMI_SALES_2025", "|X − Y| ≤ 0.2", "0.9 ≤ X ≤ 1". */
export function conditionOf(check: CompiledCheck, claim: Claim): string {
  const value = check.valueExpr === claim.recomputeExpr ? `(${mathOf(claim.recomputeExpr)})` : `(${mathOf(check.valueExpr)})`;
  const stated = mathOf(check.statedExpr);
  switch (check.compare) {
    case 'approx':
      return `|${value} − ${stated}| ≤ ${formatNumber(check.tolerance ?? 0)}`;
    case 'atLeast':
      return `${value} ≥ ${stated}`;
    case 'atMost':
      return `${value} ≤ ${stated}`;
    case 'between':
      return `${stated} ${check.exclusiveLow ? '<' : '≤'} ${value} ≤ ${mathOf(check.statedHighExpr!)}`;
  }
}
