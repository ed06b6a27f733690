/** TEMPORARY: the user-formula parser as it was before the fold, to compare the new reader against. */
/**
 * A user's Excel formula (`=CN_UST_HOLDINGS/WORLD_GDP`) read into the expression model the
 * catalogue's claims use. It reads what the model can evaluate, stress and render natively:
 * numbers, + - * / ^, unary signs, %, parentheses, names, the scalar `CLAIM.*` arithmetic
 * functions and the native POWER and SQRT. Anything else is a problem naming the part it could
 * not read; the row still calculates in Excel, it is only not audited by the model.
 */
import type { Expr } from '../../../src/model/expr/index.js';
import { looksLikeCellReference } from '../../../src/model/figures/excel-names.js';
import { getArithmeticFunction } from '../../../src/model/functions/index.js';

export interface FormulaProblem {
  /** What is wrong, naming the part: `unsupported function SUM`. */
  readonly message: string;
  /** The text the parser stopped at. */
  readonly part: string;
  /** 0-based offset of `part` in the formula as given. */
  readonly at: number;
}

export type FormulaReading = { readonly expr: Expr } | { readonly problem: FormulaProblem };

/** The canonical id a name in a formula stands for (figure, reference or user figure), or undefined. */
export type NameResolver = (name: string) => string | undefined;

class Stop extends Error {
  constructor(readonly problem: FormulaProblem) {
    super(problem.message);
  }
}

/** Native functions read into the expression model: each becomes the arithmetic Excel does. */
const NATIVE: Readonly<Record<string, { arity: number; build: (args: readonly Expr[]) => Expr }>> = {
  POWER: { arity: 2, build: ([base, exponent]) => ({ kind: 'binary', op: '^', left: base!, right: exponent! }) },
  SQRT: { arity: 1, build: ([x]) => ({ kind: 'binary', op: '^', left: x!, right: { kind: 'number', value: 0.5 } }) },
};

/** Deeper nesting than this is refused rather than risking the call stack. */
const MAX_DEPTH = 200;

