/**
 * LibreOffice recalculates a scenario that overrides one of MyFigures: the exported workbook's
 * MyFigures "value in use" and MyClaims verdicts follow Scenarios!B1 as the model does, with no
 * cached value to fall back on (B1 is switched by editing the file, so the cache is stale).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planToXlsxBuffer } from '../../src/export/xlsx.js';
import { loadSeedScenarios, parseScenarioFile, SCENARIO_FORMAT, SCENARIO_FORMAT_VERSION } from '../../src/model/scenarios/index.js';
import { auditUserTables } from '../../src/model/user/index.js';
import { valuesFromChoices } from '../../src/model/values/index.js';
import { articlePlan, exampleUserTables, MY_CLAIM_COLUMNS, MY_FIGURE_COLUMNS, USER_SHEETS } from '../../src/plan/index.js';
import { convert, CSV_ALL_SHEETS, csvNumber, findSoffice, INSTALL_HINT, readCsv, recalcProfile } from './soffice.js';

const soffice = findSoffice();
const mine = exampleUserTables();
const [lowYield] = parseScenarioFile(
  { format: SCENARIO_FORMAT, version: SCENARIO_FORMAT_VERSION, scenarios: [{ name: 'Low yield', createdAt: '', updatedAt: '', overrides: { MY_UST_YIELD: 0.03, CN_UST_HOLDINGS: 700 } }] },
  'test',
  mine.figures,
);

describe('LibreOffice recalculates a scenario over MyFigures', () => {
  let dir = '';
  let profileDir = '';
  const sheetCsv = (file: string, sheet: string): string[][] => readCsv(join(dir, 'csv', `${file}-${sheet}.csv`));

  beforeAll(async () => {
    if (!soffice) throw new Error(INSTALL_HINT);
    dir = mkdtempSync(join(tmpdir(), 'claimcell-lo-mine-'));
    const plan = articlePlan({ edits: new Map(), scenarios: [...loadSeedScenarios(), lowYield!], activeScenario: 'Article', userTables: mine }, { includeCustomFunctions: false });
    const article = join(dir, 'article.xlsx');
    writeFileSync(article, await planToXlsxBuffer(plan));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(article);
    wb.getWorksheet('Scenarios')!.getCell('B1').value = 'Low yield';
    await wb.xlsx.writeFile(join(dir, 'switched.xlsx'));
    const profile = recalcProfile();
    profileDir = profile.dir;
    convert(soffice, profile.url, ['article', 'switched'].map((f) => join(dir, `${f}.xlsx`)), CSV_ALL_SHEETS, join(dir, 'csv'));
  });

  afterAll(() => {
    for (const d of [dir, profileDir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it.each([
    ['article', undefined],
    ['switched', lowYield],
  ] as const)('%s: MyFigures\' value in use and every MyClaims cell equal the model', (file, scenario) => {
    const values = valuesFromChoices(scenario);
    const { results } = auditUserTables(mine, values.overrides);
    const figures = sheetCsv(file, USER_SHEETS.figures);
    expect(csvNumber(figures[1]![MY_FIGURE_COLUMNS.inUse - 1]!)).toBeCloseTo(scenario ? 0.03 : mine.figures[0]!.value, 12);
    const claims = sheetCsv(file, USER_SHEETS.claims);
    results.forEach((result, i) => {
      const row = claims[i + 1]!;
      expect(csvNumber(row[MY_CLAIM_COLUMNS.recomputed - 1]!), result.id).toBeCloseTo(result.audit!.recomputed!, 9);
      expect(row[MY_CLAIM_COLUMNS.verdict - 1], result.id).toBe(result.audit!.verdict);
      expect(row[MY_CLAIM_COLUMNS.verdictCode - 1], result.id).toBe(result.audit!.verdict);
    });
    expect(results[0]!.audit!.verdict).toBe(scenario ? 'inconsistent' : 'consistent');
  });
});
