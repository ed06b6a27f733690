/** Shows a cell value roughly the way Excel would under the cell's number format. */
import { serialToIso } from '../model/units/index.js';

export type CellValue = number | string | boolean | null | undefined;

function decimalsOf(fmt: string): { min: number; max: number } {
  const m = /\.([0#]+)/.exec(fmt);
  if (!m) return { min: 0, max: 0 };
  const part = m[1]!;
  return { min: (part.match(/0/g) ?? []).length, max: part.length };
}

export function formatCell(value: CellValue, fmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  if (!fmt || fmt === 'General' || fmt === '@') {
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  }
  if (/yy|dd/i.test(fmt)) {
    try {
      return serialToIso(value);
    } catch {
      return String(value);
    }
  }
  const { min, max } = decimalsOf(fmt);
  const percent = fmt.includes('%');
  const shown = percent ? value * 100 : value;
  const text = shown.toLocaleString('en-US', { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: fmt.includes(',') });
  return percent ? `${text}%` : text;
}

/** What the user typed in a cell editor, as the simulated host's `setCellValue` takes it. */
export function parseInput(text: string): number | string | boolean | null {
  const t = text.trim();
  if (t === '') return null;
  if (t.startsWith('=')) return t;
  if (/^(true|false)$/i.test(t)) return t.toUpperCase() === 'TRUE';
  const pct = /^([-+]?\d*\.?\d+(?:e[-+]?\d+)?)%$/i.exec(t.replace(/,/g, ''));
  if (pct) return Number(pct[1]) / 100;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) && /\d/.test(t) ? n : text;
}
