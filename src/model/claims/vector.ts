import { idsOf, type Expr } from '../expr/index.js';
import { getFigure } from '../figures/index.js';
import { domainPredicate, getFunction } from '../functions/index.js';
import type { StressInput, VectorModel } from '../stress/index.js';
import { makeLookup, type Overrides } from './audit.js';
import type { Claim, CompiledCheck } from './catalogue.js';
import { FLOAT_SLACK } from './formulas.js';

type Sample = (columns: readonly Float64Array[], k: number) => number;

/**
 * Compiles an expression into a per-sample closure over input columns: no allocation per sample,
 * registry implementations called directly, a value outside a parameter's domain (or an Excel
 * error) gives NaN, which never "holds". Ids that are not inputs are constants.
 */
function compileScalar(expr: Expr, columnOf: (id: string) => number | undefined, constant: (id: string) => number): Sample {
  switch (expr.kind) {
    case 'number': {
      const v = expr.value;
      return () => v;
    }
    case 'id': {
      const column = columnOf(expr.name);
      if (column !== undefined) return (cols, k) => cols[column]![k]!;
      const v = constant(expr.name);
      return () => v;
    }
    case 'neg': {
      const a = compileScalar(expr.arg, columnOf, constant);
      return (cols, k) => -a(cols, k);
    }
    case 'binary': {
      const a = compileScalar(expr.left, columnOf, constant);
      const b = compileScalar(expr.right, columnOf, constant);
      switch (expr.op) {
        case '+':
          return (cols, k) => a(cols, k) + b(cols, k);
        case '-':
          return (cols, k) => a(cols, k) - b(cols, k);
        case '*':
          return (cols, k) => a(cols, k) * b(cols, k);
        case '/':
          return (cols, k) => {
            const d = b(cols, k);
            return d === 0 ? Number.NaN : a(cols, k) / d;
          };
      }
    }
    // falls through: every binary branch returns
    case 'call': {
      const spec = getFunction(expr.name);
      if (!spec) throw new Error(`unknown function ${expr.name}`);
      const args = expr.args.map((a) => compileScalar(a, columnOf, constant));
      const ok = spec.params.slice(0, args.length).map(domainPredicate);
      const impl = spec.implementation as (...xs: number[]) => unknown;
      const buffer = new Array<number>(args.length).fill(0);
      return (cols, k) => {
        for (let i = 0; i < args.length; i++) {
          const x = args[i]!(cols, k);
          if (!ok[i]!(x)) return Number.NaN;
          buffer[i] = x;
        }
        const r = impl(...buffer);
        return typeof r === 'number' ? r : Number.NaN;
      };
    }
  }
}

/**
 * The inputs a stress test may move: the non-date article figures the recomputation reads, with
 * their stated range when the article gives one. The stated side of a check is the yardstick, not an input.
 */
export function stressInputsOf(claim: Claim, overrides?: Overrides): StressInput[] {
  const lookup = makeLookup(overrides);
  return idsOf(claim.recomputeExpr)
    .filter((id) => getFigure(id) !== undefined && getFigure(id)!.unit !== 'date')
    .map((id) => {
      const figure = getFigure(id)!;
      const pair = figure.range ? getFigure(figure.range.pair) : undefined;
      const [low, high] = pair && figure.range ? (figure.range.role === 'low' ? [lookup(id)!, lookup(pair.id)!] : [lookup(pair.id)!, lookup(id)!]) : [undefined, undefined];
      return { id, base: lookup(id)!, unit: figure.unit, ...(low !== undefined ? { low, high } : {}) };
    });
}

/** Whether one check holds for a value, with its stated side at base values. */
function checkPredicate(check: CompiledCheck, stated: number, high: number | undefined): (v: number) => boolean {
  switch (check.compare) {
    case 'approx': {
      const tol = (check.tolerance ?? 0) + FLOAT_SLACK * Math.max(1, Math.abs(stated));
      return (v) => Math.abs(v - stated) <= tol;
    }
    case 'atLeast':
      return (v) => v >= stated;
    case 'atMost':
      return (v) => v <= stated;
    case 'between':
      return check.exclusiveLow ? (v) => v > stated && v <= high! : (v) => v >= stated && v <= high!;
  }
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
export function claimVectorModel(claim: Claim, overrides?: Overrides): ClaimVectorModel {
  const lookup = makeLookup(overrides);
  const inputs = stressInputsOf(claim, overrides);
  const slots = new Map(inputs.map((input, i) => [input.id, i]));
  const sample = compileScalar(claim.recomputeExpr, (id) => slots.get(id), (id) => lookup(id) ?? Number.NaN);
  const baseLookup = (e: Expr): number => {
    const v = compileScalar(e, () => undefined, (id) => lookup(id) ?? Number.NaN)([], 0);
    return v;
  };
  const onRecompute = claim.compiledChecks.filter((c) => c.valueExpr === claim.recomputeExpr);
  const predicates = onRecompute.map((c) => checkPredicate(c, baseLookup(c.statedExpr), c.statedHighExpr ? baseLookup(c.statedHighExpr) : undefined));
  const single = onRecompute.length === 1 && onRecompute[0]!.compare === 'approx' ? onRecompute[0]! : undefined;
  const holds = (v: number): boolean => !Number.isNaN(v) && predicates.every((p) => p(v));
  const range = single ? holdsRangeOf(single, baseLookup(single.statedExpr)) : undefined;
  return {
    claimId: claim.id,
    judged: predicates.length > 0,
    inputs,
    evaluate(columns, n, output) {
      for (let k = 0; k < n; k++) output[k] = sample(columns, k);
    },
    holds,
    ...(range ? { holdsRange: range } : {}),
  };
}

function holdsRangeOf(check: CompiledCheck, stated: number): readonly [number, number] {
  const tol = (check.tolerance ?? 0) + FLOAT_SLACK * Math.max(1, Math.abs(stated));
  return [stated - tol, stated + tol];
}
