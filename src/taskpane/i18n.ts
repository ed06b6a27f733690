/** Every string the task pane shows, in English and Simplified Chinese. */
export type Lang = 'en' | 'zh';

export interface Strings {
  readonly title: string;
  readonly subtitle: string;
  readonly languageLabel: string;
  readonly fillWorkbook: string;
  readonly fillWorkbookHint: string;
  readonly resetWorkbook: string;
  readonly resetWorkbookHint: string;
  readonly statusHeading: string;
  readonly loading: string;
  readonly ready: string;
  readonly outsideExcel: string;
  readonly working: string;
  readonly notAvailable: string;
  readonly done: string;
  readonly failed: (message: string) => string;
  readonly functionsHint: string;
}

export const STRINGS: Readonly<Record<Lang, Strings>> = {
  en: {
    title: 'ClaimCell',
    subtitle: 'Recompute and stress-test the numbers of a published argument.',
    languageLabel: 'Language',
    fillWorkbook: 'Fill workbook',
    fillWorkbookHint: 'Write the claim sheets and formulas into this workbook.',
    resetWorkbook: 'Reset to article values',
    resetWorkbookHint: 'Put every input back to the value the article states.',
    statusHeading: 'Status',
    loading: 'Loading…',
    ready: 'Connected to Excel. Ready.',
    outsideExcel: 'Running outside Excel.',
    working: 'Working…',
    notAvailable: 'Not available yet.',
    done: 'Done.',
    failed: (message) => `Failed: ${message}`,
    functionsHint: 'Type =CLAIM. in a cell to see the custom functions.',
  },
  zh: {
    title: 'ClaimCell 论断核算',
    subtitle: '重新计算并压力测试已发表论证中的数字。',
    languageLabel: '语言',
    fillWorkbook: '填充工作簿',
    fillWorkbookHint: '将论断工作表和公式写入此工作簿。',
    resetWorkbook: '恢复为文章数值',
    resetWorkbookHint: '将每个输入恢复为文章所述的数值。',
    statusHeading: '状态',
    loading: '正在加载…',
    ready: '已连接到 Excel，准备就绪。',
    outsideExcel: '当前不在 Excel 中运行。',
    working: '正在处理…',
    notAvailable: '暂不可用。',
    done: '完成。',
    failed: (message) => `失败：${message}`,
    functionsHint: '在单元格中输入 =CLAIM. 查看自定义函数。',
  },
};

/** Maps an Office / BCP-47 language tag (`zh-CN`, `zh-Hans`, `en-US`…) to a supported language. */
export function languageFor(tag: string | undefined | null): Lang {
  return tag !== undefined && tag !== null && /^zh\b/i.test(tag) ? 'zh' : 'en';
}

/** BCP-47 tag to put in `<html lang>` for a language. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
