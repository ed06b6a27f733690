import { describe, expect, it } from 'vitest';
import { auditAll, auditClaimById, describeMargin, describeMarginIn, formatValue, renderReason, type ClaimAudit, type Lang } from '../../../src/model/claims/index.js';
import { figureValue, getFigure } from '../../../src/model/figures/index.js';

/**
 * Every number a reason quotes must be one of its own claim's fields, formatted in its unit:
 * the value, what the article states, the published bound, each check's value and comparison
 * (claim unit), and the difference and tolerance (difference unit: points for percentages, days
 * for dates). Free text written in the catalogue (findings, needed data, an Excel error) is
 * validated to name only periods, so it is set aside here.
 */
function ownNumbers(a: ClaimAudit): Set<string> {
  const inUnit = [a.recomputed, a.stated, a.bound, a.boundHigh, ...a.checks.flatMap((c) => [c.value, c.stated, c.statedHigh])];
  const inDiff = [a.difference, a.tolerance, a.difference === null ? null : Math.abs(a.difference)];
  const d = a.reasonData;
  if (d.code === 'compared') for (const c of [d.decisive, ...d.passed]) inDiff.push(c.difference && Math.abs(c.difference.value), c.tolerance?.value ?? null);
  const texts = [...inUnit.map((v) => formatValue(v, a.unit)), ...inDiff.map((v) => formatValue(v, a.differenceUnit))];
  return new Set(texts.filter((t) => t !== 'n/a'));
}

function freeText(a: ClaimAudit, lang: Lang): string[] {
  const d = a.reasonData;
  if (d.code === 'compared') return d.findings.map((f) => f[lang]);
  if (d.code === 'needsData') return [d.needs[lang], ...d.findings.map((f) => f[lang])];
  return [d.error];
}

/** Dates (ISO), then numbers with an optional percent sign, then any leftover digits. */
function quotedNumbers(text: string): string[] {
  const found: string[] = [];
  const rest = text.replace(/\d{4}-\d{2}-\d{2}/g, (date) => (found.push(date), ' '));
  for (const m of rest.matchAll(/-?\d+(?:\.\d+)?%?/g)) found.push(m[0]);
  return found;
}

describe('claim reasons, rendered from data in both languages', () => {
  const audits = auditAll();

  it.each(audits.flatMap((a) => (['en', 'zh'] as const).map((lang) => [a.id, lang, a] as const)))('%s (%s) quotes only its own numbers', (_id, lang, audit) => {
    let text = renderReason(audit.reasonData, lang);
    expect(text).toBe(lang === 'en' ? audit.reason : audit.reasonZh);
    for (const free of freeText(audit, lang)) text = text.replace(free, ' ');
    const own = ownNumbers(audit);
    const strangers = quotedNumbers(text).filter((n) => !own.has(n));
    expect(strangers, `${text}\nown: ${[...own].join(' ')}`).toEqual([]);
    expect(text, 'no scientific notation').not.toMatch(/\de[+-]?\d/i);
  });

  it('writes Chinese reasons with Chinese units and percentage points as points', () => {
    for (const a of audits) {
      expect(a.reasonZh, a.id).not.toMatch(/\b(days|months|percentage points|USD bn|million oz)\b/);
    }
    const ratio = auditClaimById('OFFICIAL_UST_GDP_RATIO')!;
    expect(ratio.reason).toContain('percentage points apart');
    expect(ratio.reasonZh).toContain('个百分点');
    expect(auditClaimById('NV_CHINA_SHARE')!.reasonZh).toMatch(/差6\.89012个百分点/);
  });

  it('shows both values and names the deciding check when another check than the recomputation decides', () => {
    const audit = auditClaimById('TARIFF_FILLS_DEFICIT')!;
    expect(audit.verdict).toBe('implausible');
    expect(audit.decidedBy).toBe(1);
    expect(audit.reason).toContain(`Recomputed ${formatValue(audit.recomputed, 'ratio')}`);
    expect(audit.reason).toContain('Decided by the second check (published data)');
    expect(audit.reason).toContain(formatValue(audit.checks[1]!.value, 'ratio'));
    expect(audit.reasonZh).toContain('由第二项检验（公开数据）决定');
  });

  it('prints dates as dates and their differences in days, and names what a figure matches instead', () => {
    const order = auditClaimById('ORDER_DATE_VS_RECORD')!;
    expect(order.reason).toContain('2025-01-14 against the published 2026-01-14: 365 days apart');
    expect(order.reasonZh).toContain('相差365天');
    const stock = auditClaimById('PBOC_YEAR_END_STOCK')!;
    expect(stock.reason).toContain('end-November');
    expect(auditClaimById('DEFICIT_LEVEL')!.reason).toContain('December alone');
  });

  it('keeps the Stated field for what the article states and published or fixed bounds apart', () => {
    const base = auditClaimById('TARIFF_IMPLIED_BASE')!;
    expect(base.stated).toBeNull();
    expect(base.bound).toBe(791.7);
    const stock = auditClaimById('PBOC_YEAR_END_STOCK')!;
    expect(stock.stated).toBe(74.12);
    expect(stock.bound).toBe(74.15);
    expect(auditClaimById('IRAN_TARIFF_AFTER_ORDER')!.stated).toBeNull();
  });

  it('says "the article gives" for a claim that only reads a figure, not "recomputed"', () => {
    for (const id of ['PBOC_YEAR_END_STOCK', 'CN_UST_LOW_SINCE_2008', 'LONG_YIELD_HIGH', 'US_SEMI_CAPEX_DROP']) {
      const audit = auditClaimById(id)!;
      expect(audit.echoesFigure, id).toBe(true);
      expect(audit.reason, id).toMatch(/^The article gives /);
      expect(audit.reasonZh, id).toMatch(/^文中为/);
    }
  });

  it('names the data that would settle each unverifiable claim', () => {
    for (const a of audits.filter((x) => x.verdict === 'unverifiable')) {
      expect(a.needsEn, a.id).toBeTruthy();
      expect(a.reason, a.id).toContain(`Needed: ${a.needsEn}`);
      expect(a.reasonZh, a.id).toContain(a.needsZh!);
    }
  });
});

