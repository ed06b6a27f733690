import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditAll } from '../../src/model/claims/index.js';
import { loadSeedScenarios } from '../../src/model/scenarios/index.js';
import { articlePlan, CLAIM_COLUMNS } from '../../src/plan/index.js';
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
    const plan = articlePlan({ edits: new Map() }, { includeCustomFunctions: false });
    expect(out).toContain(file);
    expect(out).toMatch(new RegExp(`${plan.sheets.length} sheets, ${plan.names.length} names, active scenario "Article", en, \\d+ KB in \\d+ ms`));
    const wb = await open(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(plan.sheets.map((s) => s.name));
    expect(wb.getWorksheet('Scenarios')!.getCell('B1').value).toBe('Article');
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

  it('writes Chinese labels with --lang zh', async () => {
    const file = join(tmp(), 'zh.xlsx');
    expect((await cli('workbook', `--out=${file}`, '--lang', 'zh')).code).toBe(0);
    const wb = await open(file);
    expect(wb.getWorksheet('Figures')!.getCell('B1').value).toBe('说明');
  });

  it.each([
    [['--scenario', 'Nope'], /unknown scenario "Nope" \(known: "Article", .*"Published values"/],
    [['--lang', 'fr'], /--lang must be en or zh/],
    [['--bogus'], /unknown option --bogus/],
    [['extra.xlsx'], /unexpected argument ".*extra.xlsx" \(use --out FILE\)/],
    [['--out'], /--out needs a value/],
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
