/**
 * Data validation as Excel applies it to a person typing into a cell. ClaimCell writes only list
 * rules, and Excel's default error alert is Stop (Excel.DataValidationAlertStyle: "The default is
 * Stop"), which refuses a value that is not in the list. Writes through the API are not checked,
 * as in Excel. Blank entries pass (ignoreBlanks defaults to true).
 */
import { parseRangeAddress } from './address.js';
import type { EntryRefusal } from './errors.js';
import type { ExcelValue } from './types.js';

interface ListRule {
  readonly list: { readonly source: string };
}

/** The allowed entries of a list rule: a literal "a,b,c" list, or the values of a range `=$C$4:$H$4` (optionally sheet-qualified). */
export function listEntries(source: string, sheetName: string, valueAt: (sheet: string, row: number, col: number) => ExcelValue): string[] | undefined {
  if (!source.startsWith('=')) return source.split(',').map((s) => s.trim());
  const m = /^=(?:'((?:[^']|'')+)'!|([^'!]+)!)?(.+)$/.exec(source.trim());
  const rect = m ? parseRangeAddress(m[3]!.replace(/\$/g, '')) : null;
  if (!m || !rect) return undefined; // a formula source this host does not evaluate: accept, as the rule cannot be read
  const sheet = m[1]?.replace(/''/g, "'") ?? m[2] ?? sheetName;
  const out: string[] = [];
  for (let r = rect.r0; r <= rect.r1; r += 1) for (let c = rect.c0; c <= rect.c1; c += 1) {
    const v = valueAt(sheet, r, c);
    if (v !== null && v !== undefined && v !== '') out.push(String(v));
  }
  return out;
}

/** The entries of a cell's in-cell drop-down (a list rule), or undefined when the cell has none. */
export function dropDownEntries(ruleJson: string | undefined, sheetName: string, valueAt: (sheet: string, row: number, col: number) => ExcelValue): string[] | undefined {
  if (ruleJson === undefined) return undefined;
  const rule = JSON.parse(ruleJson) as Partial<ListRule>;
  return rule.list ? listEntries(rule.list.source, sheetName, valueAt) : undefined;
}

/** Why Excel would refuse `value` typed into a cell with `ruleJson`, or undefined when it accepts it. */
export function typedValueProblem(ruleJson: string | undefined, value: unknown, sheetName: string, valueAt: (sheet: string, row: number, col: number) => ExcelValue): EntryRefusal | undefined {
  if (ruleJson === undefined || value === null || value === '') return undefined;
  const rule = JSON.parse(ruleJson) as Partial<ListRule>;
  if (!rule.list) return undefined;
  const entries = listEntries(rule.list.source, sheetName, valueAt);
  if (entries === undefined || entries.includes(String(value))) return undefined;
  return { reason: 'notInList', value: String(value), entries };
}
