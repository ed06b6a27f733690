import { describe, expect, it } from 'vitest';
import { fillWorkbook, type WorkbookState } from '../../src/excel/fill.js';
import { writeStressSheet } from '../../src/excel/stress.js';
import { OWNER_SETTING } from '../../src/excel/types.js';
import { articlePlan, cellAddress, FIGURE_COLUMNS, SHEETS } from '../../src/plan/index.js';
import { loadFigures } from '../../src/model/figures/index.js';
import { STRESS_OBJECTS, STRESS_SHEET, STRESS_TABLES_SHEET, STRESS_TABLE_FACTORS, stressRunForClaim, stressSheet, stressTablesLayout } from '../../src/plan/stress-sheet.js';
import { claimVectorModel, getClaim } from '../../src/model/claims/index.js';
import { twoWayTable } from '../../src/model/stress/index.js';
import { createClaimHost } from './host.js';

const makePlan = (state: WorkbookState) => articlePlan(state);
const close = (actual: unknown, expected: number, label: string) => {
  expect(typeof actual, label).toBe('number');
  expect(Math.abs((actual as number) - expected), `${label}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
};

type Snapshot = { charts: { sheet: string; name: string; chartType: string; source: string; title: string | null }[]; tables: { name: string; address: string }[]; settings: { key: string; value: unknown }[] };

async function filledHost() {
  const host = createClaimHost();
  const fill = await fillWorkbook(host.run, makePlan);
  expect(fill.status).toBe('written');
  return host;
}

describe('Stress sheet on the simulated host', () => {
  const run = stressRunForClaim('OFFICIAL_UST_GDP_RATIO', { samples: 20_000, seed: 3 });
  const { sheet, layout } = stressSheet(run);

  it('writes the sheet with its two native charts and tables in at most 3 syncs, and records ownership', async () => {
    const host = await filledHost();
    host.resetSyncCount();
    const result = await writeStressSheet(host.run, sheet);
    expect(result.status).toBe('written');
    expect(result.replaced).toBe(false);
    expect(host.syncCount()).toBeLessThanOrEqual(3);
    const snap = host.snapshot() as Snapshot;
    const charts = snap.charts.filter((c) => c.sheet === STRESS_SHEET);
    expect(charts.map((c) => [c.name, c.chartType])).toEqual([
      [STRESS_OBJECTS.tornadoChart, 'BarClustered'],
      [STRESS_OBJECTS.histogramChart, 'ColumnClustered'],
    ]);
    expect(charts.every((c) => typeof c.title === 'string' && c.title.length > 5)).toBe(true);
    expect(snap.tables.map((t) => t.name)).toEqual(expect.arrayContaining([STRESS_OBJECTS.tornadoTable, STRESS_OBJECTS.histogramTable]));
    const owner = JSON.parse(String(snap.settings.find((s) => s.key === OWNER_SETTING)!.value)) as { sheets: string[] };
    expect(owner.sheets).toContain(STRESS_SHEET);

    // tornado table: as the model says
    run.tornado.bars.forEach((b, i) => {
      const r = layout.tornadoHeaderRow + 1 + i;
      expect(host.getCellValue(STRESS_SHEET, `A${r}`)).toBe(b.id);
      close(host.getCellValue(STRESS_SHEET, `D${r}`), b.outputAtLow, `${b.id} at low`);
      close(host.getCellValue(STRESS_SHEET, `F${r}`), b.swing, `${b.id} swing`);
    });
    // histogram counts add up to the samples
    const counts = run.monteCarlo!.histogram.counts;
    let total = 0;
    counts.forEach((_c, k) => (total += host.getCellValue(STRESS_SHEET, `D${layout.histogramHeaderRow! + 1 + k}`) as number));
    expect(total).toBe(20_000);
  });

  it('the two-way table is native formulas over the defined names that calculate to the model', async () => {
    const host = await filledHost();
    await writeStressSheet(host.run, sheet);
    const tw = run.twoWay!;
    const top = layout.twoWayHeaderRow!;
    tw.rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const address = cellAddress(top + 1 + i, 2 + j);
        const formula = String(host.getCellFormula(STRESS_SHEET, address));
        expect(formula).not.toContain('CLAIM.');
        expect(formula).toContain(`$A${top + 1 + i}`);
        close(host.getCellValue(STRESS_SHEET, address), v, `${address}`);
      }),
    );
    // a header edit recalculates the body (no add-in involved)
    host.setCellValue(STRESS_SHEET, cellAddress(top + 1, 1), 10000);
    const gdp = tw.inputA === 'WORLD_GDP' ? 10000 : tw.gridB[0]!;
    const holdings = tw.inputA === 'OFFICIAL_UST_HOLDINGS' ? 10000 : tw.gridB[0]!;
    close(host.getCellValue(STRESS_SHEET, cellAddress(top + 1, 2)), holdings / gdp, 'edited header');
  });

  it('replaces its own Stress sheet in place, and refuses one it does not own', async () => {
    const host = await filledHost();
    await writeStressSheet(host.run, sheet);
    const other = stressSheet(stressRunForClaim('TARIFF_IMPLIED_BASE', { samples: 5_000, seed: 1 })).sheet;
    host.resetSyncCount();
    const again = await writeStressSheet(host.run, other);
    expect(again.status).toBe('written');
    expect(again.replaced).toBe(true);
    expect(host.syncCount()).toBeLessThanOrEqual(3);
    const snap = host.snapshot() as Snapshot;
    expect(snap.charts.filter((c) => c.sheet === STRESS_SHEET)).toHaveLength(2);
    expect(snap.charts.filter((c) => c.sheet === STRESS_SHEET).every((c) => c.title?.startsWith('TARIFF_IMPLIED_BASE'))).toBe(true);
    expect(host.getCellValue(STRESS_SHEET, 'A1')).toBe('Stress test: TARIFF_IMPLIED_BASE');

    const foreign = createClaimHost({ initialSheets: ['Sheet1', STRESS_SHEET] });
    await fillWorkbook(foreign.run, makePlan);
    foreign.setCellValue(STRESS_SHEET, 'A1', 'my notes');
    const before = foreign.snapshotJson();
    const refused = await writeStressSheet(foreign.run, sheet);
    expect(refused.status).toBe('conflict');
    expect(foreign.snapshotJson()).toBe(before);
  });

  it('writes nothing to a workbook that was never filled (its formulas need the names)', async () => {
    const host = createClaimHost();
    const before = host.snapshotJson();
    const result = await writeStressSheet(host.run, sheet);
    expect(result.status).toBe('not-filled');
    expect(result.missingNames).toEqual(expect.arrayContaining(['OFFICIAL_UST_HOLDINGS', 'WORLD_GDP']));
    expect(host.snapshotJson()).toBe(before);
  });
});

describe('Stress tables sheet in the filled article workbook', () => {
  it('calculates every two-way cell to the model, and follows an edited base value', async () => {
    const host = await filledHost();
    for (const spec of stressTablesLayout()) {
      const claim = getClaim(spec.claim)!;
      const model = claimVectorModel(claim);
      const base = (id: string) => model.inputs.find((i) => i.id === id)!.base;
      const gA = STRESS_TABLE_FACTORS.map((k) => base(spec.rows) * k);
      const gB = STRESS_TABLE_FACTORS.map((k) => base(spec.columns) * k);
      const t = twoWayTable(model, spec.rows, gA, spec.columns, gB);
      expect(host.getCellValue(STRESS_TABLES_SHEET, cellAddress(spec.headerRow, 1))).toBe(`${spec.rows} \\ ${spec.columns}`);
      gA.forEach((a, i) => {
        close(host.getCellValue(STRESS_TABLES_SHEET, cellAddress(spec.headerRow + 1 + i, 1)), a, `${spec.claim} row header ${i}`);
        gB.forEach((_b, j) => close(host.getCellValue(STRESS_TABLES_SHEET, cellAddress(spec.headerRow + 1 + i, 2 + j)), t.rows[i]![j]!, `${spec.claim} [${i},${j}]`));
      });
    }
    // the user edits the tariff rate in the Figures sheet: headers and body follow, with no add-in
    const rateRow = loadFigures().findIndex((f) => f.id === 'AI_CHIP_TARIFF_RATE') + 2;
    host.setCellValue(SHEETS.figures, cellAddress(rateRow, FIGURE_COLUMNS.base), 0.3);
    const tariff = stressTablesLayout().find((s) => s.claim === 'TARIFF_IMPLIED_BASE')!;
    close(host.getCellValue(STRESS_TABLES_SHEET, cellAddress(tariff.headerRow, 4)), 0.3, 'rate header at 100%');
    close(host.getCellValue(STRESS_TABLES_SHEET, cellAddress(tariff.headerRow + 3, 4)), 264 / 0.3, 'implied base at the edited rate');
  });
});

describe('Stress sheet across later fills', () => {
  it('survives a refill that rewrites the workbook after an edit, and stays ClaimCell\'s', async () => {
    const host = await filledHost();
    const { sheet } = stressSheet(stressRunForClaim('BRICS_OCT_PARTS', { samples: 5_000, seed: 1 }));
    expect((await writeStressSheet(host.run, sheet)).status).toBe('written');
    host.setCellValue('Figures', 'E3', 0.3);
    const refill = await fillWorkbook(host.run, makePlan);
    expect(refill.status).toBe('written');
    expect(host.getSheetNames()).toContain(STRESS_SHEET);
    // Still recorded as ClaimCell's: writing it again replaces it instead of reporting a conflict.
    const again = await writeStressSheet(host.run, sheet);
    expect(again.status).toBe('written');
    expect(again.replaced).toBe(true);
  });
});
