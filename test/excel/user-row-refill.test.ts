/**
 * A figure added from the pane's form (appendUserRow) defines its name: that name is ClaimCell's
 * from then on, so a later fill, Reset or scenario edit rewrites it instead of stopping on it as
 * a name "not made by ClaimCell".
 */
import { describe, expect, it } from 'vitest';
import { fillArticle } from '../../src/excel/scenario-actions.js';
import { appendUserRow } from '../../src/excel/user-tables.js';
import { USER_SHEETS } from '../../src/plan/index.js';
import { createClaimHost } from './host.js';

describe('a figure of the user\'s own added from the pane', () => {
  it('does not block the next fill or Reset, and keeps its row and name', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    await appendUserRow(host.run, { figure: { id: 'MY_SHARE', label: 'half of it', value: 0.5, unit: 'percent' } });
    const reset = await fillArticle(host.run, { resetToArticle: true });
    expect(reset.status).toBe('written');
    expect(await fillArticle(host.run)).toMatchObject({ status: expect.stringMatching(/^(written|unchanged)$/) });
    expect(host.getCellValue(USER_SHEETS.figures, 'A3')).toBe('MY_SHARE');
    expect(host.getNames().find((n) => n.name === 'MY_SHARE')?.formula).toMatch(new RegExp(`^=${USER_SHEETS.figures}!`));
  });

  it('leaves a name the user defined by hand alone', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    await appendUserRow(host.run, { figure: { id: 'MY_SHARE', label: 'half of it', value: 0.5, unit: 'percent' } });
    await host.run(async (context) => {
      context.workbook.names.add('MINE_BY_HAND', '=Sheet1!$A$1');
      await context.sync();
    });
    // MINE_BY_HAND is not in the plan, so it is left alone; the fill goes on
    expect((await fillArticle(host.run)).status).not.toBe('conflict');
    expect(host.getNames().some((n) => n.name === 'MINE_BY_HAND')).toBe(true);
  });
});
