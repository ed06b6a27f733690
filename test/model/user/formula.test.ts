import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { CLAIM_DIALECT, NATIVE_DIALECT } from '../../../src/model/claims/index.js';
import { evaluateExpr, renderExpr, type Expr } from '../../../src/model/expr/index.js';
import { parseUserFormula, userNameResolver, type FormulaReading } from '../../../src/model/user/index.js';

const figures = [{ id: 'MY_EXPORTS', label: 'exports', value: 500, unit: 'usd_bn' as const }];
const resolve = userNameResolver(figures);
const parse = (text: string): FormulaReading => parseUserFormula(text, resolve);
const values: Record<string, number> = { CN_UST_HOLDINGS: 682.6, WORLD_GDP: 123580, MY_EXPORTS: 500 };
const value = (text: string): number => {
  const r = parse(text);
  if (!('expr' in r)) throw new Error(r.problem.message);
  const v = evaluateExpr(r.expr, (id) => values[id]);
  if (typeof v !== 'number') throw new Error(v.message);
  return v;
};

describe('parseUserFormula', () => {
  it('reads names, numbers and arithmetic as Excel does', () => {
    expect(value('=CN_UST_HOLDINGS/WORLD_GDP')).toBeCloseTo(682.6 / 123580, 15);
    expect(value('=(1+2)*3')).toBe(9);
    expect(value('=2^3^2')).toBe(64); // Excel's ^ is left-associative
    expect(value('=-2^2')).toBe(4); // and a sign binds tighter than ^
    expect(value('=2*-3')).toBe(-6);
    expect(value('=50%')).toBe(0.5);
    expect(value('=.5+1.e1')).toBe(10.5);
    expect(value(' = + my_exports / 2 ')).toBe(250); // names are case-insensitive, like Excel's
    expect(value('=POWER(2,10)')).toBe(1024);
    expect(value('=SQRT(16)')).toBe(4);
    expect(value('=CLAIM.RATIO(MY_EXPORTS,CN_UST_HOLDINGS)')).toBeCloseTo(500 / 682.6, 15);
    expect(value('=claim.pct_change(100, 125)')).toBeCloseTo(0.25, 15);
  });

  it('resolves names to their canonical ids', () => {
    const r = parse('=cn_ust_holdings+My_Exports');
    expect(r).toEqual({
      expr: { kind: 'binary', op: '+', left: { kind: 'id', name: 'CN_UST_HOLDINGS' }, right: { kind: 'id', name: 'MY_EXPORTS' } },
    });
  });

  it.each([
    ['=SUM(MY_EXPORTS)', 'unsupported function SUM', 'SUM'],
    ['=MY_EXPORTS+B2', 'cell reference B2: name a figure instead', 'B2'],
    ['=$B$2*2', 'cell reference $B$2: name a figure instead', '$B$2'],
    ['=A1:B3', 'cell reference A1:B3: name a figure instead', 'A1:B3'],
    ['=Sheet1!C3', 'reference Sheet1!…: name a figure instead', 'Sheet1!'],
    ['=NOT_A_FIGURE*2', 'unknown name NOT_A_FIGURE', 'NOT_A_FIGURE'],
    ['=CLAIM.NOPE(1)', 'unknown function CLAIM.NOPE', 'CLAIM.NOPE'],
    ['=CLAIM.RATIO(1)', 'CLAIM.RATIO takes 2 arguments, got 1', 'CLAIM.RATIO'],
    ['=CLAIM.PARTS_GAP(1,2)', 'CLAIM.PARTS_GAP takes a range, which a claim formula cannot pass', 'CLAIM.PARTS_GAP'],
    ['=MY_EXPORTS>1', 'unsupported operator >', '>'],
    ['=MY_EXPORTS&"x"', 'unsupported operator &', '&'],
    ['="text"', 'text in a formula', '"text"'],
    ['=(1+2', 'expected ")" before the end', '(end)'],
    ['=', 'the formula is empty', '(end)'],
    ['=1+', 'the formula ends where a value is expected', '(end)'],
  ])('%s: %s', (formula, message, part) => {
    const r = parse(formula);
    expect('problem' in r && r.problem).toMatchObject({ message, part });
  });

  // Random expressions over the known names, rendered as a CLAIM.* formula and as a native one, read back to the same value.
  const ids = Object.keys(values);
  const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.double({ min: 0, max: 1e6, noNaN: true }).map((v): Expr => ({ kind: 'number', value: Number(v.toFixed(4)) })),
      fc.constantFrom(...ids).map((name): Expr => ({ kind: 'id', name })),
      tie('e').map((arg): Expr => ({ kind: 'neg', arg })),
      fc.tuple(fc.constantFrom('+', '-', '*', '/', '^' as const), tie('e'), tie('e')).map(([op, left, right]): Expr => ({ kind: 'binary', op, left, right })),
      fc.tuple(tie('e'), tie('e')).map(([a, b]): Expr => ({ kind: 'call', name: 'RATIO', args: [a, b] })),
    ),
  })).e;
  const same = (a: number | { code: string }, b: number | { code: string }): boolean =>
    typeof a === 'number' && typeof b === 'number' ? Object.is(a, b) || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) : typeof a === typeof b;

  it('reads back what it renders, in both dialects (property)', () => {
    fc.assert(
      fc.property(exprArb, fc.constantFrom(CLAIM_DIALECT, NATIVE_DIALECT), (expr, dialect) => {
        const text = `=${renderExpr(expr, dialect)}`;
        const r = parse(text);
        if (!('expr' in r)) return false;
        const lookup = (id: string): number | undefined => values[id];
        return same(evaluateExpr(r.expr, lookup) as number, evaluateExpr(expr, lookup) as number);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'=+-*/^%()., $:!"<>&A1bC_9e'.split('')), maxLength: 40 }), (text) => {
        const r = parse(text);
        return 'expr' in r || (typeof r.problem.message === 'string' && r.problem.at >= 0);
      }),
      { numRuns: 1000 },
    );
  });
});
