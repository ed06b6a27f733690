import {
  cellValueError,
  dateError,
  divZeroError,
  emptyRangeError,
  fractionError,
  growthError,
  integerError,
  isDomainError,
  missingError,
  nonnegativeError,
  notFiniteError,
  notSingleError,
  percentError,
  positiveError,
  shapeError,
  textError,
  tooManyArgsError,
  valueError,
} from './errors.js';
import type { DomainError, FunctionResult, FunctionSpec, ParamSpec } from './types.js';

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

type Impl = (...args: unknown[]) => FunctionResult;
type CellOut = number | string | DomainError;

// ---------------------------------------------------------------------------------------------
// Scalar coercion and domain checks

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/;

/** Coerces one scalar (not null/undefined) to a number for `param`, or answers #VALUE!. */
function toNumber(param: ParamSpec, value: unknown): number | DomainError {
  if (typeof value === 'number') return Number.isFinite(value) ? value : valueError(param.name, value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const text = value.trim();
    if (NUMERIC_TEXT.test(text)) {
      const n = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
      if (Number.isFinite(n)) return n;
    }
  }
  return valueError(param.name, value);
}

/** The domain check of one number, or undefined when it passes. */
export function checkNumber(param: ParamSpec, x: number): DomainError | undefined {
  if (param.divisor && x === 0) return divZeroError(param.name);
  switch (param.domain) {
    case 'fraction': {
      // Beyond the parameter's plausible bound, a whole-percent typo (25 for 0.25) is the likely cause.
      const max = param.fractionMax ?? 1;
      if (Math.abs(x) > max) return Math.abs(x) <= 100 ? percentError(param.name, x) : fractionError(param.name, x, max);
      return undefined;
    }
    case 'positive':
      return x > 0 ? undefined : positiveError(param.name, x);
    case 'nonnegative':
      return x >= 0 ? undefined : nonnegativeError(param.name, x);
    case 'growth':
      return x > -1 ? undefined : growthError(param.name, x);
    case 'integer':
      return Number.isInteger(x) ? undefined : integerError(param.name, x);
    case 'date':
      return x >= 1 && x < 2958466 ? undefined : dateError(param.name, x);
    default:
      return undefined;
  }
}

/** The same check as a boolean predicate, for the allocation-free fast path. */
export function domainPredicate(param: ParamSpec): (x: number) => boolean {
  const nz = param.divisor === true;
  switch (param.domain) {
    case 'fraction': {
      const max = param.fractionMax ?? 1;
      return nz ? (x) => x !== 0 && x <= max && x >= -max : (x) => x <= max && x >= -max;
    }
    case 'positive':
      return (x) => x > 0;
    case 'nonnegative':
      return nz ? (x) => x > 0 : (x) => x >= 0;
    case 'growth':
      return nz ? (x) => x !== 0 && x > -1 : (x) => x > -1;
    case 'integer':
      return nz ? (x) => x !== 0 && Number.isInteger(x) : (x) => Number.isInteger(x);
    case 'date':
      return (x) => x >= 1 && x < 2958466;
    default:
      return nz ? (x) => x !== 0 && x - x === 0 : (x) => x - x === 0;
  }
}

/**
 * True when an optional number argument counts as left out. Excel hands an empty cell to a custom
 * function as 0 on Windows and Mac and as null on the web (office-js #4702), and an omitted optional
 * argument as null everywhere; so that a formula means the same on every platform, 0 in an optional
 * number argument is read as "left out" too, and the parameter takes its default.
 */
function leftOut(param: ParamSpec, value: unknown): boolean {
  return param.optional === true && param.type === 'number' && (value === 0 || value === '');
}

/** Coerces and checks one scalar argument (null = empty cell, undefined = missing). */
function scalarArg(param: ParamSpec, value: unknown): unknown {
  if (value === null || value === undefined || (value === '' && param.type === 'number') || leftOut(param, value)) {
    if (param.optional) return param.defaultValue ?? null;
    if (value === undefined) return missingError(param.name);
    if (param.type === 'string') return textError(param.name, value);
    value = 0;
  }
  if (param.type === 'string') {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return textError(param.name, value);
  }
  const n = toNumber(param, value);
  if (typeof n !== 'number') return n;
  return checkNumber(param, n) ?? n;
}

