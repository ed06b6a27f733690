import { describe, expect, it } from 'vitest';
import { claimVectorModel, getClaim } from '../../src/model/claims/index.js';
import { twoWayTable } from '../../src/model/stress/index.js';
import { articlePlan, articlePlanInput, buildWorkbookPlan, cellAddress, SHEETS, type CellPlan, type SheetPlan } from '../../src/plan/index.js';
import { STRESS_OBJECTS, STRESS_SHEET, STRESS_TABLES_SHEET, STRESS_TABLE_FACTORS, stressRunForClaim, stressSheet, stressTablesLayout } from '../../src/plan/stress-sheet.js';

const cell = (sheet: SheetPlan, address: string): CellPlan | undefined => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return sheet.cells[Number(m[2]) - 1]?.[col - 1];
};
const formulas = (sheet: SheetPlan): CellPlan[] => sheet.cells.flatMap((r) => r.filter((c) => c.f));

describe('Stress sheet plan', () => {
  const run = stressRunForClaim('TARIFF_IMPLIED_BASE', { samples: 5000, seed: 9 });
  const { sheet, layout } = stressSheet(run);

  it('has the reading, the tornado and histogram tables with native charts on the same sheet', () => {
    expect(sheet.name).toBe(STRESS_SHEET);
    expect(cell(sheet, 'A3')?.v).toBe(run.monteCarlo!.reading.en);
    // One language per sheet: the Chinese reading is the Chinese sheet's (below), not a second line here.
    expect(sheet.cells.flat().some((c) => c.v === run.monteCarlo!.reading.zh)).toBe(false);
    expect(sheet.cells[layout.tornadoHeaderRow - 1]!.slice(0, 6).map((c) => c.v)).toEqual(['Input', 'Low', 'High', 'Output at low', 'Output at high', 'Swing']);
    expect(sheet.cells[layout.histogramHeaderRow! - 1]!.map((c) => c.v)).toEqual(['Bin from', 'Bin to', 'Bin', 'Count']);
    expect(sheet.charts.map((c) => [c.name, c.type])).toEqual([
      [STRESS_OBJECTS.tornadoChart, 'BarClustered'],
      [STRESS_OBJECTS.histogramChart, 'ColumnClustered'],
    ]);
    expect(sheet.tables.map((t) => t.name)).toEqual([STRESS_OBJECTS.tornadoTable, STRESS_OBJECTS.histogramTable]);
    const counts = run.monteCarlo!.histogram.counts;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5000);
  });

  it('every formula is native (no CLAIM.*) and has a cached value', () => {
    for (const c of formulas(sheet)) {
      expect(c.f).not.toMatch(/CLAIM\./);
      expect(c.cached, c.f).not.toBeUndefined();
    }
  });

  it('the two-way body cells are the recomputation over the header cells; cached = model', () => {
    const tw = run.twoWay!;
    const top = layout.twoWayHeaderRow!;
    expect(cell(sheet, cellAddress(top, 2))?.v).toBe(tw.gridB[0]);
    expect(cell(sheet, cellAddress(top + 1, 1))?.v).toBe(tw.gridA[0]);
    // TAXABLE_BASE(revenue, rate) = revenue / rate, natively
    const f = cell(sheet, cellAddress(top + 2, 3))!;
    expect(f.f).toContain(tw.inputA === 'AI_CHIP_TARIFF_RATE' ? '$A' : 'C$');
    expect(f.cached).toBeCloseTo(tw.rows[1]![1]!, 9);
  });

  it('speaks Chinese when asked', () => {
    const zh = stressSheet({ ...run, lang: 'zh' }).sheet;
    expect(String(cell(zh, 'A1')?.v)).toMatch(/压力测试/);
    expect(cell(zh, 'A3')?.v).toBe(run.monteCarlo!.reading.zh);
    expect(zh.cells.flat().some((c) => c.v === run.monteCarlo!.reading.en)).toBe(false);
  });

  it('a claim with one input has no two-way table', () => {
    const one = stressSheet(stressRunForClaim('TARIFF_TARGET_REPEATED', { samples: 100, seed: 1 }));
    expect(one.layout.twoWayHeaderRow).toBeUndefined();
    expect(one.sheet.charts).toHaveLength(2);
  });
});

