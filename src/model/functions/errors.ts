import type { DomainError, ExcelErrorCode } from './types.js';

/**
 * Every message a ClaimCell function can answer with, in one place (English, with a Chinese
 * variant for the task pane). Constructors below build the DomainError values the runner and
 * the implementations return; nothing here throws.
 */
export const MESSAGES = {
  notNumber: {
    en: (param: string, got: string) => `${param} must be a number, got ${got}`,
    zh: (param: string, got: string) => `${param} 必须是数字，实际为 ${got}`,
  },
  notText: {
    en: (param: string, got: string) => `${param} must be text, got ${got}`,
    zh: (param: string, got: string) => `${param} 必须是文本，实际为 ${got}`,
  },
  missing: {
    en: (param: string) => `${param} is required`,
    zh: (param: string) => `缺少参数 ${param}`,
  },
  tooManyArgs: {
    en: (fn: string, max: number, got: number) => `${fn} takes at most ${max} argument${max === 1 ? '' : 's'}, got ${got}`,
    zh: (fn: string, max: number, got: number) => `${fn} 最多接受 ${max} 个参数，实际为 ${got} 个`,
  },
  notSingle: {
    en: (param: string, rows: number, cols: number) => `${param} expects a single value, got a ${rows}×${cols} range`,
    zh: (param: string, rows: number, cols: number) => `${param} 需要单个值，实际为 ${rows}×${cols} 区域`,
  },
  emptyRange: {
    en: (param: string) => `${param} is an empty range`,
    zh: (param: string) => `${param} 是空区域`,
  },
  looksLikePercent: {
    en: (param: string, got: number) =>
      `${param} ${fmt(got)} looks like a percent; enter ${fmt(got / 100)} or ${fmt(got)}%`,
    zh: (param: string, got: number) => `${param} ${fmt(got)} 像是百分数；请输入 ${fmt(got / 100)} 或 ${fmt(got)}%`,
  },
  fractionRange: {
    en: (param: string, got: number, max = 1) => `${param} must be a fraction between -${fmt(max)} and ${fmt(max)} (0.25 = 25%), got ${fmt(got)}`,
    zh: (param: string, got: number, max = 1) => `${param} 必须是 -${fmt(max)} 到 ${fmt(max)} 之间的小数（0.25 = 25%），实际为 ${fmt(got)}`,
  },
  notPositive: {
    en: (param: string, got: number) => `${param} must be greater than 0, got ${fmt(got)}`,
    zh: (param: string, got: number) => `${param} 必须大于 0，实际为 ${fmt(got)}`,
  },
  negative: {
    en: (param: string, got: number) => `${param} must not be negative, got ${fmt(got)}`,
    zh: (param: string, got: number) => `${param} 不能为负数，实际为 ${fmt(got)}`,
  },
  growthTooLow: {
    en: (param: string, got: number) => `${param} must be greater than -1 (a fall of more than 100% is impossible), got ${fmt(got)}`,
    zh: (param: string, got: number) => `${param} 必须大于 -1（降幅不可能超过 100%），实际为 ${fmt(got)}`,
  },
  notInteger: {
    en: (param: string, got: number) => `${param} must be a whole number, got ${fmt(got)}`,
    zh: (param: string, got: number) => `${param} 必须是整数，实际为 ${fmt(got)}`,
  },
  notDate: {
    en: (param: string, got: number) => `${param} must be an Excel date serial between 1 and 2958465, got ${fmt(got)}`,
    zh: (param: string, got: number) => `${param} 必须是 1 到 2958465 之间的 Excel 日期序号，实际为 ${fmt(got)}`,
  },
  divisionByZero: {
    en: (param: string) => `${param} is 0: division by zero`,
    zh: (param: string) => `${param} 为 0：不能除以零`,
  },
  notFinite: {
    en: (fn: string) => `${fn}: the result is too large or not a number`,
    zh: (fn: string) => `${fn}：结果过大或不是数字`,
  },
  shapeMismatch: {
    en: (rows: number, cols: number) => `no value at row ${rows}, column ${cols}: the ranges have different sizes`,
    zh: (rows: number, cols: number) => `第 ${rows} 行第 ${cols} 列无值：各区域大小不一致`,
  },
  cellNotNumber: {
    en: (param: string, row: number, col: number, got: string) =>
      `${param} row ${row}, column ${col} must be a number or empty, got ${got}`,
    zh: (param: string, row: number, col: number, got: string) => `${param} 第 ${row} 行第 ${col} 列必须是数字或空，实际为 ${got}`,
  },
  startAfterEnd: {
    en: (start: string, end: string) => `${start} is after ${end}`,
    zh: (start: string, end: string) => `${start} 晚于 ${end}`,
  },
  atLeastOne: {
    en: (param: string, got: number) => `${param} must be at least 1, got ${fmt(got)}`,
    zh: (param: string, got: number) => `${param} 至少为 1，实际为 ${fmt(got)}`,
  },
  before1900: {
    en: (param: string, got: number) => `${param} ${fmt(got)} would start the streak before January 1900, the first Excel date`,
    zh: (param: string, got: number) => `${param} 为 ${fmt(got)} 时起始月份早于 1900 年 1 月（Excel 最早日期）`,
  },
  neverOvertakes: {
    en: (fg: string, lg: string) => `never overtakes: ${fg} is not greater than ${lg}`,
    zh: (fg: string, lg: string) => `永远无法超越：${fg} 不大于 ${lg}`,
  },
  unknownFigure: {
    en: (id: string) => `unknown figure id ${JSON.stringify(id)}`,
    zh: (id: string) => `未知的数字编号 ${JSON.stringify(id)}`,
  },
  unknownClaim: {
    en: (id: string) => `unknown claim id ${JSON.stringify(id)}`,
    zh: (id: string) => `未知的论断编号 ${JSON.stringify(id)}`,
  },
  noValue: {
    en: (id: string, field: string) => `claim ${id} has no ${field} (it has no check, or its recomputation failed)`,
    zh: (id: string, field: string) => `论断 ${id} 没有 ${field}（无检验项或重算失败）`,
  },
  unknownField: {
    en: (field: string, known: readonly string[]) => `unknown field ${JSON.stringify(field)} (known: ${known.join(', ')})`,
    zh: (field: string, known: readonly string[]) => `未知字段 ${JSON.stringify(field)}（可用：${known.join('、')}）`,
  },
} as const;

