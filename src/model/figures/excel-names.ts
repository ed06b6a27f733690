/**
 * Rules for workbook-scoped defined names, as Excel applies them: start with a letter or
 * underscore, then letters, digits, underscores or dots, at most 255 characters, and never
 * something Excel would read as a cell reference (A1-style up to XFD1048576, or R1C1-style).
 */
const MAX_COLUMN = 16_384; // XFD
const MAX_ROW = 1_048_576;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** True when `name` would be read by Excel as an A1 or R1C1 cell reference. */
export function looksLikeCellReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1) {
    const row = Number(a1[2]);
    if (columnNumber(a1[1]!) <= MAX_COLUMN && row >= 1 && row <= MAX_ROW) return true;
  }
  return /^(R\d*C\d*|R\d*|C\d*)$/i.test(name);
}

/** Why `name` is not a valid defined name, or null when it is. */
export function excelNameProblem(name: string): string | null {
  if (name.length === 0) return 'is empty';
  if (name.length > 255) return 'is longer than 255 characters';
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) return 'must start with a letter or underscore and hold only letters, digits, "_" and "."';
  if (looksLikeCellReference(name)) return 'would be read by Excel as a cell reference';
  return null;
}
