/**
 * The Simulation sheet written into a filled workbook (the pane's Write to workbook after an HDR
 * run) on the simulated host: its names, its native results (HyperFormula calculates them) equal to
 * the engine's, a refill that keeps it working, and a user's name that blocks it.
 */
import { describe, expect, it } from 'vitest';
import { fillWorkbook, type WorkbookState } from '../../src/excel/fill.js';
import { stressWriteMessage, writeStressSheet } from '../../src/excel/stress.js';
import { TEXT } from '../../src/text/index.js';
import { monteCarloForClaim } from '../../src/model/stress/claim-montecarlo.js';
import { articlePlan, articlePlanInput, cellAddress, SIM_ROWS, SIM_SUMMARY_COLUMNS, simHoldsName } from '../../src/plan/index.js';
import { claimSimulationSheet, PANE_SIM_MAX_TRIALS } from '../../src/plan/simulation-sheet.js';
import { createClaimHost } from './host.js';

const makePlan = (state: WorkbookState) => articlePlan(state);
const CLAIM = 'BRICS_OCT_PARTS';
const RUN = { samples: 400, seed: 11 };

async function filledHost() {
  const host = createClaimHost();
  expect((await fillWorkbook(host.run, makePlan)).status).toBe('written');
  return host;
}

describe('Simulation sheet written into a filled workbook', () => {
  const sim = claimSimulationSheet(articlePlanInput(), CLAIM, RUN, new Map());
  const pHoldsCell = cellAddress(SIM_ROWS.summaryHeader + 1, SIM_SUMMARY_COLUMNS.pHolds);
  const meanCell = cellAddress(SIM_ROWS.summaryHeader + 1, SIM_SUMMARY_COLUMNS.mean);

  it('writes the sheet and its SIM_* names; the native P(holds) and mean are the engine\'s HDR run', async () => {
    const host = await filledHost();
    const result = await writeStressSheet(host.run, sim.sheet, sim.names);
    expect(result.status).toBe('written');
    const names = host.getNames().map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['SIM_TRIALS', 'SIM_SEED', 'SIM_ENTITY', simHoldsName(CLAIM)]));
    const engine = monteCarloForClaim(CLAIM, { ...RUN, generator: 'hdr' });
    expect(Math.abs((host.getCellValue('Simulation', pHoldsCell) as number) - engine.probabilityHolds!)).toBeLessThanOrEqual(1 / RUN.samples);
    expect(host.getCellValue('Simulation', meanCell) as number).toBeCloseTo(engine.mean, 9);
    // a new seed typed into the sheet recalculates it natively
    host.setCellValue('Simulation', cellAddress(SIM_ROWS.seed, 2), 5);
    const reseeded = monteCarloForClaim(CLAIM, { ...RUN, seed: 5, generator: 'hdr' });
    expect(host.getCellValue('Simulation', meanCell) as number).toBeCloseTo(reseeded.mean, 9);
    expect(reseeded.mean).not.toBeCloseTo(engine.mean, 9);
  });

  it('a refill keeps the sheet\'s names (ClaimCell\'s names outside the plan stay, as its sheets do), and a rewrite replaces them', async () => {
    const host = await filledHost();
    await writeStressSheet(host.run, sim.sheet, sim.names);
    const before = host.getCellValue('Simulation', pHoldsCell);
    expect((await fillWorkbook(host.run, makePlan, { resetToArticle: true })).status).toBe('written');
    expect(host.getNames().map((n) => n.name)).toEqual(expect.arrayContaining(['SIM_SEED', simHoldsName(CLAIM)]));
    expect(host.getCellValue('Simulation', pHoldsCell)).toBe(before);
    expect((await writeStressSheet(host.run, sim.sheet, sim.names)).status).toBe('written');
    expect(host.getNames().filter((n) => n.name === 'SIM_SEED')).toHaveLength(1);
  });

  it('a user\'s own name SIM_SEED blocks the write and nothing is written', async () => {
    const host = await filledHost();
    await host.run(async (context) => {
      context.workbook.names.add('SIM_SEED', '=Figures!$A$1');
      await context.sync();
    });
    const result = await writeStressSheet(host.run, sim.sheet, sim.names);
    expect(result.status).toBe('conflict');
    expect(result.takenNames).toEqual(['SIM_SEED']);
    expect(stressWriteMessage(result, TEXT.en.stressPane)).toMatch(/Defined name\(s\) SIM_SEED already exist and ClaimCell did not create them/);
    expect(host.getSheetNames()).not.toContain('Simulation');
  });

  it('caps the trials the pane writes', () => {
    expect(claimSimulationSheet(articlePlanInput(), CLAIM, { samples: 100_000, seed: 1 }, new Map()).trials).toBe(PANE_SIM_MAX_TRIALS);
  });
});
