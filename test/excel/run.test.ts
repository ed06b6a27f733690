/**
 * While the user edits a cell, Excel fails every batch (InvalidOperationInCellEditMode) unless the run
 * asked to wait with `delayForCellEdit: true`. The simulated host has the same cell-edit mode.
 */
import { describe, expect, it } from 'vitest';
import { runAfterCellEdit } from '../../src/excel/run.js';
import { fillArticle } from '../../src/excel/scenario-actions.js';
import { SHEETS } from '../../src/plan/index.js';
import { createClaimHost } from './host.js';

describe('Excel.run while the user edits a cell', () => {
  it('a plain Excel.run fails and changes nothing', async () => {
    const host = createClaimHost();
    host.setCellEditMode(true);
    const before = host.snapshotJson();
    await expect(fillArticle(host.run)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(host.snapshotJson()).toBe(before);
  });

  it('the run every ClaimCell batch goes through waits until the edit ends, then completes', async () => {
    const host = createClaimHost();
    host.setCellEditMode(true);
    let done = false;
    const filling = fillArticle(runAfterCellEdit(host.run)).then((result) => {
      done = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toBe(false);
    expect(host.getSheetNames()).not.toContain(SHEETS.figures);
    host.setCellEditMode(false);
    expect((await filling).status).toBe('written');
    expect(host.getSheetNames()).toContain(SHEETS.figures);
  });
});