/** Normalises a result value: non-finite numbers become #NUM!. */
function finish(spec: FunctionSpec, value: unknown): CellOut {
  if (typeof value === 'number') return Number.isFinite(value) ? value : notFiniteError(spec.name);
  if (typeof value === 'string' || isDomainError(value)) return value;
  return notFiniteError(spec.name);
}

function finishResult(spec: FunctionSpec, value: FunctionResult): FunctionResult {
  if (Array.isArray(value)) return value.map((row) => row.map((cell) => finish(spec, cell)));
  return finish(spec, value);
}

/** Calls an implementation, turning an unexpected exception into #VALUE! rather than throwing. */
function safeCall(spec: FunctionSpec, impl: Impl, args: unknown[]): FunctionResult {
  try {
    return impl(...args);
  } catch (error) {
    return { kind: 'error', code: '#VALUE!', message: `${spec.name}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

/** A rectangular view of a range argument; a 1-D array is read as one row. */
interface Grid {
  readonly rows: readonly (readonly unknown[])[];
  readonly nRows: number;
  readonly nCols: number;
}

function asGrid(value: readonly unknown[]): Grid | undefined {
  if (value.length === 0) return undefined;
  const rows: (readonly unknown[])[] = value.every((r) => Array.isArray(r)) ? (value as unknown[][]) : [value];
  let nCols = 0;
  for (const r of rows) nCols = Math.max(nCols, r.length);
  if (nCols === 0) return undefined;
  return { rows, nRows: rows.length, nCols };
}

function matrixArg(param: ParamSpec, value: unknown): (number | null)[][] | DomainError {
  if (value === undefined || value === null) {
    if (param.optional) return [];
    return value === undefined ? missingError(param.name) : emptyRangeError(param.name);
  }
  if (!Array.isArray(value)) {
    const single = scalarArg({ ...param, optional: false }, value);
    return isDomainError(single) ? single : [[single as number]];
  }
  const grid = asGrid(value);
  if (!grid) return emptyRangeError(param.name);
  const out: (number | null)[][] = [];
  for (let i = 0; i < grid.nRows; i++) {
    const row = grid.rows[i]!;
    const outRow: (number | null)[] = [];
    for (let j = 0; j < grid.nCols; j++) {
      const cell = row[j];
      if (cell === null || cell === undefined || cell === '') {
        outRow.push(null);
        continue;
      }
      if (typeof cell !== 'number' || !Number.isFinite(cell)) return cellValueError(param.name, i + 1, j + 1, cell);
      const bad = checkNumber(param, cell);
      if (bad) return bad;
      outRow.push(cell);
    }
    out.push(outRow);
  }
  return out;
}

/** A `cells` range as read: rows of scalars, a lone value as 1×1, omitted as none. */
function cellsArg(value: unknown): unknown[][] {
  if (value === undefined || value === null) return [];
  const rows = !Array.isArray(value) ? [[value]] : value.every((r) => Array.isArray(r)) ? (value as unknown[][]) : [value];
  // Hosts pass an omitted optional range as [[null]]: nothing in it is nothing given.
  return rows.some((r) => r.some((c) => c !== null && c !== undefined && c !== '')) ? rows : [];
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

// ---------------------------------------------------------------------------------------------
// Elementwise functions

function invokeElementwise(spec: FunctionSpec, args: readonly unknown[]): FunctionResult {
  const params = spec.params;
  const n = params.length;
  const scalars: unknown[] = new Array<unknown>(n);
  const grids: (Grid | undefined)[] = new Array<Grid | undefined>(n);
  let anyGrid = false;
  let nRows = 1;
  let nCols = 1;
  for (let k = 0; k < n; k++) {
    const param = params[k]!;
    const value = args[k];
    if (Array.isArray(value)) {
      const grid = asGrid(value);
      if (!grid) return emptyRangeError(param.name);
      grids[k] = grid;
      anyGrid = true;
      nRows = Math.max(nRows, grid.nRows);
      nCols = Math.max(nCols, grid.nCols);
    } else {
      const v = scalarArg(param, value);
      if (isDomainError(v)) return v;
      scalars[k] = v;
    }
  }
  const impl = spec.implementation as Impl;
  if (!anyGrid) return finish(spec, safeCall(spec, impl, scalars) as CellOut);

  let fast: CellOut[][] | undefined;
  try {
    fast = fastElementwise(spec, impl, scalars, grids, nRows, nCols);
  } catch {
    fast = undefined; // an implementation threw: the slow path reports it cell by cell
  }
  if (fast) return fast;
  return slowElementwise(spec, impl, scalars, grids, nRows, nCols);
}

/**
 * All-number path: every range is rectangular, every cell a finite number inside its domain, and every
 * shape broadcasts. Checks each range once with a typed predicate, then runs the implementation with one
 * reused argument buffer: no object per cell, only one array per output row. Returns undefined when any
 * condition fails, so the slow path can report the cell-level errors.
 */
function fastElementwise(
  spec: FunctionSpec,
  impl: Impl,
  scalars: readonly unknown[],
  grids: readonly (Grid | undefined)[],
  nRows: number,
  nCols: number,
): (CellOut[])[] | undefined {
  const n = grids.length;
  for (let k = 0; k < n; k++) {
    const grid = grids[k];
    if (!grid) {
      if (typeof scalars[k] !== 'number') return undefined;
      continue;
    }
    if ((grid.nRows !== 1 && grid.nRows !== nRows) || (grid.nCols !== 1 && grid.nCols !== nCols)) return undefined;
    if (!scanGrid(grid, spec.params[k]!)) return undefined;
  }
  const out: CellOut[][] = new Array<CellOut[]>(nRows);
  if (n === 2) return fast2(spec, impl as (a: number, b: number) => unknown, scalars, grids, nRows, nCols, out);
  const buf: unknown[] = scalars.slice();
  for (let i = 0; i < nRows; i++) {
    const outRow = new Array<CellOut>(nCols);
    for (let j = 0; j < nCols; j++) {
      for (let k = 0; k < n; k++) {
        const grid = grids[k];
        if (grid) buf[k] = grid.rows[grid.nRows === 1 ? 0 : i]![grid.nCols === 1 ? 0 : j];
      }
      outRow[j] = finishFast(spec, impl.apply(undefined, buf));
    }
    out[i] = outRow;
  }
  return out;
}

/**
 * True when every row of the grid has the full width and every cell is a number inside the parameter's
 * domain. Cheap bounds are checked inline; the full predicate runs only for the rarer domains.
 */
function scanGrid(grid: Grid, param: ParamSpec): boolean {
  const rows = grid.rows;
  const w = grid.nCols;
  const domain = param.domain;
  // Lower bound (exclusive when strict) covering any/positive/nonnegative/growth/fraction's lower side.
  let lo = -Infinity;
  let strict = false;
  // MAX_VALUE, not Infinity: the slow path answers #VALUE! for ±Infinity, so they must leave the fast path.
  let hi = Number.MAX_VALUE;
  let exact = true;
  switch (domain) {
    case 'positive':
      lo = 0;
      strict = true;
      break;
    case 'nonnegative':
      lo = 0;
      break;
    case 'growth':
      lo = -1;
      strict = true;
      break;
    case 'fraction':
      lo = -1;
      hi = 1;
      break;
    default:
      exact = false;
  }
  const noZero = param.divisor === true;
  if (exact) {
    for (let i = 0; i < grid.nRows; i++) {
      const row = rows[i]!;
      if (row.length !== w) return false;
      for (let j = 0; j < w; j++) {
        const x = row[j];
        if (typeof x !== 'number' || !(x <= hi) || !(strict ? x > lo : x >= lo) || (noZero && x === 0)) return false;
      }
    }
    return true;
  }
  const ok = domainPredicate(param);
  for (let i = 0; i < grid.nRows; i++) {
    const row = rows[i]!;
    if (row.length !== w) return false;
    for (let j = 0; j < w; j++) {
      const x = row[j];
      if (typeof x !== 'number' || !ok(x)) return false;
    }
  }
  return true;
}

/** Specialised loop for the common two-argument case (monomorphic row access, no spread). */
function fast2(
  spec: FunctionSpec,
  impl: (a: number, b: number) => unknown,
  scalars: readonly unknown[],
  grids: readonly (Grid | undefined)[],
  nRows: number,
  nCols: number,
  out: CellOut[][],
): CellOut[][] {
  const ga = grids[0];
  const gb = grids[1];
  const sa = scalars[0] as number;
  const sb = scalars[1] as number;
  // Per row, each argument is either a row of numbers (a range spanning the columns) or one number
  // (a scalar, a 1×1 range or a column); the inner loops are specialised on that so they stay tight.
  const aRowWise = ga !== undefined && ga.nCols !== 1;
  const bRowWise = gb !== undefined && gb.nCols !== 1;
  for (let i = 0; i < nRows; i++) {
    const ra = ga ? (ga.rows[ga.nRows === 1 ? 0 : i] as readonly number[]) : undefined;
    const rb = gb ? (gb.rows[gb.nRows === 1 ? 0 : i] as readonly number[]) : undefined;
    // Preallocated rows (not push): V8 then stores the doubles unboxed without regrowing the row.
    const outRow = new Array<CellOut>(nCols);
    if (aRowWise && bRowWise) {
      const xa = ra!;
      const xb = rb!;
      for (let j = 0; j < nCols; j++) {
        const r = impl(xa[j]!, xb[j]!);
        outRow[j] = typeof r === 'number' && r - r === 0 ? r : finishFast(spec, r);
      }
    } else if (aRowWise) {
      const xa = ra!;
      const b = rb === undefined ? sb : rb[0]!;
      for (let j = 0; j < nCols; j++) {
        const r = impl(xa[j]!, b);
        outRow[j] = typeof r === 'number' && r - r === 0 ? r : finishFast(spec, r);
      }
    } else if (bRowWise) {
      const a = ra === undefined ? sa : ra[0]!;
      const xb = rb!;
      for (let j = 0; j < nCols; j++) {
        const r = impl(a, xb[j]!);
        outRow[j] = typeof r === 'number' && r - r === 0 ? r : finishFast(spec, r);
      }
    } else {
      const a = ra === undefined ? sa : ra[0]!;
      const b = rb === undefined ? sb : rb[0]!;
      const r = impl(a, b);
      const v = typeof r === 'number' && r - r === 0 ? r : finishFast(spec, r);
      for (let j = 0; j < nCols; j++) outRow[j] = v;
    }
    out[i] = outRow;
  }
  return out;
}

function finishFast(spec: FunctionSpec, r: unknown): CellOut {
  return finish(spec, r);
}

/** Cell-by-cell path with full coercion and per-cell errors (#N/A outside a smaller range's shape). */
function slowElementwise(
  spec: FunctionSpec,
  impl: Impl,
  scalars: readonly unknown[],
  grids: readonly (Grid | undefined)[],
  nRows: number,
  nCols: number,
): CellOut[][] {
  const params = spec.params;
  const n = params.length;
  const out: CellOut[][] = [];
  const buf: unknown[] = scalars.slice();
  for (let i = 0; i < nRows; i++) {
    const outRow: CellOut[] = [];
    for (let j = 0; j < nCols; j++) {
      let cellError: DomainError | undefined;
      for (let k = 0; k < n && !cellError; k++) {
        const grid = grids[k];
        if (!grid) continue;
        const r = grid.nRows === 1 ? 0 : i;
        const c = grid.nCols === 1 ? 0 : j;
        if (r >= grid.nRows || c >= grid.nCols) {
          cellError = shapeError(i + 1, j + 1);
          break;
        }
        const param = params[k]!;
        let raw = grid.rows[r]![c];
        // Empty cells inside a range count as 0, as in Excel's array arithmetic (=A1:A3*2).
        if (raw === null || raw === undefined || raw === '') raw = 0;
        const v = scalarArg({ ...param, optional: false }, raw);
        if (isDomainError(v)) cellError = v;
        else buf[k] = v;
      }
      outRow.push(cellError ?? finish(spec, safeCall(spec, impl, buf) as CellOut));
    }
    out.push(outRow);
  }
  return out;
}
