import { describe, expect, it } from 'vitest';
import { fillWorkbook, type WorkbookState } from '../../src/excel/fill.js';
import { auditAll } from '../../src/model/claims/index.js';
import { figureValue, loadFigures } from '../../src/model/figures/index.js';
import { articlePlan, CLAIM_COLUMNS, FIGURE_COLUMNS, SHEETS, cellAddress } from '../../src/plan/index.js';
import { createClaimHost } from './host.js';

const makePlan = (state: WorkbookState) => articlePlan(state);
const close = (a: unknown, b: number | null) => {
  expect(typeof a).toBe('number');
  expect(a as number).toBeCloseTo(b!, 9);
};

describe('fill the workbook on the simulated host', () => {
  it('writes every figure as a name with its value, and the claims calculate to the model', async () => {
    const host = createClaimHost();
    const result = await fillWorkbook(host.run, makePlan);
    expect(result.status).toBe('written');
    expect(host.syncCount()).toBeLessThanOrEqual(3);

    const names = new Map(host.getNames().map((n) => [n.name, n]));
    loadFigures().forEach((figure, i) => {
      const name = names.get(figure.id);
      expect(name?.formula, figure.id).toBe(`=Figures!$F$${i + 2}`);
      expect(name?.comment).toBe(figure.labelEn);
      expect(host.getCellValue(SHEETS.figures, cellAddress(i + 2, FIGURE_COLUMNS.inUse))).toBe(figureValue(figure));
    });

    auditAll().forEach((audit, i) => {
      const row = i + 2;
      expect(host.getCellValue(SHEETS.claims, cellAddress(row, CLAIM_COLUMNS.id))).toBe(audit.id);
      close(host.getCellValue(SHEETS.claims, cellAddress(row, CLAIM_COLUMNS.recomputed)), audit.recomputed);
      close(host.getCellValue(SHEETS.claims, cellAddress(row, CLAIM_COLUMNS.custom)), audit.recomputed);
      expect(host.getCellValue(SHEETS.claims, cellAddress(row, CLAIM_COLUMNS.verdict)), audit.id).toBe(audit.verdict);
    });
  });

  it('is a no-op the second time', async () => {
    const host = createClaimHost();
    await fillWorkbook(host.run, makePlan);
    const before = host.snapshotJson();
    host.resetSyncCount();
    const second = await fillWorkbook(host.run, makePlan);
    expect(second.status).toBe('unchanged');
    expect(host.snapshotJson()).toBe(before);
    expect(host.syncCount()).toBeLessThanOrEqual(3);
  });

  it('keeps a value the user edited, and recalculates claims from it', async () => {
    const host = createClaimHost();
    await fillWorkbook(host.run, makePlan);
    const row = loadFigures().findIndex((f) => f.id === 'INDIA_UST_CUT_OCT') + 2;
    host.setCellValue(SHEETS.figures, cellAddress(row, FIGURE_COLUMNS.base), 20);
    const claimRow = auditAll().findIndex((a) => a.id === 'BRICS_OCT_PARTS') + 2;
    expect(host.getCellValue(SHEETS.claims, cellAddress(claimRow, CLAIM_COLUMNS.verdict))).toBe('inconsistent');

    host.resetSyncCount();
    const again = await fillWorkbook(host.run, makePlan);
    expect(again.keptEdits).toEqual(['INDIA_UST_CUT_OCT']);
    expect(host.syncCount()).toBeLessThanOrEqual(3);
    expect(host.getCellValue(SHEETS.figures, cellAddress(row, FIGURE_COLUMNS.base))).toBe(20);
    expect(host.getCellValue(SHEETS.claims, cellAddress(claimRow, CLAIM_COLUMNS.verdict))).toBe('inconsistent');

    const reset = await fillWorkbook(host.run, makePlan, { resetToArticle: true });
    expect(reset.keptEdits).toEqual([]);
    expect(host.getCellValue(SHEETS.figures, cellAddress(row, FIGURE_COLUMNS.base))).toBe(12);
    expect(host.getCellValue(SHEETS.claims, cellAddress(claimRow, CLAIM_COLUMNS.verdict))).toBe('consistent');
  });

  it('stops with nothing written when a sheet it did not create is in the way', async () => {
    const host = createClaimHost({ initialSheets: ['Sheet1', 'Claims'] });
    host.setCellValue('Claims', 'A1', 'my own notes');
    const before = host.snapshotJson();
    const result = await fillWorkbook(host.run, makePlan);
    expect(result.status).toBe('conflict');
    expect(result.conflicts).toEqual([{ kind: 'sheet', name: 'Claims' }]);
    expect(host.snapshotJson()).toBe(before);
  });

  it('stops with nothing written when a defined name it did not create is in the way', async () => {
    const host = createClaimHost();
    await host.run(async (context) => {
      context.workbook.names.add('WORLD_GDP', '=Sheet1!$A$1', 'mine');
      await context.sync();
    });
    const before = host.snapshotJson();
    const result = await fillWorkbook(host.run, makePlan);
    expect(result.status).toBe('conflict');
    expect(result.conflicts).toEqual([{ kind: 'name', name: 'WORLD_GDP' }]);
    expect(host.snapshotJson()).toBe(before);
  });

  it('reports progress up to done', async () => {
    const host = createClaimHost();
    const stages: string[] = [];
    await fillWorkbook(host.run, makePlan, { onProgress: (p) => stages.push(p.stage) });
    expect(stages[0]).toBe('inspect');
    expect(stages.at(-1)).toBe('done');
    expect(stages).toContain('write');
  });
});

describe('upgrades', () => {
  it('migrates what an older plan version wrote: its own sheets are rewritten or removed, user sheets untouched', async () => {
    const host = createClaimHost({ initialSheets: ['Sheet1', 'Old ClaimCell sheet'] });
    host.setCellValue('Sheet1', 'A1', 'mine');
    await host.run(async (context) => {
      // What a hypothetical version 0 left behind: an ownership record naming a sheet the new plan no longer has.
      context.workbook.settings.add('claimcell.owner', JSON.stringify({ planVersion: 0, hash: 'old', sheets: ['Old ClaimCell sheet'], names: [] }));
      await context.sync();
    });
    const result = await fillWorkbook(host.run, makePlan);
    expect(result.status).toBe('written');
    expect(host.getSheetNames()).not.toContain('Old ClaimCell sheet');
    expect(host.getSheetNames()).toContain('Sheet1');
    expect(host.getCellValue('Sheet1', 'A1')).toBe('mine');
    expect(host.getSheetNames()).toContain(SHEETS.claims);
  });
});
