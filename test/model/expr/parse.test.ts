import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import seed from '../../../seeds/claims.json';
import { MAX_EXPR_DEPTH, parseExpr, readExpr, renderExpr, type Expr, type ExprReading, type FormulaDialect } from '../../../src/model/expr/index.js';

/** The catalogue's own notation: ids and calls as written in seeds/claims.json. */
const SEED_DIALECT: FormulaDialect = { id: (name) => name, call: (name, args) => `${name}(${args.join(', ')})` };

type Check = { value?: string; stated: string; statedHigh?: string };
const seedExpressions = (seed as { claims: { recompute: string; checks?: Check[] }[] }).claims.flatMap((c) => [
  c.recompute,
  ...(c.checks ?? []).flatMap((k) => [k.value, k.stated, k.statedHigh].filter((t): t is string => t !== undefined)),
]);

const upperIds = fc.constantFrom('WORLD_GDP', 'CN_UST_HOLDINGS', 'AI_CHIP_TARIFF_RATE', 'X');
/** Expressions the catalogue's notation can write: no ^ unless `power`; numbers as the seeds write them. */
const exprArb = (power: boolean): fc.Arbitrary<Expr> =>
  fc.letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.integer({ min: 0, max: 10_000_000 }).map((n): Expr => ({ kind: 'number', value: n / 1000 })),
      upperIds.map((name): Expr => ({ kind: 'id', name })),
      tie('e').map((arg): Expr => ({ kind: 'neg', arg })),
      fc
        .tuple(fc.constantFrom<'+' | '-' | '*' | '/' | '^'>(...(power ? (['+', '-', '*', '/', '^'] as const) : (['+', '-', '*', '/'] as const))), tie('e'), tie('e'))
        .map(([op, left, right]): Expr => ({ kind: 'binary', op, left, right })),
      fc.tuple(fc.constantFrom('RATIO', 'TAXABLE_BASE'), fc.array(tie('e'), { maxLength: 3 })).map(([name, args]): Expr => ({ kind: 'call', name, args })),
    ),
  })).e;

const problemOf = (reading: ExprReading): object => ('problem' in reading ? reading.problem : { expr: reading.expr });

