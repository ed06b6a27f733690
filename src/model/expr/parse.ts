/**
 * The one reader of expression text, for both languages that write one:
 *
 * - the catalogue's claim expressions (`TAXABLE_BASE(TARIFF_REVENUE_TARGET_P1, AI_CHIP_TARIFF_RATE) / 2`):
 *   numbers, names, calls, + - * /, a unary minus and parentheses; names stay as written, calls
 *   take the upper-cased name, and the catalogue checks both against its figures and registry;
 * - a user's Excel formula (`options.excel`), which adds Excel's syntax around the same grammar and
 *   names, in a problem, what Excel reads but the model cannot (text, cell references, `>`…).
 *
 * Grammar, tightest last: sum := product (('+'|'-') product)* ; product := power (('*'|'/') power)* ;
 * power := unary ('^' unary)* ; unary := ('-'|'+') unary | postfix ; postfix := atom '%'* ;
 * atom := number | name | name '(' args ')' | '(' sum ')'. Without `excel` there is no '^', '%' or unary '+'.
 */
import { TEXT } from '../../text/index.js';
import { looksLikeCellReference } from '../figures/excel-names.js';
import type { Expr } from './ast.js';
import type { ExprProblem, ExprRefusal } from './problem.js';

/** Makes a call's expression from its arguments, or refuses them (a wrong count). */
export type CallBuilder = (args: readonly Expr[]) => Expr | ExprRefusal;

export interface ReadOptions {
  /**
   * Read Excel's formula syntax: a leading "=", ^ (left-associative, below a sign), postfix %, a
   * unary +, numbers written `.5` or `1.`, names with dots or a leading backslash (CLAIM.RATIO);
   * and refuse by name text, cell, range and sheet references and comparison or text operators.
   * Off, the catalogue's smaller language, where such text is only an unsupported or unexpected character.
   */
  readonly excel?: boolean;
  /** The id a name stands for, or undefined to refuse it as unknown. Default: the name as written. */
  readonly resolveName?: (name: string) => string | undefined;
  /**
   * How a called name reads, asked before its arguments so that a problem names the function.
   * Default: a call of the upper-cased name with any arguments.
   */
  readonly resolveCall?: (name: string) => CallBuilder | ExprRefusal;
}

export type ExprReading = { readonly expr: Expr } | { readonly problem: ExprProblem };

/** Deeper nesting than this is refused rather than risking the call stack. */
export const MAX_EXPR_DEPTH = 200;