export function parseUserFormula(formula: string, resolve: NameResolver): FormulaReading {
  let pos = 0;
  let depth = 0;
  const source = formula;
  const stop = (message: string, at: number, part?: string): never => {
    throw new Stop({ message, at, part: part ?? (source.slice(at).trim().split(/\s+/)[0] || '(end)') });
  };
  const skip = (): void => {
    while (pos < source.length && /\s/.test(source[pos]!)) pos++;
  };
  const peek = (): string | undefined => {
    skip();
    return source[pos];
  };
  const expect = (ch: string): void => {
    if (peek() !== ch) stop(peek() === undefined ? `expected "${ch}" before the end` : `expected "${ch}"`, pos);
    pos++;
  };

  /** The function a name calls, checked before its arguments are read so the message names it. */
  const functionFor = (name: string, at: number): ((args: Expr[]) => Expr) => {
    const upper = name.toUpperCase();
    if (upper.startsWith('CLAIM.')) {
      const spec = getArithmeticFunction(upper);
      if (!spec) return stop(`unknown function ${name}`, at, name);
      if (spec.params.some((p) => p.type !== 'number' || p.dimensionality !== 'scalar')) return stop(`${name} takes a range, which a claim formula cannot pass`, at, name);
      const required = spec.params.filter((p) => !p.optional).length;
      return (args) => {
        if (args.length < required || args.length > spec.params.length) {
          const expected = required === spec.params.length ? `${required}` : `${required} to ${spec.params.length}`;
          stop(`${name} takes ${expected} arguments, got ${args.length}`, at, name);
        }
        return { kind: 'call', name: spec.name, args };
      };
    }
    const native = NATIVE[upper];
    if (!native) return stop(`unsupported function ${name}`, at, name);
    return (args) => {
      if (args.length !== native.arity) stop(`${upper} takes ${native.arity} argument${native.arity === 1 ? '' : 's'}, got ${args.length}`, at, name);
      return native.build(args);
    };
  };

  const atom = (): Expr => {
    const ch = peek();
    const at = pos;
    if (ch === undefined) return stop('the formula ends where a value is expected', at, '(end)');
    if (ch === '(') {
      pos++;
      const inner = nested();
      expect(')');
      return inner;
    }
    if (ch === '"') return stop('text in a formula', at, source.slice(at, source.indexOf('"', at + 1) + 1 || undefined));
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(pos));
    if (num) {
      pos += num[0].length;
      if (/^[A-Za-z_:$]/.test(source.slice(pos))) return stop('a row or column reference', at);
      return { kind: 'number', value: Number(num[0]) };
    }
    const cell = /^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?(?![A-Za-z0-9_.(])/.exec(source.slice(pos));
    if (cell && (cell[0].includes('$') || cell[0].includes(':') || looksLikeCellReference(cell[0]))) {
      return stop(`cell reference ${cell[0]}: name a figure instead`, at, cell[0]);
    }
    const ident = /^[A-Za-z_\\][A-Za-z0-9_.]*/.exec(source.slice(pos));
    if (!ident) return stop(`unsupported "${ch}"`, at, ch);
    const name = ident[0];
    pos += name.length;
    if (source[pos] === '!' || source[pos] === ':' || source[pos] === '[') return stop(`reference ${name}${source[pos]}…: name a figure instead`, at, name + source[pos]);
    if (peek() === '(') {
      const build = functionFor(name, at);
      pos++;
      const args: Expr[] = [];
      if (peek() !== ')') {
        args.push(nested());
        while (peek() === ',') {
          pos++;
          args.push(nested());
        }
      }
      expect(')');
      return build(args);
    }
    const id = resolve(name);
    if (id === undefined) return stop(`unknown name ${name}`, at, name);
    return { kind: 'id', name: id };
  };
  const postfix = (): Expr => {
    let e = atom();
    while (peek() === '%') {
      pos++;
      e = { kind: 'binary', op: '/', left: e, right: { kind: 'number', value: 100 } };
    }
    return e;
  };
  // Excel: a sign binds tighter than ^, so -2^2 is 4; a leading + is kept by Excel and means nothing.
  const unary = (): Expr => {
    const ch = peek();
    if (ch === '-' || ch === '+') {
      pos++;
      const arg = unary();
      return ch === '-' ? { kind: 'neg', arg } : arg;
    }
    return postfix();
  };
  const power = (): Expr => {
    let left = unary();
    while (peek() === '^') {
      pos++;
      left = { kind: 'binary', op: '^', left, right: unary() };
    }
    return left;
  };
  const product = (): Expr => {
    let left = power();
    for (let op = peek(); op === '*' || op === '/'; op = peek()) {
      pos++;
      left = { kind: 'binary', op, left, right: power() };
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
  const nested = (): Expr => {
    if (++depth > MAX_DEPTH) stop(`more than ${MAX_DEPTH} nested parentheses or calls`, pos);
    const e = sum();
    depth--;
    return e;
  };

  try {
    if (peek() === '=') pos++;
    if (peek() === undefined) return { problem: { message: 'the formula is empty', part: '(end)', at: pos } };
    const expr = nested();
    const rest = peek();
    if (rest !== undefined) {
      const operator = /^(<>|<=|>=|[<>=&,;])/.exec(source.slice(pos));
      stop(operator ? `unsupported operator ${operator[0]}` : `unexpected "${rest}"`, pos, operator?.[0]);
    }
    return { expr };
  } catch (error) {
    if (error instanceof Stop) return { problem: error.problem };
    throw error;
  }
}

/** "unsupported function SUM in MyClaims!C5 "=SUM(A)+1"": the cell, the formula and the part. */
export function describeFormulaProblem(problem: FormulaProblem, cell: string, formula: string): string {
  return `${cell} "${formula}": ${problem.message}`;
}
