/**
 * Browser end-to-end tests of the preview (`npm start` → /preview/): the REAL task pane in an
 * iframe beside the grid of the simulated workbook, in headless Debian chromium. One preview build
 * per run (beforeAll, into a temp dir), served from 127.0.0.1 on a random port. Screenshots go to
 * test-artifacts/e2e/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, openPreview, root, startPreview, type OpenedPreview, type StaticServer } from './support.js';

let browser: Browser;
let server: StaticServer;
let outDir: string;
const shots = artifactsDir();

type Opened = OpenedPreview;

const open = (query = '?lang=en-US'): Promise<Opened> => openPreview(browser, server.origin, query);

function paneFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('/preview/taskpane.html'));
  if (!frame) throw new Error('task pane iframe not found');
  return frame;
}

async function fill(o: Opened): Promise<void> {
  await o.pane.locator('#fill-workbook').click();
  await expect.poll(() => o.pane.locator('#status').getAttribute('data-kind'), { timeout: 60_000 }).toBe('success');
  await expect.poll(() => o.pane.locator('body').getAttribute('data-filled')).toBe('true');
}

const cell = (page: Page, address: string) => page.locator(`#grid td[data-addr="${address}"]`);
const verdictInPane = (o: Opened, id: string) => o.pane.locator(`li[data-claim="${id}"]`).getAttribute('data-verdict');

/** Row (1-based) of a figure id in column A of the sheet shown in the grid. */
async function rowOf(page: Page, id: string): Promise<number> {
  const td = page.locator('#grid td[data-c="0"]', { hasText: new RegExp(`^${id}$`) });
  return Number(await td.getAttribute('data-r')) + 1;
}

