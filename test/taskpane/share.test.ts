import { describe, expect, it } from 'vitest';
import { fillArticle } from '../../src/excel/scenario-actions.js';
import { STRINGS } from '../../src/taskpane/i18n.js';
import { shareActions } from '../../src/taskpane/share.js';
import { createClaimHost } from '../excel/host.js';

describe('the pane\'s Share actions (simulated host)', () => {
  it('swap a filled workbook out and back in, and refuse the same action twice, in the pane\'s language', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    let lang: 'en' | 'zh' = 'zh';
    const share = shareActions(() => host.run, () => STRINGS[lang]);
    const out = await share.swapOut();
    expect(out).toMatchObject({ ok: true, message: expect.stringMatching(/^已换出：\d+ 个公式改为 Excel 原生公式，\d+ 个改为其数值/) });
    expect(await share.swapOut()).toEqual({ ok: false, message: STRINGS.zh.alreadySwappedOut });
    lang = 'en';
    expect(await share.swapIn()).toMatchObject({ ok: true, message: expect.stringMatching(/^Swapped back in: \d+ formula\(s\) restored\.$/) });
    expect(await share.swapIn()).toEqual({ ok: false, message: STRINGS.en.notSwappedOut });
    expect(await shareActions(() => undefined, () => STRINGS.en).swapOut()).toEqual({ ok: false, unavailable: true });
  });
});
