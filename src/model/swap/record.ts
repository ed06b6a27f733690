/**
 * Swap-out and swap-in of a whole workbook, as data: which cells change, and the record kept in a
 * hidden sheet so swap-in restores each original formula exactly. The CLI (ExcelJS) and the task
 * pane (Office.js) read cells, call these, and write what they return.
 */
import { LANGS, TEXT, type Lang } from '../../text/index.js';
import { swapProblemText } from '../../text/messages.js';
import { swapOutFormula } from './swap.js';

/** The hidden sheet that records a swap-out; a workbook that has it is swapped out. */
export const SWAP_RECORD_SHEET = 'ClaimCell swap record';

/** Whether `sheet` is the record sheet: sheet names compare ignoring case, as in Excel. */
export function isSwapRecordSheet(sheet: string): boolean {
  return sheet.toLowerCase() === SWAP_RECORD_SHEET.toLowerCase();
}

/** The record sheet's header in English; a record written in any language reads back (readSwapRecord). */
export const SWAP_RECORD_HEADER = TEXT.en.swap.recordHeader;

export type SwapCellValue = number | string | boolean | null;

/** One formula cell of a workbook as read: its formula (`=…`) and its current (cached) value. */
export interface FormulaCell {
  readonly sheet: string;
  /** A1 address without `$`, e.g. `C7`. */
  readonly address: string;
  readonly formula: string;
  readonly value: SwapCellValue;
}

/** One swapped cell: what it held, what swap-out wrote, and why a value replaced the formula. */
export interface SwapRecordRow {
  readonly sheet: string;
  readonly address: string;
  readonly original: string;
  /** The native formula written, or the value (as text) that replaced the formula. */
  readonly written: string;
  readonly kind: 'native' | 'value';
  readonly note: string;
}

/** A write swap-out or swap-in makes: a formula, or a value in place of one. */
export type SwapWrite =
  | { readonly sheet: string; readonly address: string; readonly formula: string }
  | { readonly sheet: string; readonly address: string; readonly value: SwapCellValue };

export interface SwapOutPlan {
  readonly writes: readonly SwapWrite[];
  readonly record: readonly SwapRecordRow[];
}

/**
 * Why a swap cannot go on, as data (rendered by the catalogue's `swapProblems`): already swapped
 * out, not swapped out (`source` names a file; none: the open workbook), a record sheet row that
 * swap-out did not write (`row` is the sheet's 1-based row), or a file that is not a workbook.
 */
export type SwapProblem =
  | { readonly code: 'alreadySwappedOut'; readonly source?: string }
  | { readonly code: 'notSwappedOut'; readonly source?: string }
  | { readonly code: 'recordHeader'; readonly found: readonly string[] }
  | { readonly code: 'recordNoSheet'; readonly row: number }
  | { readonly code: 'recordAddress'; readonly row: number; readonly value: string }
  | { readonly code: 'recordOriginal'; readonly row: number; readonly value: string }
  | { readonly code: 'recordKind'; readonly row: number; readonly value: string }
  /** `detail` is the reader's own (English) reason; the Chinese render leaves it out. */
  | { readonly code: 'unreadable'; readonly source: string; readonly detail: string };

export type SwapProblemCode = SwapProblem['code'];

/** The kind of refusal, for callers that only branch on it. */
export type SwapErrorCode = 'alreadySwappedOut' | 'notSwappedOut' | 'badRecord' | 'unreadable';

export class SwapError extends Error {
  override readonly name = 'SwapError';
  readonly code: SwapErrorCode;
  /** The message is English, for logs; readers get `problem` rendered in their language (`swapProblemText`). */
  constructor(readonly problem: SwapProblem) {
    super(swapProblemText(problem, 'en'));
    this.code = problem.code === 'alreadySwappedOut' || problem.code === 'notSwappedOut' || problem.code === 'unreadable' ? problem.code : 'badRecord';
  }
}

const valueText = (value: SwapCellValue): string => (value === null ? '' : String(value));

/**
 * The swap-out of every formula cell given (the caller leaves out the record sheet itself). Cells
 * whose formula calls no CLAIM.* function are not touched.
 */
