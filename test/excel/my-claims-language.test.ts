/**
 * MyFigures and MyClaims in the workbook's language: ClaimCell's words (headers, verdict words,
 * reasons, prompts) in English or Chinese, the verdict code beside them in both, and a refill in
 * the other language switching the words while every row of the user's stays as it was.
 */
import { describe, expect, it } from 'vitest';
import { fillWorkbook, type WorkbookState } from '../../src/excel/fill.js';
import { appendUserRow } from '../../src/excel/user-tables.js';
import { checkClaimForm, type UserTables } from '../../src/model/user/index.js';
import { articlePlan, cellAddress, MY_CLAIM_COLUMNS, MY_FIGURE_COLUMNS, USER_SHEETS, userTableHeaders, type CellPlan } from '../../src/plan/index.js';
import { TEXT, type Lang } from '../../src/text/index.js';
import { readWorkbook } from '../../src/taskpane/workbook.js';
import { createClaimHost } from './host.js';

/** One row per compare keyword and one whose stated side cannot be computed: every branch of the verdict and the reason. */
const ROWS: UserTables = {
  figures: [{ id: 'MY_UST_YIELD', label: 'yield', value: 0.04, unit: 'percent' }],
  claims: [
    { id: 'MY_AT_LEAST', statement: 'a', recompute: '=CN_UST_HOLDINGS*MY_UST_YIELD', stated: 25, compare: 'atLeast' },
    { id: 'MY_APPROX', statement: 'b', recompute: '=CN_UST_HOLDINGS*MY_UST_YIELD', stated: 27.3, compare: 'approx', tolerance: 0.01 },
    { id: 'MY_AT_MOST', statement: 'c', recompute: '=CN_UST_HOLDINGS*MY_UST_YIELD', stated: 25, compare: 'atMost' },
    { id: 'MY_BETWEEN', statement: 'd', recompute: '=CN_UST_HOLDINGS*MY_UST_YIELD', stated: 20, compare: 'between', tolerance: 30 },
    { id: 'MY_EXACT', statement: 'f', recompute: '=CN_UST_HOLDINGS*MY_UST_YIELD', stated: 27.304, compare: 'approx' },
    { id: 'MY_NO_STATED', statement: 'e', recompute: '=CN_UST_HOLDINGS*MY_UST_YIELD', stated: '=CN_UST_HOLDINGS/0', compare: 'approx', tolerance: 1 },
  ],
};

const planIn = (lang: Lang, tables?: UserTables) => (state: WorkbookState) => articlePlan(tables && !state.userTables ? { ...state, userTables: tables } : state, { lang });

const row = (host: ReturnType<typeof createClaimHost>, sheet: string, r: number, width: number): unknown[] =>
  Array.from({ length: width }, (_, c) => host.getCellValue(sheet, cellAddress(r, c + 1)));

type Snapshot = { sheets: { name: string; validationPrompts?: { prompt: { message: string } }[] }[]; conditionalFormats: { address: string; formula: string }[] };

