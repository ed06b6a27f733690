import { describe, expect, it } from 'vitest';
import { loadSeedScenarios } from '../../src/model/scenarios/index.js';
import { articlePlan, cellAddress, SHEETS, type SheetPlan } from '../../src/plan/index.js';
import { STRESS_SHEET, stressRunForClaim, stressSheet } from '../../src/plan/stress-sheet.js';
import { TEXT } from '../../src/text/index.js';
import { englishIn, keptInChinese } from '../text/latin.js';

/** Every English word in a sheet's text cells, cached results, chart titles and prompts. */
function englishInSheet(sheet: SheetPlan): string[] {
  const found: string[] = [];
  const codeHeader = sheet.cells.findIndex((row) => row[0]?.v === TEXT.zh.sheets.summary.verdictCode);
  const codeRows = new Set(codeHeader < 0 ? [] : sheet.cells.map((_, i) => i + 1).filter((r) => r > codeHeader + 1));
  sheet.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (keptInChinese(sheet.name, r + 1, c + 1, codeRows)) return;
      for (const text of [cell.v, cell.cached]) {
        if (typeof text !== 'string') continue;
        const words = englishIn(text);
        if (words.length) found.push(`${sheet.name}!${cellAddress(r + 1, c + 1)}: ${words.join(', ')} in “${text.slice(0, 80)}”`);
      }
    }),
  );
  for (const chart of sheet.charts) found.push(...englishIn(chart.title).map((w) => `${sheet.name} chart: ${w}`));
  for (const v of sheet.validations) found.push(...englishIn(v.prompt ?? '').map((w) => `${sheet.name}!${v.range} prompt: ${w}`));
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
