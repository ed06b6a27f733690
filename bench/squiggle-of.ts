/**
 * A claim's recomputation as squiggle-lang code over the same input distributions, for the
 * like-for-like lines of montecarlo.bench.ts. Functions are written through their native Excel
 * fragments (`(a/b)`, `((n-o)*100)`: arithmetic that squiggle reads alike); a fragment that calls
 * an Excel function (DATE, YEAR, …) has no squiggle equivalent, and neither has a claim whose
 * inputs are all exact (nothing to sample): both give undefined.
 */
import type { Expr } from '../src/model/expr/index.js';
import { getArithmeticFunction } from '../src/model/functions/index.js';
import { makeLookup } from '../src/model/claims/audit.js';
import type { DistSpec } from '../src/model/stress/distributions.js';
import type { VectorModel } from '../src/model/stress/types.js';

const literal = (v: number): string => (v < 0 ? `(-${literal(-v)})` : Number.isInteger(v) && Math.abs(v) < 1e15 ? String(v) : v.toExponential());

function distribution(spec: DistSpec): string | undefined {
  switch (spec.type) {
    case 'normal':
      return `normal(${literal(spec.mean)}, ${literal(spec.sd)})`;
    case 'uniform':
      return `uniform(${literal(spec.lo)}, ${literal(spec.hi)})`;
    case 'constant':
      return literal(spec.value);
    default:
      return undefined;
  }
}

export function squiggleOf(expr: Expr, model: VectorModel, specs: readonly DistSpec[]): string | undefined {
  if (specs.every((s) => s.type === 'constant')) return undefined;
  const lookup = makeLookup(undefined);
  const slot = new Map(model.inputs.map((input, i) => [input.id, i]));
  const render = (e: Expr): string | undefined => {
    switch (e.kind) {
      case 'number':
        return literal(e.value);
      case 'id': {
        const i = slot.get(e.name);
        if (i !== undefined) return `x${i}`;
        const v = lookup(e.name);
        return typeof v === 'number' ? literal(v) : undefined;
      }
      case 'neg': {
        const a = render(e.arg);
        return a === undefined ? undefined : `(-${a})`;
      }
      case 'binary': {
        const a = render(e.left), b = render(e.right);
        return a === undefined || b === undefined ? undefined : `(${a} ${e.op} ${b})`;
      }
      case 'call': {
        const args = e.args.map(render);
        const native = getArithmeticFunction(e.name)?.native;
        if (!native || args.some((a) => a === undefined)) return undefined;
        const code = native(args as string[]);
        return /[A-Z]+\(/.test(code) ? undefined : code;
      }
    }
  };
  const dists = specs.map(distribution);
  const body = render(expr);
  if (body === undefined || dists.some((d) => d === undefined)) return undefined;
  return `${dists.map((d, i) => `x${i} = ${d}`).join('\n')}\nd = ${body}`;
}
