import { describe, expect, it } from 'vitest';
import { auditAll, auditClaimById, loadClaims, VERDICTS } from '../../../src/model/claims/index.js';
import { figureValue, getFigure } from '../../../src/model/figures/index.js';

/**
 * Pins every claim's verdict and recomputed value, so a change in a figure, a reference,
 * a tolerance or a function that flips one is noticed and has to be made on purpose.
 */
const OZ = 31.1034768;
const PINNED: Record<string, [verdict: string, recomputed: number]> = {
  BRICS_OCT_PARTS: ['consistent', 28.8],
  OFFICIAL_UST_GDP_RATIO: ['consistent', 9360 / 123580],
  TARIFF_TARGET_REPEATED: ['consistent', 264],
  ORDER_DATE_P1_VS_P6: ['inconsistent', 46036], // 2026-01-14 (opening line, read in the article's year) vs 2025-01-14
  ORDER_DATE_P6_VS_P13: ['consistent', 45671], // 2025-01-14 both times
  ORDER_DATE_VS_RECORD: ['inconsistent', 45671], // the proclamation is of 2026-01-14
  TARIFF_IMPLIED_BASE: ['implausible', 1056],
  TARIFF_BASE_VS_NVIDIA: ['implausible', 1056 / 130.497],
  CN_UST_RMB_CONVERSION: ['unverifiable', 500 / 70],
  CN_UST_CUM_VS_TIC: ['inconsistent', 759 - 682.6],
  CN_UST_MONTHS_WITHIN_CUM: ['consistent', 25.7 + 11.8 + 6.1],
  PBOC_GOLD_ADDED_VS_STOCK: ['inconsistent', (74.12 - 73.29) * OZ],
  PBOC_GOLD_ADDED_VS_DEC_STOCK: ['consistent', (74.15 - 73.29) * OZ],
  PBOC_YEAR_END_STOCK: ['inconsistent', 74.12],
  PBOC_GOLD_STREAK_COUNT: ['inconsistent', 13],
  GOLD_STREAK_START: ['consistent', 45597], // 2024-11-01
  GOLD_STREAK_PREDATES_ORDER: ['inconsistent', 74], // 2024-11-01 → 2025-01-14
  CN_UST_LOW_SINCE_2008: ['consistent', 2008],
  CN_UST_HOLDINGS_VS_TIC: ['consistent', 682.6],
  CN_UST_SALE_JUL_VS_TIC: ['consistent', 25.7],
  CN_UST_SALE_NOV_VS_TIC: ['consistent', 688.7 - 682.6],
  CHINA_UST_CUT_OCT_VS_TIC: ['consistent', 700.5 - 688.7],
  INDIA_UST_CUT_OCT_VS_TIC: ['consistent', 202.7 - 190.7],
  BRAZIL_UST_CUT_OCT_VS_TIC: ['consistent', 172.8 - 167.8],
  MINE_GOLD_GROWTH_VS_CGA: ['consistent', 4.097 / (381.339 - 4.097)],
  IMPORTED_GOLD_GROWTH_VS_CGA: ['consistent', 13.817 / (170.681 - 13.817)],
  GOLD_TOTAL_OUTPUT_VS_CGA: ['consistent', 381.339 + 170.681],
  ORDER_AFTER_INAUGURATION: ['implausible', -6],
  IRAN_TARIFF_AFTER_ORDER: ['consistent', 23],
  IRAN_TARIFF_DATE_VS_RECORD: ['inconsistent', 45694], // 2025-02-06; the order is of 2026-02-06
  TARIFF_FILLS_DEFICIT: ['implausible', 264 / 145],
  TARIFF_US_BORNE: ['consistent', 264 * 0.92],
  TARIFF_BURDEN_SHARE_VS_STUDY: ['inconsistent', 0.92],
  DEFICIT_LEVEL: ['inconsistent', 145],
  DEFICIT_IMPLIED_PRIOR: ['inconsistent', 145 / 1.67],
  DEFICIT_GROWTH_VS_RECORD: ['inconsistent', 0.67],
  INTEREST_OVERTAKES_DEFENSE: ['inconsistent', 970.66 / 868.41],
  NV_CHINA_SHARE: ['inconsistent', 17.108 / 130.497],
  CN_AI_CHIP_SHARE_SHIFT: ['unverifiable', 15],
  CN_AI_CHIP_SHARE_BEFORE_VS_IDC: ['inconsistent', 0.12],
  US_SEMI_CAPEX_DROP: ['unverifiable', -0.28],
  SEA_EU_INVEST_GAP: ['unverifiable', 11],
  LONG_YIELD_HIGH: ['consistent', 4],
  OFFICIAL_UST_NEAR_10TN: ['consistent', 0.936],
  OFFICIAL_UST_SCOPE: ['unverifiable', 9360],
  BYD_DEAL_TIMING: ['inconsistent', 505],
  BYD_DEAL_USD: ['consistent', 15.8 / (500 / 70)],
  BYD_DEAL_RMB_VS_FILING: ['consistent', 158],
};

