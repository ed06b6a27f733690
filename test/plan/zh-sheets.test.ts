import { describe, expect, it } from 'vitest';
import { loadSeedScenarios } from '../../src/model/scenarios/index.js';
import { articlePlan, cellAddress, CLAIM_COLUMNS, SCENARIO_NAMES, SHEETS, USER_SHEETS, type SheetPlan } from '../../src/plan/index.js';
import { STRESS_SHEET, stressRunForClaim, stressSheet } from '../../src/plan/stress-sheet.js';
import { englishIn } from '../text/latin.js';

/**
 * Cells whose text stays as written in a Chinese workbook, and why:
 * - the other-language label column of Figures and References (C): kept so a reader can match a
 *   figure with an English-language source;
 * - References' publisher and series (G, H): bibliographic citations keep their original titles;
 * - the verdict code column (Claims!N) and block (summary): language-neutral codes formulas test;
 * - Scenarios!B1 and the names row (3): scenario names are keys (B1's drop-down, the MATCH that
 *   picks the active column, scenario files, the CLI's --scenario); row 2 above shows each in
 *   Chinese, as do the summary's headers and the pane;
 * - MyFigures / MyClaims: the user's own tables; their headers are the field names the reader
 *   matches, and ClaimCell writes them once and never rewrites them.
 */
function kept(sheet: string, row: number, column: number, codeRows: ReadonlySet<number>): boolean {
  if ((sheet === SHEETS.figures || sheet === SHEETS.references) && column === 3) return true;
  if (sheet === SHEETS.references && (column === 7 || column === 8)) return true;
  if (sheet === SHEETS.claims && column === CLAIM_COLUMNS.verdictCode && row > 1) return true;
  if (sheet === SHEETS.summary && codeRows.has(row)) return true;
  if (sheet === SHEETS.scenarios && ((row === SCENARIO_NAMES.row && column >= SCENARIO_NAMES.firstColumn) || (row === 1 && column === 2))) return true;
  return sheet === USER_SHEETS.figures || sheet === USER_SHEETS.claims;
}

/** Every English word in a sheet's text cells, cached results, chart titles and prompts. */
function englishInSheet(sheet: SheetPlan): string[] {
  const found: string[] = [];
  const codeHeader = sheet.cells.findIndex((row) => row[0]?.v === '判定代码（供公式使用）');
  const codeRows = new Set(codeHeader < 0 ? [] : sheet.cells.map((_, i) => i + 1).filter((r) => r > codeHeader + 1));
  sheet.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (kept(sheet.name, r + 1, c + 1, codeRows)) return;
      for (const text of [cell.v, cell.cached]) {
        if (typeof text !== 'string') continue;
        const words = englishIn(text);
        if (words.length) found.push(`${sheet.name}!${cellAddress(r + 1, c + 1)}: ${words.join(', ')} in “${text.slice(0, 80)}”`);
      }
    }),
  );
  for (const chart of sheet.charts) found.push(...englishIn(chart.title).map((w) => `${sheet.name} chart: ${w}`));
  const userSheet = sheet.name === USER_SHEETS.figures || sheet.name === USER_SHEETS.claims;
  for (const v of userSheet ? [] : sheet.validations) found.push(...englishIn(v.prompt ?? '').map((w) => `${sheet.name}!${v.range} prompt: ${w}`));
  return found;
}

describe('the workbook in Chinese', () => {
  const state = { edits: new Map<string, number>(), scenarios: loadSeedScenarios() };

  it.each([
    ['with the add-in', true],
    ['portable', false],
  ])('has no English in any sheet (%s), except ids, formulas, citations and codes', (_label, includeCustomFunctions) => {
    const plan = articlePlan(state, { lang: 'zh', includeCustomFunctions });
    expect(plan.sheets.flatMap(englishInSheet)).toEqual([]);
  });

  it('has no English in the Stress sheet', () => {
    const sheet = stressSheet({ ...stressRunForClaim('TARIFF_IMPLIED_BASE', { samples: 500, seed: 3 }), lang: 'zh' }).sheet;
    expect(sheet.name).toBe(STRESS_SHEET);
    expect(englishInSheet(sheet)).toEqual([]);
  });

  it('finds English in the English workbook (the scan can fail)', () => {
    const plan = articlePlan(state, { lang: 'en' });
    const claims = plan.sheets.find((s) => s.name === SHEETS.claims)!;
    expect(englishInSheet(claims).length).toBeGreaterThan(10);
  });
});
