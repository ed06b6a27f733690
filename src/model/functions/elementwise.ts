/** The elementwise runner: broadcasting over ranges, a typed range path and a cell-by-cell path. */
import { emptyRangeError, isDomainError, shapeError } from './errors.js';
import { asGrid, domainPredicate, finish, safeCall, scalarArg, type CellOut, type Grid, type Impl } from './coerce.js';
import type { FunctionResult, FunctionSpec, ParamSpec } from './types.js';

/** An elementwise function over scalars and ranges (broadcast as Excel's array arithmetic). */
export function invokeElementwise(spec: FunctionSpec, args: readonly unknown[]): FunctionResult {
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
 * Range path: every range is rectangular and every shape broadcasts. A range of in-domain numbers is
 * checked once with a typed predicate; a range with a few other cells (a blank, a text, an
 * out-of-domain number) runs on a copy where those cells hold an in-domain stand-in, and only the
 * output cells that read them are then recomputed cell by cell with full coercion. Returns undefined
 * when the shapes do not fit, so the slow path can report them.
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
  const runGrids: (Grid | undefined)[] = grids.slice();
  const holes: Hole[] = [];
  for (let k = 0; k < n; k++) {
    const grid = grids[k];
    if (!grid) {
      if (typeof scalars[k] !== 'number') return undefined;
      continue;
    }
    if ((grid.nRows !== 1 && grid.nRows !== nRows) || (grid.nCols !== 1 && grid.nCols !== nCols)) return undefined;
    if (scanGrid(grid, spec.params[k]!)) continue;
    const patched = patchGrid(grid, spec.params[k]!, k, holes);
    if (!patched) return undefined;
    runGrids[k] = patched;
  }
  const out = runFast(spec, impl, scalars, runGrids, nRows, nCols);
  if (holes.length) {
    const buf: unknown[] = scalars.slice();
    for (const hole of holes) {
      const grid = grids[hole.k]!;
      // A hole in a broadcast row or column reaches every output cell along that axis.
      const rows = grid.nRows === 1 ? nRows : 1;
      const cols = grid.nCols === 1 ? nCols : 1;
      for (let di = 0; di < rows; di++) {
        const i = grid.nRows === 1 ? di : hole.i;
        for (let dj = 0; dj < cols; dj++) {
          const j = grid.nCols === 1 ? dj : hole.j;
          out[i]![j] = slowCell(spec, impl, grids, i, j, buf);
        }
      }
    }
  }
  return out;
}

/** One cell of a range that the typed loop cannot take as it is: argument k, row i, column j. */
interface Hole {
  readonly k: number;
  readonly i: number;
  readonly j: number;
}

/** Numbers tried as the stand-in for a hole; the first inside the parameter's domain is used. */
const STAND_INS = [1, 0.5, 2, 0, -0.5, 61] as const;

/**
 * A copy of the grid where each cell that is not an in-domain number holds a stand-in (rows without
 * such cells are shared, not copied), with the cells recorded in `holes`; undefined for a ragged grid.
 */
function patchGrid(grid: Grid, param: ParamSpec, k: number, holes: Hole[]): Grid | undefined {
  const ok = domainPredicate(param);
  const standIn = STAND_INS.find((x) => ok(x));
  if (standIn === undefined) return undefined;
  const rows: (readonly unknown[])[] = new Array<readonly unknown[]>(grid.nRows);
  for (let i = 0; i < grid.nRows; i++) {
    const row = grid.rows[i]!;
    if (row.length !== grid.nCols) return undefined;
    let copy: unknown[] | undefined;
    for (let j = 0; j < grid.nCols; j++) {
      const x = row[j];
      if (typeof x === 'number' && x - x === 0 && ok(x)) continue; // finite: the slow path answers #VALUE! for ±Infinity
      copy ??= row.slice();
      copy[j] = standIn;
      holes.push({ k, i, j });
    }
    rows[i] = copy ?? row;
  }
  return { rows, nRows: grid.nRows, nCols: grid.nCols };
}

/** The typed loop over all-number grids: one reused argument buffer, one array per output row. */
function runFast(spec: FunctionSpec, impl: Impl, scalars: readonly unknown[], grids: readonly (Grid | undefined)[], nRows: number, nCols: number): CellOut[][] {
  const n = grids.length;
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

/** Cells computed one by one with full coercion since the module loaded; benchmarks and tests read it to see which path ran. */
export const slowPathCells = { count: 0 };

/** Cell-by-cell path with full coercion and per-cell errors (#N/A outside a smaller range's shape). */
function slowElementwise(
  spec: FunctionSpec,
  impl: Impl,
  scalars: readonly unknown[],
  grids: readonly (Grid | undefined)[],
  nRows: number,
  nCols: number,
): CellOut[][] {
  const out: CellOut[][] = [];
  const buf: unknown[] = scalars.slice();
  for (let i = 0; i < nRows; i++) {
    const outRow: CellOut[] = [];
    for (let j = 0; j < nCols; j++) outRow.push(slowCell(spec, impl, grids, i, j, buf));
    out.push(outRow);
  }
  return out;
}

/** One output cell with full coercion; `buf` holds the scalar arguments and is reused across cells. */
function slowCell(spec: FunctionSpec, impl: Impl, grids: readonly (Grid | undefined)[], i: number, j: number, buf: unknown[]): CellOut {
  slowPathCells.count++;
  const params = spec.params;
  for (let k = 0; k < params.length; k++) {
    const grid = grids[k];
    if (!grid) continue;
    const r = grid.nRows === 1 ? 0 : i;
    const c = grid.nCols === 1 ? 0 : j;
    if (r >= grid.nRows || c >= grid.nCols) return shapeError(i + 1, j + 1);
    let raw = grid.rows[r]![c];
    // Empty cells inside a range count as 0, as in Excel's array arithmetic (=A1:A3*2).
    if (raw === null || raw === undefined || raw === '') raw = 0;
    const v = scalarArg({ ...params[k]!, optional: false }, raw);
    if (isDomainError(v)) return v;
    buf[k] = v;
  }
  return finish(spec, safeCall(spec, impl, buf) as CellOut);
}
