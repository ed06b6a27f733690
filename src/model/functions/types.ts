import type { UnitId } from '../units/index.js';

/**
 * Excel error kinds a ClaimCell function can answer with. They are returned as values,
 * never thrown: only `src/functions` maps them to `CustomFunctions.Error`.
 */
export type ExcelErrorCode = '#VALUE!' | '#NUM!' | '#DIV/0!' | '#N/A';

/** A cell-level error returned as a value, with a message naming the parameter or value at fault. */
export interface DomainError {
  readonly kind: 'error';
  readonly code: ExcelErrorCode;
  readonly message: string;
}

/** A scalar cell value a function may receive (null = empty cell or omitted optional argument). */
export type CellScalar = number | string | boolean | null;
/** A 2-D block of cells as Excel passes a range (`number[][]`, rows first). */
export type CellMatrix = CellScalar[][];

/** What a function may answer: a number, a string (for text fields), a matrix that spills, or an error. */
export type FunctionResult = number | string | DomainError | (number | string | DomainError)[][];

/**
 * How an argument is checked before the implementation sees it.
 * `fraction` rejects values beyond ±1 (a 25 that should be 0.25) with `#NUM!`, or beyond the
 * parameter's own `fractionMax` where a plausible value can exceed 100% (a tariff rate).
 */
export type ParamDomain = 'any' | 'positive' | 'nonnegative' | 'fraction' | 'growth' | 'date' | 'integer' | 'text';

export interface ParamSpec {
  /** Parameter name as shown in Excel's formula help (lower_snake). */
  readonly name: string;
  readonly descriptionEn: string;
  readonly descriptionZh: string;
  /** Unit the argument is expected in; `any` when the function is unit-agnostic. */
  readonly unit: UnitId | 'any';
  /** `cells`: a range passed through as read (text, numbers, null), for the function to interpret. */
  readonly type: 'number' | 'string' | 'cells';
  /** `matrix` parameters accept ranges; scalar parameters of elementwise functions broadcast. */
  readonly dimensionality: 'scalar' | 'matrix';
  readonly domain: ParamDomain;
  readonly optional?: boolean;
  /** Value used when an optional argument is omitted (Excel passes null). */
  readonly defaultValue?: number | string;
  /** True when the function divides by this argument: 0 answers `#DIV/0!` before the domain check. */
  readonly divisor?: boolean;
  /** For a `fraction`: the largest magnitude taken as meant (default 1 = 100%), e.g. TARIFF_RATE_MAX. */
  readonly fractionMax?: number;
}

export interface FunctionExample {
  readonly args: readonly (CellScalar | readonly (readonly CellScalar[])[])[];
  /** Expected result; a number is compared within 1e-9 relative. */
  readonly result: number | string | ExcelErrorCode | readonly (readonly (number | ExcelErrorCode)[])[];
  readonly noteEn?: string;
}

/**
 * One entry of the registry: the single source of truth from which the custom-function
 * wrappers, functions.json, the CLI, the docs and the tests are derived.
 */
export interface FunctionSpec {
  /** Name without namespace, UPPER_SNAKE (`TARIFF_REVENUE` → `=CLAIM.TARIFF_REVENUE`). */
  readonly name: string;
  readonly descriptionEn: string;
  readonly descriptionZh: string;
  readonly params: readonly ParamSpec[];
  readonly resultUnit: UnitId | 'any';
  /** `number` (default) or `any` when the function may also answer text (e.g. FIGURE's text fields). */
  readonly resultType?: 'number' | 'any';
  /**
   * True when the function applies cell by cell over ranges with Excel broadcasting
   * (every `scalar` number parameter may then also be given a range).
   */
  readonly elementwise: boolean;
  /**
   * The pure implementation on validated, already-defaulted scalar arguments
   * (for matrix parameters: the matrix). Returns a value or a DomainError, never throws.
   */
  readonly implementation: (...args: never[]) => FunctionResult;
  /**
   * The same computation as a native Excel formula fragment over argument fragments
   * (Excel 2016+ and LibreOffice 7.4 functions only), so a claim can recalculate with no add-in.
   * Absent for functions that have no native equivalent (e.g. FIGURE, CHECK).
   */
  readonly native?: (args: readonly string[]) => string;
  /**
   * Why a function has no native equivalent, for functions that state it explicitly: `lookup`
   * (answers from the catalogue) or `simulation` (a root search or Monte Carlo run over a claim).
   */
  readonly nativeless?: 'lookup' | 'simulation';
  readonly examples: readonly FunctionExample[];
  /** Ids of the claims this function serves (checked against the claim catalogue by a test). */
  readonly claims: readonly string[];
}