describe('Stress tables in the workbook plan', () => {
  it('is the last sheet; headers follow the names, body cells equal the model at the values in use', () => {
    const plan = articlePlan({ edits: new Map() });
    const sheet = plan.sheets.at(-1)!;
    expect(sheet.name).toBe(STRESS_TABLES_SHEET);
    expect(plan.sheets.slice(0, 6).map((s) => s.name)).toEqual([SHEETS.about, SHEETS.figures, SHEETS.references, SHEETS.claims, SHEETS.scenarios, SHEETS.summary]);
    for (const spec of stressTablesLayout()) {
      expect(cell(sheet, cellAddress(spec.headerRow, 2))?.f).toBe(`=${spec.columns}*0.8`);
      expect(cell(sheet, cellAddress(spec.headerRow + 2, 1))?.f).toBe(`=${spec.rows}*0.9`);
      const model = claimVectorModel(getClaim(spec.claim)!);
      const base = (id: string) => model.inputs.find((i) => i.id === id)!.base;
      const t = twoWayTable(model, spec.rows, STRESS_TABLE_FACTORS.map((k) => base(spec.rows) * k), spec.columns, STRESS_TABLE_FACTORS.map((k) => base(spec.columns) * k));
      t.rows.forEach((row, i) => row.forEach((v, j) => expect(cell(sheet, cellAddress(spec.headerRow + 1 + i, 2 + j))?.cached).toBe(v)));
    }
    for (const c of formulas(sheet)) expect(c.f).not.toMatch(/CLAIM\./);
  });

  it('cached values follow a user-edited base value', () => {
    const input = articlePlanInput({ baseValues: new Map([['AI_CHIP_TARIFF_RATE', 0.3]]) });
    const plan = buildWorkbookPlan(input);
    const sheet = plan.sheets.find((s) => s.name === STRESS_TABLES_SHEET)!;
    const tariff = stressTablesLayout().find((s) => s.claim === 'TARIFF_IMPLIED_BASE')!;
    expect(cell(sheet, cellAddress(tariff.headerRow, 4))?.cached).toBe(0.3);
    expect(cell(sheet, cellAddress(tariff.headerRow + 3, 4))?.cached).toBeCloseTo(264 / 0.3, 9);
  });
});

describe('Stress sheet: only the Monte Carlo that was shown', () => {
  it('monteCarlo: null writes no Monte Carlo part (nothing was shown), instead of a fresh run', () => {
    const run = stressRunForClaim('TARIFF_IMPLIED_BASE', { monteCarlo: null });
    expect(run.monteCarlo).toBeUndefined();
    const { sheet, layout } = stressSheet(run);
    expect(layout.histogramHeaderRow).toBeUndefined();
    expect(sheet.charts.map((c) => c.name)).not.toContain(STRESS_OBJECTS.histogramChart);
    expect(JSON.stringify(sheet.cells)).not.toMatch(/Monte Carlo/);
  });

  it('a result whose samples are all equal is one bin with a note saying why', () => {
    const run = stressRunForClaim('PBOC_GOLD_STREAK_COUNT', { samples: 300, seed: 2 });
    expect(run.monteCarlo!.histogram).toEqual({ edges: [13, 13], counts: [300] });
    const { sheet, layout } = stressSheet(run);
    const header = layout.histogramHeaderRow!;
    expect(sheet.cells[header]!.map((c) => c.v)).toEqual([13, 13, '13–13', 300]);
    expect(String(sheet.cells[header + 1]![0]!.v)).toMatch(/^All 300 samples are 13 .*none of this claim's inputs varies/);
    const zh = stressSheet({ ...run, lang: 'zh' }).sheet;
    expect(String(zh.cells[header + 1]![0]!.v)).toMatch(/^全部 300 次抽样均为 13/);
  });

  it('a result that varies gets no such note', () => {
    const run = stressRunForClaim('TARIFF_IMPLIED_BASE', { samples: 300, seed: 2 });
    expect(run.monteCarlo!.histogram.counts.length).toBeGreaterThan(1);
    expect(JSON.stringify(stressSheet(run).sheet.cells)).not.toMatch(/All \d+ samples are/);
  });
});
