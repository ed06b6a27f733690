/**
 * Rules of the simulated host that depend on the Excel it plays: Excel on the web refuses a request
 * above 5 MB as a whole; ClaimCell's own fill stays far below it.
 */
import { describe, expect, it } from 'vitest';
import { fillArticle } from '../../src/excel/scenario-actions.js';
import { WEB_REQUEST_LIMIT_BYTES, createSimulatedExcel } from '../../src/simhost/index.js';
import { createClaimHost } from '../excel/host.js';

const bigBlock = (rows: number) => Array.from({ length: rows }, (_, r) => [`row ${r} ${'x'.repeat(100)}`]);

describe('Excel on the web: the 5 MB request limit', () => {
  it('refuses a request above 5 MB and applies none of it; the desktop host takes it', async () => {
    const rows = Math.ceil(WEB_REQUEST_LIMIT_BYTES / 100);
    const web = createSimulatedExcel({ platform: 'web' });
    const before = web.snapshotJson();
    await expect(
      web.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Sheet1');
        sheet.getRange('B1').values = [['small']];
        sheet.getRange(`A1:A${rows}`).values = bigBlock(rows);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(web.snapshotJson()).toBe(before);

    const desktop = createSimulatedExcel({ platform: 'desktop' });
    await desktop.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange(`A1:A${rows}`).values = bigBlock(rows);
      await context.sync();
    });
    expect(desktop.getCellValue('Sheet1', 'A2')).toMatch(/^row 1 /);
  });

  it('ClaimCell\'s fill fits in Excel on the web', async () => {
    const web = createClaimHost({ platform: 'web' });
    expect((await fillArticle(web.run)).status).toBe('written');
  });
});
