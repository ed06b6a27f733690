/**
 * The Stress section's precision, drivers and probabilistic break-even in the preview's task pane
 * (issue 21): a run that stops on precision shows the precision beside P(holds) and how it stopped;
 * drivers and the break-even match the model's numbers; Write to workbook writes the drivers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driversForClaim } from '../../src/model/stress/claim-drivers.js';
import { probabilityBreakEvenForClaim } from '../../src/model/stress/claim-pbreakeven.js';
import { openPreview, startPreview } from './support.js';

let preview: Awaited<ReturnType<typeof startPreview>>;
const ID = 'OFFICIAL_UST_NEAR_10TN';

describe('stress precision, drivers and break-even in the preview', () => {
  beforeAll(async () => {
    preview = await startPreview('claimcell-explain-');
  }, 240_000);
  afterAll(async () => {
    await preview?.stop();
  });

  it('stops on precision, explains the flip, finds the 50% value, and writes the drivers', async () => {
    const o = await openPreview(preview.browser, preview.server.origin);
    const pane = o.pane;
    await pane.locator('#fill-workbook').click();
    await expect.poll(() => pane.locator('body').getAttribute('data-filled'), { timeout: 60_000 }).toBe('true');
    await pane.locator('#stress > summary').click();
    await pane.locator('#stress-claim').selectOption(ID);
    await pane.locator('#stress-seed').fill('3');

    // The checkbox sits on the line of its words, as every checkbox in Office does.
    const box = (await pane.locator('#stress-converge').boundingBox())!;
    const words = (await pane.locator('label[for="stress-converge"] span').boundingBox())!;
    expect(box.y + box.height / 2).toBeGreaterThan(words.y);
    expect(box.y + box.height / 2).toBeLessThan(words.y + words.height);
    expect(box.x + box.width).toBeLessThanOrEqual(words.x);

    await pane.locator('#stress-converge').check();
    await pane.locator('#stress-precision').fill('1');
    await pane.locator('#stress-run').click();
    await expect.poll(() => pane.locator('#stress-precision-line').getAttribute('data-stopped-by'), { timeout: 120_000 }).toBe('converged');
    const line = (await pane.locator('#stress-precision-line').textContent())!;
    expect(line).toMatch(/P\(holds\) \d+% \(±0\.\d+ pp, 95% confidence\)/);
    expect(line).toMatch(/Stopped on precision at [\d,]+ samples/);

    await pane.locator('#stress-drivers-run').click();
    await expect.poll(() => pane.locator('#stress-drivers-table tbody tr').count()).toBe(2);
    const model = driversForClaim(ID, { seed: 3 });
    expect(await pane.locator('#stress-drivers-table tbody tr').first().getAttribute('data-input')).toBe(model.rows[0]!.id);
    expect(await pane.locator('#stress-drivers-reading').textContent()).toBe(model.reading.en);

    await pane.locator('#stress-pbe-input').selectOption('OFFICIAL_UST_HOLDINGS');
    await pane.locator('#stress-pbe-run').click();
    await expect.poll(() => pane.locator('#stress-pbe-reading').getAttribute('data-found')).toBe('true');
    const value = Number(await pane.locator('#stress-pbe-reading').getAttribute('data-value'));
    expect(value).toBe(probabilityBreakEvenForClaim(ID, 'OFFICIAL_UST_HOLDINGS', { seed: 3, probability: 0.5 }).value);

    await pane.locator('#stress-write').click();
    const sheet = async () => JSON.stringify(await o.page.evaluate(`window.__claimcellHost.snapshot().sheets.find((s) => s.name === 'Stress')`));
    await expect.poll(sheet, { timeout: 60_000 }).toContain('What drives a flip');
    expect(await sheet()).toMatch(/P\(holds\) = [\d.]+ \(±[\d.]+ pp, 95%\)/);
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  }, 300_000);

  it('applies the active scenario\'s correlations, as the CLI\'s --scenario does, and names the scenario', async () => {
    const o = await openPreview(preview.browser, preview.server.origin);
    const pane = o.pane;
    await pane.locator('#fill-workbook').click();
    await expect.poll(() => pane.locator('body').getAttribute('data-filled'), { timeout: 60_000 }).toBe('true');
    await pane.locator('#scenarios > summary').click();
    await pane.locator('#active-scenario').selectOption('Generous rounding');
    await expect.poll(() => pane.locator('#claims-summary').textContent()).toMatch(/Generous rounding/);
    await pane.locator('#stress > summary').click();
    await pane.locator('#stress-claim').selectOption('CN_UST_RMB_CONVERSION');
    await pane.locator('#stress-samples').fill('2000');
    await pane.locator('#stress-seed').fill('3');
    await pane.locator('#stress-run').click();
    await expect.poll(() => pane.locator('#stress-corr-note').textContent(), { timeout: 60_000 }).toMatch(/active scenario “Generous rounding”/);
    expect(await pane.locator('#stress-corr-note').textContent()).toMatch(/CN_UST_CUM_REDUCTION/);
    // typed pairs replace the scenario's
    await pane.locator('#stress-corr').fill('CN_UST_CUM_REDUCTION,CN_UST_CUM_REDUCTION_RMB,0.2');
    await pane.locator('#stress-run').click();
    await expect.poll(() => pane.locator('#stress-corr-note').textContent(), { timeout: 60_000 }).not.toMatch(/Generous rounding/);
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  }, 300_000);
});
