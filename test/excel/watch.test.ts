/**
 * The task pane follows the user's edits through worksheet onChanged events, on the simulated host
 * that has them as Excel does: they fire for the add-in's own writes too (triggerSource
 * 'ThisLocalAddin'), and handlers die with their sheet.
 */
import { describe, expect, it, vi } from 'vitest';
import { fillArticle } from '../../src/excel/scenario-actions.js';
import { createWorkbookWatcher } from '../../src/excel/watch.js';
import { FIGURE_COLUMNS, SHEETS, cellAddress } from '../../src/plan/index.js';
import { createClaimHost } from './host.js';

const DELAY = 50;
const settle = () => new Promise((resolve) => setTimeout(resolve, DELAY * 4));
const baseCell = cellAddress(2, FIGURE_COLUMNS.base);

async function filledHost() {
  const host = createClaimHost();
  await fillArticle(host.run);
  return host;
}

describe('following the user\'s edits in Excel', () => {
  it('coalesces a burst of the user\'s edits of the Figures and Scenarios sheets into one refresh', async () => {
    const host = await filledHost();
    const onChange = vi.fn();
    expect(await createWorkbookWatcher(host.run, onChange, DELAY).ensure()).toBe(true);
    host.setCellValue(SHEETS.figures, baseCell, 1);
    host.setCellValue(SHEETS.figures, baseCell, 2);
    host.setCellValue(SHEETS.scenarios, 'D5', 3);
    await expect.poll(() => onChange.mock.calls.length, { timeout: 5_000 }).toBeGreaterThan(0);
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('ignores the add-in\'s own writes (they fire the event too)', async () => {
    const host = await filledHost();
    const onChange = vi.fn();
    await createWorkbookWatcher(host.run, onChange, DELAY).ensure();
    host.setCellValue(SHEETS.figures, baseCell, 5);
    await settle();
    onChange.mockClear();
    const again = await fillArticle(host.run, { resetToArticle: true });
    expect(again.status).toBe('written');
    await settle();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('never registers twice, even when asked twice at once', async () => {
    const host = await filledHost();
    const watcher = createWorkbookWatcher(host.run, () => undefined, DELAY);
    await Promise.all([watcher.ensure(), watcher.ensure()]);
    await watcher.ensure();
    expect(host.changedHandlerCount(SHEETS.figures)).toBe(1);
    expect(host.changedHandlerCount(SHEETS.scenarios)).toBe(1);
  });

  it('registers again on a sheet written anew after the old one was deleted (handlers die with their sheet)', async () => {
    const host = await filledHost();
    const onChange = vi.fn();
    const watcher = createWorkbookWatcher(host.run, onChange, DELAY);
    await watcher.ensure();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.figures).delete();
      await context.sync();
    });
    await fillArticle(host.run);
    expect(host.changedHandlerCount(SHEETS.figures)).toBe(0);
    expect(await watcher.ensure()).toBe(true);
    expect(host.changedHandlerCount(SHEETS.figures)).toBe(1);
    expect(host.changedHandlerCount(SHEETS.scenarios)).toBe(1);
    host.setCellValue(SHEETS.figures, baseCell, 7);
    await expect.poll(() => onChange.mock.calls.length, { timeout: 5_000 }).toBe(1);
  });

  it('does not listen before the workbook is filled, and answers false without throwing', async () => {
    const host = createClaimHost();
    expect(await createWorkbookWatcher(host.run, () => undefined).ensure()).toBe(false);
  });
});
