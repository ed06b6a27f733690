/**
 * The closed set of units a figure, a function parameter or a result can carry.
 *
 * Percent-like units (`percent`) hold fractions, the way Excel stores 25% as 0.25;
 * `pp` (percentage points) holds points, so a shift from 12% to 27% is 15.
 * Dates are held as ISO strings in seeds and as Excel serial day numbers in computation.
 */
export const UNIT_IDS = [
  'usd_bn',
  'rmb_100m',
  'rmb_per_usd',
  'percent',
  'pp',
  'tonnes',
  'troy_oz_m',
  'troy_oz',
  'months',
  'weeks',
  'days',
  'years',
  'year',
  'date',
  'count',
  'ratio',
  'text',
] as const;

export type UnitId = (typeof UNIT_IDS)[number];

export interface UnitInfo {
  /** Short English label shown in tables. */
  readonly labelEn: string;
  /** Short Chinese label shown in tables. */
  readonly labelZh: string;
  /** Excel number format that fits values of this unit. */
  readonly numberFormat: string;
  /** True when values are fractions that Excel shows as percentages. */
  readonly isFraction: boolean;
}

export const UNITS: Readonly<Record<UnitId, UnitInfo>> = {
  usd_bn: { labelEn: 'USD bn', labelZh: '十亿美元', numberFormat: '#,##0.0##', isFraction: false },
  rmb_100m: { labelEn: 'RMB 100m', labelZh: '亿元人民币', numberFormat: '#,##0.0##', isFraction: false },
  rmb_per_usd: { labelEn: 'RMB per USD', labelZh: '元/美元', numberFormat: '0.0000', isFraction: false },
  percent: { labelEn: 'percent', labelZh: '百分比', numberFormat: '0.0%', isFraction: true },
  pp: { labelEn: 'percentage points', labelZh: '百分点', numberFormat: '0.0##', isFraction: false },
  tonnes: { labelEn: 'tonnes', labelZh: '吨', numberFormat: '#,##0.000', isFraction: false },
  troy_oz_m: { labelEn: 'million troy oz', labelZh: '百万盎司', numberFormat: '#,##0.00', isFraction: false },
  troy_oz: { labelEn: 'troy oz', labelZh: '盎司', numberFormat: '#,##0', isFraction: false },
  months: { labelEn: 'months', labelZh: '个月', numberFormat: '0', isFraction: false },
  weeks: { labelEn: 'weeks', labelZh: '周', numberFormat: '0.#', isFraction: false },
  days: { labelEn: 'days', labelZh: '天', numberFormat: '0', isFraction: false },
  years: { labelEn: 'years', labelZh: '年', numberFormat: '0.0', isFraction: false },
  year: { labelEn: 'calendar year', labelZh: '年份', numberFormat: '0', isFraction: false },
  date: { labelEn: 'date', labelZh: '日期', numberFormat: 'yyyy-mm-dd', isFraction: false },
  count: { labelEn: 'count', labelZh: '个数', numberFormat: '0', isFraction: false },
  ratio: { labelEn: 'ratio', labelZh: '比值', numberFormat: '0.000', isFraction: false },
  text: { labelEn: 'text', labelZh: '文本', numberFormat: '@', isFraction: false },
};

/**
 * The highest tariff rate ClaimCell takes as meant (5 = 500%). Real rates exceed 100%: US tariffs on
 * Chinese goods reached 145% in April 2025. Above this a whole number such as 25 is far likelier a
 * percent typed without the % (0.25 meant) than a 2,500% tariff, and the functions say so.
 */
export const TARIFF_RATE_MAX = 5;

/** Grams in one troy ounce (international definition). */
export const GRAMS_PER_TROY_OUNCE = 31.1034768;
/** Grams in one metric tonne. */
export const GRAMS_PER_TONNE = 1_000_000;

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 in the 1900 date system, with its 1900 leap-year bug folded in for dates after Feb 1900. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Converts an ISO date (YYYY-MM-DD) to an Excel serial day number. */
export function isoToSerial(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const back = new Date(ms);
  if (back.getUTCMonth() !== Number(m) - 1 || back.getUTCDate() !== Number(d)) {
    throw new RangeError(`not a calendar date: ${JSON.stringify(iso)}`);
  }
  return Math.round((ms - EXCEL_EPOCH_MS) / MS_PER_DAY);
}

/** Converts an Excel serial day number back to an ISO date (YYYY-MM-DD). */
export function serialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * MS_PER_DAY).toISOString().slice(0, 10);
}
