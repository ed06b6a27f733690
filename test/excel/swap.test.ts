/**
 * The pane's Share action on the simulated host: a filled workbook (CLAIM.* formulas in the Claims
 * sheet's custom column, live CLAIM.CHECK margins) plus a sheet of the user's own nested CLAIM.*
 * formulas is swapped out and back in.
 */
import { describe, expect, it } from 'vitest';
import { fillWorkbook } from '../../src/excel/fill.js';
import { swapInWorkbook, swapOutWorkbook } from '../../src/excel/swap.js';
import { auditAll } from '../../src/model/claims/index.js';
import { SWAP_RECORD_SHEET } from '../../src/model/swap/index.js';
import { articlePlan, CLAIM_COLUMNS, SHEETS, cellAddress } from '../../src/plan/index.js';
import type { SimulatedExcel } from '../../src/simhost/index.js';
import { createClaimHost } from './host.js';

const MINE: readonly string[] = [
  '=CLAIM.TARIFF_REVENUE(TARIFF_IMPLIED_BASE_USD_BN,AI_CHIP_TARIFF_RATE)',
  '=ROUND(CLAIM.RATIO(A1,CLAIM.CHANGE($B$1,Mine!B2)),6)',
  '=IF(CLAIM.RATIO(A1,2)>1,"yes, (big)","no")',
  '=CLAIM.CHECK("TARIFF_IMPLIED_BASE","value")',
];

async function filledHost(): Promise<SimulatedExcel> {
  const host = createClaimHost();
  await fillWorkbook(host.run, (state) => articlePlan(state));
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.add('Mine');
    sheet.getRange('B1:B2').values = [[10], [14]];
    sheet.getRange(`A1:A${MINE.length}`).formulas = MINE.map((f) => [f]);
    await context.sync();
  });
  return host;
}

/** Every formula of the workbook outside the record sheet (whose text cells read as formula text), `Sheet!A1` → formula. */
function formulas(host: SimulatedExcel): Map<string, string> {
  const out = new Map<string, string>();
  for (const sheet of host.getSheetNames().filter((s) => s !== SWAP_RECORD_SHEET)) {
    for (let r = 1; r <= 80; r++)
      for (let c = 1; c <= 16; c++) {
        const f = host.getCellFormula(sheet, cellAddress(r, c));
        if (typeof f === 'string' && f.startsWith('=')) out.set(`${sheet}!${cellAddress(r, c)}`, f);
      }
  }
  return out;
}

describe('Share: swap the open workbook out and back in (simulated host)', () => {
  it('leaves no CLAIM.* call, keeps the values, records every cell, and swaps back in exactly', async () => {
    const host = await filledHost();
    const before = formulas(host);
    const claimCells = [...before].filter(([, f]) => /CLAIM\./i.test(f));
    expect(claimCells.length).toBeGreaterThan(MINE.length);
    const valuesBefore = new Map(claimCells.map(([where]) => [where, host.getCellValue(...(where.split('!') as [string, string]))]));

    const plan = await swapOutWorkbook(host.run);
    const after = formulas(host);
    expect([...after].filter(([, f]) => /CLAIM\./i.test(f))).toEqual([]);
    for (const [where, value] of valuesBefore) {
      const now = host.getCellValue(...(where.split('!') as [string, string]));
      if (typeof value === 'number') expect(now as number, where).toBeCloseTo(value, 9);
      else expect(now, where).toEqual(value);
    }
    auditAll().forEach((audit, i) => expect(host.getCellValue(SHEETS.claims, cellAddress(i + 2, CLAIM_COLUMNS.custom)) as number, audit.id).toBeCloseTo(audit.recomputed as number, 9));
    expect(plan.record).toHaveLength(claimCells.length);
    expect(plan.record.find((r) => r.sheet === 'Mine' && r.address === 'A4')).toMatchObject({ kind: 'value', original: MINE[3] });
    // Kept as text, not entered as a formula (which would calculate to a number).
    expect(host.getCellValue(SWAP_RECORD_SHEET, 'C2')).toBe(plan.record[0]!.original);
    const visibility = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SWAP_RECORD_SHEET).load('visibility');
      await context.sync();
      return sheet.visibility;
    });
    expect(visibility).toBe('Hidden');

    await expect(swapOutWorkbook(host.run)).rejects.toThrow(/already swapped out/);

    // A colleague types over one swapped cell: swap-in keeps it and says so.
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Mine').getRange('A3').values = [['mine now']];
      await context.sync();
    });
    const back = await swapInWorkbook(host.run);
    expect(back.kept).toEqual([{ sheet: 'Mine', address: 'A3', reason: expect.stringMatching(/changed since swap-out/) }]);
    expect(host.getSheetNames()).not.toContain(SWAP_RECORD_SHEET);
    const restored = formulas(host);
    const expected = new Map(before);
    expected.delete('Mine!A3');
    expect(Object.fromEntries(restored)).toEqual(Object.fromEntries(expected));
    await expect(swapInWorkbook(host.run)).rejects.toThrow(/not swapped out/);
  });

  it('Fill workbook after a swap-out rewrites ClaimCell\'s sheets (its saved hash still matches, the cells do not), and swap-in then restores the rest', async () => {
    const host = await filledHost();
    const claimsCustom = [...formulas(host).keys()].find((where) => where.startsWith(`${SHEETS.claims}!`) && /CLAIM\./.test(formulas(host).get(where)!))!.split('!')[1]!;
    const original = host.getCellFormula(SHEETS.claims, claimsCustom);
    await swapOutWorkbook(host.run);
    expect(host.getCellFormula(SHEETS.claims, claimsCustom)).not.toMatch(/CLAIM\./);

    const fill = await fillWorkbook(host.run, (state) => articlePlan(state));
    expect(fill.status).toBe('written');
    expect(host.getCellFormula(SHEETS.claims, claimsCustom)).toBe(original);

    const back = await swapInWorkbook(host.run);
    expect(back.kept).toEqual([]);
    expect(host.getCellFormula('Mine', 'A1')).toBe(MINE[0]);
    expect((await fillWorkbook(host.run, (state) => articlePlan(state))).status).toBe('unchanged');
  });

  it('writes the record in the pane\'s language (Chinese header and kinds) and swaps back in from it', async () => {
    const host = await filledHost();
    const before = host.getCellFormula('Mine', 'A1');
    await swapOutWorkbook(host.run, 'zh');
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1'].map((a) => host.getCellValue(SWAP_RECORD_SHEET, a))).toEqual(['工作表', '单元格', '原公式', '写入内容', '类型', '说明']);
    expect(['原生公式', '数值']).toContain(host.getCellValue(SWAP_RECORD_SHEET, 'E2'));
    const back = await swapInWorkbook(host.run);
    expect(back.kept).toEqual([]);
    expect(host.getCellFormula('Mine', 'A1')).toBe(before);
  });
});
