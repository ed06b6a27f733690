/**
 * The Stress section's Monte Carlo off the main thread, in the preview in headless chromium: a run
 * of 10⁷ samples on Web Workers leaves the pane responsive, Cancel stops it within 200 ms and keeps
 * the last complete result on screen, labelled as such; without Web Workers the pane says so and
 * runs the chunked main-thread path, with the same numbers for the same seed.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type StaticServer } from './support.js';

let browser: Browser;
let server: StaticServer;
let stop: () => Promise<void> = async () => undefined;

/** Like support.ts's openPreview, but able to take Web Workers away before the page loads. */
async function openPane(options: { workers: boolean }): Promise<{ page: Page; pane: Frame; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  if (!options.workers) await context.addInitScript(() => delete (globalThis as { Worker?: unknown }).Worker);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.origin}/preview/?lang=en-US`);
  await page.frameLocator('#taskpane').locator('#stress > summary').waitFor({ timeout: 30_000 });
  const pane = page.frames().find((f) => f.url().includes('/preview/taskpane.html'))!;
  await pane.locator('#stress > summary').click();
  await pane.locator('#stress-claim').selectOption('OFFICIAL_UST_GDP_RATIO');
  return { page, pane, errors };
}

async function runToEnd(pane: Frame, samples: number, seed: string): Promise<string> {
  await pane.locator('#stress-samples').fill(String(samples));
  await pane.locator('#stress-seed').fill(seed);
  await pane.locator('#stress-run').click();
  await expect.poll(() => pane.locator('#stress-result-label').getAttribute('data-state'), { timeout: 60_000 }).toBe('complete');
  await expect.poll(() => pane.locator('#stress-run').isEnabled(), { timeout: 60_000 }).toBe(true);
  return `${await pane.locator('#stress-histogram').textContent()} | ${await pane.locator('#stress-reading').textContent()}`;
}

describe('Monte Carlo in the task pane, off the main thread', () => {
  beforeAll(async () => {
    ({ browser, server, stop } = await startPreview('claimcell-preview-mc-'));
  }, 240_000);

  afterAll(() => stop());

  let onWorkers = '';

  it('runs 10⁷ samples on workers: the pane stays responsive, Cancel stops within 200 ms and keeps the last result', async () => {
    const { page, pane, errors } = await openPane({ workers: true });
    expect(await pane.locator('#stress-engine').getAttribute('data-engine')).toBe('workers');
    expect(await pane.locator('#stress-engine').textContent()).toMatch(/in the background on \d worker/);
    onWorkers = await runToEnd(pane, 200_000, 'e2e');

    await pane.locator('#stress-samples').fill('10000000');
    // In the page, without round trips to the test: start the run, wait for the workers' progress,
    // click another section, time the event loop, then Cancel and time until the pane is ready again.
    const seen = await pane.evaluate(() => new Promise<{ progressed: number; toggled: boolean; lag: number; stillRunning: boolean; stopMs: number }>((resolve) => {
      const $ = <T extends Element>(sel: string) => document.querySelector<T>(sel)!;
      const run = $<HTMLButtonElement>('#stress-run');
      const figures = $<HTMLDetailsElement>('#figures');
      run.click();
      const waitProgress = () => {
        const progressed = $<HTMLProgressElement>('#stress-progress').value;
        if (progressed <= 0) return void setTimeout(waitProgress, 1);
        const wasOpen = figures.open;
        $<HTMLElement>('#figures > summary').click();
        const toggled = figures.open !== wasOpen;
        const t0 = performance.now();
        setTimeout(() => {
          const lag = performance.now() - t0;
          // Busy controls are aria-disabled (focus stays on them), not disabled.
          const stillRunning = $<HTMLButtonElement>('#stress-cancel').getAttribute('aria-disabled') !== 'true';
          const t1 = performance.now();
          $<HTMLButtonElement>('#stress-cancel').click();
          const check = () => (run.getAttribute('aria-disabled') === 'true' ? setTimeout(check, 1) : resolve({ progressed, toggled, lag, stillRunning, stopMs: performance.now() - t1 }));
          check();
        }, 0);
      };
      waitProgress();
    }));
    expect(seen.progressed, 'the workers reported progress').toBeGreaterThan(0);
    expect(seen.toggled, 'another section opened on a click during the run').toBe(true);
    expect(seen.lag, 'event-loop delay during the run (ms)').toBeLessThan(100);
    expect(seen.stillRunning, 'the run was still going when Cancel was clicked').toBe(true);
    expect(seen.stopMs, 'from Cancel to the pane ready again (ms)').toBeLessThan(200);
    expect(await pane.locator('#status').textContent()).toContain('cancelled');
    expect(await pane.locator('#stress-result-label').getAttribute('data-state')).toBe('kept-after-cancel');
    expect(await pane.locator('#stress-result-label').textContent()).toContain('last complete run (200,000 samples, seed e2e)');
    expect(await pane.locator('#stress-histogram svg').count()).toBe(1);

    // the next run starts fresh workers and completes
    expect(await runToEnd(pane, 200_000, 'e2e')).toBe(onWorkers);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('without Web Workers says so and runs on the main thread, with the same numbers for the same seed', async () => {
    const { page, pane, errors } = await openPane({ workers: false });
    expect(await pane.locator('#stress-engine').getAttribute('data-engine')).toBe('main-thread');
    expect(await pane.locator('#stress-engine').textContent()).toContain('not available here');
    const onMainThread = await runToEnd(pane, 200_000, 'e2e');
    expect(onMainThread).toBe(onWorkers);
    expect(onMainThread).toMatch(/Mean/);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
