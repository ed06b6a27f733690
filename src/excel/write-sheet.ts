import type { ConditionalFormatPlan, SheetPlan, ValidationPlan } from '../plan/index.js';
import { cellAddress, columnLetter } from '../plan/index.js';
import { officeRequirements, queuePrintSetup, type Requirements } from './print.js';

/**
 * Office.js sets column widths in points; the plan (and the .xlsx writer) speak in characters of the
 * default font (Calibri 11: a digit is 7 px wide, plus 2 px of margin each side and 1 px of gridline).
 * A pixel is 0.75 pt, so Excel's standard 8.43-character column is 64 px = 48 pt.
 */
export function columnWidthPoints(characters: number): number {
  const DIGIT_PX = 7;
  const PADDING_PX = 5;
  return Math.round((characters * DIGIT_PX + PADDING_PX) * 0.75 * 100) / 100;
}

/**
 * Text that Excel would parse as a formula or a number sign is written with a leading apostrophe,
 * Excel's quote prefix: imported names such as "=1+1" or "@cmd" stay text. Text that starts with
 * an apostrophe gets one more, since Excel takes the first as the prefix: "'=1+1" round-trips.
 */
export function asCellInput(value: number | string | boolean | null | undefined): number | string | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && /^[=+\-@']/.test(value)) return `'${value}`;
  return value;
}

/**
 * Queues every write of one sheet on `sheet`; nothing reaches Excel until the caller syncs. What the
 * .xlsx writer (src/export/xlsx.ts) applies, this applies too: widths, tables, conditional formats,
 * validations with their prompt, frozen header rows, charts, and the print set-up (its page layout
 * only where `requirements` has ExcelApi 1.9).
 */
export function queueSheet(sheet: Excel.Worksheet, plan: SheetPlan, requirements: Requirements = officeRequirements()): number {
  const width = Math.max(1, ...plan.cells.map((row) => row.length));
  const height = Math.max(1, plan.cells.length);
  const formulas: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < height; r++) {
    const row = plan.cells[r] ?? [];
    const f: (string | number | boolean)[] = [];
    const n: string[] = [];
    for (let c = 0; c < width; c++) {
      const cell = row[c];
      f.push(cell?.f ?? asCellInput(cell?.v));
      n.push(cell?.fmt ?? 'General');
    }
    formulas.push(f);
    formats.push(n);
  }
  const block = sheet.getRange(`A1:${cellAddress(height, width)}`);
  // Formats first, so a text format ('@') is in place before the text arrives.
  block.numberFormat = formats;
  block.formulas = formulas;
  plan.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.bold) sheet.getRange(cellAddress(r + 1, c + 1)).format.font.bold = true;
    }),
  );
  plan.columnWidths.forEach((chars, i) => {
    sheet.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`).format.columnWidth = columnWidthPoints(chars);
  });
  for (const table of plan.tables) sheet.tables.add(table.range, true).name = table.name;
  queueConditionalFormats(sheet, plan.conditionalFormats);
  queueValidations(sheet, plan.validations);
  // As the .xlsx writer does: the header rows stay in view while scrolling.
  if (plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows);
  for (const chart of plan.charts) {
    const added = sheet.charts.add(chart.type as Excel.ChartType, sheet.getRange(chart.source), 'Auto' as Excel.ChartSeriesBy.auto);
    added.name = chart.name;
    added.title.text = chart.title;
    added.setPosition(chart.anchor);
  }
  queuePrintSetup(sheet, plan, requirements);
  return width * height;
}

/** Queues the plan's conditional formats (custom formula rules) on `sheet`. */
export function queueConditionalFormats(sheet: Excel.Worksheet, rules: readonly ConditionalFormatPlan[]): void {
  for (const rule of rules) {
    const format = sheet.getRange(rule.range).conditionalFormats.add('Custom' as Excel.ConditionalFormatType.custom);
    format.custom.rule.formula = rule.formula;
    format.custom.format.fill.color = rule.fill;
    format.custom.format.font.color = rule.fontColor;
  }
}

/** Queues the plan's drop-downs, each with its prompt, on `sheet`. */
export function queueValidations(sheet: Excel.Worksheet, validations: readonly ValidationPlan[]): void {
  for (const validation of validations) {
    const target = sheet.getRange(validation.range).dataValidation;
    target.rule = { list: { inCellDropDown: true, source: validation.listSource } };
    if (validation.prompt) target.prompt = { showPrompt: true, title: '', message: validation.prompt };
  }
}
