/**
 * `npx tsx scripts/screenshot.ts` → docs/preview.png: the preview (task pane beside the simulated
 * workbook) after "Fill workbook" and one edit (INDIA_UST_CUT_OCT = 20 in Figures!E, which turns
 * BRICS_OCT_PARTS inconsistent), in headless Debian chromium.
 *
 *   --out path        other output file
 *   --lang zh-CN      Office display language of the task pane
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { buildPreview, launchChromium, root, serve, tempDir } from '../test/e2e/support.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const out = path.resolve(root, option('--out') ?? 'docs/preview.png');
const lang = option('--lang') ?? 'en-US';

const dir = tempDir('claimcell-shot-');
await buildPreview(dir);
const server = await serve(dir);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'en-US' });
  await page.goto(`${server.origin}/preview/?lang=${encodeURIComponent(lang)}`);
  const pane = page.frameLocator('#taskpane');
  await pane.locator('#fill-workbook:enabled').click();
  await pane.locator('body[data-filled="true"]').waitFor();
  await page.locator('#sheet-tabs [data-sheet="Figures"]').click();
  const td = page.locator('#grid td[data-c="0"]', { hasText: /^INDIA_UST_CUT_OCT$/ });
  const row = Number(await td.getAttribute('data-r')) + 1;
  await page.locator(`#grid td[data-addr="E${row}"]`).dblclick();
  await page.locator('#grid .cell-editor').fill('20');
  await page.locator('#grid .cell-editor').press('Enter');
  await pane.locator('li[data-claim="BRICS_OCT_PARTS"][data-verdict="inconsistent"]').waitFor();
  await page.locator('#sheet-tabs [data-sheet="Claims"]').click();
  await page.locator('#grid td[data-addr="I2"]').click();
  await pane.locator('#claims-heading').scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  await page.screenshot({ path: out });
  console.log(`Wrote ${path.relative(root, out)}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
