/**
 * The user's own tables in the portable workbook, recalculated by LibreOffice: every MyClaims
 * `recomputed`, `verdict`, `reason` and `verdict code` cell equals the model's audit of the same
 * rows, in English and in Chinese, before and after a MyFigures value is edited in the file (the
 * verdict flips in both). A native-only row the model cannot read still calculates.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planToXlsxBuffer } from '../../src/export/xlsx.js';
import { auditUserTables, type UserTables } from '../../src/model/user/index.js';
import { articlePlanInput, buildWorkbookPlan, MY_CLAIM_COLUMNS, myClaimReasonText, USER_SHEETS, userTableHeaders } from '../../src/plan/index.js';
import { TEXT, type Lang } from '../../src/text/index.js';
import { convert, CSV_ALL_SHEETS, csvNumber, findSoffice, INSTALL_HINT, readCsv, recalcProfile } from './soffice.js';

const tables: UserTables = {
  figures: [
    { id: 'MY_YIELD', label: '=1+1 stays text', value: 0.04, unit: 'percent' },
    { id: 'MY_TAKE', label: 'Tariff take', value: 120, unit: 'usd_bn', note: 'mine' },
  ],
  claims: [
    { id: 'MY_INCOME', statement: '=SUM(1) stays text', recompute: '=CN_UST_HOLDINGS*MY_YIELD', stated: 25, compare: 'atLeast' },
    { id: 'MY_SHARE', statement: 'share', recompute: '=CN_UST_HOLDINGS/WORLD_GDP', stated: 0.0055, compare: 'approx', tolerance: 0.0001 },
    { id: 'MY_CAP', statement: 'cap', recompute: '=MY_TAKE^2/100', stated: '=CN_UST_SALE_NOV*20', compare: 'atMost' },
    { id: 'MY_BAND', statement: 'band', recompute: '=CLAIM.RATIO(MY_TAKE,CN_UST_HOLDINGS+MY_TAKE)', stated: 0.1, compare: 'between', tolerance: 0.2 },
    { id: 'MY_OFF', statement: 'off', recompute: '=-SQRT(MY_TAKE)+50%', stated: 3, compare: 'approx', tolerance: 0.5 },
    { id: 'MY_NATIVE', statement: 'native only', recompute: '=SUM(1,2)', stated: 3, compare: 'approx', tolerance: 0 },
    // no tolerance: the reason reads it as 0, as the model does
    { id: 'MY_EXACT', statement: 'exact', recompute: '=MY_TAKE', stated: 120, compare: 'approx' },
  ],
};
const EDITED = { id: 'MY_YIELD', value: 0.03 };

const soffice = findSoffice();

describe('LibreOffice recalculates the user tables of the portable workbook', () => {
  let dir = '';
  let profileDir = '';
  const planIn = (lang: Lang) => buildWorkbookPlan({ ...articlePlanInput({ includeCustomFunctions: false, lang }), userTables: tables });
  const rowsOf = (file: string): string[][] => readCsv(join(dir, 'csv', `${file}-${USER_SHEETS.claims}.csv`));

  beforeAll(async () => {
    if (!soffice) throw new Error(INSTALL_HINT);
    dir = mkdtempSync(join(tmpdir(), 'claimcell-my-'));
    const mine = join(dir, 'mine.xlsx');
    writeFileSync(mine, await planToXlsxBuffer(planIn('en')));
    writeFileSync(join(dir, 'mine-zh.xlsx'), await planToXlsxBuffer(planIn('zh')));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(mine);
    wb.getWorksheet(USER_SHEETS.figures)!.getCell('C2').value = EDITED.value;
    await wb.xlsx.writeFile(join(dir, 'edited.xlsx'));
    const profile = recalcProfile();
    profileDir = profile.dir;
    convert(soffice, profile.url, [mine, join(dir, 'edited.xlsx'), join(dir, 'mine-zh.xlsx')], CSV_ALL_SHEETS, join(dir, 'csv'));
  });

  afterAll(() => {
    for (const d of [dir, profileDir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  const mismatches = (rows: string[][], overrides?: ReadonlyMap<string, number>, lang: Lang = 'en'): string[] => {
    const { results } = auditUserTables(tables, overrides);
    const problems: string[] = [];
    results.forEach((r, i) => {
      const row = rows[i + 1]!;
      if (!r.audit) return;
      const got = csvNumber(row[MY_CLAIM_COLUMNS.recomputed - 1] ?? '');
      if (got === null || Math.abs(got - r.audit.recomputed!) > 1e-9 * Math.max(1, Math.abs(got))) problems.push(`${r.id}: recomputed ${row[MY_CLAIM_COLUMNS.recomputed - 1]} vs ${r.audit.recomputed}`);
      const cell = (column: keyof typeof MY_CLAIM_COLUMNS, expected: string): void => {
        if (row[MY_CLAIM_COLUMNS[column] - 1] !== expected) problems.push(`${r.id}: ${column} ${row[MY_CLAIM_COLUMNS[column] - 1]} vs ${expected}`);
      };
      cell('verdictCode', r.audit.verdict);
      cell('verdict', TEXT[lang].verdicts[r.audit.verdict]);
      cell('reason', myClaimReasonText(tables.claims[i]!, r.audit.recomputed, r.audit.checks[0]?.stated ?? null, lang));
    });
    return problems;
  };

  it('every recomputed and verdict cell equals the model', () => {
    const rows = rowsOf('mine');
    expect(rows.length).toBe(tables.claims.length + 1);
    expect(mismatches(rows)).toEqual([]);
    // Both verdicts occur, so the comparison can tell them apart.
    expect(new Set(rows.slice(1).map((r) => r[MY_CLAIM_COLUMNS.verdict - 1]))).toEqual(new Set(['consistent', 'inconsistent']));
  });

  it('in Chinese too: every computed cell equals the model, verdict words and reasons in Chinese', () => {
    const rows = rowsOf('mine-zh');
    expect(rows[0]).toEqual(userTableHeaders('zh').claims);
    expect(mismatches(rows, undefined, 'zh')).toEqual([]);
    expect(new Set(rows.slice(1).map((r) => r[MY_CLAIM_COLUMNS.verdict - 1]))).toEqual(new Set([TEXT.zh.verdicts.consistent, TEXT.zh.verdicts.inconsistent]));
  });

  it('an edited MyFigures value flips the verdict in LibreOffice as in the model', () => {
    const before = rowsOf('mine')[1]![MY_CLAIM_COLUMNS.verdict - 1];
    const rows = rowsOf('edited');
    expect(before).toBe('consistent');
    expect(rows[1]![MY_CLAIM_COLUMNS.verdict - 1]).toBe('inconsistent');
    expect(mismatches(rows, new Map([[EDITED.id, EDITED.value]]))).toEqual([]);
  });

  it('a row the model cannot read still calculates natively, and formula-like text stays text', () => {
    const rows = rowsOf('mine');
    expect(rows[6]!.slice(MY_CLAIM_COLUMNS.recomputed - 1, MY_CLAIM_COLUMNS.verdict)).toEqual(['3', 'consistent']);
    expect(rows[1]![MY_CLAIM_COLUMNS.statement - 1]).toBe('=SUM(1) stays text');
    expect(readCsv(join(dir, 'csv', `mine-${USER_SHEETS.figures}.csv`))[1]![1]).toBe('=1+1 stays text');
  });
});