describe('claim verdicts', () => {
  const audits = auditAll();

  it('covers the checkable statements of the article (45 or more) and pins each', () => {
    expect(audits.length).toBeGreaterThanOrEqual(45);
    expect(audits.map((a) => a.id).sort()).toEqual(Object.keys(PINNED).sort());
  });

  it.each(Object.entries(PINNED))('%s is %s at the pinned value', (id, [verdict, recomputed]) => {
    const audit = audits.find((a) => a.id === id)!;
    expect(audit.verdict).toBe(verdict);
    expect(audit.recomputed).toBeCloseTo(recomputed, 9);
  });

  it('uses every verdict kind', () => {
    for (const v of VERDICTS) expect(audits.some((a) => a.verdict === v), v).toBe(true);
  });

  it('checks the October total of the three countries against its parts', () => {
    const parts = ['INDIA_UST_CUT_OCT', 'BRAZIL_UST_CUT_OCT', 'CHINA_UST_CUT_OCT'].map((id) => figureValue(getFigure(id)!));
    const audit = auditClaimById('BRICS_OCT_PARTS')!;
    expect(audit.recomputed).toBeCloseTo(parts.reduce((a, b) => a + b, 0), 12);
    expect(audit.stated).toBe(figureValue(getFigure('BRICS_UST_CUT_OCT')!));
    expect(audit.verdict).toBe('consistent');
  });

  it('checks DEBT_SHARE of the stated holdings over world GDP against the stated ratio', () => {
    const audit = auditClaimById('OFFICIAL_UST_GDP_RATIO')!;
    expect(audit.formula).toBe('=CLAIM.DEBT_SHARE(OFFICIAL_UST_HOLDINGS,WORLD_GDP)');
    expect(audit.recomputed).toBeCloseTo(0.07574, 5);
    // Differences of percentages are in percentage points.
    expect(audit.differenceUnit).toBe('pp');
    expect(audit.difference).toBeCloseTo((9360 / 123580 - 0.076) * 100, 9);
    expect(Math.abs(audit.difference!)).toBeLessThan(audit.tolerance!);
  });

  it('flips when a figure moves past its margin, and not before', () => {
    const audit = auditClaimById('BRICS_OCT_PARTS')!;
    const margin = audit.margins.find((m) => m.figure === 'INDIA_UST_CUT_OCT')!;
    expect(margin.up).toBeGreaterThan(0);
    const india = figureValue(getFigure('INDIA_UST_CUT_OCT')!);
    const just = (factor: number) => auditClaimById('BRICS_OCT_PARTS', new Map([['INDIA_UST_CUT_OCT', india * factor]]))!.verdict;
    expect(just(1 + margin.up! * 0.99)).toBe('consistent');
    expect(just(1 + margin.up! * 1.01)).toBe('inconsistent');
  });

  it('finds the way back into a window narrower than a scan step', () => {
    // India at 20 makes the sum 36.8: consistent again only for India within 12 ± 0.2, a ±1.7% window.
    const audit = auditClaimById('BRICS_OCT_PARTS', new Map([['INDIA_UST_CUT_OCT', 20]]))!;
    expect(audit.verdict).toBe('inconsistent');
    const margin = audit.margins.find((m) => m.figure === 'INDIA_UST_CUT_OCT')!;
    expect(margin.down).toBeCloseTo((12.2 - 20) / 20, 6);
    expect(auditClaimById('BRICS_OCT_PARTS', new Map([['INDIA_UST_CUT_OCT', 20 * (1 + margin.down! * 1.001)]]))!.verdict).toBe('consistent');
  });

  it('fills every reason with numbers, in English and Chinese', () => {
    for (const audit of audits) {
      expect(audit.reason, audit.id).not.toMatch(/\{\w+\}/);
      expect(audit.reasonZh, audit.id).not.toMatch(/\{\w+\}/);
      expect(audit.reason, audit.id).toMatch(/\d/);
    }
  });

  it('reads an Excel error in a scenario as unverifiable, with the error in the reason', () => {
    const audit = auditClaimById('TARIFF_IMPLIED_BASE', new Map([['AI_CHIP_TARIFF_RATE', 0]]))!;
    expect(audit.verdict).toBe('unverifiable');
    expect(audit.reason).toContain('#DIV/0!');
  });

  it('derives each claim\'s figures from its expressions', () => {
    const claim = loadClaims().claims.find((c) => c.id === 'TARIFF_FILLS_DEFICIT')!;
    expect(claim.figures).toEqual(['TARIFF_REVENUE_TARGET_P14', 'US_DEFICIT_2025']);
    expect(claim.references).toEqual(['REF_US_DEFICIT_FY2025']);
  });
});