describe('margins to flip', () => {
  const audits = auditAll();

  it('never finds a flip inside the range it reports as searched without one', () => {
    for (const a of audits) {
      for (const m of a.margins) {
        const base = figureValue(getFigure(m.figure)!);
        const probes = m.whole ? [] : [0.25, 0.5, 0.75, 0.96, 1].map((f) => f * m.searchedUp);
        for (const p of m.up === null ? probes : []) {
          expect(auditClaimById(a.id, new Map([[m.figure, base * (1 + p)]]))!.verdict, `${a.id} ${m.figure} +${p}`).toBe(a.verdict);
        }
      }
    }
  });

  it('moves whole-number figures in whole steps', () => {
    const audit = auditClaimById('PBOC_GOLD_STREAK_COUNT')!;
    const margin = audit.margins.find((m) => m.figure === 'PBOC_GOLD_STREAK')!;
    expect(margin.whole).toBe(true);
    expect(margin.up).toBe(1 / 13);
    expect(describeMargin(margin)).toBe('PBOC_GOLD_STREAK flips it at +1 (to 14 months) (no flip down within −13…+1)');
  });

  it('counts whole steps from the value in use, not the article\'s', () => {
    const audit = auditClaimById('PBOC_GOLD_STREAK_COUNT', new Map([['PBOC_GOLD_STREAK', 12]]))!;
    const margin = audit.margins.find((m) => m.figure === 'PBOC_GOLD_STREAK')!;
    expect(margin.base).toBe(12);
    expect(describeMargin(margin)).toBe('PBOC_GOLD_STREAK flips it at +2 (to 14 months) (no flip down within −12…+2)');
    expect(describeMarginIn(margin, 'zh')).toBe('PBOC_GOLD_STREAK变动+2（至14个月）时判定改变（下调方向在−12…+2内无变化）');
  });

  it('reports exact matches as "any change" and never prints an exponent', () => {
    const repeated = auditClaimById('TARIFF_TARGET_REPEATED')!;
    expect(describeMargin(repeated.margins[0]!)).toBe('any change to TARIFF_REVENUE_TARGET_P14 flips it');
    for (const a of audits) {
      for (const m of a.margins) {
        for (const lang of ['en', 'zh'] as const) expect(describeMarginIn(m, lang), a.id).not.toMatch(/\de[+-]?\d/i);
      }
    }
  });

  it('flips where it says: the deficit that makes the revenue goal fall short', () => {
    const audit = auditClaimById('TARIFF_FILLS_DEFICIT')!;
    const up = audit.margins.find((m) => m.figure === 'US_DEFICIT_2025')!.up!;
    expect(145 * (1 + up)).toBeCloseTo(264, 6);
  });
});