describe('MyFigures and MyClaims in the workbook\'s language', () => {
  it.each(['en', 'zh'] as const)('in %s: every computed cell calculates to the cached value the plan wrote, verdict words read from the code', async (lang) => {
    const host = createClaimHost();
    const plan = planIn(lang, ROWS)({ edits: new Map() });
    await fillWorkbook(host.run, planIn(lang, ROWS));
    const sheet = plan.sheets.find((s) => s.name === USER_SHEETS.claims)!;
    expect(sheet.cells[0]!.map((c) => c.v)).toEqual(userTableHeaders(lang).claims);
    const mismatches: string[] = [];
    sheet.cells.forEach((cells, r) =>
      cells.forEach((cell: CellPlan, c) => {
        // ClaimCell's computed columns (the user's own formulas cache an Excel error as null)
        if (cell.f === undefined || cell.cached === undefined || c + 1 < MY_CLAIM_COLUMNS.recomputed) return;
        const got = host.getCellValue(USER_SHEETS.claims, cellAddress(r + 1, c + 1));
        const same = typeof cell.cached === 'number' && typeof got === 'number' ? Math.abs(got - cell.cached) <= 1e-9 * Math.max(1, Math.abs(got)) : got === cell.cached;
        if (!same) mismatches.push(`${cellAddress(r + 1, c + 1)}: host ${JSON.stringify(got)}, cached ${JSON.stringify(cell.cached)}`);
      }),
    );
    expect(mismatches).toEqual([]);
    const codes = ROWS.claims.map((_, i) => host.getCellValue(USER_SHEETS.claims, cellAddress(i + 2, MY_CLAIM_COLUMNS.verdictCode)));
    expect(codes).toEqual(['consistent', 'consistent', 'inconsistent', 'consistent', 'consistent', 'unverifiable']);
    const words = ROWS.claims.map((_, i) => host.getCellValue(USER_SHEETS.claims, cellAddress(i + 2, MY_CLAIM_COLUMNS.verdict)));
    expect(words).toEqual(codes.map((code) => TEXT[lang].verdicts[code as 'consistent']));
    expect(host.getCellValue(USER_SHEETS.claims, cellAddress(7, MY_CLAIM_COLUMNS.reason))).toBe(TEXT[lang].sheets.myClaims.cannotCompute);
    // The colours test the code column, for the words and the codes alike.
    const formats = (host.snapshot() as Snapshot).conditionalFormats.filter((f) => f.address.startsWith(`${USER_SHEETS.claims}!`));
    expect(formats.map((f) => f.address).sort()).toEqual([...Array(4).fill(`${USER_SHEETS.claims}!H2:H7`), ...Array(4).fill(`${USER_SHEETS.claims}!J2:J7`)]);
    expect(formats.every((f) => f.formula.startsWith('=$J2="'))).toBe(true);
  });

  it('a workbook filled in English and refilled in Chinese (and back) switches the words and keeps every row of the user\'s', async () => {
    const host = createClaimHost();
    await fillWorkbook(host.run, planIn('en'));
    // The user's rows: an edited example, a row of their own, and one the model leaves out (no such compare).
    host.setCellValue(USER_SHEETS.figures, cellAddress(2, MY_FIGURE_COLUMNS.value), 0.03);
    const own = ['MY_HALF', 'my own words', '=MY_UST_YIELD*100', 3, 'approx', 0.1];
    const unread = ['MY_ODD', 'kept as typed', '=MY_UST_YIELD', 1, 'roughly', ''];
    own.forEach((v, c) => host.setCellValue(USER_SHEETS.claims, cellAddress(3, c + 1), v));
    unread.forEach((v, c) => host.setCellValue(USER_SHEETS.claims, cellAddress(4, c + 1), v));
    const userCells = (): unknown[][] => [2, 3, 4].map((r) => row(host, USER_SHEETS.claims, r, MY_CLAIM_COLUMNS.tolerance));
    const before = userCells();

    for (const lang of ['zh', 'en', 'zh'] as const) {
      expect((await fillWorkbook(host.run, planIn(lang))).status).toBe('written');
      expect(row(host, USER_SHEETS.claims, 1, MY_CLAIM_COLUMNS.verdictCode)).toEqual(userTableHeaders(lang).claims);
      expect(row(host, USER_SHEETS.figures, 1, MY_FIGURE_COLUMNS.inUse)).toEqual(userTableHeaders(lang).figures);
      expect(userCells()).toEqual(before);
      expect(host.getCellValue(USER_SHEETS.figures, cellAddress(2, MY_FIGURE_COLUMNS.value))).toBe(0.03);
      const code = (r: number) => host.getCellValue(USER_SHEETS.claims, cellAddress(r, MY_CLAIM_COLUMNS.verdictCode));
      const word = (r: number) => host.getCellValue(USER_SHEETS.claims, cellAddress(r, MY_CLAIM_COLUMNS.verdict));
      // 682.6 × 3% = 20.478 < 25; 3% × 100 = 3 ± 0.1; a compare no one knows is unverifiable, in the sheet too.
      expect([code(2), code(3), code(4)]).toEqual(['inconsistent', 'consistent', 'unverifiable']);
      expect([word(2), word(3), word(4)]).toEqual([TEXT[lang].verdicts.inconsistent, TEXT[lang].verdicts.consistent, TEXT[lang].verdicts.unverifiable]);
      expect(host.getCellValue(USER_SHEETS.claims, cellAddress(3, MY_CLAIM_COLUMNS.reason))).toBe(TEXT[lang].sheets.myClaims.reason('3', TEXT[lang].sheets.myClaims.holdsIf.approx('0.1', '3')));
      // The prompts in the language, and the colours replaced, not piled up.
      const snapshot = host.snapshot() as Snapshot;
      const prompts = (name: string) => snapshot.sheets.find((s) => s.name === name)!.validationPrompts!.map((p) => p.prompt.message);
      expect(prompts(USER_SHEETS.claims)).toEqual([TEXT[lang].sheets.myClaims.comparePrompt]);
      expect(prompts(USER_SHEETS.figures)).toEqual([TEXT[lang].sheets.myFigures.unitPrompt]);
      expect(snapshot.conditionalFormats.filter((f) => f.address.startsWith(`${USER_SHEETS.claims}!`)).length).toBe(8);
      // The pane reads the switched table as it read the English one.
      const view = await readWorkbook(host.run);
      expect(view.mine.tables.claims.map((c) => c.id)).toEqual(['MY_UST_INCOME', 'MY_HALF']);
      expect(view.mine.problems).toEqual([expect.objectContaining({ code: 'unknownCompare', cell: 'MyClaims!E4' })]);
    }
  });

  it('a claim added from the pane to a Chinese table gets Chinese words and its colours', async () => {
    const host = createClaimHost();
    await fillWorkbook(host.run, planIn('zh'));
    const view = await readWorkbook(host.run);
    const claim = checkClaimForm({ id: 'MY_HALF', statement: '一半', recompute: 'MY_UST_YIELD*100', stated: '4', compare: 'atLeast', tolerance: '' }, view.mine.tables);
    if (!('claim' in claim)) throw new Error(claim.problems.join('; '));
    expect(await appendUserRow(host.run, claim)).toBe(`${USER_SHEETS.claims}!A3:J3`);
    expect(host.getCellValue(USER_SHEETS.claims, cellAddress(3, MY_CLAIM_COLUMNS.verdict))).toBe(TEXT.zh.verdicts.consistent);
    expect(host.getCellValue(USER_SHEETS.claims, cellAddress(3, MY_CLAIM_COLUMNS.verdictCode))).toBe('consistent');
    expect(host.getCellValue(USER_SHEETS.claims, cellAddress(3, MY_CLAIM_COLUMNS.reason))).toBe(TEXT.zh.sheets.myClaims.reason('4', TEXT.zh.sheets.myClaims.holdsIf.atLeast('4')));
    const formats = (host.snapshot() as Snapshot).conditionalFormats.filter((f) => f.address === `${USER_SHEETS.claims}!H3` || f.address === `${USER_SHEETS.claims}!J3`);
    expect(formats.length).toBe(8);
  });
});
