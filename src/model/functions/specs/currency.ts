import { defineFunction, num } from './helpers.js';

export const CONVERT_CURRENCY = defineFunction({
  name: 'CONVERT_CURRENCY',
  descriptionEn: 'Converts an amount at an exchange rate quoted as target units per source unit: amount × fx_rate.',
  descriptionZh: '按汇率（每单位原币兑换的目标货币数）换算金额：金额 × 汇率。',
  params: [
    num('amount', 'Amount in the source currency.', '原币金额。', 'any', 'any'),
    num('fx_rate', 'Target-currency units per source unit (e.g. 7.1 RMB per USD).', '每单位原币兑换的目标货币数（如 7.1 元/美元）。', 'rmb_per_usd', 'positive'),
  ],
  resultUnit: 'any',
  elementwise: true,
  implementation: (amount: number, fxRate: number) => amount * fxRate,
  native: ([a, fx]) => `(${a}*${fx})`,
  examples: [
    { args: [70, 7.1], result: 497, noteEn: 'USD 70 bn at 7.1 RMB per USD is RMB 497 bn.' },
    { args: [70, -7.1], result: '#NUM!', noteEn: 'An exchange rate must be positive.' },
  ],
  claims: [],
});

export const IMPLIED_FX = defineFunction({
  name: 'IMPLIED_FX',
  descriptionEn: 'The exchange rate implied by the same amount written in two currencies: amount_to ÷ amount_from.',
  descriptionZh: '同一金额以两种货币表示时隐含的汇率：目标货币金额 ÷ 原币金额。',
  params: [
    num('amount_from', 'Amount in the source currency; 0 answers #DIV/0!.', '原币金额；为 0 时返回 #DIV/0!。', 'any', 'any', { divisor: true }),
    num('amount_to', 'The same amount in the target currency.', '以目标货币表示的同一金额。', 'any', 'any'),
  ],
  resultUnit: 'rmb_per_usd',
  elementwise: true,
  implementation: (amountFrom: number, amountTo: number) => amountTo / amountFrom,
  native: ([f, t]) => `(${t}/${f})`,
  examples: [
    { args: [70, 500], result: 7.142857142857143, noteEn: 'USD 70 bn written as "over RMB 500 bn" implies about 7.14 RMB per USD.' },
    { args: [0, 500], result: '#DIV/0!' },
  ],
  claims: [],
});

export const CURRENCY_SPECS = [CONVERT_CURRENCY, IMPLIED_FX] as const;
