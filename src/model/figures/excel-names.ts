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

/** Which of Excel's rules for a defined name `name` breaks, as a code (rendered by the catalogue), or null. */
export type ExcelNameRule = 'empty' | 'tooLong' | 'characters' | 'cellReference';

export function excelNameRule(name: string): ExcelNameRule | null {
  if (name.length === 0) return 'empty';
  if (name.length > 255) return 'tooLong';
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) return 'characters';
  if (looksLikeCellReference(name)) return 'cellReference';
  return null;
}

const RULE_WORDS: Readonly<Record<ExcelNameRule, string>> = {
  empty: 'is empty',
  tooLong: 'is longer than 255 characters',
  characters: 'must start with a letter or underscore and hold only letters, digits, "_" and "."',
  cellReference: 'would be read by Excel as a cell reference',
};

/** Why `name` is not a valid defined name, or null when it is (English: the seeds' own checks; users get `excelNameRule` rendered). */
export function excelNameProblem(name: string): string | null {
  const rule = excelNameRule(name);
  return rule === null ? null : RULE_WORDS[rule];
}
