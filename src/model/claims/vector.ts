import { idsOf, power, type Expr } from '../expr/index.js';
import { getFigure } from '../figures/index.js';
import { domainPredicate, getArithmeticFunction } from '../functions/index.js';
import type { StressInput, VectorModel } from '../stress/types.js';
import type { UnitId } from '../units/index.js';
import { makeLookup, type Overrides } from './audit.js';
import type { Claim, CompiledCheck } from './catalogue.js';
import { allowedTolerance, checkHolds } from './checks.js';
import { fusedKernel } from './kernel.js';

/**
 * A compiled node: given the input columns and a count n, returns a column of n results. Each node
 * owns one scratch column (grown when n grows), so a whole chunk is computed with tight loops and
 * no allocation per sample; input ids return their column itself.
 */
type Column = (columns: readonly Float64Array[], n: number) => Float64Array;

function scratch(): (n: number) => Float64Array {
  let buffer = new Float64Array(0);
  return (n) => (buffer.length >= n ? buffer : (buffer = new Float64Array(n)));
}

/**
 * Compiles an expression into column operations over the input columns: registry implementations
 * called directly (argument counts 1–4 without spreading); a value outside a parameter's domain, a
 * division by zero or an Excel error gives NaN, which never "holds". Ids that are not inputs are constants.
 */
function compileColumn(expr: Expr, columnOf: (id: string) => number | undefined, constant: (id: string) => number): Column {
  const out = scratch();
  switch (expr.kind) {
    case 'number':
    case 'id': {
      const index = expr.kind === 'id' ? columnOf(expr.name) : undefined;
      if (index !== undefined) return (cols) => cols[index]!;
      const v = expr.kind === 'number' ? expr.value : constant(expr.name);
      return (_cols, n) => out(n).fill(v, 0, n);
    }
    case 'neg': {
      const a = compileColumn(expr.arg, columnOf, constant);
      return (cols, n) => {
        const x = a(cols, n);
        const r = out(n);
        for (let k = 0; k < n; k++) r[k] = -x[k]!;
        return r;
      };
    }
    case 'binary': {
      const left = compileColumn(expr.left, columnOf, constant);
      const right = compileColumn(expr.right, columnOf, constant);
      const op = expr.op;
      return (cols, n) => {
        const a = left(cols, n);
        const b = right(cols, n);
        const r = out(n);
        if (op === '+') for (let k = 0; k < n; k++) r[k] = a[k]! + b[k]!;
        else if (op === '-') for (let k = 0; k < n; k++) r[k] = a[k]! - b[k]!;
        else if (op === '*') for (let k = 0; k < n; k++) r[k] = a[k]! * b[k]!;
        else if (op === '/') for (let k = 0; k < n; k++) r[k] = b[k] === 0 ? Number.NaN : a[k]! / b[k]!;
        else
          for (let k = 0; k < n; k++) {
            const p = power(a[k]!, b[k]!);
            r[k] = typeof p === 'number' ? p : Number.NaN;
          }
        return r;
      };
    }
    case 'call': {
      const spec = getArithmeticFunction(expr.name);
      if (!spec) throw new Error(`unknown function ${expr.name}`);
      const args = expr.args.map((a) => compileColumn(a, columnOf, constant));
      const ok = spec.params.slice(0, args.length).map(domainPredicate);
      const impl = spec.implementation as (...xs: number[]) => unknown;
      const num = (r: unknown): number => (typeof r === 'number' ? r : Number.NaN);
      return (cols, n) => {
        const xs = args.map((a) => a(cols, n));
        const r = out(n);
        const [x0, x1, x2, x3] = xs;
        const [p0, p1, p2, p3] = ok;
        switch (xs.length) {
          case 1:
            for (let k = 0; k < n; k++) r[k] = p0!(x0![k]!) ? num(impl(x0![k]!)) : Number.NaN;
            break;
          case 2:
            for (let k = 0; k < n; k++) r[k] = p0!(x0![k]!) && p1!(x1![k]!) ? num(impl(x0![k]!, x1![k]!)) : Number.NaN;
            break;
          case 3:
            for (let k = 0; k < n; k++) r[k] = p0!(x0![k]!) && p1!(x1![k]!) && p2!(x2![k]!) ? num(impl(x0![k]!, x1![k]!, x2![k]!)) : Number.NaN;
            break;
          case 4:
            for (let k = 0; k < n; k++)
              r[k] = p0!(x0![k]!) && p1!(x1![k]!) && p2!(x2![k]!) && p3!(x3![k]!) ? num(impl(x0![k]!, x1![k]!, x2![k]!, x3![k]!)) : Number.NaN;
            break;
          default: {
            const buffer = new Array<number>(xs.length).fill(0);
            for (let k = 0; k < n; k++) {
              let valid = true;
              for (let i = 0; i < xs.length && valid; i++) {
                buffer[i] = xs[i]![k]!;
                valid = ok[i]!(buffer[i]!);
              }
              r[k] = valid ? num(impl(...buffer)) : Number.NaN;
            }
          }
        }
        return r;
      };
    }
  }
}

/** The unit of a figure that is not the article's (a user's own figure), or undefined when `id` is none. */
export type OtherFigureUnit = (id: string) => UnitId | undefined;

