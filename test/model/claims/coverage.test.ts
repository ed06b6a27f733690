import { describe, expect, it } from 'vitest';
import { numberTokens, splitParagraphs } from '../../../src/model/article/index.js';
import { loadClaims } from '../../../src/model/claims/index.js';
import { loadFigures } from '../../../src/model/figures/index.js';
import { readArticle } from '../../paths.js';

/** A sentence ends at 。！？ or ；. */
const sentencesOf = (paragraph: string): string[] => paragraph.split(/(?<=[。！？；])/).map((s) => s.trim()).filter(Boolean);
const VAGUE = /[数几](?:十|百|千|万|亿)+/;

/**
 * Sentences that carry a number or a date and that no claim checks, each with the reason.
 * Anything else with a number and no claim fails the test.
 */
const UNCLAIMED: readonly { paragraph: number; starts: string; why: string }[] = [
  { paragraph: 17, starts: '物流链路亦遭重创', why: 'the 1–2 week delay is a range with nothing published to check it against (context-only figures DELIVERY_DELAY_LOW/HIGH)' },
  { paragraph: 26, starts: '过去数十年', why: '"数十年" (several decades) is a figure of speech' },
];

/**
 * Every date and period label of the article, with the claim that compares it with the record.
 * Labels whose claim is unverifiable say so: no stored public source settles them.
 */
const PERIOD_LABELS: readonly { paragraph: number; label: string; claim: string; note?: string }[] = [
  { paragraph: 1, label: '1月14日', claim: 'ORDER_DATE_P1_VS_P6', note: 'no year written; month and day checked against the proclamation by ORDER_DATE_VS_RECORD' },
  { paragraph: 4, label: '2025年11月底', claim: 'CN_UST_HOLDINGS_VS_TIC' },
  { paragraph: 4, label: '2008年', claim: 'CN_UST_LOW_SINCE_2008' },
  { paragraph: 5, label: '从年初至11月末', claim: 'CN_UST_CUM_VS_TIC' },
  { paragraph: 5, label: '11月单月', claim: 'CN_UST_SALE_NOV_VS_TIC' },
  { paragraph: 5, label: '7月单月', claim: 'CN_UST_SALE_JUL_VS_TIC' },
  { paragraph: 6, label: '连续第13个月', claim: 'PBOC_GOLD_STREAK_COUNT' },
  { paragraph: 6, label: '年末黄金储备', claim: 'PBOC_YEAR_END_STOCK' },
  { paragraph: 6, label: '全年新增', claim: 'PBOC_GOLD_ADDED_VS_DEC_STOCK' },
  { paragraph: 6, label: '2025年1月14日', claim: 'ORDER_DATE_VS_RECORD' },
  { paragraph: 8, label: '2025年10月', claim: 'CHINA_UST_CUT_OCT_VS_TIC' },
  { paragraph: 10, label: '2025年中国国内矿产金产量', claim: 'GOLD_TOTAL_OUTPUT_VS_CGA' },
  { paragraph: 10, label: '较上年', claim: 'MINE_GOLD_GROWTH_VS_CGA' },
  { paragraph: 10, label: '同比增长13.817吨', claim: 'IMPORTED_GOLD_GROWTH_VS_CGA' },
  { paragraph: 12, label: '未来十年', claim: 'INTEREST_OVERTAKES_DEFENSE' },
  { paragraph: 13, label: '2025年1月14日', claim: 'ORDER_AFTER_INAUGURATION' },
  { paragraph: 20, label: '2025年2月6日', claim: 'IRAN_TARIFF_DATE_VS_RECORD' },
  { paragraph: 21, label: '由12%', claim: 'CN_AI_CHIP_SHARE_BEFORE_VS_IDC', note: 'the 2025 end share is unverifiable (CN_AI_CHIP_SHARE_SHIFT): only a forecast is stored' },
  { paragraph: 24, label: '2025年', claim: 'US_SEMI_CAPEX_DROP', note: 'unverifiable: no stored capital-spending series' },
  { paragraph: 27, label: '截至2025年11月', claim: 'OFFICIAL_UST_SCOPE' },
  { paragraph: 28, label: '2025年美国财政赤字', claim: 'DEFICIT_LEVEL' },
  { paragraph: 28, label: '同比暴涨67%', claim: 'DEFICIT_GROWTH_VS_RECORD' },
  { paragraph: 28, label: '四个月高位', claim: 'LONG_YIELD_HIGH' },
  { paragraph: 15, label: '92%', claim: 'TARIFF_BURDEN_SHARE_VS_STUDY' },
];

describe('claim coverage of the article', () => {
  const paragraphs = splitParagraphs(readArticle());
  const figures = loadFigures();
  const { claims } = loadClaims();
  const claimed = new Set(claims.flatMap((c) => c.figures));

  it('gives every sentence with a number or a date a claim, unless it is on the commented list', () => {
    const unclaimed: string[] = [];
    const listed = new Set<string>();
    paragraphs.forEach((text, i) => {
      for (const sentence of sentencesOf(text)) {
        if (numberTokens([sentence]).length === 0 && !VAGUE.test(sentence)) continue;
        const own = figures.filter((f) => f.paragraph === i + 1 && sentence.includes(f.asWritten));
        if (own.some((f) => claimed.has(f.id))) continue;
        const entry = UNCLAIMED.find((e) => e.paragraph === i + 1 && sentence.startsWith(e.starts));
        if (entry) listed.add(`${entry.paragraph}:${entry.starts}`);
        else unclaimed.push(`paragraph ${i + 1}: ${sentence}`);
      }
    });
    expect(unclaimed).toEqual([]);
    // A list entry that matches no unclaimed sentence is stale and must go.
    expect(UNCLAIMED.map((e) => `${e.paragraph}:${e.starts}`).filter((k) => !listed.has(k))).toEqual([]);
  });

  it.each(PERIOD_LABELS.map((p) => [`¶${p.paragraph} ${p.label}`, p] as const))('%s is compared with the record', (_name, entry) => {
    expect(paragraphs[entry.paragraph - 1]).toContain(entry.label);
    const claim = claims.find((c) => c.id === entry.claim);
    expect(claim, entry.claim).toBeDefined();
    expect(claim!.paragraphs).toContain(entry.paragraph);
    const record = claim!.compiledChecks.some((c) => c.scope === 'reference') || claim!.compiledChecks.some((c) => c.against === 'record');
    if (entry.note?.startsWith('unverifiable')) expect(claim!.needs, entry.claim).toBeDefined();
    else if (entry.claim === 'ORDER_DATE_P1_VS_P6') expect(claims.find((c) => c.id === 'ORDER_DATE_VS_RECORD')!.compiledChecks[0]!.against).toBe('record');
    else expect(record, `${entry.claim} has a check against published data`).toBe(true);
  });

  it('lists every date figure of the article among the period labels', () => {
    const labelled = new Set(PERIOD_LABELS.flatMap((p) => claims.find((c) => c.id === p.claim)!.figures));
    const dates = figures.filter((f) => f.unit === 'date' && !['BRICS_CUT_MONTH', 'OFFICIAL_UST_ASOF'].includes(f.id));
    expect(dates.filter((f) => !labelled.has(f.id)).map((f) => f.id)).toEqual([]);
  });
});
