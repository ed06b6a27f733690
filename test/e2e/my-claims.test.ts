/**
 * The user's own claim in the preview: fill; add a claim from the pane's form over the worked
 * example's figure; see its verdict (marked as the user's); edit that figure in the grid and see the
 * verdict flip, in the pane and in the MyClaims row. Verdicts are checked against the model here.
 * Then the whole path of issue 15: a figure and a claim added from the pane, its verdict flipped by
 * a grid edit, its tornado and Monte Carlo run from the pane, and an exercise made with it as a
 * task, whose correct answer grades as correct. Screenshots: test-artifacts/e2e/.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditUserTables, type UserTables } from '../../src/model/user/index.js';
import { cellAddress, exampleUserTables, MY_CLAIM_COLUMNS, MY_FIGURE_COLUMNS, USER_SHEETS } from '../../src/plan/index.js';
import { answerName, EXERCISE_SHEETS } from '../../src/model/exercises/index.js';
import { tornadoForClaim } from '../../src/model/stress/claims.js';
import { monteCarloForClaim } from '../../src/model/stress/claim-montecarlo.js';
import { userStress } from '../../src/model/user/index.js';
import { artifactsDir, openPreview, startPreview, type StaticServer } from './support.js';

const shots = artifactsDir();

/** A saved workbook opened in a fresh preview: its sheets' values and its defined names, written through the host's Office.js. */
async function openInPreview(page: Page, bytes: Buffer): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = wb.worksheets.map((ws) => {
    const width = ws.columnCount;
    const rows: (string | number | null)[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: (string | number | null)[] = [];
      for (let c = 1; c <= width; c++) {
        const v = ws.getCell(r, c).value;
        row.push(typeof v === 'number' || typeof v === 'string' ? v : null);
      }
      rows.push(row);
    }
    return { name: ws.name, rows, width };
  });
  const names = (wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => ({ name: n.name, ref: n.ranges[0]! }));
  await page.evaluate(
    async ({ sheets, names }) => {
      // through the preview's bridge, as the pane writes, so the grid shows the new sheets
      const bridge = (window as unknown as { __claimcellPreview: { run(options: object, batch: (context: Excel.RequestContext) => Promise<void>): Promise<void> } }).__claimcellPreview;
      const host = { run: (batch: (context: Excel.RequestContext) => Promise<void>) => bridge.run({}, batch) };
      const column = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : String.fromCharCode(64 + Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));
      await host.run(async (context) => {
        const step = async (what: string, act: () => void): Promise<void> => {
          act();
          await context.sync().catch((e: Error) => Promise.reject(new Error(`${what}: ${e.message}`)));
        };
        // text as text, as Excel opens the file: a label like "=2+2 …" gets the apostrophe prefix
        const input = (v: string | number | null): string | number => (v === null ? '' : typeof v === 'string' && /^[=+\-@']/.test(v) ? `'${v}` : v);
        for (const s of sheets) await step(`sheet ${s.name}`, () => void (context.workbook.worksheets.add(s.name).getRange(`A1:${column(s.width)}${s.rows.length}`).values = s.rows.map((r) => r.map(input))));
        for (const n of names) await step(`name ${n.name} ${n.ref}`, () => void context.workbook.names.add(n.name, `=${n.ref}`));
      });
    },
    { sheets, names },
  );
}

let browser: Browser;
let server: StaticServer;

const CLAIM = { id: 'MY_E2E', statement: '=1+1 stays words', recompute: 'CN_UST_HOLDINGS*MY_UST_YIELD', stated: '20', compare: 'atLeast' as const };

describe('a claim of the user\'s own in the preview', () => {
  let preview: Awaited<ReturnType<typeof startPreview>>;
  beforeAll(async () => {
    preview = await startPreview('claimcell-myclaims-');
    ({ browser, server } = preview);
  }, 240_000);
  afterAll(async () => {
    await preview?.stop();
  });

  it('adds it from the pane, shows its verdict, and flips it when its figure is edited in the grid', async () => {
    const o = await openPreview(browser, server.origin);
    await o.pane.locator('#fill-workbook').click();
    await expect.poll(() => o.pane.locator('body').getAttribute('data-filled'), { timeout: 60_000 }).toBe('true');

    // A bad id first: nothing is written, the problem names the field and the value.
    await o.pane.locator('#my-claim-id').fill('B2');
    await o.pane.locator('#my-claim-add').click();
    await expect.poll(() => o.pane.locator('#my-claim-problems').textContent()).toContain('id: "B2" would be read by Excel as a cell reference');
    expect([null, '']).toContain(await o.page.evaluate(`window.__claimcellHost.getCellValue('${USER_SHEETS.claims}', 'A3')`));

    await o.pane.locator('#my-claim-id').fill(CLAIM.id);
    await o.pane.locator('#my-claim-statement').fill(CLAIM.statement);
    await o.pane.locator('#my-claim-recompute').fill(CLAIM.recompute);
    await o.pane.locator('#my-claim-stated').fill(CLAIM.stated);
    await o.pane.locator('#my-claim-compare').selectOption(CLAIM.compare);
    await o.pane.locator('#my-claim-add').click();

    const tables = (yieldValue: number): UserTables => {
      const example = exampleUserTables();
      return {
        figures: example.figures.map((f) => ({ ...f, value: yieldValue })),
        claims: [...example.claims, { ...CLAIM, recompute: `=${CLAIM.recompute}`, stated: 20 }],
      };
    };
    const expected = (yieldValue: number): string => auditUserTables(tables(yieldValue)).results[1]!.audit!.verdict;
    const card = o.pane.locator(`li[data-claim="${CLAIM.id}"]`);
    await expect.poll(() => card.getAttribute('data-verdict'), { timeout: 30_000 }).toBe(expected(0.04));
    expect(await card.locator('[data-mine]').count()).toBe(1);
    expect(await o.page.evaluate(`window.__claimcellHost.getCellValue('${USER_SHEETS.claims}', '${cellAddress(3, MY_CLAIM_COLUMNS.statement)}')`)).toBe(CLAIM.statement);

    // The figure edited in the grid: 682.6 × 2% = 13.652 < 20.
    await o.page.locator(`#sheet-tabs [data-sheet="${USER_SHEETS.figures}"]`).click();
    await o.page.locator(`#grid td[data-addr="${cellAddress(2, MY_FIGURE_COLUMNS.value)}"]`).dblclick();
    await o.page.locator('#grid .cell-editor').fill('0.02');
    await o.page.locator('#grid .cell-editor').press('Enter');
    expect(expected(0.02)).toBe('inconsistent');
    await expect.poll(() => card.getAttribute('data-verdict'), { timeout: 30_000 }).toBe('inconsistent');
    expect(await o.page.evaluate(`window.__claimcellHost.getCellValue('${USER_SHEETS.claims}', '${cellAddress(3, MY_CLAIM_COLUMNS.verdict)}')`)).toBe('inconsistent');
    expect(o.errors).toEqual([]);
  }, 180_000);

  it('adds a figure and a claim from the pane, flips it by a grid edit, stresses it, and makes and grades an exercise with it', async () => {
    const o = await openPreview(browser, server.origin);
    await o.pane.locator('#fill-workbook').click();
    await expect.poll(() => o.pane.locator('body').getAttribute('data-filled'), { timeout: 60_000 }).toBe('true');

    // 1. A figure of one's own: a bad unit first (nothing written, field and value named), then a good one.
    await o.pane.locator('#my-figure-id').fill('MY_RATE');
    await o.pane.locator('#my-figure-label').fill('=2+2 stays a label');
    await o.pane.locator('#my-figure-value').fill('lots');
    await o.pane.locator('#my-figure-add').click();
    await expect.poll(() => o.pane.locator('#my-figure-problems').textContent()).toContain('value: "lots" is not a number');
    expect([null, '']).toContain(await o.page.evaluate(`window.__claimcellHost.getCellValue('${USER_SHEETS.figures}', 'A3')`));
    await o.pane.locator('#my-figure-value').fill('0.05');
    await o.pane.locator('#my-figure-unit').selectOption('percent');
    await o.pane.locator('#my-figure-add').click();
    await expect.poll(() => o.page.evaluate(`window.__claimcellHost.getCellValue('${USER_SHEETS.figures}', 'A3')`)).toBe('MY_RATE');
    expect(await o.page.evaluate(`window.__claimcellHost.getCellValue('${USER_SHEETS.figures}', 'B3')`)).toBe('=2+2 stays a label');

    // ... and a claim over it: CN_UST_HOLDINGS × MY_RATE is at least 30.
    await o.pane.locator('#my-claim-id').fill('MY_YIELD_30');
    await o.pane.locator('#my-claim-statement').fill('Treasuries earn China at least USD 30 bn a year');
    await o.pane.locator('#my-claim-recompute').fill('CN_UST_HOLDINGS*MY_RATE');
    await o.pane.locator('#my-claim-stated').fill('30');
    await o.pane.locator('#my-claim-compare').selectOption('atLeast');
    await o.pane.locator('#my-claim-add').click();
    const tables = (rate: number): UserTables => ({
      figures: [...exampleUserTables().figures, { id: 'MY_RATE', label: '=2+2 stays a label', value: rate, unit: 'percent' }],
      claims: [...exampleUserTables().claims, { id: 'MY_YIELD_30', statement: 'Treasuries earn China at least USD 30 bn a year', recompute: '=CN_UST_HOLDINGS*MY_RATE', stated: 30, compare: 'atLeast' }],
    });
    const verdict = (rate: number): string => auditUserTables(tables(rate)).results[1]!.audit!.verdict;

    // 2. its verdict, marked as the user's
    const card = o.pane.locator('li[data-claim="MY_YIELD_30"]');
    await expect.poll(() => card.getAttribute('data-verdict'), { timeout: 30_000 }).toBe(verdict(0.05));
    expect(verdict(0.05)).toBe('consistent');
    expect(await card.locator('[data-mine]').count()).toBe(1);
    await o.page.screenshot({ path: path.join(shots, '30-my-claim-added.png') });

    // 3. the figure edited in the grid: 682.6 × 4% = 27.3 < 30, the verdict flips
    await o.page.locator(`#sheet-tabs [data-sheet="${USER_SHEETS.figures}"]`).click();
    await o.page.locator(`#grid td[data-addr="${cellAddress(3, MY_FIGURE_COLUMNS.value)}"]`).dblclick();
    await o.page.locator('#grid .cell-editor').fill('0.04');
    await o.page.locator('#grid .cell-editor').press('Enter');
    expect(verdict(0.04)).toBe('inconsistent');
    await expect.poll(() => card.getAttribute('data-verdict'), { timeout: 30_000 }).toBe('inconsistent');

    // 4. its tornado and Monte Carlo from the pane's Stress section, as the model gives them
    const stress = userStress(tables(0.04));
    await o.pane.locator('#stress > summary').click();
    const option = o.pane.locator('#stress-claim option[value="MY_YIELD_30"]');
    expect(await option.getAttribute('data-mine')).toBe('true');
    expect(await option.textContent()).toBe('MY_YIELD_30 (yours)');
    await o.pane.locator('#stress-claim').selectOption('MY_YIELD_30');
    await expect.poll(() => o.pane.locator('#stress-tornado svg [data-input]').count()).toBe(2);
    const bars = await o.pane.locator('#stress-tornado svg [data-input]').evaluateAll((els) => els.map((e) => e.getAttribute('data-input')).sort());
    expect(bars).toEqual(['CN_UST_HOLDINGS', 'MY_RATE']);
    expect(Number(await o.pane.locator('#stress-tornado').getAttribute('data-base'))).toBeCloseTo(tornadoForClaim('MY_YIELD_30', stress).baseOutput, 9);
    expect(await o.pane.locator('#stress-statement').getAttribute('data-mine')).toBe('true');
    await o.pane.locator('#stress-samples').fill('20000');
    await o.pane.locator('#stress-seed').fill('11');
    await o.pane.locator('#stress-run').click();
    await expect.poll(() => o.pane.locator('#stress-result-label').getAttribute('data-state'), { timeout: 60_000 }).toBe('complete');
    const expected = monteCarloForClaim('MY_YIELD_30', { samples: 20_000, seed: 11, ...stress });
    await expect.poll(() => o.pane.locator('#stress-reading').textContent()).toBe(expected.reading.en);
    await o.pane.locator('#stress-write').click();
    await expect.poll(() => o.page.evaluate(`window.__claimcellHost.getCellValue('Stress', 'A1')`), { timeout: 30_000 }).toBe('Stress test: MY_YIELD_30');
    await o.page.screenshot({ path: path.join(shots, '31-my-claim-stress.png') });

    // 5. an exercise with it as a task (picked from the user's claims), downloaded from the filled workbook ...
    await o.pane.locator('#exercises > summary').click();
    await o.pane.locator('[data-mine-claim="MY_YIELD_30"]').click();
    expect(await o.pane.locator('#ex1-claims').inputValue()).toBe('MY_YIELD_30');
    const seed = 'my-claims-e2e-seed-5d0c81a2f7';
    await o.pane.locator('#ex1-seed').fill(seed);
    await o.pane.locator('#ex1-student').fill('lee');
    await o.page.screenshot({ path: path.join(shots, '32-my-claim-exercise.png') });
    const [download] = await Promise.all([o.page.waitForEvent('download'), o.pane.locator('[data-action="make-exercise"]').click()]);
    const bytes = readFileSync((await download.path())!);
    expect(o.errors).toEqual([]);

    // ... opened by the student (a fresh workbook), answered in the grid, and graded in the pane with the seed alone
    const student = await openPreview(browser, server.origin);
    await openInPreview(student.page, bytes);
    const given = async (name: string): Promise<number> => {
      const [sheet, address] = (await student.page.evaluate(`window.__claimcellHost.getNames().find((n) => n.name === '${name}').formula`) as string).replace(/^=/, '').replace(/\$/g, '').split('!') as [string, string];
      return (await student.page.evaluate(`window.__claimcellHost.getCellValue('${sheet}', '${address}')`)) as number;
    };
    const rate = await given('MY_RATE');
    expect(rate).not.toBe(0.04); // varied for the student
    const answer = (await given('CN_UST_HOLDINGS')) * rate;
    await student.page.locator(`#sheet-tabs [data-sheet="${EXERCISE_SHEETS.tasks}"]`).click();
    const answerCell = ((await student.page.evaluate(`window.__claimcellHost.getNames().find((n) => n.name === '${answerName('T1')}').formula`)) as string).split('!')[1]!.replace(/\$/g, '');
    await student.page.locator(`#grid td[data-addr="${answerCell}"]`).dblclick();
    await student.page.locator('#grid .cell-editor').fill(String(answer));
    await student.page.locator('#grid .cell-editor').press('Enter');
    await student.pane.locator('#exercises > summary').click();
    await student.pane.locator('#ex1-seed').fill(seed);
    await student.pane.locator('[data-action="grade-exercise"]').click();
    await expect.poll(() => student.pane.locator('[data-role="exercise-score"]').textContent(), { timeout: 30_000 }).toBe('lee: 1 of 1 point(s).');
    expect(await student.pane.locator('tr[data-task="T1"] td').last().textContent()).toBe('right');
    await student.page.screenshot({ path: path.join(shots, '33-my-claim-graded.png') });
    expect(student.errors).toEqual([]);
    await student.page.context().close();
    await o.page.context().close();
  }, 300_000);
});
