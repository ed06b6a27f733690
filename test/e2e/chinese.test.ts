/**
 * The preview in Chinese (Office display language zh-CN): fill the workbook, then read every sheet
 * of the grid and every section of the task pane as a person sees them, and find no English but
 * ids, formulas, names, syntax and the cells `keptInChinese` lists with their reasons.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_SHEETS } from '../../src/plan/index.js';
import { TEXT } from '../../src/text/index.js';
import { englishIn, keptInChinese } from '../text/latin.js';
import { artifactsDir, openPreview, startPreview, type OpenedPreview, type StaticServer } from './support.js';

let browser: Browser;
let server: StaticServer;
const shots = artifactsDir();

/** English words in the grid of the sheet shown, by cell. */
async function englishInGrid(o: OpenedPreview, sheet: string): Promise<string[]> {
  const cells = await o.page.locator('#grid td[data-addr]').evaluateAll((tds) =>
    tds.map((td) => ({ addr: td.getAttribute('data-addr') ?? '', r: Number(td.getAttribute('data-r')) + 1, c: Number(td.getAttribute('data-c')) + 1, text: td.textContent ?? '' })),
  );
  const codeHeader = cells.find((x) => x.c === 1 && x.text === TEXT.zh.sheets.summary.verdictCode);
  const codeRows = new Set(codeHeader ? cells.filter((x) => x.r > codeHeader.r).map((x) => x.r) : []);
  return cells.filter((x) => !keptInChinese(sheet, x.r, x.c, codeRows)).flatMap((x) => englishIn(x.text).map((w) => `${sheet}!${x.addr}: ${w} in “${x.text.slice(0, 60)}”`));
}

describe('the preview in Chinese', () => {
  let preview: Awaited<ReturnType<typeof startPreview>>;
  beforeAll(async () => {
    preview = await startPreview('claimcell-zh-');
    ({ browser, server } = preview);
  }, 240_000);

  afterAll(async () => {
    await preview?.stop();
  });

  it('fills the workbook and shows no English in any sheet or pane section', async () => {
    const o = await openPreview(browser, server.origin, '?lang=zh-CN');
    await o.pane.locator('#fill-workbook').click();
    await expect.poll(() => o.pane.locator('#status').getAttribute('data-kind'), { timeout: 60_000 }).toBe('success');
    await expect.poll(() => o.pane.locator('body').getAttribute('data-filled')).toBe('true');

    const found: string[] = [];
    const sheets = await o.page.locator('#sheet-tabs [data-sheet]').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-sheet') ?? ''));
    expect(sheets.length).toBeGreaterThan(6);
    for (const sheet of sheets) {
      await o.page.locator(`#sheet-tabs [data-sheet="${sheet}"]`).click();
      await expect.poll(() => o.page.locator('#grid').getAttribute('aria-label')).toBe(TEXT.zh.preview.sheetGridLabel(sheet));
      found.push(...(await englishInGrid(o, sheet)));
    }

    // Every pane section open, then its text as rendered (the language picker's options are each
    // language's own name, so it is left out).
    const pane = o.page.frames().find((f) => f.url().includes('/preview/taskpane.html'))!;
    await pane.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
    const texts = await pane.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        if (!parent || parent.closest('#lang, script, style, [hidden]')) continue;
        const text = n.textContent?.trim();
        if (text) out.push(text);
      }
      for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
        for (const a of ['aria-label', 'placeholder', 'title']) {
          const v = el.getAttribute(a);
          if (v && !el.closest('#lang')) out.push(v);
        }
      }
      return out;
    });
    for (const text of texts) found.push(...englishIn(text).map((w) => `pane: ${w} in “${text.slice(0, 60)}”`));

    await o.page.locator('#sheet-tabs [data-sheet="Claims"]').click();
    await o.page.screenshot({ path: path.join(shots, 'zh-claims.png') });
    await o.page.locator(`#sheet-tabs [data-sheet="${USER_SHEETS.claims}"]`).click();
    await expect.poll(() => o.page.locator('#grid').getAttribute('aria-label')).toBe(TEXT.zh.preview.sheetGridLabel(USER_SHEETS.claims));
    // The verdict words, reasons and codes sit right of the user's columns: bring them into view.
    await o.page.locator('.grid-wrap').evaluate((wrap) => wrap.scrollTo({ left: wrap.scrollWidth }));
    await o.page.screenshot({ path: path.join(shots, 'zh-my-claims.png') });
    expect(found).toEqual([]);
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  }, 180_000);

  it('shows the preview\'s own chrome in Chinese: header, formula bar, side panel, tab strip, cell messages', async () => {
    const o = await openPreview(browser, server.origin, '?lang=zh-CN');
    await o.pane.locator('#fill-workbook').click();
    await expect.poll(() => o.pane.locator('body').getAttribute('data-filled'), { timeout: 60_000 }).toBe('true');
    const found: string[] = [];
    /** The page's words outside the pane, the workbook's content (cells, sheet and defined names, addresses) left out. */
    const chrome = async (where: string): Promise<void> => {
      const texts = await o.page.evaluate(() => {
        // fx is the formula bar's mark in every language of Excel (hidden from screen readers)
        const content = '#grid td, #sheet-tabs [data-sheet], #names, #name-box, #active-scenario, [aria-hidden="true"], script, style';
        const out: string[] = [document.title];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent?.trim();
          if (text && !n.parentElement?.closest(content)) out.push(text);
        }
        for (const e of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
          if (e.closest('#names') || (e.matches('#grid td') && e.hasAttribute('title'))) continue;
          for (const a of ['aria-label', 'placeholder', 'title']) {
            const v = e.getAttribute(a);
            if (v) out.push(v);
          }
        }
        return out;
      });
      // A sheet name, a cell address or a scenario key quoted in a sentence is the workbook's, not chrome.
      for (const text of texts) found.push(...englishIn(text.replace(/“[^”]*”/g, ' ')).map((w) => `${where}: ${w} in “${text.slice(0, 80)}”`));
    };
    expect(await o.page.getAttribute('html', 'lang')).toBe('zh-CN');
    await chrome('filled');
    // a cell edited, then an entry its list refuses (the message, the drop-down's labels)
    await o.page.locator('#sheet-tabs [data-sheet="Scenarios"]').click();
    await o.page.locator('#grid td[data-addr="B1"]').click();
    await chrome('drop-down arrow');
    await o.page.keyboard.press('Alt+ArrowDown');
    await o.page.locator('#grid select.cell-list').waitFor();
    await chrome('drop-down open');
    await o.page.keyboard.press('Escape');
    await o.page.locator('#grid td[data-addr="B1"]').dblclick();
    await o.page.locator('#grid .cell-editor').fill('高');
    await chrome('editing');
    await o.page.locator('#grid .cell-editor').press('Enter');
    await expect.poll(() => o.page.locator('#grid-message').textContent()).toContain('“高”');
    await chrome('refused');
    await o.page.locator('#grid td[data-addr="A5"]').dblclick();
    await o.page.locator('#grid .cell-editor').fill('备注');
    await o.page.locator('#grid .cell-editor').press('Enter');
    await expect.poll(() => o.page.locator('#grid-message').textContent()).toBe(TEXT.zh.preview.cellUpdated('Scenarios!A5'));
    await chrome('edited');
    await o.page.screenshot({ path: path.join(shots, 'zh-preview-chrome.png') });
    expect(found).toEqual([]);
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  }, 180_000);
});
