/**
 * `workbook` chooses its values as every other command does (`--scenario`, `--workbook`, `--set`):
 * a typed value and a colleague's saved workbook reach the exported cells.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFigures } from '../../src/model/figures/index.js';
import { ACTIVE_SCENARIO_ADDRESS, CLAIM_COLUMNS, FIGURE_COLUMNS, MY_FIGURE_COLUMNS, SHEETS, USER_SHEETS } from '../../src/plan/index.js';
import { loadClaims } from '../../src/model/claims/index.js';
import { cli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-wb-values-'));
const rowOf = (id: string): number => loadFigures().findIndex((f) => f.id === id) + 2;
const claimRowOf = (id: string): number => loadClaims().claims.findIndex((c) => c.id === id) + 2;
/** A quick export: no Simulation sheet, and a Stress sheet only where a test asks for one. */
const QUICK = ['--sim-trials', '0', '--stress', 'none'];

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}
const cached = (cell: ExcelJS.Cell): unknown => (cell.value !== null && typeof cell.value === 'object' && 'result' in cell.value ? cell.value.result : cell.value);

let plain: string;
beforeAll(async () => {
  plain = join(dir, 'plain.xlsx');
  expect((await cli('workbook', '--out', plain, ...QUICK)).code).toBe(0);
});

describe('workbook at the values chosen', () => {
  it('--set puts the typed value in the base column and every cached result follows it', async () => {
    const file = join(dir, 'set.xlsx');
    const run = await cli('workbook', '--out', file, '--sim-trials', '0', '--stress', 'TARIFF_IMPLIED_BASE', '--samples', '200', '--set', 'AI_CHIP_TARIFF_RATE=30%');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const wb = await open(file);
    expect(wb.getWorksheet(SHEETS.figures)!.getCell(rowOf('AI_CHIP_TARIFF_RATE'), FIGURE_COLUMNS.base).value).toBe(0.3);
    // 264 / 0.3: the Claims sheet's cached recomputation is at the typed rate, not the article's 25%
    expect(cached(wb.getWorksheet(SHEETS.claims)!.getCell(claimRowOf('TARIFF_IMPLIED_BASE'), CLAIM_COLUMNS.recomputed))).toBeCloseTo(880, 9);
    // the Stress sheet is computed there too, and says so
    const stress: unknown[] = [];
    wb.getWorksheet('Stress')!.eachRow((row) => row.eachCell((cell) => stress.push(cached(cell))));
    expect(stress.some((v) => typeof v === 'string' && /1 figure edited/.test(v)), JSON.stringify(stress.slice(0, 8))).toBe(true);
    expect(stress).toContain(880);
  });

  it("--workbook carries a saved workbook's base values, active scenario and MyFigures into the export", async () => {
    const wb = await open(plain);
    wb.getWorksheet(SHEETS.figures)!.getCell(rowOf('CN_UST_HOLDINGS'), FIGURE_COLUMNS.base).value = 700;
    wb.getWorksheet(ACTIVE_SCENARIO_ADDRESS.sheet)!.getCell(ACTIVE_SCENARIO_ADDRESS.address).value = 'Published values';
    wb.getWorksheet(USER_SHEETS.figures)!.getCell(2, MY_FIGURE_COLUMNS.value).value = 123;
    const source = join(dir, 'colleague.xlsx');
    await wb.xlsx.writeFile(source);

    const file = join(dir, 'from-workbook.xlsx');
    const run = await cli('workbook', '--out', file, ...QUICK, '--workbook', source, '--set', 'AI_CHIP_TARIFF_RATE=0.3');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('active scenario "Published values"');
    const out = await open(file);
    const figures = out.getWorksheet(SHEETS.figures)!;
    expect(figures.getCell(rowOf('CN_UST_HOLDINGS'), FIGURE_COLUMNS.base).value).toBe(700);
    expect(figures.getCell(rowOf('AI_CHIP_TARIFF_RATE'), FIGURE_COLUMNS.base).value).toBe(0.3);
    expect(out.getWorksheet(ACTIVE_SCENARIO_ADDRESS.sheet)!.getCell(ACTIVE_SCENARIO_ADDRESS.address).value).toBe('Published values');
    expect(out.getWorksheet(USER_SHEETS.figures)!.getCell(2, MY_FIGURE_COLUMNS.value).value).toBe(123);
  });

  it('--scenario over --workbook picks among the workbook\'s scenarios; an unknown one is refused, naming it', async () => {
    const file = join(dir, 'scenario.xlsx');
    expect((await cli('workbook', '--out', file, ...QUICK, '--workbook', plain, '--scenario', 'generous ROUNDING')).code).toBe(0);
    expect((await open(file)).getWorksheet(ACTIVE_SCENARIO_ADDRESS.sheet)!.getCell(ACTIVE_SCENARIO_ADDRESS.address).value).toBe('Generous rounding');
    const bad = await cli('workbook', '--out', join(dir, 'never.xlsx'), ...QUICK, '--workbook', plain, '--scenario', 'Nope');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown scenario "Nope" in .*plain\.xlsx/);
    const badSet = await cli('workbook', '--out', join(dir, 'never.xlsx'), ...QUICK, '--set', 'AI_CHIP_TARIFF_RATE=lots');
    expect(badSet.code).toBe(2);
    expect(badSet.err).toMatch(/--set AI_CHIP_TARIFF_RATE=lots: "lots" is not a value for AI_CHIP_TARIFF_RATE/);
    expect(badSet.err).not.toMatch(/\n\s+at /);
  });
});
