import { describe, expect, it } from 'vitest';
import { fillWorkbook, type WorkbookState } from '../../src/excel/fill.js';
import { auditClaimById, describeMargin } from '../../src/model/claims/index.js';
import { breakEvenForClaim } from '../../src/model/stress/claims.js';
import { monteCarloForClaim } from '../../src/model/stress/claim-montecarlo.js';
import { articlePlan, CLAIM_COLUMNS, FIGURE_COLUMNS, SHEETS, cellAddress } from '../../src/plan/index.js';
import { loadFigures } from '../../src/model/figures/index.js';
import { createClaimHost } from './host.js';

const CLAIM = 'TARIFF_IMPLIED_BASE';
const RATE = 'AI_CHIP_TARIFF_RATE';
const rateRow = loadFigures().findIndex((f) => f.id === RATE) + 2;

/** A user's own sheet with the three cell functions in the form that follows edits. */
async function userSheet(host: ReturnType<typeof createClaimHost>): Promise<void> {
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.add('Mine');
    sheet.getRange('A1:C1').formulas = [
      [`=CLAIM.CHECK("${CLAIM}","value",FIGURES_IN_USE)`, `=CLAIM.BREAKEVEN("${CLAIM}","TARIFF_REVENUE_TARGET_P1",1000,FIGURES_IN_USE)`, `=CLAIM.PROB_HOLDS("OFFICIAL_UST_GDP_RATIO",2000,3,FIGURES_IN_USE)`],
    ];
    sheet.getRange('A2:B2').formulas = [[`=CLAIM.CHECK("${CLAIM}")`, `=CLAIM.CHECK("${CLAIM}","verdict",FIGURES_IN_USE)`]];
    await context.sync();
  });
}

describe('cell functions follow the workbook when given FIGURES_IN_USE', () => {
  it('CHECK, BREAKEVEN and PROB_HOLDS change after a figure edit and recalculation; the article form does not', async () => {
    const host = createClaimHost();
    expect((await fillWorkbook(host.run, (state: WorkbookState) => articlePlan(state))).status).toBe('written');
    await userSheet(host);
    expect(host.getCellValue('Mine', 'A1')).toBeCloseTo(1056, 9);
    expect(host.getCellValue('Mine', 'B1')).toBeCloseTo(breakEvenForClaim(CLAIM, 'TARIFF_REVENUE_TARGET_P1', { target: 1000 }).value!, 9);
    const ratioBefore = host.getCellValue('Mine', 'C1');
    expect(ratioBefore).toBe(monteCarloForClaim('OFFICIAL_UST_GDP_RATIO', { samples: 2000, seed: 3 }).probabilityHolds);

    host.setCellValue(SHEETS.figures, cellAddress(rateRow, FIGURE_COLUMNS.base), 0.3);
    const overrides = new Map([[RATE, 0.3]]);
    expect(host.getCellValue('Mine', 'A1')).toBeCloseTo(880, 9);
    expect(host.getCellValue('Mine', 'A2')).toBeCloseTo(1056, 9); // no values argument: the article's
    expect(host.getCellValue('Mine', 'B1')).toBeCloseTo(breakEvenForClaim(CLAIM, 'TARIFF_REVENUE_TARGET_P1', { target: 1000, overrides }).value!, 9);
    expect(host.getCellValue('Mine', 'B2')).toBe(auditClaimById(CLAIM, overrides)!.verdict);

    // The ratio claim reads WORLD_GDP: editing it moves PROB_HOLDS.
    const gdpRow = loadFigures().findIndex((f) => f.id === 'WORLD_GDP') + 2;
    host.setCellValue(SHEETS.figures, cellAddress(gdpRow, FIGURE_COLUMNS.base), 110_000);
    const expected = monteCarloForClaim('OFFICIAL_UST_GDP_RATIO', { samples: 2000, seed: 3, overrides: new Map([[RATE, 0.3], ['WORLD_GDP', 110_000]]) }).probabilityHolds;
    expect(host.getCellValue('Mine', 'C1')).toBe(expected);
    expect(expected).not.toBe(ratioBefore);
  });

  it("recomputes the Claims sheet's margin to flip at the values in use", async () => {
    const host = createClaimHost();
    await fillWorkbook(host.run, (state: WorkbookState) => articlePlan(state));
    const ids = new Map<string, number>();
    for (let row = 2; row < 80; row += 1) {
      const id = host.getCellValue(SHEETS.claims, cellAddress(row, CLAIM_COLUMNS.id));
      if (typeof id === 'string' && id) ids.set(id, row);
    }
    const row = ids.get('OFFICIAL_UST_GDP_RATIO')!;
    const cell = cellAddress(row, CLAIM_COLUMNS.margin);
    expect(host.getCellFormula(SHEETS.claims, cell)).toBe('=CLAIM.CHECK("OFFICIAL_UST_GDP_RATIO","margin",FIGURES_IN_USE)');
    expect(host.getCellValue(SHEETS.claims, cell)).toBe(auditClaimById('OFFICIAL_UST_GDP_RATIO')!.margins.map(describeMargin).join('; '));
    const gdpRow = loadFigures().findIndex((f) => f.id === 'WORLD_GDP') + 2;
    host.setCellValue(SHEETS.figures, cellAddress(gdpRow, FIGURE_COLUMNS.base), 120_000);
    const after = auditClaimById('OFFICIAL_UST_GDP_RATIO', new Map([['WORLD_GDP', 120_000]]))!.margins.map(describeMargin).join('; ');
    expect(host.getCellValue(SHEETS.claims, cell)).toBe(after);
    expect(after).not.toBe(auditClaimById('OFFICIAL_UST_GDP_RATIO')!.margins.map(describeMargin).join('; '));
  });
});
