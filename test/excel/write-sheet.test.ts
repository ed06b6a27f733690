/**
 * One plan looks the same whichever writer wrote it: the Office.js writer (fill, on the simulated
 * host) and the .xlsx writer (ExcelJS) give the same column widths, frozen header rows and
 * validation prompts.
 */
import { describe, expect, it } from 'vitest';
import { fillWorkbook } from '../../src/excel/fill.js';
import { columnWidthPoints } from '../../src/excel/write-sheet.js';
import { writePlanToWorkbook } from '../../src/export/xlsx.js';
import { articlePlan, columnLetter } from '../../src/plan/index.js';
import { createClaimHost } from './host.js';

interface SheetSnapshot {
  name: string;
  columnWidths: [string, number][];
  frozenRows?: number;
  validationPrompts?: { prompt: { message: string }; ranges: string[] }[];
}

describe('the Office.js writer and the .xlsx writer', () => {
  it('convert characters to points as Excel does: the standard 8.43-character column is 48 pt', () => {
    expect(columnWidthPoints(8.43)).toBeCloseTo(48, 1);
    expect(columnWidthPoints(10)).toBeCloseTo(56.25, 2);
  });

  it('give every sheet of the plan the same widths, frozen rows and validation prompts', async () => {
    const plan = articlePlan({ edits: new Map() }, { includeCustomFunctions: false });
    const host = createClaimHost();
    await fillWorkbook(host.run, () => plan);
    const written = (host.snapshot() as { sheets: SheetSnapshot[] }).sheets;
    const xlsx = writePlanToWorkbook(plan);
    for (const sheetPlan of plan.sheets) {
      const office = written.find((s) => s.name === sheetPlan.name)!;
      const ws = xlsx.getWorksheet(sheetPlan.name)!;
      // Widths: the .xlsx stores characters, Office.js points.
      const officeWidths = new Map(office.columnWidths);
      sheetPlan.columnWidths.forEach((_, i) => {
        const letter = columnLetter(i + 1);
        expect(officeWidths.get(letter), `${sheetPlan.name}!${letter}`).toBeCloseTo(columnWidthPoints(ws.getColumn(i + 1).width!), 2);
      });
      // Frozen header rows.
      const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
      const xlsxFrozen = view?.state === 'frozen' ? (view.ySplit ?? 0) : 0;
      expect(office.frozenRows ?? 0, sheetPlan.name).toBe(xlsxFrozen);
      // Validation prompts.
      const model = (ws as unknown as { dataValidations: { model: Record<string, { prompt?: string }> } }).dataValidations.model;
      const xlsxPrompts = Object.values(model).flatMap((v) => (v.prompt ? [v.prompt] : []));
      const officePrompts = (office.validationPrompts ?? []).map((p) => p.prompt.message);
      expect(officePrompts, sheetPlan.name).toEqual(xlsxPrompts);
    }
    expect(plan.sheets.some((s) => s.freezeRows > 0)).toBe(true);
    expect(plan.sheets.some((s) => s.validations.some((v) => v.prompt))).toBe(true);
  });
});
