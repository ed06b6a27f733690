/**
 * Stress results in the preview's task pane: what "Write to workbook" writes after a cancelled
 * run, the histogram of a result that never varies, tornado labels and axes, and where the keyboard
 * focus is after using the Monte Carlo controls.
 */
import type { FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatValue } from '../../src/model/claims/format.js';
import { monteCarloForClaim } from '../../src/model/stress/claim-montecarlo.js';
import { UNITS } from '../../src/model/units/index.js';
import { openPreview, startPreview, type OpenedPreview } from './support.js';

let preview: Awaited<ReturnType<typeof startPreview>>;
const host = (o: OpenedPreview, call: string): Promise<unknown> => o.page.evaluate(`window.__claimcellHost.${call}`);
const stressSheetText = async (o: OpenedPreview): Promise<string> => JSON.stringify(await host(o, `snapshot().sheets.find((s) => s.name === 'Stress')`));
const focusedId = (pane: FrameLocator): Promise<string> => pane.locator('body').evaluate(() => document.activeElement?.id ?? '');

async function openStress(claim: string): Promise<OpenedPreview> {
  const o = await openPreview(preview.browser, preview.server.origin);
  await o.pane.locator('#fill-workbook').click();
  await expect.poll(() => o.pane.locator('body').getAttribute('data-filled'), { timeout: 60_000 }).toBe('true');
  await o.pane.locator('#stress > summary').click();
  await o.pane.locator('#stress-claim').selectOption(claim);
  await expect.poll(() => o.pane.locator('#stress-tornado svg [data-input]').count()).toBeGreaterThan(0);
  return o;
}

async function write(o: OpenedPreview): Promise<string> {
  const before = (await host(o, `getSheetNames().includes('Stress')`)) ? await stressSheetText(o) : '';
  await o.pane.locator('#stress-write').click();
  await expect.poll(async () => (await host(o, `getSheetNames().includes('Stress')`)) && (await stressSheetText(o)) !== before, { timeout: 60_000 }).toBe(true);
  return stressSheetText(o);
}

/**
 * Starts a run and cancels it in the same task, before its first chunk (a million samples take
 * well under a second here, too fast to catch with a second click). Cancel has the focus first, as
 * when a keyboard user tabs to it.
 */
async function startAndCancel(o: OpenedPreview, samples: number, seed: number): Promise<void> {
  await o.pane.locator('#stress-samples').fill(String(samples));
  await o.pane.locator('#stress-seed').fill(String(seed));
  await o.pane.locator('body').evaluate(() => {
    document.getElementById('stress-cancel')!.focus();
    document.getElementById('stress-run')!.click();
    document.getElementById('stress-cancel')!.click();
  });
  await expect.poll(() => o.pane.locator('#status').textContent(), { timeout: 60_000 }).toMatch(/cancelled/);
}