const NUMBER = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const EXCEL_NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const EXCEL_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*/;
const CELL_REFERENCE = /^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?(?![A-Za-z0-9_.(])/;
/** What may follow a whole formula in Excel that the model does not read. */
const EXCEL_OPERATOR = /^(<>|<=|>=|[<>=&,;])/;

const upperCaseCall = (name: string): CallBuilder => (args) => ({ kind: 'call', name: name.toUpperCase(), args });

/** Thrown inside the reader to unwind to its top, never out of it. Not an Error: no stack to capture. */
class Stop {
  constructor(readonly problem: ExprProblem) {}
}

/** Reads `source` into an expression, or says where and why it cannot. Never throws for any text. */
export function readExpr(source: string, options: ReadOptions = {}): ExprReading {
  const excel = options.excel === true;
  const resolveName = options.resolveName ?? ((name: string) => name);
  const resolveCall = options.resolveCall ?? upperCaseCall;
  let pos = 0;
  let depth = 0;
  const stop = (refusal: ExprRefusal, at: number, part?: string): never => {
    throw new Stop({ ...refusal, at, part: part ?? (source.slice(at).trim().split(/\s+/)[0] || '(end)') });
  };
  const skip = (): void => {
    while (pos < source.length && /\s/.test(source[pos]!)) pos++;
  };
  const peek = (): string | undefined => {
    skip();
    return source[pos];
  };
  const expect = (char: string): void => {
    if (peek() !== char) stop({ code: 'expected', char, atEnd: peek() === undefined }, pos);
    pos++;
  };

  const call = (name: string, at: number): Expr => {
    const build = resolveCall(name);
    if (typeof build !== 'function') return stop(build, at, name);
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
    const built = build(args);
    return 'kind' in built ? built : stop(built, at, name);
  };
  const atom = (): Expr => {
    const ch = peek();
    const at = pos;
    if (ch === undefined) return stop({ code: 'valueExpected' }, at, '(end)');
    if (ch === '(') {
      pos++;
      const inner = nested();
      expect(')');
      return inner;
    }
    if (excel && ch === '"') return stop({ code: 'text' }, at, source.slice(at, source.indexOf('"', at + 1) + 1 || undefined));
    const num = (excel ? EXCEL_NUMBER : NUMBER).exec(source.slice(pos));
    if (num) {
      pos += num[0].length;
      if (excel && /^[A-Za-z_:$]/.test(source.slice(pos))) return stop({ code: 'rowOrColumnReference' }, at);
      return { kind: 'number', value: Number(num[0]) };
    }
    const cell = excel ? CELL_REFERENCE.exec(source.slice(pos)) : null;
    if (cell && (cell[0].includes('$') || cell[0].includes(':') || looksLikeCellReference(cell[0]))) {
      return stop({ code: 'cellReference', reference: cell[0] }, at, cell[0]);
    }
    const ident = (excel ? EXCEL_NAME : NAME).exec(source.slice(pos));
    if (!ident) return stop({ code: 'unsupportedChar', char: ch }, at, ch);
    const name = ident[0];
    pos += name.length;
    const mark = source[pos];
    if (excel && (mark === '!' || mark === ':' || mark === '[')) return stop({ code: 'qualifiedReference', name, mark }, at, name + mark);
    if (peek() === '(') return call(name, at);
    const id = resolveName(name);
    return id === undefined ? stop({ code: 'unknownName', name }, at, name) : { kind: 'id', name: id };
  };
  const postfix = (): Expr => {
    let e = atom();
    while (excel && peek() === '%') {
      pos++;
      e = { kind: 'binary', op: '/', left: e, right: { kind: 'number', value: 100 } };
    }
    return e;
  };
  // Excel: a sign binds tighter than ^, so -2^2 is 4; a leading + is kept by Excel and means nothing.
  const unary = (): Expr => {
    const ch = peek();
    if (ch === '-' || (excel && ch === '+')) {
      pos++;
      const arg = unary();
      return ch === '-' ? { kind: 'neg', arg } : arg;
    }
    return postfix();
  };
  const power = (): Expr => {
    let left = unary();
    while (excel && peek() === '^') {
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
    if (++depth > MAX_EXPR_DEPTH) stop({ code: 'tooDeep', limit: MAX_EXPR_DEPTH }, pos);
    const e = sum();
    depth--;
    return e;
  };

  try {
    if (excel && peek() === '=') pos++;
    if (peek() === undefined) return { problem: { code: 'empty', part: '(end)', at: pos } };
    const expr = nested();
    const rest = peek();
    if (rest !== undefined) {
      const operator = excel ? EXCEL_OPERATOR.exec(source.slice(pos)) : null;
      if (operator) stop({ code: 'unsupportedOperator', operator: operator[0] }, pos, operator[0]);
      stop({ code: 'unexpectedChar', char: rest }, pos);
    }
    return { expr };
  } catch (error) {
    if (error instanceof Stop) return { problem: error.problem };
    throw error;
  }
}

/** Thrown by `parseExpr` for text that is not a valid expression; the message is in English, for the data's author. */
export class ExprSyntaxError extends Error {
  override readonly name = 'ExprSyntaxError';
  readonly at: number;
  constructor(
    readonly problem: ExprProblem,
    readonly source: string,
  ) {
    super(`${TEXT.en.exprProblem(problem)} at character ${problem.at + 1} of "${source}"`);
    this.at = problem.at;
  }
}

/** Reads a catalogue expression; throws ExprSyntaxError naming the problem and its place. */
export function parseExpr(source: string): Expr {
  const reading = readExpr(source);
  if ('problem' in reading) throw new ExprSyntaxError(reading.problem, source);
  return reading.expr;
}
