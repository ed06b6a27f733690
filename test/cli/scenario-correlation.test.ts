/**
 * The scenario in use brings its correlations to a Monte Carlo by one rule, whether it was chosen
 * with --scenario or is a --workbook's active one; a scenario made on the Scenarios sheet states
 * none, and the run says so in the reader's language.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeedScenarios } from '../../src/model/scenarios/index.js';
import { ACTIVE_SCENARIO_ADDRESS, SCENARIO_NAMES } from '../../src/plan/index.js';
import { cli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-scenario-corr-'));
const MC = ['stress', 'montecarlo', 'CN_UST_RMB_CONVERSION', '--samples', '500', '--seed', '7', '--workers', '1'];

/** The export with its active scenario set to `active`, after `edit`. */
async function bookWith(name: string, active: string, edit: (wb: ExcelJS.Workbook) => void = () => undefined): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(dir, 'plain.xlsx')) as unknown as ArrayBuffer);
  wb.getWorksheet(ACTIVE_SCENARIO_ADDRESS.sheet)!.getCell(ACTIVE_SCENARIO_ADDRESS.address).value = active;
  edit(wb);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

beforeAll(async () => {
  expect((await cli('workbook', '--out', join(dir, 'plain.xlsx'), '--sim-trials', '0', '--stress', 'none')).code).toBe(0);
});

describe("the scenario in use and a Monte Carlo's correlations", () => {
  it("a --workbook's active shipped scenario applies its correlations, as --scenario does", async () => {
    const bySwitch = await cli(...MC, '--scenario', 'Generous rounding');
    expect(bySwitch.out).toContain('Correlations of scenario "Generous rounding"');
    const book = await bookWith('generous.xlsx', 'Generous rounding');
    const byBook = await cli(...MC, '--workbook', book);
    expect(byBook.code).toBe(0);
    expect(byBook.out).toContain('Correlations of scenario "Generous rounding"');
    expect(byBook.out).toContain('CN_UST_CUM_REDUCTION_RMB');
  });

  it('a scenario made on the Scenarios sheet states none, and the run says so in both languages', async () => {
    const book = await bookWith('mine.xlsx', 'My case', (wb) => {
      wb.getWorksheet(SCENARIO_NAMES.sheet)!.getCell(SCENARIO_NAMES.row, SCENARIO_NAMES.firstColumn + loadSeedScenarios().length + 1).value = 'My case';
    });
    const en = await cli(...MC, '--workbook', book);
    expect(en.err).toBe('');
    expect(en.out).toContain('No correlations stated for scenario "My case": its inputs are drawn independently');
    expect(en.out).not.toContain('Correlations of scenario');
    const zh = await cli(...MC, '--workbook', book, '--lang', 'zh');
    expect(zh.out).toContain('情景“My case”没有给出相关系数：各输入独立抽样');
    // --corr replaces the silence with the pairs given
    const corr = await cli(...MC, '--workbook', book, '--corr', 'CN_UST_CUM_REDUCTION,CN_UST_CUM_REDUCTION_RMB,0.5');
    expect(corr.out).not.toContain('No correlations stated');
    expect(corr.out).toContain('Rank correlations used');
  });

  it('a shipped scenario without correlations says so too; the article says nothing', async () => {
    expect((await cli(...MC, '--scenario', 'Published values')).out).toContain('No correlations stated for scenario "Published values"');
    expect((await cli(...MC)).out).not.toMatch(/correlations/i);
  });
});
