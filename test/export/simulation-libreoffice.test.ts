/**
 * The Simulation sheet recalculated by LibreOffice equals the engine's HDR Monte Carlo (issue 21,
 * "Done when"): for every claim on the sheet, SIM_<ID>_P_HOLDS equals `stress montecarlo <ID>
 * --generator hdr --samples 2000 --seed 11` within 1/2000 (one trial that a boundary rounding could
 * flip), and the mean and P5/P50/P95 (PERCENTILE.INC, the engine's type 7) to 1e-9 relative.
 * Two edited copies prove that the numbers are LibreOffice's own and that they follow the
 * workbook: one with the seed changed, one with a figure changed (the engine run with `--set`);
 * the cached values in both are the unedited file's, so only a native recalculation can match.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planToXlsxBuffer } from '../../src/export/xlsx.js';
import { monteCarloForClaim } from '../../src/model/stress/claim-montecarlo.js';
import { articlePlanInput, buildWorkbookPlan, FIGURE_COLUMNS, SHEETS, SIM_ROWS, SIM_SUMMARY_COLUMNS, simHoldsName } from '../../src/plan/index.js';
import { convert, CSV_ALL_SHEETS, csvNumber, findSoffice, INSTALL_HINT, readCsv, recalcProfile } from './soffice.js';

const TRIALS = 2000;
const SEED = 11;
const OTHER_SEED = 5;
/** A figure several claims draw, moved far enough to change their results. */
const EDIT = { id: 'AI_CHIP_TARIFF_RATE', value: 0.3 };
const REL = 1e-9;

const soffice = findSoffice();
const close = (a: number, b: number): boolean => Math.abs(a - b) <= REL * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;

interface Row {
  readonly id: string;
  readonly pHolds: number | null;
  readonly mean: number | null;
  readonly p5: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
}

/** The summary table of the Simulation sheet as LibreOffice computed it. */
function summary(rows: string[][]): Row[] {
  const out: Row[] = [];
  for (let r = SIM_ROWS.summaryHeader; r < rows.length && rows[r]![0]; r++) {
    const cell = (c: number) => csvNumber(rows[r]![c - 1] ?? '');
    out.push({ id: rows[r]![0]!, pHolds: cell(SIM_SUMMARY_COLUMNS.pHolds), mean: cell(SIM_SUMMARY_COLUMNS.mean), p5: cell(SIM_SUMMARY_COLUMNS.p5), p50: cell(SIM_SUMMARY_COLUMNS.p50), p95: cell(SIM_SUMMARY_COLUMNS.p95) });
  }
  return out;
}

/** Every disagreement between LibreOffice's summary and the engine run with `seed` and `overrides`. */
function mismatches(rows: readonly Row[], seed: number, overrides?: ReadonlyMap<string, number>): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    const r = monteCarloForClaim(row.id, { samples: TRIALS, seed, generator: 'hdr', ...(overrides ? { overrides } : {}) });
    if (r.probabilityHolds !== null && (row.pHolds === null || Math.abs(row.pHolds - r.probabilityHolds) > 1 / TRIALS + 1e-12))
      problems.push(`${row.id}: P(holds) ${row.pHolds} in LibreOffice, ${r.probabilityHolds} in the engine`);
    for (const [key, ours] of [['mean', r.mean], ['p5', r.percentiles.p5], ['p50', r.percentiles.p50], ['p95', r.percentiles.p95]] as const) {
      const theirs = row[key];
      if (theirs === null || !close(theirs, ours)) problems.push(`${row.id}: ${key} ${theirs} in LibreOffice, ${ours} in the engine`);
    }
  }
  return problems;
}

describe('LibreOffice recalculates the Simulation sheet to the engine\'s HDR Monte Carlo', () => {
  let dir = '';
  let profileDir = '';
  const input = articlePlanInput({ includeCustomFunctions: false, simulation: { trials: TRIALS, seed: SEED } });
  const plan = buildWorkbookPlan(input, input.articleName);
  const sheetOf = (file: string): string[][] => readCsv(join(dir, 'csv', `${file}-${SHEETS.simulation}.csv`));

  beforeAll(async () => {
    if (!soffice) throw new Error(INSTALL_HINT);
    dir = mkdtempSync(join(tmpdir(), 'claimcell-sim-'));
    const base = join(dir, 'sim.xlsx');
    writeFileSync(base, await planToXlsxBuffer(plan));
    const reseeded = new ExcelJS.Workbook();
    await reseeded.xlsx.readFile(base);
    reseeded.getWorksheet(SHEETS.simulation)!.getCell(SIM_ROWS.seed, 2).value = OTHER_SEED;
    await reseeded.xlsx.writeFile(join(dir, 'reseeded.xlsx'));
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.readFile(base);
    const figures = edited.getWorksheet(SHEETS.figures)!;
    let row = 0;
    figures.eachRow((r, i) => (r.getCell(FIGURE_COLUMNS.id).value === EDIT.id ? (row = i) : undefined));
    figures.getCell(row, FIGURE_COLUMNS.base).value = EDIT.value;
    await edited.xlsx.writeFile(join(dir, 'edited.xlsx'));
    const profile = recalcProfile();
    profileDir = profile.dir;
    const run = convert(soffice, profile.url, ['sim', 'reseeded', 'edited'].map((f) => join(dir, `${f}.xlsx`)), CSV_ALL_SHEETS, join(dir, 'csv'));
    console.info(`LibreOffice: 3 workbooks with a ${TRIALS}-trial Simulation sheet to CSV in ${run.ms.toFixed(0)} ms`);
  }, 300_000);

  afterAll(() => {
    for (const d of [dir, profileDir]) if (d && !process.env.CLAIMCELL_KEEP_LO) rmSync(d, { recursive: true, force: true });
  });

  it('holds every stressable claim of the catalogue, each with its P(holds) name', () => {
    const rows = summary(sheetOf('sim'));
    expect(rows.length).toBeGreaterThanOrEqual(25);
    for (const row of rows.filter((r) => r.pHolds !== null)) expect(plan.names.some((n) => n.name === simHoldsName(row.id)), row.id).toBe(true);
  });

  it(`equals stress montecarlo --generator hdr --samples ${TRIALS} --seed ${SEED} for every claim`, () => {
    expect(mismatches(summary(sheetOf('sim')), SEED)).toEqual([]);
  });

  it('follows a new seed (and no longer matches the old one: the comparison can fail)', () => {
    const rows = summary(sheetOf('reseeded'));
    expect(mismatches(rows, OTHER_SEED)).toEqual([]);
    expect(mismatches(rows, SEED).length).toBeGreaterThan(0);
  });

  it(`follows an edited figure: matches the engine with --set ${EDIT.id}=${EDIT.value}`, () => {
    const rows = summary(sheetOf('edited'));
    expect(mismatches(rows, SEED, new Map([[EDIT.id, EDIT.value]]))).toEqual([]);
    expect(mismatches(rows, SEED).length).toBeGreaterThan(0);
  });
});
