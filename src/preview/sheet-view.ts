/** The grid's view of one sheet of the simulated workbook's snapshot: values, formats, widths, size. */
import { colToLetters, parseRangeAddress } from '../simhost/address.js';
import type { CellValue } from './format.js';

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface SheetSnapshot {
  name: string;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: [string, unknown, CellValue][];
  numberFormats: { value: string; ranges: string[] }[];
  columnWidths: [string, number][];
}

export interface SheetView {
  values: Map<string, CellValue>;
  formats: Map<string, string>;
  widths: Map<number, number>;
  rows: number;
  cols: number;
}

const MIN_ROWS = 30;
const MIN_COLS = 10;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

export const addr = (r: number, c: number): string => `${colToLetters(c)}${r + 1}`;

export function viewOf(sheet: SheetSnapshot): SheetView {
  const values = new Map<string, CellValue>();
  let rows = 0;
  let cols = 0;
  for (const [a, , value] of sheet.cells) {
    values.set(a, value);
    const rect = parseRangeAddress(a);
    if (rect) {
      rows = Math.max(rows, rect.r1 + 1);
      cols = Math.max(cols, rect.c1 + 1);
    }
  }
  const formats = new Map<string, string>();
  for (const { value, ranges } of sheet.numberFormats) {
    for (const range of ranges) {
      const rect = parseRangeAddress(range);
      if (!rect) continue;
      for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) formats.set(addr(r, c), value);
    }
  }
  const widths = new Map<number, number>();
  for (const [letters, w] of sheet.columnWidths) {
    const rect = parseRangeAddress(`${letters}1`);
    if (rect) widths.set(rect.c0, w);
  }
  return { values, formats, widths, rows: Math.max(rows + 5, MIN_ROWS), cols: Math.max(cols + 1, MIN_COLS) };
}