describe('preview in headless chromium', () => {
  let preview: Awaited<ReturnType<typeof startPreview>>;
  beforeAll(async () => {
    preview = await startPreview('claimcell-preview-');
    ({ browser, server, outDir } = preview);
  }, 240_000);

  afterAll(async () => {
    await preview?.stop();
  });

  it('keeps the simulated host and HyperFormula out of the task pane bundle', () => {
    const pane = readFileSync(path.join(outDir, 'taskpane.js'), 'utf8');
    expect(pane).not.toMatch(/hyperformula/i);
    expect(pane).not.toContain('src/simhost');
    expect(readFileSync(path.join(outDir, 'taskpane.html'), 'utf8')).not.toContain('appsforoffice.microsoft.com');
  });

  it('fills the workbook and shows the verdicts in the Claims grid and in the task pane', async () => {
    const o = await open();
    await expect.poll(() => o.pane.locator('#status').textContent()).toMatch(/simulated workbook/);
    await fill(o);
    expect(await o.pane.locator('#status').textContent()).toMatch(/Workbook filled: \d+ sheets, \d+ names/);
    await o.page.locator('#sheet-tabs [data-sheet="Claims"]').click();
    await expect.poll(() => cell(o.page, 'A2').textContent()).toBe('BRICS_OCT_PARTS');
    expect(await cell(o.page, 'I1').textContent()).toBe('Verdict');
    expect(await cell(o.page, 'I2').textContent()).toBe('consistent');
    const verdicts = await o.page.locator('#grid td.verdict').allTextContents();
    expect(verdicts.length).toBeGreaterThan(20);
    expect(await verdictInPane(o, 'BRICS_OCT_PARTS')).toBe('consistent');
    expect(await o.pane.locator('li[data-claim="BRICS_OCT_PARTS"] .badge').textContent()).toMatch(/Consistent/);
    // Formula bar and defined names.
    await cell(o.page, 'I2').click();
    expect(await o.page.locator('#formula-bar').inputValue()).toMatch(/^=/);
    expect(await o.page.locator('#names li').count()).toBeGreaterThan(40);
    expect(await o.page.locator('#active-scenario').textContent()).toBe('Article');
    // "Go to cell" selects the claim's row in the Claims sheet.
    await o.page.locator('#sheet-tabs [data-sheet="Figures"]').click();
    await o.pane.locator('#goto-TARIFF_TARGET_REPEATED').click();
    await expect.poll(() => o.page.locator('#sheet-tabs [aria-selected="true"]').textContent()).toBe('Claims');
    await expect.poll(() => o.page.locator('#name-box').textContent()).toBe('A4:L4');
    await o.page.screenshot({ path: path.join(shots, '01-filled.png') });
    expect(o.errors).toEqual([]);
    expect(o.external).toEqual([]);
    await o.page.context().close();
  }, 120_000);

  it('editing Figures!E of INDIA_UST_CUT_OCT to 20 in the grid turns BRICS_OCT_PARTS inconsistent; the pane resets it', async () => {
    const o = await open();
    await fill(o);
    await o.page.locator('#sheet-tabs [data-sheet="Figures"]').click();
    const row = await rowOf(o.page, 'INDIA_UST_CUT_OCT');
    await cell(o.page, `E${row}`).dblclick();
    const editor = o.page.locator('#grid .cell-editor');
    await editor.fill('20');
    await editor.press('Enter');
    await expect.poll(() => cell(o.page, `E${row}`).textContent()).toBe('20.0');
    await expect.poll(() => cell(o.page, `F${row}`).textContent()).toBe('20.0');
    await o.page.locator('#sheet-tabs [data-sheet="Claims"]').click();
    await expect.poll(() => cell(o.page, 'I2').textContent()).toBe('inconsistent');
    await expect.poll(() => verdictInPane(o, 'BRICS_OCT_PARTS')).toBe('inconsistent');
    await o.page.screenshot({ path: path.join(shots, '02-edited-inconsistent.png') });

    // Back through the task pane: the Figures section shows the edit and resets it (writes Figures!E).
    await o.pane.locator('#figures > summary').click();
    await o.pane.locator('#figure-search').fill('india_ust_cut_oct');
    await expect.poll(() => o.pane.locator('#figures-list li:not([hidden])').count()).toBe(1);
    const item = o.pane.locator('li[data-figure="INDIA_UST_CUT_OCT"]');
    expect(await item.getAttribute('class')).toMatch(/figure--edited/);
    expect(await item.textContent()).toMatch(/¶ 8 · written “120亿”/);
    await o.pane.locator('#reset-INDIA_UST_CUT_OCT').click();
    await expect.poll(() => verdictInPane(o, 'BRICS_OCT_PARTS')).toBe('consistent');
    await expect.poll(() => cell(o.page, 'I2').textContent()).toBe('consistent');
    // And set a value from the pane, with the keyboard (Enter in the field).
    await o.pane.locator('#base-INDIA_UST_CUT_OCT').fill('25');
    await o.pane.locator('#base-INDIA_UST_CUT_OCT').press('Enter');
    await expect.poll(() => verdictInPane(o, 'BRICS_OCT_PARTS')).toBe('inconsistent');
    expect(await o.page.evaluate(`window.__claimcellHost.getCellValue('Figures', 'E${row}')`)).toBe(25);
    // A value that makes no sense gets a message that says what to do, and nothing is written.
    await o.pane.locator('#base-INDIA_UST_CUT_OCT').fill('lots');
    await o.pane.locator('#set-INDIA_UST_CUT_OCT').click();
    await expect.poll(() => o.pane.locator('#status').textContent()).toMatch(/not a valid value for INDIA_UST_CUT_OCT: enter a number/);
    expect(await o.pane.locator('#status').getAttribute('data-kind')).toBe('error');
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  }, 120_000);

  it('switching the active scenario changes the values in use; create, delete and undo work', async () => {
    const o = await open();
    await fill(o);
    await o.pane.locator('#scenarios > summary').click();
    await o.page.locator('#sheet-tabs [data-sheet="Figures"]').click();
    const row = await rowOf(o.page, 'CN_UST_CUM_REDUCTION');
    const before = await cell(o.page, `F${row}`).textContent();
    await o.pane.locator('#active-scenario').selectOption('Generous rounding');
    await expect.poll(() => o.page.locator('#active-scenario').textContent()).toBe('Generous rounding');
    await expect.poll(() => cell(o.page, `F${row}`).textContent()).toBe('75.0');
    expect(before).not.toBe('75.0');
    expect(await o.page.evaluate(`window.__claimcellHost.getCellValue('Scenarios', 'B1')`)).toBe('Generous rounding');
    await expect.poll(() => o.pane.locator('#status').textContent()).toMatch(/Active scenario: Generous rounding/);

    // Compare Article with it.
    await o.pane.locator('#compare-a').selectOption('Article');
    await o.pane.locator('#compare-b').selectOption('Generous rounding');
    await o.pane.locator('#compare').click();
    expect(await o.pane.locator('#compare-result [data-role="inputs"]').textContent()).toContain('CN_UST_CUM_REDUCTION');

    // Create, delete, undo.
    await o.pane.locator('#scenario-name').fill('My test');
    await o.pane.locator('#scenario-create').click();
    await expect.poll(() => o.pane.locator('#status').textContent()).toMatch(/Created scenario “My test”/);
    expect(await o.pane.locator('li[data-scenario="My test"]').count()).toBe(1);
    await o.pane.locator('#scenario-pick').selectOption('My test');
    await o.pane.locator('#scenario-delete').click();
    await expect.poll(() => o.pane.locator('li[data-scenario="My test"]').count()).toBe(0);
    await o.pane.locator('#scenario-undo').click();
    await expect.poll(() => o.pane.locator('li[data-scenario="My test"]').count()).toBe(1);
    // A duplicate name is refused with a message naming the problem.
    await o.pane.locator('#scenario-name').fill('My test');
    await o.pane.locator('#scenario-create').click();
    await expect.poll(() => o.pane.locator('#status').textContent()).toMatch(/already exists/);
    // Export downloads JSON; importing it back works; a broken file is refused with its problems.
    const [download] = await Promise.all([o.page.waitForEvent('download'), o.pane.locator('#scenario-export').click()]);
    expect(download.suggestedFilename()).toBe('claimcell-scenarios.json');
    const exported = readFileSync(await download.path(), 'utf8');
    expect(JSON.parse(exported).scenarios.map((x: { name: string }) => x.name)).toContain('My test');
    const bad = JSON.parse(exported) as { scenarios: { overrides: Record<string, unknown> }[] };
    bad.scenarios[0]!.overrides['NO_SUCH_FIGURE'] = 1;
    await o.pane.locator('#scenario-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect.poll(() => o.pane.locator('#status').textContent()).toMatch(/was not imported.*NO_SUCH_FIGURE: unknown figure id/);
    const fewer = JSON.parse(exported) as { scenarios: { name: string }[] };
    fewer.scenarios = fewer.scenarios.filter((x) => x.name !== 'My test');
    await o.pane.locator('#scenario-import').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fewer)) });
    await expect.poll(() => o.pane.locator('#status').textContent()).toMatch(/Imported \d+ scenarios/);
    await expect.poll(() => o.pane.locator('li[data-scenario="My test"]').count()).toBe(0);
    await o.page.screenshot({ path: path.join(shots, '03-scenario.png') });
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  }, 120_000);

  it('a sheet in the way stops the fill with a message naming it and saying what to do', async () => {
    const o = await open();
    await o.page.evaluate(`window.__claimcellHost.run(async (ctx) => { ctx.workbook.worksheets.add('Claims'); await ctx.sync(); })`);
    await o.pane.locator('#fill-workbook').click();
    await expect.poll(() => o.pane.locator('#status').getAttribute('data-kind'), { timeout: 60_000 }).toBe('error');
    const text = await o.pane.locator('#status').textContent();
    expect(text).toMatch(/Nothing was written: sheet “Claims” already exist/);
    expect(text).toMatch(/Rename or delete it/);
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  }, 120_000);

  it('follows Office.context.displayLanguage and switches to Chinese by hand', async () => {
    const zh = await open('?lang=zh-CN');
    expect(await zh.pane.locator('#fill-workbook').textContent()).toBe('填充工作簿');
    expect(await paneFrame(zh.page).evaluate('document.documentElement.lang')).toBe('zh-CN');
    await zh.page.context().close();

    const o = await open();
    expect(await o.pane.locator('#fill-workbook').textContent()).toBe('Fill workbook');
    await o.pane.locator('#lang').selectOption('zh');
    expect(await o.pane.locator('#fill-workbook').textContent()).toBe('填充工作簿');
    await fill(o);
    expect(await o.pane.locator('#status').textContent()).toMatch(/工作簿已填充/);
    expect(await o.pane.locator('li[data-claim="BRICS_OCT_PARTS"] .badge').textContent()).toMatch(/一致/);
    expect(await o.pane.locator('#claims-heading').textContent()).toBe('论断');
    await o.page.screenshot({ path: path.join(shots, '04-chinese.png') });
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  }, 120_000);

  it('shows a tornado chart in the Stress section, runs a small Monte Carlo and writes the Stress sheet', async () => {
    const o = await open();
    await fill(o);
    await o.pane.locator('#stress > summary').click();
    const claims = await o.pane.locator('#stress-claim option').evaluateAll((opts) => opts.map((x) => (x as HTMLOptionElement).value));
    expect(claims.length).toBeGreaterThan(0);
    const target = claims.includes('BRICS_OCT_PARTS') ? 'BRICS_OCT_PARTS' : claims[0]!;
    await o.pane.locator('#stress-claim').selectOption(target);
    const bars = o.pane.locator('#stress-tornado svg [data-input]');
    await expect.poll(() => bars.count()).toBeGreaterThan(0);
    expect(await o.pane.locator('#stress-tornado svg').getAttribute('aria-label')).toContain(target);
    await o.pane.locator('#stress-samples').fill('2000');
    await o.pane.locator('#stress-run').click();
    await expect.poll(() => o.pane.locator('#stress-histogram svg').count(), { timeout: 60_000 }).toBe(1);
    await o.pane.locator('#stress-tornado').scrollIntoViewIfNeeded();
    await o.page.screenshot({ path: path.join(shots, '06-tornado.png') });
    await o.pane.locator('#stress-write').click();
    await expect.poll(() => o.page.locator('#sheet-tabs [data-sheet="Stress"]').count(), { timeout: 60_000 }).toBe(1);
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  }, 120_000);

  it('is keyboard operable and has no serious or critical axe-core violations (page and task pane)', async () => {
    const o = await open();
    // Keyboard: focus the Fill button inside the pane and press Enter.
    await o.pane.locator('#fill-workbook').focus();
    await o.page.keyboard.press('Enter');
    await expect.poll(() => o.pane.locator('#status').getAttribute('data-kind'), { timeout: 60_000 }).toBe('success');
    // Grid: Enter edits, Escape cancels, arrows move.
    await o.page.locator('#sheet-tabs [data-sheet="Figures"]').focus();
    await o.page.keyboard.press('Enter');
    await cell(o.page, 'A1').focus();
    await o.page.keyboard.press('ArrowDown');
    await o.page.keyboard.press('ArrowRight');
    expect(await o.page.locator('#name-box').textContent()).toBe('B2');
    await o.page.keyboard.press('Enter');
    expect(await o.page.locator('#grid .cell-editor').count()).toBe(1);
    await o.page.keyboard.press('Escape');
    expect(await o.page.locator('#grid .cell-editor').count()).toBe(0);

    for (const id of ['figures', 'scenarios', 'stress', 'exercises']) await o.pane.locator(`#${id} > summary`).click();
    const axe = path.join(root, 'node_modules', 'axe-core', 'axe.min.js');
    const problems: string[] = [];
    for (const frame of [o.page.mainFrame(), paneFrame(o.page)]) {
      await frame.addScriptTag({ path: axe });
      const found = (await frame.evaluate(
        `axe.run(document, { iframes: false }).then(r => r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ')))`,
      )) as string[];
      problems.push(...found.map((p) => `${frame === o.page.mainFrame() ? 'page' : 'task pane'}: ${p}`));
    }
    expect(problems).toEqual([]);
    await o.page.screenshot({ path: path.join(shots, '05-sections-open.png'), fullPage: false });
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  }, 120_000);

  it('shows an exercise status in the language of the moment: a switch re-renders it, as every other status', async () => {
    const o = await open();
    await o.pane.locator('#exercises > summary').click();
    await o.pane.locator('[data-action="make-exercise"]').click();
    await expect.poll(() => o.pane.locator('#status').textContent()).toBe('Enter the seed first.');
    await o.pane.locator('#lang').selectOption('zh');
    expect(await o.pane.locator('#status').textContent()).toBe('请先输入种子。');
    await o.pane.locator('#lang').selectOption('en');

    // an exercise made in the empty workbook, then the switch
    await o.pane.locator('#ex1-seed').fill('status-seed-4c1d9e7a');
    await o.pane.locator('#ex1-student').fill('kim');
    await o.pane.locator('[data-action="make-exercise"]').click();
    await expect.poll(() => o.pane.locator('#status').textContent(), { timeout: 60_000 }).toBe('Exercise with 6 task(s) written for kim.');
    await o.pane.locator('#lang').selectOption('zh');
    expect(await o.pane.locator('#status').textContent()).toBe('已为 kim 写入 6 道题。');
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  }, 120_000);
});
