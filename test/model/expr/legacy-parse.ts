/** TEMPORARY: the catalogue parser as it was before the fold, to compare the new reader against. */
import type { Expr } from '../../../src/model/expr/ast.js';

export class ExprSyntaxError extends Error {
  constructor(
    message: string,
    readonly source: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/**
 * Parses `TAXABLE_BASE(TARIFF_REVENUE_TARGET_P1, AI_CHIP_TARIFF_RATE) / 2`-style text.
 * Grammar: sum := product (('+'|'-') product)* ; product := unary (('*'|'/') unary)* ;
 * unary := '-' unary | atom ; atom := number | id | id '(' args ')' | '(' sum ')'.
 */
export function parseExpr(source: string): Expr {
  let pos = 0;
  const skip = (): void => {
    while (pos < source.length && /\s/.test(source[pos]!)) pos++;
  };
  const peek = (): string | undefined => {
    skip();
    return source[pos];
  };
  const expect = (ch: string): void => {
    if (peek() !== ch) throw new ExprSyntaxError(`expected "${ch}"`, source, pos);
    pos++;
  };

  const atom = (): Expr => {
    const ch = peek();
    if (ch === undefined) throw new ExprSyntaxError('unexpected end', source, pos);
    if (ch === '(') {
      pos++;
      const inner = sum();
      expect(')');
      return inner;
    }
    const num = /^(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(source.slice(pos));
    if (num) {
      pos += num[1]!.length;
      return { kind: 'number', value: Number(num[1]) };
    }
    const ident = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(source.slice(pos));
    if (!ident) throw new ExprSyntaxError(`unexpected "${ch}"`, source, pos);
    pos += ident[1]!.length;
    if (peek() !== '(') return { kind: 'id', name: ident[1]! };
    pos++;
    const args: Expr[] = [];
    if (peek() !== ')') {
      args.push(sum());
      while (peek() === ',') {
        pos++;
        args.push(sum());
      }
    }
    expect(')');
    return { kind: 'call', name: ident[1]!.toUpperCase(), args };
  };
  const unary = (): Expr => {
    if (peek() === '-') {
      pos++;
      return { kind: 'neg', arg: unary() };
    }
    return atom();
  };
  const product = (): Expr => {
    let left = unary();
    for (let op = peek(); op === '*' || op === '/'; op = peek()) {
      pos++;
      left = { kind: 'binary', op, left, right: unary() };
    }
    return left;
  };
  const sum = (): Expr => {
    let left = product();
    for (let op = peek(); op === '+' || op === '-'; op = peek()) {
      pos++;
      left = { kind: 'binary', op, left, right: product() };
    }
    return left;
  };

  const tree = sum();
  if (peek() !== undefined) throw new ExprSyntaxError(`unexpected "${peek()}"`, source, pos);
  return tree;
}
