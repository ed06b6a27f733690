import { describe, expect, it } from 'vitest';
import { fillArticle } from '../../src/excel/scenario-actions.js';
import { SHEETS } from '../../src/plan/index.js';
import { readWorkbook, writeActiveScenario, writeBaseValue } from '../../src/taskpane/workbook.js';
import { createClaimHost } from '../excel/host.js';

describe('task pane workbook access', () => {
  it('writes a formula-like scenario name into B1 as text, as the drop-down would', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    await writeActiveScenario(host.run, '=1+1');
    expect(host.getCellValue(SHEETS.scenarios, 'B1')).toBe('=1+1');
  });

  it('writes a base value into the Figures base column and reads it back as in use', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    const view = await readWorkbook(host.run);
    const row = view.figures.get('WORLD_GDP')!.row;
    expect(await writeBaseValue(host.run, row, 100000)).toBe(`${SHEETS.figures}!E${row}`);
    const after = await readWorkbook(host.run);
    expect(after.figures.get('WORLD_GDP')!.inUse).toBe(100000);
    expect(after.values.overrides.get('WORLD_GDP')).toBe(100000);
    expect(after.values.edited).toEqual(['WORLD_GDP']);
    expect(after.claimRows.get('BRICS_OCT_PARTS')).toBe(2);
  });
});
