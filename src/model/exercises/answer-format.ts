import type { UnitId } from '../units/index.js';

/** How an answer in one unit is to be given: decimals of the stored value, wording, cell format. */
export interface AnswerFormat {
  /** Decimals of the value as Excel stores it (a percentage to 0.1% is a fraction to 3 decimals). */
  readonly decimals: number;
  readonly unitEn: string;
  readonly unitZh: string;
  readonly roundingEn: string;
  readonly roundingZh: string;
  /** Number format of the empty answer cell (so 7.6 typed into a percent cell reads 7.6%). */
  readonly cellFormat?: string;
}

const f = (decimals: number, unitEn: string, unitZh: string, roundingEn: string, roundingZh: string, cellFormat?: string): AnswerFormat => ({
  decimals,
  unitEn,
  unitZh,
  roundingEn,
  roundingZh,
  ...(cellFormat ? { cellFormat } : {}),
});
const dec = (n: number): [string, string] => (n === 0 ? ['a whole number', '取整数'] : [`to ${n} decimal${n > 1 ? 's' : ''}`, `保留${n}位小数`]);

export const ANSWER_FORMATS: Readonly<Record<Exclude<UnitId, 'text'>, AnswerFormat>> = {
  usd_bn: f(1, 'USD bn', '十亿美元', ...dec(1)),
  rmb_100m: f(0, 'RMB 100m (亿元)', '亿元人民币', ...dec(0)),
  rmb_per_usd: f(4, 'RMB per USD', '元/美元', ...dec(4)),
  percent: f(3, 'percent', '百分比', 'to 0.1 of a percent (type e.g. 12.3% or 0.123)', '精确到0.1个百分点（例如输入12.3%或0.123）', '0.0%'),
  pp: f(1, 'percentage points', '百分点', ...dec(1)),
  tonnes: f(2, 'tonnes', '吨', ...dec(2)),
  troy_oz_m: f(2, 'million troy oz', '百万盎司', ...dec(2)),
  troy_oz: f(0, 'troy oz', '盎司', ...dec(0)),
  months: f(0, 'months', '个月', ...dec(0)),
  weeks: f(1, 'weeks', '周', ...dec(1)),
  days: f(0, 'days', '天', 'a whole number, negative when the end date is earlier', '取整数，结束日期较早时为负'),
  years: f(1, 'years', '年', ...dec(1)),
  year: f(0, 'calendar year', '年份', ...dec(0)),
  date: f(0, 'date', '日期', 'as a date (yyyy-mm-dd)', '以日期表示（yyyy-mm-dd）', 'yyyy-mm-dd'),
  count: f(0, 'count', '个数', ...dec(0)),
  ratio: f(3, 'ratio (a plain number)', '比值（纯数字）', ...dec(3)),
};

export function answerFormat(unit: UnitId): AnswerFormat {
  if (unit === 'text') throw new RangeError('a text value cannot be an exercise answer');
  return ANSWER_FORMATS[unit];
}

/** Full credit within half a unit of the last asked decimal (comparisons add `slackFor` on top). */
export function toleranceFor(decimals: number): number {
  return Number((0.5 * 10 ** -decimals).toPrecision(1));
}

/** Binary floating-point slack added to every comparison, so 0.1 + 0.2 style noise never costs credit. */
export function slackFor(expected: number): number {
  return 1e-9 * Math.max(1, Math.abs(expected));
}

/** `value` rounded half away from zero to `decimals` places. */
export function roundTo(value: number, decimals: number): number {
  const p = 10 ** decimals;
  const r = (Math.sign(value) * Math.round(Math.abs(value) * p + 1e-9)) / p;
  return Number(r.toFixed(Math.max(0, decimals)));
}
