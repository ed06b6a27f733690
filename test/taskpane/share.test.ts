import { describe, expect, it } from 'vitest';
import { fillArticle } from '../../src/excel/scenario-actions.js';
import { STRINGS } from '../../src/taskpane/i18n.js';
import { shareActions } from '../../src/taskpane/share.js';
import { createClaimHost } from '../excel/host.js';
import { SWAP_RECORD_SHEET } from '../../src/model/swap/index.js';

describe('the pane\'s Share actions (simulated host)', () => {
  it('swap a filled workbook out and back in, and refuse the same action twice, in the pane\'s language', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    let lang: 'en' | 'zh' = 'zh';
    const share = shareActions(() => host.run, () => lang);
    const out = await share.swapOut();
    expect(out).toMatchObject({ ok: true, message: expect.stringMatching(/^已换出：\d+ 个公式改为 Excel 原生公式，\d+ 个改为其数值/) });
    expect(await share.swapOut()).toEqual({ ok: false, message: STRINGS.zh.alreadySwappedOut });
    lang = 'en';
    expect(await share.swapIn()).toMatchObject({ ok: true, message: expect.stringMatching(/^Swapped back in: \d+ formula\(s\) restored\.$/) });
    expect(await share.swapIn()).toEqual({ ok: false, message: STRINGS.en.notSwappedOut });
    expect(await shareActions(() => undefined, () => 'en').swapOut()).toEqual({ ok: false, unavailable: true });
  });
  it('refuses a record sheet a colleague edited, naming the row and the value in the pane\'s language', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    const share = shareActions(() => host.run, () => 'zh');
    expect((await share.swapOut()).ok).toBe(true);
    host.setCellValue(SWAP_RECORD_SHEET, 'B2', 'C0');
    expect(await share.swapIn()).toEqual({ ok: false, message: '工作表 “ClaimCell swap record” 第 2 行：“C0”不是 A1 形式的单元格地址' });
  });
});
