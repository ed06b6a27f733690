import { power, type Expr } from '../expr/index.js';
import { domainPredicate, getArithmeticFunction } from '../functions/index.js';

/** Evaluates a claim's recomputation for samples 0..n−1 of the input columns into `output`. */
export type Kernel = (columns: readonly Float64Array[], n: number, output: Float64Array) => void;

/**
 * A claim's recomputation fused into one loop of generated JavaScript: per sample, the inputs are
 * read once, every node is a local, and the registry's implementations and domain predicates are
 * called from call sites that belong to this claim alone. V8 inlines such monomorphic calls; the
 * column-at-a-time closures of vector.ts share their loops between claims, so after a few claims
 * every call there is megamorphic and several times slower, and each node writes a scratch column.
 *
 * Safe to generate: the source text holds only fixed syntax and generated local names; every
 * number, constant, implementation and predicate is passed in by value (arrays K, F, P), never
 * spelled into the text. Where the host forbids generated code (a Content-Security-Policy without
 * 'unsafe-eval'), this returns undefined and the caller keeps the column closures.
 *
 * Semantics are those of the column compiler: a value outside a parameter's domain, a division by
 * zero or an Excel error (a non-number result) gives NaN; ids that are not inputs are constants.
 */
export function fusedKernel(expr: Expr, columnOf: (id: string) => number | undefined, constant: (id: string) => number): Kernel | undefined {
  const K: number[] = [];
  const F: ((...xs: number[]) => unknown)[] = [];
  const P: ((x: number) => boolean)[] = [];
  const columns = new Set<number>();
  const lines: string[] = [];
  let temps = 0;
  const local = (code: string): string => {
    const name = `t${temps++}`;
    lines.push(`const ${name} = ${code};`);
    return name;
  };
  // A value that is NaN unless `condition` holds, written as a statement: as a conditional
  // expression (`c ? x : NaN`), V8 boxes every result as a heap number (16 bytes a sample, and the
  // garbage collections that follow); a `let` assigned in an `if` stays an unboxed double.
  const guarded = (condition: string, assign: (name: string) => string): string => {
    const name = `t${temps++}`;
    lines.push(`let ${name} = NaN;`, `if (${condition}) { ${assign(name)} }`);
    return name;
  };
  const emit = (e: Expr): string => {
    switch (e.kind) {
      case 'number':
      case 'id': {
        const index = e.kind === 'id' ? columnOf(e.name) : undefined;
        if (index !== undefined) {
          columns.add(index);
          return `x${index}`;
        }
        K.push(e.kind === 'number' ? e.value : constant(e.name));
        return `k${K.length - 1}`;
      }
      case 'neg':
        return local(`-${emit(e.arg)}`);
      case 'binary': {
        const a = emit(e.left);
        const b = emit(e.right);
        if (e.op === '/') return guarded(`${b} !== 0`, (t) => `${t} = ${a} / ${b};`);
        // Excel's ^ (an error where Excel gives one), never JavaScript's ^ (exclusive or)
        if (e.op === '^') return guarded('true', (t) => `const r = pow(${a}, ${b}); if (typeof r === 'number') ${t} = r;`);
        return local(`${a} ${e.op} ${b}`);
      }
      case 'call': {
        const spec = getArithmeticFunction(e.name);
        if (!spec) throw new Error(`unknown function ${e.name}`);
        const args = e.args.map(emit);
        const checks = spec.params.slice(0, args.length).map((param, i) => {
          P.push(domainPredicate(param));
          return `p${P.length - 1}(${args[i]})`;
        });
        F.push(spec.implementation as (...xs: number[]) => unknown);
        // an Excel error (a non-number result) is NaN
        return guarded(checks.length ? checks.join(' && ') : 'true', (t) => `const r = f${F.length - 1}(${args.join(', ')}); if (typeof r === 'number') ${t} = r;`);
      }
    }
  };
  const result = emit(expr);
  const bind = (prefix: string, array: string, count: number): string =>
    Array.from({ length: count }, (_, i) => `const ${prefix}${i} = ${array}[${i}];`).join('\n');
  const source = [
    "'use strict';",
    bind('k', 'K', K.length),
    bind('f', 'F', F.length),
    bind('p', 'P', P.length),
    'return function kernel(columns, n, output) {',
    ...[...columns].map((i) => `const c${i} = columns[${i}];`),
    'for (let k = 0; k < n; k++) {',
    ...[...columns].map((i) => `const x${i} = c${i}[k];`),
    ...lines,
    `output[k] = ${result};`,
    '}',
    '};',
  ].join('\n');
  const cached = compiled.get(expr)?.find((c) => c.source === source && c.K.length === K.length && c.K.every((k, i) => Object.is(k, K[i])));
  if (cached) return cached.kernel;
  let kernel: Kernel;
  try {
    // A number of its own makes every kernel's text unique: V8 caches compiled code by source
    // text, and kernels of the same text (RATIO(a, b) and SHARE_SHIFT_PP(a, b) both read
    // `f0(x0, x1)`) would share their type feedback, so the second claim's function would
    // deoptimise the first's inlined one and leave both calling through (twice as slow).
    kernel = new Function('K', 'F', 'P', 'pow', `${source}\n// kernel ${++kernelsCompiled}`)(K, F, P, power) as Kernel;
  } catch {
    return undefined;
  }
  const entries = compiled.get(expr) ?? [];
  entries.unshift({ source, K, kernel });
  entries.length = Math.min(entries.length, KERNELS_PER_EXPR);
  compiled.set(expr, entries);
  return kernel;
}

/**
 * Kernels already compiled, by expression and then by source text and constants (what else goes
 * in, the registry's functions and predicates, follows from the expression). A stress test
 * compiles its claim on every run; handing back the same function keeps V8's optimised code and
 * type feedback, where a fresh one would start in the interpreter again, every run. A few per
 * expression: one per set of values in use (scenarios, edits) recently stressed.
 */
const compiled = new WeakMap<Expr, { source: string; K: readonly number[]; kernel: Kernel }[]>();
const KERNELS_PER_EXPR = 4;
let kernelsCompiled = 0;
