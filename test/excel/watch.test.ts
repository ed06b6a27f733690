import { describe, expect, it, vi } from 'vitest';
import { fillArticle } from '../../src/excel/scenario-actions.js';
import type { ExcelRun } from '../../src/excel/types.js';
import { watchWorkbookChanges } from '../../src/excel/watch.js';
import { createClaimHost } from './host.js';

/** A minimal Excel.run stand-in whose worksheets expose onChanged, recording the handlers. */
function eventHost(sheetNames: string[]) {
  const handlers: (() => Promise<void>)[] = [];
  const run = (async (batch: (context: unknown) => Promise<unknown>) =>
    batch({
      sync: async () => undefined,
      workbook: {
        worksheets: {
          getItemOrNullObject: (name: string) => ({ isNullObject: !sheetNames.includes(name), onChanged: { add: (h: () => Promise<void>) => handlers.push(h) } }),
        },
      },
    })) as unknown as ExcelRun;
  return { run, handlers };
}

describe('following the user\'s edits in Excel', () => {
  it('listens on the Figures and Scenarios sheets and coalesces a burst of changes into one refresh', async () => {
    vi.useFakeTimers();
    const { run, handlers } = eventHost(['Figures', 'Scenarios']);
    const onChange = vi.fn();
    expect(await watchWorkbookChanges(run, onChange, 300)).toBe(true);
    expect(handlers).toHaveLength(2);
    await handlers[0]!();
    await handlers[1]!();
    await handlers[0]!();
    expect(onChange).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(onChange).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });

  it('does not listen before the workbook is filled', async () => {
    const { run, handlers } = eventHost(['Sheet1']);
    expect(await watchWorkbookChanges(run, () => undefined)).toBe(false);
    expect(handlers).toHaveLength(0);
  });

  it('answers false, without throwing, on a host without events (the simulated one)', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    expect(await watchWorkbookChanges(host.run, () => undefined)).toBe(false);
  });
});