/**
 * The inputs a stress test may move: the non-date article figures the recomputation reads, with
 * their stated range when the article gives one, and any other figures `otherUnit` knows (a
 * user's own, which have no range). The stated side of a check is the yardstick, not an input.
 */
export function stressInputsOf(claim: Claim, overrides?: Overrides, otherUnit: OtherFigureUnit = () => undefined): StressInput[] {
  const lookup = makeLookup(overrides);
  return idsOf(claim.recomputeExpr)
    .filter((id) => (getFigure(id)?.unit ?? otherUnit(id)) !== undefined && (getFigure(id)?.unit ?? otherUnit(id)) !== 'date' && lookup(id) !== undefined)
    .map((id) => {
      const figure = getFigure(id);
      if (!figure) return { id, base: lookup(id)!, unit: otherUnit(id)! };
      const pair = figure.range ? getFigure(figure.range.pair) : undefined;
      const [low, high] = pair && figure.range ? (figure.range.role === 'low' ? [lookup(id)!, lookup(pair.id)!] : [lookup(pair.id)!, lookup(id)!]) : [undefined, undefined];
      return { id, base: lookup(id)!, unit: figure.unit, ...(low !== undefined ? { low, high } : {}) };
    });
}

/** Whether one check holds for a value, with its stated side at base values (the audit's rule). */
function checkPredicate(check: CompiledCheck, stated: number, high: number | undefined): (v: number) => boolean {
  if (check.compare === 'approx') {
    // The same rule as checkHolds, with the allowed tolerance computed once per model rather than per sample.
    const tol = allowedTolerance(check, stated);
    return (v) => Math.abs(v - stated) <= tol;
  }
  return (v) => checkHolds(check, v, stated, high ?? null);
}

export interface ClaimVectorModel extends VectorModel {
  readonly claimId: string;
  /** False when no check compares the recomputation itself, so `holds` cannot say anything. */
  readonly judged: boolean;
}

/**
 * A claim as a stress-test model: output = the claim's recomputation; `holds` = every check on
 * that recomputation passes, with the stated side held at its base value (a stress test moves
 * the inputs of the recomputation, not the yardstick it is compared with).
 */
export function claimVectorModel(claim: Claim, overrides?: Overrides, otherUnit?: OtherFigureUnit): ClaimVectorModel {
  const lookup = makeLookup(overrides);
  const inputs = stressInputsOf(claim, overrides, otherUnit);
  const slots = new Map(inputs.map((input, i) => [input.id, i]));
  const columnOf = (id: string) => slots.get(id);
  const constantOf = (id: string) => lookup(id) ?? Number.NaN;
  const kernel = fusedKernel(claim.recomputeExpr, columnOf, constantOf);
  const recompute = kernel ? undefined : compileColumn(claim.recomputeExpr, columnOf, constantOf);
  const baseLookup = (e: Expr): number => compileColumn(e, () => undefined, constantOf)([], 1)[0]!;
  // Explaining checks never set the verdict, so they never decide whether a sample holds.
  const onRecompute = claim.compiledChecks.filter((c) => c.role === 'decides' && c.valueExpr === claim.recomputeExpr);
  const stated = onRecompute.map((c) => ({ check: c, stated: baseLookup(c.statedExpr), high: c.statedHighExpr ? baseLookup(c.statedHighExpr) : undefined }));
  const predicates = stated.map((s) => checkPredicate(s.check, s.stated, s.high));
  const holds = (v: number): boolean => !Number.isNaN(v) && predicates.every((p) => p(v));
  return {
    claimId: claim.id,
    judged: predicates.length > 0,
    inputs,
    evaluate: kernel ?? ((columns, n, output) => output.set(recompute!(columns, n).subarray(0, n))),
    holds,
    holdsRange: holdsRangeOf(stated),
  };
}

/**
 * The values for which every check holds, as one closed interval (each check is an interval: an
 * approximate value, a bound, or a range; an exclusive low end is the next double up). It lets the
 * Monte Carlo engine count holds without a call per sample.
 */
function holdsRangeOf(checks: readonly { check: CompiledCheck; stated: number; high: number | undefined }[]): readonly [number, number] {
  let lo = -Infinity, hi = Infinity;
  for (const { check, stated, high } of checks) {
    switch (check.compare) {
      case 'approx': {
        const tol = allowedTolerance(check, stated);
        lo = Math.max(lo, stated - tol);
        hi = Math.min(hi, stated + tol);
        break;
      }
      case 'atLeast':
        lo = Math.max(lo, stated);
        break;
      case 'atMost':
        hi = Math.min(hi, stated);
        break;
      case 'between':
        lo = Math.max(lo, check.exclusiveLow ? nextUp(stated) : stated);
        hi = Math.min(hi, high!);
        break;
    }
    // a NaN end (a stated side that cannot be computed) never holds, as in the predicates
    if (Number.isNaN(stated) || (check.compare === 'between' && Number.isNaN(high!))) return [NaN, NaN];
  }
  return [lo, hi];
}

/** The least double above x (x finite). */
function nextUp(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return Number.MIN_VALUE;
  const bits = new BigInt64Array(new Float64Array([x]).buffer);
  bits[0] = bits[0]! + (x > 0 ? 1n : -1n);
  return new Float64Array(bits.buffer)[0]!;
}
