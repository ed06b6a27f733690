import { emptyRangeError, isDomainError, notSingleError, tooManyArgsError } from './errors.js';
import { asGrid, cellsArg, finishResult, matrixArg, safeCall, scalarArg, type Impl } from './coerce.js';
import { invokeElementwise } from './elementwise.js';
import type { FunctionResult, FunctionSpec } from './types.js';

export { checkNumber, domainPredicate } from './coerce.js';
export { slowPathCells } from './elementwise.js';

/**
 * The one generic runner. Every caller (custom-function wrappers, CLI, tests, workbook builder)
 * goes through `invokeFunction`, so coercion and validation happen once, the same way everywhere.
 *
 * Coercion rules (Excel arithmetic):
 * - numbers pass; TRUE/FALSE count as 1/0; text that reads as a number (`"25"`, `"25%"`) is that number;
 *   other text → `#VALUE!` naming the parameter;
 * - `undefined` is a missing argument, `null` an empty cell: an omitted optional argument takes its
 *   `defaultValue`; an empty cell in a required number argument counts as 0, as `=A1*2` does; an optional
 *   number argument of 0 counts as left out (an empty cell is 0 on Windows and Mac, null on the web);
 * - inside ranges given to an elementwise function, empty cells (null or "") count as 0 as Excel's array
 *   arithmetic does; inside `matrix` parameters they stay null (the implementation skips them, like SUM);
 * - a `divisor` argument equal to 0 → `#DIV/0!`; then the domain: `fraction` outside [-1, 1] → `#NUM!`
 *   (values up to 100 are reported as a percent typed as a whole number), `positive`, `nonnegative`,
 *   `growth` (> -1), `integer`, `date` (serial 1…2958465) → `#NUM!`;
 * - a NaN or ±Infinity result → `#NUM!`.
 *
 * Elementwise functions broadcast like Excel's array arithmetic: a 1×1 range acts as a scalar, a 1×N row
 * or N×1 column repeats along the other axis, and cells outside a smaller range's shape are `#N/A`.
 * The result spills as a matrix of the broadcast shape whenever any argument is a range.
 */
export function invokeFunction(spec: FunctionSpec, args: readonly unknown[]): FunctionResult {
  const params = spec.params;
  if (args.length > params.length) return tooManyArgsError(spec.name, params.length, args.length);
  return spec.elementwise ? invokeElementwise(spec, args) : invokeScalar(spec, args);
}

// ---------------------------------------------------------------------------------------------
// Non-elementwise functions

function invokeScalar(spec: FunctionSpec, args: readonly unknown[]): FunctionResult {
  const values: unknown[] = [];
  for (let k = 0; k < spec.params.length; k++) {
    const param = spec.params[k]!;
    let value = args[k];
    if (param.type === 'cells') {
      values.push(cellsArg(value));
      continue;
    }
    if (param.dimensionality === 'matrix') {
      const m = matrixArg(param, value);
      if (isDomainError(m)) return m;
      values.push(m);
      continue;
    }
    if (Array.isArray(value)) {
      const grid = asGrid(value);
      if (!grid) return emptyRangeError(param.name);
      if (grid.nRows !== 1 || grid.nCols !== 1) return notSingleError(param.name, grid.nRows, grid.nCols);
      value = grid.rows[0]![0] ?? null;
    }
    const v = scalarArg(param, value);
    if (isDomainError(v)) return v;
    values.push(v);
  }
  return finishResult(spec, safeCall(spec, spec.implementation as Impl, values));
}

