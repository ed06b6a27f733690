import { neverOvertakesError } from '../errors.js';
import { defineFunction, num } from './helpers.js';

export const DEBT_SHARE = defineFunction({
  name: 'DEBT_SHARE',
  descriptionEn: 'Holdings of debt as a share of a reference total such as GDP or total debt: holdings ÷ gdp.',
  descriptionZh: '持有的债务占 GDP 或债务总额等参照总量的比例：持有量 ÷ GDP。',
  params: [
    num('holdings', 'Debt held.', '持有的债务。', 'usd_bn', 'nonnegative'),
    num('gdp', 'Reference total in the same unit; 0 answers #DIV/0!.', '同一单位的参照总量；为 0 时返回 #DIV/0!。', 'usd_bn', 'positive', { divisor: true }),
  ],
  resultUnit: 'percent',
  elementwise: true,
  implementation: (holdings: number, gdp: number) => holdings / gdp,
  native: ([h, g]) => `(${h}/${g})`,
  examples: [
    { args: [9360, 123580], result: 0.07574041106975239 },
    { args: [682.6, 0], result: '#DIV/0!' },
    { args: [-5, 100], result: '#NUM!', noteEn: 'Holdings cannot be negative.' },
  ],
  claims: [],
});

export const INTEREST_COST = defineFunction({
  name: 'INTEREST_COST',
  descriptionEn: 'Yearly interest on a debt at an average rate: debt × rate.',
  descriptionZh: '按平均利率计算的债务年利息：债务 × 利率。',
  params: [
    num('debt', 'Debt outstanding.', '未偿债务。', 'usd_bn', 'nonnegative'),
    num('rate', 'Average interest rate as a fraction (0.033 = 3.3%).', '平均利率，小数形式（0.033 = 3.3%）。', 'percent', 'fraction'),
  ],
  resultUnit: 'usd_bn',
  elementwise: true,
  implementation: (debt: number, rate: number) => debt * rate,
  native: ([d, r]) => `(${d}*${r})`,
  examples: [
    { args: [36000, 0.033], result: 1188, noteEn: 'USD 36 tn at 3.3% costs about USD 1.19 tn a year.' },
    { args: [36000, 3.3], result: '#NUM!', noteEn: '3.3 looks like a percent; enter 0.033 or 3.3%.' },
  ],
  claims: [],
});

export const YEARS_TO_OVERTAKE = defineFunction({
  name: 'YEARS_TO_OVERTAKE',
  descriptionEn:
    'Years until a follower growing at follower_growth reaches a leader growing at leader_growth (0 if it already has).',
  descriptionZh: '以 follower_growth 增长的追赶者追上以 leader_growth 增长的领先者所需年数（已追上则为 0）。',
  params: [
    num('follower', 'Current level of the follower.', '追赶者当前水平。', 'any', 'positive'),
    num('follower_growth', 'Yearly growth of the follower as a fraction.', '追赶者年增长率（小数）。', 'percent', 'growth'),
    num('leader', 'Current level of the leader, same unit.', '领先者当前水平（同一单位）。', 'any', 'positive'),
    num('leader_growth', 'Yearly growth of the leader as a fraction.', '领先者年增长率（小数）。', 'percent', 'growth'),
  ],
  resultUnit: 'years',
  elementwise: true,
  implementation: (follower: number, followerGrowth: number, leader: number, leaderGrowth: number) => {
    if (follower >= leader) return 0;
    const speed = Math.log((1 + followerGrowth) / (1 + leaderGrowth));
    if (!(speed > 0)) return neverOvertakesError('follower_growth', 'leader_growth');
    return Math.log(leader / follower) / speed;
  },
  native: ([f, fg, l, lg]) => `(IF(${f}>=${l},0,IF(${fg}<=${lg},NA(),LN(${l}/${f})/LN((1+${fg})/(1+${lg})))))`,
  examples: [
    { args: [100, 0.05, 200, 0.02], result: 23.911903366978766, noteEn: 'Half the size, growing 3 points faster: about 24 years.' },
    { args: [300, 0.01, 200, 0.02], result: 0, noteEn: 'Already ahead.' },
    { args: [100, 0.02, 200, 0.05], result: '#NUM!', noteEn: 'Growing more slowly, it never overtakes.' },
  ],
  claims: [],
});

export const FISCAL_SPECS = [DEBT_SHARE, INTEREST_COST, YEARS_TO_OVERTAKE] as const;
