/**
 * How the workbook's content reaches HyperFormula and how its answers come back as Excel's: formula
 * text the engine can parse, names it accepts, text kept as text, and error values as Excel shows them.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { looksLikeCellReference } from './address.js';
import type { ExcelValue, RawContent } from './types.js';

let validator: HyperFormula | undefined;
function formulaValidator(): HyperFormula {
  validator ??= HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  return validator;
}

/** True when `formula` (starting with `=`) parses. */
export function isParsableFormula(formula: string): boolean {
  return formulaValidator().validateFormula(toEngineFormula(formula));
}

/** True when HyperFormula accepts `name` as a named expression (a name like a cell reference it does not). */
export function hfNameOk(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !looksLikeCellReference(name);
}

/** Applies `fn` to the parts of a formula outside string literals. */
function outsideStrings(formula: string, fn: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join('');
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Excel's rewrite of references to a deleted sheet: `=Figures!D2*2` → `=#REF!D2*2`. */
export function rewriteDeletedSheetRefs(formula: string, sheetName: string): string {
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  const re = new RegExp(`(^|[^A-Za-z0-9_.'\\u00C0-\\uFFFF])(?:${escapeRe(quoted)}|${escapeRe(sheetName)})!`, 'gi');
  return outsideStrings(formula, (part) => part.replace(re, '$1#REF!'));
}

/** HyperFormula cannot parse `#REF!D2`; it reads the bare `#REF!` error literal. */
export function toEngineFormula(formula: string): string {
  if (!formula.includes('#REF!')) return formula;
  return outsideStrings(formula, (part) => part.replace(/#REF!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/g, '#REF!'));
}

/**
 * A cell's content as HyperFormula takes it. Text written into a cell formatted as Text ('@') stays
 * text, as in Excel ("25%" and "2026-01-14" are not turned into numbers; README, "Text format"):
 * HyperFormula's quote prefix keeps it a string. Formulas are left to the engine.
 */
export function toEngine(raw: RawContent, numberFormat?: string): RawContent {
  if (typeof raw !== 'string') return raw;
  if (raw.startsWith('=')) return toEngineFormula(raw);
  return numberFormat === '@' && !raw.startsWith("'") ? `'${raw}` : raw;
}

/** Maps a HyperFormula cell value to what Excel's `range.values` returns. */
export function toExcelValue(v: unknown): ExcelValue {
  if (v === null || v === undefined) return '';
  if (v instanceof DetailedCellError) {
    switch (v.value) {
      case '#ERROR!':
      case '#LIC!':
        return '#NAME?';
      case '#CYCLE!':
        return 0; // Excel shows 0 for a circular reference (and warns)
      default:
        return v.value;
    }
  }
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}
