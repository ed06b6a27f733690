import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditAll } from '../../src/model/claims/index.js';
import { loadSeedScenarios } from '../../src/model/scenarios/index.js';
import { ARTICLE_VALUES } from '../../src/model/values/index.js';
import { defaultStressClaimId } from '../../src/model/stress/claims.js';
import { articlePlan, CLAIM_COLUMNS, SIM_DEFAULT_SEED, SIM_DEFAULT_TRIALS, SIM_ROWS } from '../../src/plan/index.js';
import { withStressSheet } from '../../src/plan/portable-stress.js';
import { cli } from './run.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'cc-wb-'));

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

describe('cli workbook', () => {
  it('writes the article workbook and prints path, sheets, names and time', async () => {
    const file = join(tmp(), 'ClaimCell.xlsx');
    const { code, out, err } = await cli('workbook', '--out', file);
    expect(err).toBe('');
    expect(code).toBe(0);
    // the default Simulation sheet (1000 trials, seed 1) and Stress sheet (default claim, 10,000 samples, seed 1) included
    const article = articlePlan({ edits: new Map() }, { includeCustomFunctions: false, simulation: { trials: SIM_DEFAULT_TRIALS, seed: SIM_DEFAULT_SEED } });
    expect(article.sheets.at(-1)!.name).toBe('Simulation');
    const plan = withStressSheet(article, { claimId: defaultStressClaimId(), samples: 10_000, seed: 1, values: ARTICLE_VALUES, lang: 'en' });
    expect(out).toContain(file);
    expect(out).toMatch(new RegExp(`${plan.sheets.length} sheets, ${plan.names.length} names, active scenario "Article", en, \\d+ KB in \\d+ ms`));
    expect(out).toContain(`Stress sheet: ${defaultStressClaimId()}, 10000 samples, seed 1, 2 native charts`);
    const wb = await open(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(plan.sheets.map((s) => s.name));
    expect(wb.worksheets.map((s) => s.name)).toContain('Stress');
    expect(wb.getWorksheet('Scenarios')!.getCell('B1').value).toBe('Article');
  });

  it('leaves the Stress sheet out with --stress none: the sheets are the article plan\'s', async () => {
    const file = join(tmp(), 'plain.xlsx');
    const { code, out } = await cli('workbook', '--out', file, '--stress', 'none');
    expect(code).toBe(0);
    expect(out).not.toContain('Stress sheet');
    const plan = articlePlan({ edits: new Map() }, { includeCustomFunctions: false, simulation: { trials: SIM_DEFAULT_TRIALS, seed: SIM_DEFAULT_SEED } });
    expect((await open(file)).worksheets.map((s) => s.name)).toEqual(plan.sheets.map((s) => s.name));
  });

  it('makes --scenario the active one (case-insensitive) with its cached results', async () => {
    const file = join(tmp(), 'nested', 'dir', 'published.xlsx');
    const { code, out } = await cli('workbook', '--out', file, '--scenario', 'published VALUES');
    expect(code).toBe(0);
    expect(out).toContain('active scenario "Published values"');
    const wb = await open(file);
    expect(wb.getWorksheet('Scenarios')!.getCell('B1').value).toBe('Published values');
    const audits = auditAll(loadSeedScenarios().find((s) => s.name === 'Published values')!.overrides, { margins: false });
    const claims = wb.getWorksheet('Claims')!;
    audits.forEach((audit, i) => expect(claims.getCell(i + 2, CLAIM_COLUMNS.verdict).result, audit.id).toBe(audit.verdict));
  });

  it('--sim-trials and --sim-seed set the Simulation sheet (SIM_TRIALS rows, SIM_SEED); --sim-trials 0 leaves it out', async () => {
    const file = join(tmp(), 'sim.xlsx');
    const { code, out } = await cli('workbook', '--out', file, '--sim-trials', '40', '--sim-seed', '9');
    expect(code).toBe(0);
    expect(out).toContain('Simulation sheet: 40 trials, seed 9');
    const sheet = (await open(file)).getWorksheet('Simulation')!;
    expect(sheet.getCell(SIM_ROWS.trials, 2).value).toBe(40);
    expect(sheet.getCell(SIM_ROWS.seed, 2).value).toBe(9);
    expect(sheet.getCell(sheet.rowCount, 1).value).toBe(40);
    const none = join(tmp(), 'none.xlsx');
    expect((await cli('workbook', '--out', none, '--sim-trials', '0')).code).toBe(0);
    expect((await open(none)).getWorksheet('Simulation')).toBeUndefined();
  });

  it('writes Chinese labels with --lang zh', async () => {
    const file = join(tmp(), 'zh.xlsx');
    expect((await cli('workbook', `--out=${file}`, '--lang', 'zh')).code).toBe(0);
    const wb = await open(file);
    expect(wb.getWorksheet('Figures')!.getCell('B1').value).toBe('说明');
  });

  it.each([
    [["--scenario", "Nope"], /unknown scenario "Nope" among the shipped scenarios \(known: "Article", .*"Published values"/],
    [['--lang', 'fr'], /--lang must be en or zh/],
    [['--bogus'], /unknown option --bogus/],
    [['--stress', 'NOPE'], /unknown claim id "NOPE" \(claims with inputs: .*TARIFF_IMPLIED_BASE/],
    [['--stress', 'none', '--seed', '3'], /--samples and --seed need a Stress sheet/],
    [['--samples', '0'], /--samples must be a whole number from 1 to 1000000/],
    [['extra.xlsx'], /unexpected argument ".*extra.xlsx" \(use --out FILE\)/],
    [['--out'], /--out needs a value/],
    [['--sim-trials', '1.5'], /--sim-trials must be a whole number from 0 to 9999999, got "1.5"/],
    [['--sim-seed', '10000000'], /--sim-seed must be a whole number from 0 to 9999999, got "10000000"/],
  ])('exits 2 on %j', async (args, message) => {
    const dir = tmp();
    const { code, err } = await cli('workbook', ...args.map((a) => (a === 'extra.xlsx' ? join(dir, a) : a)));
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(existsSync(join(dir, 'extra.xlsx'))).toBe(false);
  });

  it('is listed in --help', async () => {
    expect((await cli('--help')).out).toMatch(/workbook\s+write the article workbook as \.xlsx/);
  });
});
