/** Column letters for a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1 address for 1-based row and column; `absolute` adds `$` to both parts. */
export function cellAddress(row: number, column: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetter(column)}${d}${row}`;
}

export function rangeAddress(top: number, left: number, bottom: number, right: number, absolute = false): string {
  return `${cellAddress(top, left, absolute)}:${cellAddress(bottom, right, absolute)}`;
}

/** Quotes a sheet name for use in a formula when it needs it (`'Scenario summary'!A1`). */
export function sheetRef(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}