describe('readExpr, catalogue mode (parseExpr)', () => {
  it('reads every seed expression to a tree that renders back to text it reads to the same tree', () => {
    expect(seedExpressions.length).toBeGreaterThan(100);
    for (const text of seedExpressions) {
      const expr = parseExpr(text);
      expect(parseExpr(renderExpr(expr, SEED_DIALECT)), text).toStrictEqual(expr);
    }
  });

  // The renderer drops parentheses that + and * do not need (a+(b+c) is a+b+c), so the text, not the tree, is what comes back.
  it('reads the text it renders to a tree that renders to the same text (property)', () => {
    fc.assert(
      fc.property(exprArb(false), (expr) => {
        const text = renderExpr(expr, SEED_DIALECT);
        const read = parseExpr(text);
        expect(renderExpr(read, SEED_DIALECT)).toBe(text);
        expect(parseExpr(renderExpr(read, SEED_DIALECT))).toStrictEqual(read);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps names as written and upper-cases calls', () => {
    expect(parseExpr('ratio(world_gdp, 2)')).toStrictEqual({ kind: 'call', name: 'RATIO', args: [{ kind: 'id', name: 'world_gdp' }, { kind: 'number', value: 2 }] });
  });

  it.each(['2^3', '50%', '+1', '=A', 'CLAIM.RATIO(1,2)', '.5', '1.', '"a"'])('refuses Excel-only syntax: %s', (text) => {
    expect('problem' in readExpr(text)).toBe(true);
  });

  it('gives each problem as a code with its fields and place', () => {
    expect(problemOf(readExpr('WORLD_GDP * (1 +'))).toStrictEqual({ code: 'valueExpected', at: 16, part: '(end)' });
    expect(problemOf(readExpr('(A'))).toStrictEqual({ code: 'expected', char: ')', atEnd: true, at: 2, part: '(end)' });
    expect(problemOf(readExpr('(A B)'))).toStrictEqual({ code: 'expected', char: ')', atEnd: false, at: 3, part: 'B)' });
    expect(problemOf(readExpr('A + #'))).toStrictEqual({ code: 'unsupportedChar', char: '#', at: 4, part: '#' });
    expect(problemOf(readExpr('A B'))).toStrictEqual({ code: 'unexpectedChar', char: 'B', at: 2, part: 'B' });
    expect(problemOf(readExpr('  '))).toStrictEqual({ code: 'empty', at: 2, part: '(end)' });
  });

  it('throws ExprSyntaxError naming the problem in English and its place', () => {
    expect(() => parseExpr('A * (B')).toThrow('expected ")" before the end at character 7 of "A * (B"');
  });
});

describe('readExpr, Excel mode', () => {
  const excel = { excel: true } as const;

  it('reads the text it renders to a tree that renders to the same text, ^ and signs included (property)', () => {
    fc.assert(
      fc.property(exprArb(true), (expr) => {
        const text = renderExpr(expr, SEED_DIALECT);
        const read = readExpr(`=${text}`, excel);
        expect('expr' in read && renderExpr(read.expr, SEED_DIALECT)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('asks the resolvers, and places what they refuse on the name', () => {
    const reading = readExpr('=1+sum(2)', {
      excel: true,
      resolveCall: (name) => (name === 'POWER' ? () => ({ kind: 'number', value: 0 }) : { code: 'unsupportedFunction', name }),
    });
    expect(problemOf(reading)).toStrictEqual({ code: 'unsupportedFunction', name: 'sum', at: 3, part: 'sum' });
    const counted = readExpr('=F(1,2,3)', { excel: true, resolveCall: (name) => (args) => ({ code: 'arity', name, min: 2, max: 2, got: args.length }) });
    expect(problemOf(counted)).toStrictEqual({ code: 'arity', name: 'F', min: 2, max: 2, got: 3, at: 1, part: 'F' });
    expect(problemOf(readExpr('=a+b', { excel: true, resolveName: (n) => (n === 'a' ? 'A' : undefined) }))).toStrictEqual({ code: 'unknownName', name: 'b', at: 3, part: 'b' });
  });

  it('names the Excel syntax the model does not read', () => {
    expect(problemOf(readExpr('=A1:B3', excel))).toMatchObject({ code: 'cellReference', reference: 'A1:B3', at: 1 });
    expect(problemOf(readExpr('=Sheet1!C3', excel))).toMatchObject({ code: 'qualifiedReference', name: 'Sheet1', mark: '!', at: 1 });
    expect(problemOf(readExpr('=1:1', excel))).toMatchObject({ code: 'rowOrColumnReference', at: 1 });
    expect(problemOf(readExpr('=A<>B', excel))).toMatchObject({ code: 'unsupportedOperator', operator: '<>', at: 2 });
    expect(problemOf(readExpr('=A&"x"', excel))).toMatchObject({ code: 'unsupportedOperator', operator: '&' });
    expect(problemOf(readExpr('="x y"', excel))).toMatchObject({ code: 'text', part: '"x y"' });
  });
});

describe('readExpr, both modes', () => {
  it(`refuses nesting deeper than ${MAX_EXPR_DEPTH} instead of running out of stack`, () => {
    for (const excel of [false, true]) {
      const deep = `${'('.repeat(MAX_EXPR_DEPTH + 1)}1${')'.repeat(MAX_EXPR_DEPTH + 1)}`;
      expect(problemOf(readExpr(deep, { excel }))).toMatchObject({ code: 'tooDeep', limit: MAX_EXPR_DEPTH });
      const fits = `${'('.repeat(MAX_EXPR_DEPTH - 1)}1${')'.repeat(MAX_EXPR_DEPTH - 1)}`;
      expect(readExpr(fits, { excel })).toStrictEqual({ expr: { kind: 'number', value: 1 } });
    }
  });

  it('never throws, and places every problem inside the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'=+-*/^%()., $:!"<>&[A1bC_9e#'.split('')), maxLength: 40 }), fc.boolean(), (text, excel) => {
        const reading = readExpr(text, { excel });
        if ('expr' in reading) return true;
        const { at, part } = reading.problem;
        return at >= 0 && at <= text.length && (part === '(end)' || text.slice(at).startsWith(part));
      }),
      { numRuns: 2000 },
    );
  });
});