/** Short, stable rendering of a number inside a message (no exponent noise for ordinary values). */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(12)));
}

/** Describes an unexpected argument for a message: `"abc"`, `TRUE`, `an empty value`. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return fmt(value);
  if (Array.isArray(value)) return 'a range';
  return typeof value;
}

export function domainError(code: ExcelErrorCode, message: string): DomainError {
  return { kind: 'error', code, message };
}

export function isDomainError(value: unknown): value is DomainError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'error';
}

export const valueError = (param: string, got: unknown): DomainError => domainError('#VALUE!', MESSAGES.notNumber.en(param, describe(got)));
export const textError = (param: string, got: unknown): DomainError => domainError('#VALUE!', MESSAGES.notText.en(param, describe(got)));
export const missingError = (param: string): DomainError => domainError('#VALUE!', MESSAGES.missing.en(param));
export const tooManyArgsError = (fn: string, max: number, got: number): DomainError =>
  domainError('#VALUE!', MESSAGES.tooManyArgs.en(fn, max, got));
export const notSingleError = (param: string, rows: number, cols: number): DomainError =>
  domainError('#VALUE!', MESSAGES.notSingle.en(param, rows, cols));
export const emptyRangeError = (param: string): DomainError => domainError('#VALUE!', MESSAGES.emptyRange.en(param));
export const cellValueError = (param: string, row: number, col: number, got: unknown): DomainError =>
  domainError('#VALUE!', MESSAGES.cellNotNumber.en(param, row, col, describe(got)));
export const percentError = (param: string, got: number): DomainError => domainError('#NUM!', MESSAGES.looksLikePercent.en(param, got));
export const fractionError = (param: string, got: number, max = 1): DomainError => domainError('#NUM!', MESSAGES.fractionRange.en(param, got, max));
export const positiveError = (param: string, got: number): DomainError => domainError('#NUM!', MESSAGES.notPositive.en(param, got));
export const nonnegativeError = (param: string, got: number): DomainError => domainError('#NUM!', MESSAGES.negative.en(param, got));
export const growthError = (param: string, got: number): DomainError => domainError('#NUM!', MESSAGES.growthTooLow.en(param, got));
export const integerError = (param: string, got: number): DomainError => domainError('#NUM!', MESSAGES.notInteger.en(param, got));
export const dateError = (param: string, got: number): DomainError => domainError('#NUM!', MESSAGES.notDate.en(param, got));
export const divZeroError = (param: string): DomainError => domainError('#DIV/0!', MESSAGES.divisionByZero.en(param));
export const notFiniteError = (fn: string): DomainError => domainError('#NUM!', MESSAGES.notFinite.en(fn));
export const shapeError = (row: number, col: number): DomainError => domainError('#N/A', MESSAGES.shapeMismatch.en(row, col));
export const startAfterEndError = (start: string, end: string): DomainError => domainError('#NUM!', MESSAGES.startAfterEnd.en(start, end));
export const atLeastOneError = (param: string, got: number): DomainError => domainError('#NUM!', MESSAGES.atLeastOne.en(param, got));
export const before1900Error = (param: string, got: number): DomainError => domainError('#NUM!', MESSAGES.before1900.en(param, got));
export const neverOvertakesError = (fg: string, lg: string): DomainError => domainError('#NUM!', MESSAGES.neverOvertakes.en(fg, lg));
export const unknownFigureError = (id: string): DomainError => domainError('#N/A', MESSAGES.unknownFigure.en(id));
export const unknownClaimError = (id: string): DomainError => domainError('#N/A', MESSAGES.unknownClaim.en(id));
export const noValueError = (id: string, field: string): DomainError => domainError('#N/A', MESSAGES.noValue.en(id, field));
export const unknownFieldError = (field: string, known: readonly string[]): DomainError =>
  domainError('#VALUE!', MESSAGES.unknownField.en(field, known));

/**
 * Error codes whose custom message Excel shows (in the cell's error indicator). For every other code
 * Excel drops the message (CustomFunctions.ErrorCode: "A custom error message can't be used").
 */
export const CODES_WITH_MESSAGE: ReadonlySet<ExcelErrorCode> = new Set<ExcelErrorCode>(['#VALUE!', '#N/A']);

/**
 * The error a ClaimCell function shows in an Excel cell, so that every message that matters reaches
 * the user: a `#NUM!` (an argument or result outside the function's domain, such as "rate 25 looks like
 * a percent; enter 0.25 or 25%") is shown as `#VALUE!` with its message; `#DIV/0!` is shown as Excel's
 * own `#DIV/0!`, without a message (the code says it all); `#VALUE!` and `#N/A` keep theirs. The CLI and
 * the task pane keep the model's code, which says more.
 */
export function shownInExcel(error: DomainError): { readonly code: ExcelErrorCode; readonly message?: string } {
  const code = error.code === '#NUM!' ? '#VALUE!' : error.code;
  return CODES_WITH_MESSAGE.has(code) ? { code, message: error.message } : { code };
}
