import { TARIFF_RATE_MAX } from '../../units/index.js';
import { defineFunction, num } from './helpers.js';

export const TARIFF_REVENUE = defineFunction({
  name: 'TARIFF_REVENUE',
  descriptionEn: 'Tariff revenue raised on a volume of imports at an ad-valorem rate: volume × rate.',
  descriptionZh: '按从价税率对进口额征收的关税收入：进口额 × 税率。',
  params: [
    num('volume', 'Value of the taxed imports (the tax base).', '被征税的进口额（税基）。', 'usd_bn', 'nonnegative'),
    num('rate', 'Tariff rate as a fraction (0.25 = 25%; up to 5 = 500%).', '关税税率，小数形式（0.25 = 25%；最高 5 = 500%）。', 'percent', 'fraction', { fractionMax: TARIFF_RATE_MAX }),
  ],
  resultUnit: 'usd_bn',
  elementwise: true,
  implementation: (volume: number, rate: number) => volume * rate,
  native: ([volume, rate]) => `(${volume}*${rate})`,
  examples: [
    { args: [1056, 0.25], result: 264, noteEn: 'USD 1,056 bn of imports at 25% raise the USD 264 bn target.' },
    { args: [[[1000], [1056]], 0.25], result: [[250], [264]], noteEn: 'A column of volumes spills a column of revenues.' },
    { args: [1056, 25], result: '#NUM!', noteEn: '25 looks like a percent typed as a whole number.' },
    { args: [100, 1.45], result: 145, noteEn: 'Rates above 100% are real: US tariffs on Chinese goods reached 145% in 2025.' },
  ],
  claims: [],
});

export const TAXABLE_BASE = defineFunction({
  name: 'TAXABLE_BASE',
  descriptionEn: 'Implied taxable base: the import volume a revenue target needs at a given rate (revenue ÷ rate).',
  descriptionZh: '隐含税基：在给定税率下实现某收入目标所需的进口额（收入 ÷ 税率）。',
  params: [
    num('revenue', 'Tariff revenue (target or collected).', '关税收入（目标或实际）。', 'usd_bn', 'nonnegative'),
    num('rate', 'Tariff rate as a fraction (0.25 = 25%; up to 5 = 500%).', '关税税率，小数形式（0.25 = 25%；最高 5 = 500%）。', 'percent', 'fraction', { divisor: true, fractionMax: TARIFF_RATE_MAX }),
  ],
  resultUnit: 'usd_bn',
  elementwise: true,
  implementation: (revenue: number, rate: number) => revenue / rate,
  native: ([revenue, rate]) => `(${revenue}/${rate})`,
  examples: [
    { args: [264, 0.25], result: 1056, noteEn: 'USD 264 bn at 25% needs USD 1,056 bn of taxed imports a year.' },
    { args: [264, 0], result: '#DIV/0!', noteEn: 'A zero rate raises nothing.' },
  ],
  claims: [],
});

export const BURDEN_SHARE = defineFunction({
  name: 'BURDEN_SHARE',
  descriptionEn: 'The part of a burden (e.g. a tariff) borne by one side, given its incidence share: amount × share.',
  descriptionZh: '按税负归宿比例计算一方承担的负担（如关税）：金额 × 份额。',
  params: [
    num('amount', 'Total burden.', '负担总额。', 'any', 'any'),
    num('share', 'Share borne by this side as a fraction (0.6 = 60%).', '该方承担的份额，小数形式（0.6 = 60%）。', 'percent', 'fraction'),
  ],
  resultUnit: 'any',
  elementwise: true,
  implementation: (amount: number, share: number) => amount * share,
  native: ([amount, share]) => `(${amount}*${share})`,
  examples: [
    { args: [264, 0.92], result: 242.88, noteEn: 'If US buyers bear 92% of USD 264 bn, they pay USD 242.88 bn.' },
    { args: [264, 'most'], result: '#VALUE!', noteEn: 'The share must be a number.' },
  ],
  claims: [],
});

export const TARIFF_SPECS = [TARIFF_REVENUE, TAXABLE_BASE, BURDEN_SHARE] as const;
