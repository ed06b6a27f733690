/**
 * The user's own claim in the preview: fill; add a claim from the pane's form over the worked
 * example's figure; see its verdict (marked as the user's); edit that figure in the grid and see the
 * verdict flip, in the pane and in the MyClaims row. Verdicts are checked against the model here.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditUserTables, type UserTables } from '../../src/model/user/index.js';
import { cellAddress, exampleUserTables, MY_CLAIM_COLUMNS, MY_FIGURE_COLUMNS, USER_SHEETS } from '../../src/plan/index.js';
import { openPreview, startPreview, type StaticServer } from './support.js';

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
});
