/**
 * The preview's grid behaves like Excel's where a user would notice: typing replaces, a tab click
 * ends an edit, Ctrl+PgUp/PgDn change sheets, Scenarios!B1 has its drop-down, dates and tokens
 * show as written, the names panel is one tab stop, and the pane's sticky status never covers focus.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedScenarios } from '../../src/model/scenarios/index.js';
import { openPreview, startPreview, type OpenedPreview } from './support.js';

let preview: Awaited<ReturnType<typeof startPreview>>;
let o: OpenedPreview;
const host = (call: string): Promise<unknown> => o.page.evaluate(`window.__claimcellHost.${call}`);
const cell = (page: Page, address: string) => page.locator(`#grid td[data-addr="${address}"]`);
const activeTab = (page: Page) => page.locator('#sheet-tabs [aria-selected="true"]').getAttribute('data-sheet');
const tab = (page: Page, sheet: string) => page.locator(`#sheet-tabs [data-sheet="${sheet}"]`);

async function show(sheet: string): Promise<void> {
  await tab(o.page, sheet).click();
  await expect.poll(() => activeTab(o.page)).toBe(sheet);
}

describe('preview grid', () => {
  beforeAll(async () => {
    preview = await startPreview('claimcell-grid-');
    o = await openPreview(preview.browser, preview.server.origin);
    await o.pane.locator('#fill-workbook').click();
    await o.pane.locator('body[data-filled="true"]').waitFor({ timeout: 60_000 });
  }, 240_000);
  afterAll(async () => {
    await preview?.stop();
  });

  it('typing on a selected cell replaces its content', async () => {
    await show('Figures');
    expect(String(await host(`getCellValue('Figures', 'K2')`))).not.toBe('');
    await cell(o.page, 'K2').click();
    await o.page.keyboard.type('typed');
    await o.page.keyboard.press('Enter');
    expect(await host(`getCellValue('Figures', 'K2')`)).toBe('typed');
  });

  it('clicking a tab while editing commits the edit and switches sheets', async () => {
    await show('Figures');
    await cell(o.page, 'K3').click();
    await o.page.keyboard.type('half-typed');
    await tab(o.page, 'References').click();
    await expect.poll(() => activeTab(o.page)).toBe('References');
    expect(await host(`getCellValue('Figures', 'K3')`)).toBe('half-typed');
  });

  it('an add-in batch that lands during an edit does not throw the edit away', async () => {
    await show('Figures');
    await cell(o.page, 'K4').click();
    await o.page.keyboard.type('ab');
    // a task pane batch in cell-edit mode: it fails, as in Excel, and the grid is redrawn after it
    await o.page.evaluate(() => (window as unknown as { __claimcellPreview: { run(options: object, batch: (c: { sync(): Promise<void> }) => Promise<void>): Promise<void> } }).__claimcellPreview.run({}, (c) => c.sync()).catch(() => undefined));
    await o.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await o.page.keyboard.type('cd');
    await o.page.keyboard.press('Enter');
    await expect.poll(() => host(`getCellValue('Figures', 'K4')`)).toBe('abcd');
  });

  it('Ctrl+PgDn and Ctrl+PgUp switch sheets from the grid', async () => {
    const names = (await host('getSheetNames()')) as string[];
    await show(names[0]!);
    await cell(o.page, 'A1').click();
    await o.page.keyboard.press('Control+PageDown');
    await expect.poll(() => activeTab(o.page)).toBe(names[1]);
    await o.page.keyboard.press('Control+PageUp');
    await expect.poll(() => activeTab(o.page)).toBe(names[0]);
    await o.page.keyboard.press('Control+PageUp');
    await expect.poll(() => activeTab(o.page)).toBe(names[names.length - 1]);
  });

  it('Scenarios!B1 offers a drop-down of the scenarios; the choice is entered as typed', async () => {
    await show('Scenarios');
    await cell(o.page, 'B1').click();
    await expect(cell(o.page, 'B1').locator('.cell-dropdown').count()).resolves.toBe(1);
    await cell(o.page, 'A1').click();
    expect(await o.page.locator('#grid .cell-dropdown').count()).toBe(0);
    await cell(o.page, 'B1').click();
    await o.page.keyboard.press('Alt+ArrowDown');
    const options = await o.page.locator('#grid select.cell-list option').allTextContents();
    // the whole list shows, not clipped to the cell's one row: its last row is what a click there hits
    const list = (await o.page.locator('#grid select.cell-list').boundingBox())!;
    expect(list.height).toBeGreaterThan(3 * 20);
    const hit = await o.page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('select')?.className ?? '', [list.x + 8, list.y + list.height - 6]);
    expect(hit).toBe('cell-list');
    const seeds = loadSeedScenarios().map((s) => s.name);
    expect(options).toEqual(expect.arrayContaining(seeds));
    const before = await host(`getCellValue('Scenarios', 'B1')`);
    const target = options.find((x) => x !== before)!;
    await o.page.locator('#grid select.cell-list').selectOption(target);
    await o.page.keyboard.press('Enter');
    await expect.poll(() => host(`getCellValue('Scenarios', 'B1')`)).toBe(target);
    await expect.poll(() => o.page.locator('#active-scenario').textContent()).toBe(target);
  });

  it('References "As of" shows dates and Figures "As written" the article\'s token', async () => {
    await show('References');
    expect(await cell(o.page, 'F1').textContent()).toBe('As of');
    for (const r of [2, 3, 4]) expect(await cell(o.page, `F${r}`).textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await show('Figures');
    expect(await cell(o.page, 'J1').textContent()).toBe('As written');
    const tokens = await o.page.locator('#grid td[data-c="9"]').allTextContents();
    expect(tokens).toContain('25%');
    expect(tokens).not.toContain('0.25');
  });

  it('the defined names are one tab stop, with arrow keys inside', async () => {
    const names = o.page.locator('#names button.name');
    expect(await names.count()).toBeGreaterThan(50);
    expect(await o.page.locator('#names button.name[tabindex="0"]').count()).toBe(1);
    await names.first().focus();
    await o.page.keyboard.press('ArrowDown');
    expect(await o.page.evaluate(() => (document.activeElement as HTMLElement).dataset['name'])).toBe(await names.nth(1).getAttribute('data-name'));
    await o.page.keyboard.press('End');
    expect(await o.page.evaluate(() => (document.activeElement as HTMLElement).dataset['name'])).toBe(await names.last().getAttribute('data-name'));
    await o.page.keyboard.press('Tab');
    expect(await o.page.evaluate(() => document.activeElement?.classList.contains('name') ?? false)).toBe(false);
  });

  it('the task pane\'s sticky status box never covers the focused element', async () => {
    const frame = o.page.frames().find((f) => f.url().includes('/preview/taskpane.html'))!;
    await frame.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
      window.scrollTo(0, document.body.scrollHeight);
    });
    const focusables = await frame.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button:not(:disabled), select:not(:disabled), input:not(:disabled), summary, [tabindex="0"]')].filter((e) => e.getClientRects().length > 0 && !e.closest('.pane__status')).length,
    );
    expect(focusables).toBeGreaterThan(10);
    for (let i = 0; i < focusables; i++) {
      // From the bottom up, so every focus scrolls the page up under the sticky box.
      const overlap = await frame.evaluate((k) => {
        const all = [...document.querySelectorAll<HTMLElement>('button:not(:disabled), select:not(:disabled), input:not(:disabled), summary, [tabindex="0"]')].filter((e) => e.getClientRects().length > 0 && !e.closest('.pane__status'));
        const target = all[all.length - 1 - k]!;
        target.focus();
        if (document.activeElement !== target) return { id: target.id, covered: Number.NaN };
        const box = document.querySelector('.pane__status')!.getBoundingClientRect();
        const rect = target.getBoundingClientRect();
        return { id: target.id || target.textContent, covered: Math.min(box.bottom, rect.bottom) - Math.max(box.top, rect.top) };
      }, i);
      expect(overlap.covered, String(overlap.id)).not.toBeNaN();
      expect(overlap.covered, String(overlap.id)).toBeLessThanOrEqual(0);
    }
  });
});