describe('stress results in the preview', () => {
  beforeAll(async () => {
    preview = await startPreview('claimcell-stress-');
  }, 240_000);
  afterAll(async () => {
    await preview?.stop();
  });

  it('a cancelled run writes nothing of itself: no Monte Carlo when none was shown, else exactly the one shown', async () => {
    const o = await openStress('TARIFF_IMPLIED_BASE');
    await startAndCancel(o, 1_000_000, 5);
    expect(await o.pane.locator('#status').textContent()).toMatch(/Nothing was run/);
    const first = await write(o);
    expect(first).not.toMatch(/Monte Carlo:/);
    expect(first).not.toMatch(/seed 5|seed 1\b/);

    await o.pane.locator('#stress-samples').fill('2000');
    await o.pane.locator('#stress-seed').fill('3');
    await o.pane.locator('#stress-run').click();
    await expect.poll(() => o.pane.locator('#stress-histogram svg').count(), { timeout: 60_000 }).toBe(1);
    await startAndCancel(o, 1_000_000, 5);
    expect(await o.pane.locator('#status').textContent()).toContain('2,000 samples, seed 3');
    const second = await write(o);
    expect(second).toContain('Monte Carlo: 2000 samples, seed 3');
    expect(second).not.toMatch(/seed 5/);
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  }, 240_000);

  it('a result that never varies is one bar, with the reason; charts have axes in the unit', async () => {
    const o = await openStress('PBOC_GOLD_STREAK_COUNT');
    await o.pane.locator('#stress-samples').fill('500');
    await o.pane.locator('#stress-run').click();
    await expect.poll(() => o.pane.locator('#stress-histogram svg').count(), { timeout: 60_000 }).toBe(1);
    expect(await o.pane.locator('#stress-histogram svg rect').count()).toBe(1);
    expect(await o.pane.locator('#stress-no-spread').textContent()).toMatch(/^All 500 samples are 13 .*none of this claim's inputs varies/);
    const axisText = (box: string) => o.pane.locator(`${box} .stress__axis`).allTextContents();
    expect((await axisText('#stress-histogram')).join(' ')).toContain(`Result (${UNITS.months.labelEn})`);
    expect((await axisText('#stress-histogram')).join(' ')).toContain('Samples');
    expect((await axisText('#stress-tornado')).join(' ')).toContain(`Result (${UNITS.months.labelEn})`);
    await o.page.context().close();
  }, 240_000);

  it('the HDR generator option runs the SIPmath stream: the engine\'s --generator hdr result; a word seed is refused', async () => {
    const o = await openStress('TARIFF_IMPLIED_BASE');
    await o.pane.locator('#stress-generator').selectOption('hdr');
    await o.pane.locator('#stress-samples').fill('2000');
    await o.pane.locator('#stress-seed').fill('11');
    await o.pane.locator('#stress-run').click();
    await expect.poll(() => o.pane.locator('#stress-histogram svg').count(), { timeout: 60_000 }).toBe(1);
    const hdr = monteCarloForClaim('TARIFF_IMPLIED_BASE', { samples: 2000, seed: 11, generator: 'hdr' });
    expect(await o.pane.locator('#stress-reading').textContent()).toBe(hdr.reading.en);
    // the mean shown is the HDR run's, not the default generator's
    const other = monteCarloForClaim('TARIFF_IMPLIED_BASE', { samples: 2000, seed: 11 });
    expect(formatValue(hdr.mean, hdr.unit)).not.toBe(formatValue(other.mean, other.unit));
    expect(await o.pane.locator('#stress-histogram p').first().textContent()).toContain(`Mean ${formatValue(hdr.mean, hdr.unit)};`);
    // Write to workbook adds the claim's native Simulation sheet (trials capped at 1000) beside the Stress sheet
    await o.pane.locator('#stress-write').click();
    await expect.poll(() => o.pane.locator('#status').textContent(), { timeout: 120_000 }).toMatch(/Wrote the Simulation sheet \(1000 trials, seed 11\)/);
    expect(await host(o, `getSheetNames().includes('Simulation')`)).toBe(true);
    // the sheet's native mean (C8), calculated by the host (which shows 11 significant digits), is the engine's for 1000 HDR trials
    const mean = (await host(o, `getCellValue('Simulation', 'C8')`)) as number;
    const engineMean = monteCarloForClaim('TARIFF_IMPLIED_BASE', { samples: 1000, seed: 11, generator: 'hdr' }).mean;
    expect(Math.abs(mean - engineMean) / engineMean).toBeLessThan(1e-10);
    await o.pane.locator('#stress-seed').fill('word');
    await o.pane.locator('#stress-run').click();
    await expect.poll(() => o.pane.locator('#status').textContent(), { timeout: 60_000 }).toMatch(/seed must, with the HDR generator, be a whole number/);
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  }, 240_000);

  it('tornado labels are whole and inside the chart', async () => {
    const o = await openStress('OFFICIAL_UST_GDP_RATIO');
    const labels = await o.pane.locator('#stress-tornado svg [data-input]').evaluateAll((gs) =>
      gs.map((g) => {
        const label = g.querySelector('text')!;
        const svg = (g as SVGGElement).ownerSVGElement!;
        const box = label.getBBox();
        return { id: g.getAttribute('data-input'), text: label.textContent, left: box.x, right: box.x + box.width, width: svg.viewBox.baseVal.width };
      }),
    );
    expect(labels.length).toBeGreaterThan(1);
    for (const l of labels) {
      expect(l.text).toBe(l.id);
      expect(l.left, l.id!).toBeGreaterThanOrEqual(0);
      expect(l.right).toBeLessThanOrEqual(l.width);
    }
    await o.page.context().close();
  }, 240_000);

  it('focus stays on the control that was used', async () => {
    const o = await openStress('TARIFF_IMPLIED_BASE');
    await o.pane.locator('#stress-samples').fill('2000');
    await o.pane.locator('#stress-run').focus();
    await o.page.keyboard.press('Enter');
    await expect.poll(() => o.pane.locator('#stress-histogram svg').count(), { timeout: 60_000 }).toBe(1);
    expect(await focusedId(o.pane)).toBe('stress-run');
    await startAndCancel(o, 1_000_000, 5);
    expect(await focusedId(o.pane)).toBe('stress-cancel');
    await o.pane.locator('#stress-write').focus();
    await o.page.keyboard.press('Enter');
    await expect.poll(async () => host(o, `getSheetNames().includes('Stress')`), { timeout: 60_000 }).toBe(true);
    expect(await focusedId(o.pane)).toBe('stress-write');
    await o.page.context().close();
  }, 240_000);
});
