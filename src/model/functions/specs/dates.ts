import { atLeastOneError, before1900Error, startAfterEndError } from '../errors.js';
import { defineFunction, num } from './helpers.js';

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * Year and 0-based month of an Excel date serial in the 1900 date system, including Excel's fictitious
 * 29 February 1900 (serial 60): serials 1–59 are 1900-01-01…1900-02-28, 61 onwards are exact.
 */
export function yearMonth(serial: number): { year: number; month: number } {
  const day = Math.floor(serial);
  if (day === 60) return { year: 1900, month: 1 };
  const d = new Date(EXCEL_EPOCH_MS + (day < 60 ? day + 1 : day) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() };
}

/** Excel serial of the first day of a (possibly overflowing) month, as DATE(year, month + 1, 1) does. */
export function firstOfMonth(year: number, month0: number): number {
  const serial = Math.round((Date.UTC(year, month0, 1) - EXCEL_EPOCH_MS) / MS_PER_DAY);
  return serial < 61 ? serial - 1 : serial;
}

export const MONTHS_IN_STREAK = defineFunction({
  name: 'MONTHS_IN_STREAK',
  descriptionEn: 'Number of calendar months a streak covers, counting both the first and the last month.',
  descriptionZh: '一段连续期间覆盖的日历月数，首尾两个月都计入。',
  params: [
    num('start_date', 'A date in the first month of the streak.', '连续期间第一个月中的任一日期。', 'date', 'date'),
    num('end_date', 'A date in the last month of the streak.', '连续期间最后一个月中的任一日期。', 'date', 'date'),
  ],
  resultUnit: 'months',
  elementwise: true,
  implementation: (start: number, end: number) => {
    if (Math.floor(start) > Math.floor(end)) return startAfterEndError('start_date', 'end_date');
    const s = yearMonth(start);
    const e = yearMonth(end);
    return (e.year - s.year) * 12 + e.month - s.month + 1;
  },
  native: ([s, e]) => `((YEAR(${e})-YEAR(${s}))*12+MONTH(${e})-MONTH(${s})+1)`,
  examples: [
    { args: [45627, 46022], result: 13, noteEn: 'December 2024 to December 2025: the 13th straight month of gold buying.' },
    { args: [46022, 45627], result: '#NUM!', noteEn: 'The start is after the end.' },
  ],
  claims: [],
});

export const STREAK_START = defineFunction({
  name: 'STREAK_START',
  descriptionEn: 'First day of the first month of a streak of `months` months that ends in the month of end_date.',
  descriptionZh: '以 end_date 所在月份结束、共 months 个月的连续期间的第一个月的第一天。',
  params: [
    num('end_date', 'A date in the last month of the streak.', '连续期间最后一个月中的任一日期。', 'date', 'date'),
    num('months', 'Length of the streak in months (at least 1).', '连续期间的月数（至少为 1）。', 'months', 'integer'),
  ],
  resultUnit: 'date',
  elementwise: true,
  implementation: (end: number, months: number) => {
    if (months < 1) return atLeastOneError('months', months);
    const e = yearMonth(end);
    const start = firstOfMonth(e.year, e.month - (months - 1));
    // Excel's DATE answers #NUM! before 1900 too.
    return start >= 1 ? start : before1900Error('months', months);
  },
  native: ([e, m]) => `(DATE(YEAR(${e}),MONTH(${e})-(${m}-1),1))`,
  examples: [
    { args: [46022, 13], result: 45627, noteEn: 'A 13-month streak ending December 2025 began on 1 December 2024.' },
    { args: [46022, 1.5], result: '#NUM!', noteEn: 'Months must be a whole number.' },
    { args: [46022, 0], result: '#NUM!', noteEn: 'A streak lasts at least one month.' },
  ],
  claims: [],
});

export const DAYS_BETWEEN = defineFunction({
  name: 'DAYS_BETWEEN',
  descriptionEn: 'Days from start_date to end_date (end − start; negative when end is earlier).',
  descriptionZh: '从 start_date 到 end_date 的天数（结束 − 开始；结束较早时为负）。',
  params: [
    num('start_date', 'The earlier date.', '起始日期。', 'date', 'date'),
    num('end_date', 'The later date.', '结束日期。', 'date', 'date'),
  ],
  resultUnit: 'days',
  elementwise: true,
  implementation: (start: number, end: number) => end - start,
  native: ([s, e]) => `(${e}-${s})`,
  examples: [
    { args: [45671, 45991], result: 320, noteEn: '14 January 2025 to 30 November 2025.' },
    { args: [45671, -3], result: '#NUM!', noteEn: 'Not a date serial.' },
  ],
  claims: [],
});

export const DATE_SPECS = [MONTHS_IN_STREAK, STREAK_START, DAYS_BETWEEN] as const;
