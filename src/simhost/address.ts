/** A1-address helpers for the simulated Excel host (0-based rows/columns internally). */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface CellRect {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

export function colToLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COL_RE = /^\$?([A-Za-z]{1,3})$/;
const ROW_RE = /^\$?([0-9]{1,7})$/;

function parseCell(s: string): { r: number; c: number } | null {
  const m = CELL_RE.exec(s);
  if (!m) return null;
  const c = lettersToCol(m[1]!);
  const r = Number(m[2]) - 1;
  if (c < 0 || c >= MAX_COLS || r < 0 || r >= MAX_ROWS) return null;
  return { r, c };
}

/**
 * Parses a sheet-local A1 address: `A1`, `A1:C3`, `$A$1`, whole columns `A:C`, whole rows `2:5`.
 * Returns null when the text is not a valid address (the caller raises InvalidArgument).
 */
export function parseRangeAddress(address: string): CellRect | null {
  const text = address.trim();
  if (text === '') return null;
  const parts = text.split(':');
  if (parts.length > 2) return null;
  if (parts.length === 1) {
    const cell = parseCell(parts[0]!);
    return cell ? { r0: cell.r, c0: cell.c, r1: cell.r, c1: cell.c } : null;
  }
  const [a, b] = parts as [string, string];
  const ca = parseCell(a);
  const cb = parseCell(b);
  if (ca && cb) {
    return { r0: Math.min(ca.r, cb.r), c0: Math.min(ca.c, cb.c), r1: Math.max(ca.r, cb.r), c1: Math.max(ca.c, cb.c) };
  }
  const cola = COL_RE.exec(a);
  const colb = COL_RE.exec(b);
  if (cola && colb) {
    const x = lettersToCol(cola[1]!);
    const y = lettersToCol(colb[1]!);
    if (x >= MAX_COLS || y >= MAX_COLS) return null;
    return { r0: 0, c0: Math.min(x, y), r1: MAX_ROWS - 1, c1: Math.max(x, y) };
  }
  const rowa = ROW_RE.exec(a);
  const rowb = ROW_RE.exec(b);
  if (rowa && rowb) {
    const x = Number(rowa[1]) - 1;
    const y = Number(rowb[1]) - 1;
    if (x < 0 || y < 0 || x >= MAX_ROWS || y >= MAX_ROWS) return null;
    return { r0: Math.min(x, y), c0: 0, r1: Math.max(x, y), c1: MAX_COLS - 1 };
  }
  return null;
}

/** `A1` or `A1:C3` (no sheet, no `$`), whole columns/rows as Excel prints them (`A:C`, `2:5`). */
export function formatRect(rect: CellRect, absolute = false): string {
  const d = absolute ? '$' : '';
  if (rect.r0 === 0 && rect.r1 === MAX_ROWS - 1) {
    return `${d}${colToLetters(rect.c0)}:${d}${colToLetters(rect.c1)}`;
  }
  if (rect.c0 === 0 && rect.c1 === MAX_COLS - 1) {
    return `${d}${rect.r0 + 1}:${d}${rect.r1 + 1}`;
  }
  const a = `${d}${colToLetters(rect.c0)}${d}${rect.r0 + 1}`;
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return a;
  return `${a}:${d}${colToLetters(rect.c1)}${d}${rect.r1 + 1}`;
}

/** Quotes a sheet name for use in an address or formula when Excel would (`'My Sheet'!A1`). */
export function quoteSheetName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !looksLikeCellReference(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheetName: string, rect: CellRect, absolute = false): string {
  return `${quoteSheetName(sheetName)}!${formatRect(rect, absolute)}`;
}

/**
 * True when `name` would be read by Excel as a cell reference (A1 style, e.g. `A1`, `XFD1048576`)
 * or an R1C1 reference (`R`, `C`, `R1C1`, `R2`, `C10`), which is why such defined names are refused.
 */
export function looksLikeCellReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})([0-9]+)$/.exec(name);
  if (a1) {
    const col = lettersToCol(a1[1]!);
    const row = Number(a1[2]);
    if (col < MAX_COLS && row >= 1 && row <= MAX_ROWS) return true;
  }
  if (/^[RrCc]$/.test(name)) return true;
  if (/^[Rr][0-9]*[Cc][0-9]*$/.test(name)) return true;
  if (/^[Rr][0-9]+$/.test(name) || /^[Cc][0-9]+$/.test(name)) return true;
  return false;
}

/** Excel's defined-name rules: letter/underscore/backslash first, then letters, digits, `.` and `_`; ≤ 255 chars; not a reference; not TRUE/FALSE. */
export function isValidDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name)) return false;
  if (looksLikeCellReference(name)) return false;
  if (/^(TRUE|FALSE)$/i.test(name)) return false;
  return true;
}

/** Excel worksheet-name rules: 1–31 chars, none of `[]:*?/\`, no leading/trailing apostrophe, not `History`. */
export function isValidSheetName(name: string): boolean {
  if (name.length === 0 || name.length > 31) return false;
  if (/[[\]:*?/\\]/.test(name)) return false;
  if (name.startsWith("'") || name.endsWith("'")) return false;
  if (name.toLowerCase() === 'history') return false;
  return true;
}

export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLS);
}

export function keyCol(key: number): number {
  return key % MAX_COLS;
}
