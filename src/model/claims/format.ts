import { serialToIso, UNITS, type UnitId } from '../units/index.js';

export type Lang = 'en' | 'zh';

/** A number as a reader wants to see it in a reason sentence, in the claim's unit (no unit word). */
export function formatValue(value: number | null, unit: UnitId): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  if (unit === 'date') return serialToIso(value);
  if (UNITS[unit].isFraction) return `${trim(value * 100, 4)}%`;
  return trim(value, 6);
}

/**
 * Up to `digits` significant digits, in plain decimal notation: never an exponent, never trailing
 * zeros. Values smaller than 1e-10 in magnitude print as 0.
 */
export function trim(value: number, digits = 6): string {
  if (value === 0 || !Number.isFinite(value)) return Number.isFinite(value) ? '0' : String(value);
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, Math.min(10, digits - 1 - magnitude));
  const fixed = value.toFixed(decimals);
  const plain = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return plain === '-0' ? '0' : plain;
}

/** The unit a difference between two values of `unit` is measured in: points for percentages, days for dates. */
export function differenceUnit(unit: UnitId): UnitId {
  if (UNITS[unit].isFraction) return 'pp';
  if (unit === 'date') return 'days';
  return unit;
}

/** A difference of two `unit` values, converted to `differenceUnit(unit)` (fractions ×100 to points). */
export function toDifferenceUnit(value: number, unit: UnitId): number {
  return UNITS[unit].isFraction ? value * 100 : value;
}

const SUFFIX: Readonly<Record<UnitId, { en: string; zh: string }>> = {
  usd_bn: { en: ' USD bn', zh: '十亿美元' },
  rmb_100m: { en: ' hundred million yuan', zh: '亿元' },
  rmb_per_usd: { en: ' RMB per USD', zh: '元/美元' },
  percent: { en: '', zh: '' },
  pp: { en: ' percentage points', zh: '个百分点' },
  tonnes: { en: ' t', zh: '吨' },
  troy_oz_m: { en: ' million oz', zh: '百万盎司' },
  troy_oz: { en: ' oz', zh: '盎司' },
  months: { en: ' months', zh: '个月' },
  weeks: { en: ' weeks', zh: '周' },
  days: { en: ' days', zh: '天' },
  years: { en: ' years', zh: '年' },
  year: { en: '', zh: '年' },
  date: { en: '', zh: '' },
  count: { en: '', zh: '' },
  ratio: { en: '', zh: '' },
  text: { en: '', zh: '' },
};

/** A number with its unit, in the reader's language: "15 percentage points", "15个百分点", "2026-01-14". */
export function formatQuantity(value: number | null, unit: UnitId, lang: Lang): string {
  const number = formatValue(value, unit);
  return number === 'n/a' ? (lang === 'zh' ? '无' : 'n/a') : `${number}${SUFFIX[unit][lang]}`;
}

/** Fills `{name}` placeholders; unknown names stay visible so a template typo shows in tests. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