export function planSwapOut(cells: Iterable<FormulaCell>, lang: Lang = 'en'): SwapOutPlan {
  const writes: SwapWrite[] = [];
  const record: SwapRecordRow[] = [];
  for (const cell of cells) {
    if (isSwapRecordSheet(cell.sheet)) throw new SwapError({ code: 'alreadySwappedOut' });
    const swap = swapOutFormula(cell.formula);
    if (swap.kind === 'unchanged') continue;
    const base = { sheet: cell.sheet, address: cell.address, original: cell.formula };
    if (swap.kind === 'native') {
      writes.push({ sheet: cell.sheet, address: cell.address, formula: swap.formula });
      record.push({ ...base, written: swap.formula, kind: 'native', note: '' });
    } else {
      writes.push({ sheet: cell.sheet, address: cell.address, value: cell.value });
      record.push({ ...base, written: valueText(cell.value), kind: 'value', note: TEXT[lang].swap.valueNote(swap.why) });
    }
  }
  return { writes, record };
}

/** The record sheet's rows, header first. */
export function swapRecordRows(record: readonly SwapRecordRow[], lang: Lang = 'en'): string[][] {
  const words = TEXT[lang].swap;
  return [[...words.recordHeader], ...record.map((r) => [r.sheet, r.address, r.original, r.written, words.kinds[r.kind], r.note])];
}

/** The record read back from the sheet's rows (header first); a row that is not one swap-out wrote is an error naming it. */
export function readSwapRecord(rows: readonly (readonly SwapCellValue[])[]): SwapRecordRow[] {
  const header = (rows[0] ?? []).slice(0, SWAP_RECORD_HEADER.length).map(valueText);
  const lang = LANGS.find((l) => TEXT[l].swap.recordHeader.join('|') === header.join('|'));
  if (!lang) {
    throw new SwapError({ code: 'recordHeader', found: header.filter((h) => h !== '') });
  }
  return rows.slice(1).flatMap((row, i) => {
    const [sheet, address, original, written, kindWord, note] = SWAP_RECORD_HEADER.map((_, c) => valueText(row[c] ?? null));
    const kind = (['native', 'value'] as const).find((k) => TEXT[lang].swap.kinds[k] === kindWord || k === kindWord);
    if (!sheet && !address && !original) return [];
    const at = i + 2; // the sheet's own row number
    if (!sheet) throw new SwapError({ code: 'recordNoSheet', row: at });
    if (!/^[A-Z]{1,3}[1-9]\d*$/.test(address!)) throw new SwapError({ code: 'recordAddress', row: at, value: address! });
    if (!original!.startsWith('=')) throw new SwapError({ code: 'recordOriginal', row: at, value: original! });
    if (!kind) throw new SwapError({ code: 'recordKind', row: at, value: kindWord! });
    return [{ sheet: sheet!, address: address!, original: original!, written: written!, kind, note: note! }];
  });
}

/** What a cell holds now, for swap-in to tell an untouched swapped cell from one a colleague changed. */
export interface CurrentCell {
  /** The formula (`=…`), or undefined for a constant. */
  readonly formula: string | undefined;
  readonly value: SwapCellValue;
}

export interface SwapInPlan {
  readonly writes: readonly SwapWrite[];
  /** Swapped cells changed since swap-out: left as they are, each with the reason. */
  readonly kept: readonly { readonly sheet: string; readonly address: string; readonly reason: string }[];
}

/** Formula text as compared: hosts upper-case names and may drop spaces. */
const sameFormula = (a: string, b: string): boolean => a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

/**
 * Swap-in: every recorded cell gets its original formula back, unless it no longer holds what
 * swap-out wrote (a colleague typed over it, or the sheet is gone); those are kept and listed. A
 * row naming the record sheet itself counts as gone: swap-in removes that sheet.
 */
export function planSwapIn(record: readonly SwapRecordRow[], current: (sheet: string, address: string) => CurrentCell | undefined, lang: Lang = 'en'): SwapInPlan {
  const writes: SwapWrite[] = [];
  const kept: { sheet: string; address: string; reason: string }[] = [];
  for (const row of record) {
    const now = isSwapRecordSheet(row.sheet) ? undefined : current(row.sheet, row.address);
    // Already back (e.g. a Fill workbook while swapped out rewrote ClaimCell's own sheets): nothing to do, nothing to report.
    if (now?.formula !== undefined && sameFormula(now.formula, row.original)) continue;
    const untouched =
      now !== undefined &&
      (row.kind === 'native' ? now.formula !== undefined && sameFormula(now.formula, row.written) : now.formula === undefined && valueText(now.value) === row.written);
    if (untouched) writes.push({ sheet: row.sheet, address: row.address, formula: row.original });
    else kept.push({ sheet: row.sheet, address: row.address, reason: now === undefined ? TEXT[lang].swap.keptGone : TEXT[lang].swap.keptChanged(now.formula ?? JSON.stringify(now.value)) });
  }
  return { writes, kept };
}
