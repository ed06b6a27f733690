import { describe, expect, it } from 'vitest';
import { fillArticle } from '../../src/excel/scenario-actions.js';
import { STRINGS } from '../../src/taskpane/i18n.js';
import type { ActionResult } from '../../src/taskpane/actions.js';
import { shareActions } from '../../src/taskpane/share.js';
import { createClaimHost } from '../excel/host.js';
import { SWAP_RECORD_SHEET } from '../../src/model/swap/index.js';

describe('the pane\'s Share actions (simulated host)', () => {
  it('swap a filled workbook out and back in, and refuse the same action twice, with messages in either language', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    const share = shareActions(() => host.run, () => 'zh');
    // a message renders in the language shown when it is shown (a language switch re-renders it)
    const inBoth = (result: ActionResult): [string | undefined, string | undefined] => [result.message?.(STRINGS.en, 'en'), result.message?.(STRINGS.zh, 'zh')];
    const out = await share.swapOut();
    expect(out.ok).toBe(true);
    const [outEn, outZh] = inBoth(out);
    expect(outZh).toMatch(/^已换出：\d+ 个公式改为 Excel 原生公式，\d+ 个改为其数值/);
    expect(outEn).toMatch(/^Swapped out: \d+ formula\(s\) are now native Excel, \d+ replaced by their value/);
    const twice = await share.swapOut();
    expect(twice.ok).toBe(false);
    expect(inBoth(twice)).toEqual([STRINGS.en.alreadySwappedOut, STRINGS.zh.alreadySwappedOut]);
    const back = await share.swapIn();
    expect(back.ok).toBe(true);
    expect(inBoth(back)[0]).toMatch(/^Swapped back in: \d+ formula\(s\) restored\.$/);
    expect(inBoth(back)[1]).toMatch(/^已换回：恢复了 \d+ 个公式。$/);
    const again = await share.swapIn();
    expect(again.ok).toBe(false);
    expect(inBoth(again)).toEqual([STRINGS.en.notSwappedOut, STRINGS.zh.notSwappedOut]);
    expect(await shareActions(() => undefined).swapOut()).toEqual({ ok: false, unavailable: true });
  });
  it('refuses a record sheet a colleague edited, naming the row and the value in the pane\'s language', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    const share = shareActions(() => host.run, () => 'zh');
    expect((await share.swapOut()).ok).toBe(true);
    host.setCellValue(SWAP_RECORD_SHEET, 'B2', 'C0');
    const refused = await share.swapIn();
    expect(refused.ok).toBe(false);
    expect(refused.message?.(STRINGS.zh, 'zh')).toBe('工作表 “ClaimCell swap record” 第 2 行：“C0”不是 A1 形式的单元格地址');
    expect(refused.message?.(STRINGS.en, 'en')).toMatch(/row 2.*C0/);
  });
});
