/** Argument coercion, domain checks and range views: what every runner path shares. */
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
  percentError,
  positiveError,
  textError,
  valueError,
} from './errors.js';
import type { DomainError, FunctionResult, FunctionSpec, ParamSpec } from './types.js';

export type Impl = (...args: unknown[]) => FunctionResult;
export type CellOut = number | string | DomainError;

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/;

/** Coerces one scalar (not null/undefined) to a number for `param`, or answers #VALUE!. */
export function toNumber(param: ParamSpec, value: unknown): number | DomainError {
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

/** Coerces and checks one scalar argument (null = empty cell, undefined = missing). */
/**
 * True when an optional number argument counts as left out. Excel hands an empty cell to a custom
 * function as 0 on Windows and Mac and as null on the web (office-js #4702), and an omitted optional
 * argument as null everywhere; so that a formula means the same on every platform, 0 in an optional
 * number argument is read as "left out" too, and the parameter takes its default.
 */
function leftOut(param: ParamSpec, value: unknown): boolean {
  return param.optional === true && param.type === 'number' && (value === 0 || value === '');
}

export function scalarArg(param: ParamSpec, value: unknown): unknown {
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
export function finish(spec: FunctionSpec, value: unknown): CellOut {
  if (typeof value === 'number') return Number.isFinite(value) ? value : notFiniteError(spec.name);
  if (typeof value === 'string' || isDomainError(value)) return value;
  return notFiniteError(spec.name);
}

export function finishResult(spec: FunctionSpec, value: FunctionResult): FunctionResult {
  if (Array.isArray(value)) return value.map((row) => row.map((cell) => finish(spec, cell)));
  return finish(spec, value);
}

/** Calls an implementation, turning an unexpected exception into #VALUE! rather than throwing. */
export function safeCall(spec: FunctionSpec, impl: Impl, args: unknown[]): FunctionResult {
  try {
    return impl(...args);
  } catch (error) {
    return { kind: 'error', code: '#VALUE!', message: `${spec.name}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

/** A rectangular view of a range argument; a 1-D array is read as one row. */
export interface Grid {
  readonly rows: readonly (readonly unknown[])[];
  readonly nRows: number;
  readonly nCols: number;
}

export function asGrid(value: readonly unknown[]): Grid | undefined {
  if (value.length === 0) return undefined;
  const rows: (readonly unknown[])[] = value.every((r) => Array.isArray(r)) ? (value as unknown[][]) : [value];
  let nCols = 0;
  for (const r of rows) nCols = Math.max(nCols, r.length);
  if (nCols === 0) return undefined;
  return { rows, nRows: rows.length, nCols };
}

export function matrixArg(param: ParamSpec, value: unknown): (number | null)[][] | DomainError {
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
export function cellsArg(value: unknown): unknown[][] {
  if (value === undefined || value === null) return [];
  const rows = !Array.isArray(value) ? [[value]] : value.every((r) => Array.isArray(r)) ? (value as unknown[][]) : [value];
  // Hosts pass an omitted optional range as [[null]]: nothing in it is nothing given.
  return rows.some((r) => r.some((c) => c !== null && c !== undefined && c !== '')) ? rows : [];
}

