import { defineFunction, num, range, sumCells } from './helpers.js';

type Matrix = readonly (readonly (number | null)[])[];

export const RATIO = defineFunction({
  name: 'RATIO',
  descriptionEn: 'One number divided by another: numerator ÷ denominator.',
  descriptionZh: '两数之比：分子 ÷ 分母。',
  params: [
    num('numerator', 'The number on top.', '分子。', 'any', 'any'),
    num('denominator', 'The number below; 0 answers #DIV/0!.', '分母；为 0 时返回 #DIV/0!。', 'any', 'any', { divisor: true }),
  ],
  resultUnit: 'ratio',
  elementwise: true,
  implementation: (numerator: number, denominator: number) => numerator / denominator,
  native: ([a, b]) => `(${a}/${b})`,
  examples: [
    { args: [12, 28.8], result: 0.4166666666666667, noteEn: "India's USD 12 bn of the BRICS' USD 28.8 bn cut." },
    { args: [120, 0], result: '#DIV/0!' },
  ],
  claims: [],
});

export const CHANGE = defineFunction({
  name: 'CHANGE',
  descriptionEn: 'Absolute change from an old to a new value: new − old.',
  descriptionZh: '从旧值到新值的绝对变化：新值 − 旧值。',
  params: [
    num('old_value', 'Value at the start.', '期初值。', 'any', 'any'),
    num('new_value', 'Value at the end.', '期末值。', 'any', 'any'),
  ],
  resultUnit: 'any',
  elementwise: true,
  implementation: (oldValue: number, newValue: number) => newValue - oldValue,
  native: ([o, n]) => `(${n}-${o})`,
  examples: [
    { args: [752.6, 682.6], result: -70, noteEn: 'Holdings falling from USD 752.6 bn to 682.6 bn is a USD 70 bn cut.' },
    { args: [[[1, 2, 3]], [[2], [4]]], result: [[1, 0, -1], [3, 2, 1]], noteEn: 'A row against a column broadcasts to a 2×3 block.' },
    { args: ['n/a', 682.6], result: '#VALUE!' },
  ],
  claims: [],
});

export const PCT_CHANGE = defineFunction({
  name: 'PCT_CHANGE',
  descriptionEn: 'Relative change from an old to a new value as a fraction: new ÷ old − 1.',
  descriptionZh: '从旧值到新值的相对变化（小数）：新值 ÷ 旧值 − 1。',
  params: [
    num('old_value', 'Value at the start; 0 answers #DIV/0!.', '期初值；为 0 时返回 #DIV/0!。', 'any', 'any', { divisor: true }),
    num('new_value', 'Value at the end.', '期末值。', 'any', 'any'),
  ],
  resultUnit: 'percent',
  elementwise: true,
  implementation: (oldValue: number, newValue: number) => newValue / oldValue - 1,
  native: ([o, n]) => `(${n}/${o}-1)`,
  examples: [
    { args: [752.6, 682.6], result: -0.09301089556205155, noteEn: 'A USD 70 bn cut from 752.6 bn is −9.3%.' },
    { args: [0, 5], result: '#DIV/0!' },
  ],
  claims: [],
});

export const PRIOR_FROM_GROWTH = defineFunction({
  name: 'PRIOR_FROM_GROWTH',
  descriptionEn: 'The earlier value implied by a current value and its growth rate: current ÷ (1 + growth).',
  descriptionZh: '由当前值和增长率推算的上期值：当前值 ÷ (1 + 增长率)。',
  params: [
    num('current', 'Current value.', '当前值。', 'any', 'any'),
    num('growth', 'Growth since the earlier value as a fraction (0.05 = 5%); must be above -1.', '相对上期的增长率（小数，0.05 = 5%），须大于 -1。', 'percent', 'growth'),
  ],
  resultUnit: 'any',
  elementwise: true,
  implementation: (current: number, growth: number) => current / (1 + growth),
  native: ([c, g]) => `(${c}/(1+${g}))`,
  examples: [
    { args: [105, 0.05], result: 100 },
    { args: [105, -1], result: '#NUM!', noteEn: 'A fall of 100% leaves nothing to grow from.' },
  ],
  claims: [],
});

export const PRIOR_FROM_DELTA = defineFunction({
  name: 'PRIOR_FROM_DELTA',
  descriptionEn: 'The earlier value implied by a current value and its absolute increase: current − delta.',
  descriptionZh: '由当前值和绝对增量推算的上期值：当前值 − 增量。',
  params: [
    num('current', 'Current value.', '当前值。', 'any', 'any'),
    num('delta', 'Increase since the earlier value (negative for a fall).', '相对上期的增量（下降为负）。', 'any', 'any'),
  ],
  resultUnit: 'any',
  elementwise: true,
  implementation: (current: number, delta: number) => current - delta,
  native: ([c, d]) => `(${c}-${d})`,
  examples: [
    { args: [381.339, 4.097], result: 377.242, noteEn: '2025 mine output 381.339 t, up 4.097 t, implies 377.242 t in 2024.' },
    { args: [381.339, true], result: 380.339, noteEn: 'TRUE counts as 1, as in Excel arithmetic.' },
    { args: [381.339, 'x'], result: '#VALUE!' },
  ],
  claims: [],
});

export const SHARE_SHIFT_PP = defineFunction({
  name: 'SHARE_SHIFT_PP',
  descriptionEn: 'Shift between two shares in percentage points: (new − old) × 100.',
  descriptionZh: '两个占比之间的变化（百分点）：(新占比 − 旧占比) × 100。',
  params: [
    num('old_share', 'Earlier share as a fraction (0.12 = 12%).', '旧占比，小数形式（0.12 = 12%）。', 'percent', 'fraction'),
    num('new_share', 'Later share as a fraction.', '新占比，小数形式。', 'percent', 'fraction'),
  ],
  resultUnit: 'pp',
  elementwise: true,
  implementation: (oldShare: number, newShare: number) => (newShare - oldShare) * 100,
  native: ([o, n]) => `((${n}-${o})*100)`,
  examples: [
    { args: [0.12, 0.27], result: 15, noteEn: 'From 12% to 27% is 15 percentage points.' },
    { args: [12, 27], result: '#NUM!', noteEn: 'Shares typed as whole percents.' },
  ],
  claims: [],
});

export const PARTS_GAP = defineFunction({
  name: 'PARTS_GAP',
  descriptionEn: 'What a total leaves unexplained by its listed parts: total − SUM(parts). 0 means the parts add up.',
  descriptionZh: '总数减去所列各部分之和：总数 − SUM(各部分)。为 0 表示各部分恰好相加等于总数。',
  params: [
    num('total', 'The stated total.', '所述总数。', 'any', 'any'),
    range('parts', 'Range of the stated parts; empty cells are skipped.', '所述各部分的区域；空单元格忽略。', 'any'),
  ],
  resultUnit: 'any',
  elementwise: false,
  implementation: (total: number, parts: Matrix) => total - sumCells(parts),
  native: ([t, p]) => `(${t}-SUM(${p}))`,
  examples: [
    { args: [28.8, [[12, 5, 11.8]]], result: 0, noteEn: 'India 12 + Brazil 5 + China 11.8 = the BRICS total of USD 28.8 bn.' },
    { args: [28.8, [[12], [null], [11.8]]], result: 5, noteEn: 'An empty cell is skipped: 5 is unexplained.' },
    { args: [[[28.8, 1]], [[12]]], result: '#VALUE!', noteEn: 'The total must be a single value.' },
  ],
  claims: [],
});

export const CUMULATIVE_CHANGE = defineFunction({
  name: 'CUMULATIVE_CHANGE',
  descriptionEn: 'Cumulative change over a series of period changes (e.g. monthly net sales): their sum; empty cells are skipped.',
  descriptionZh: '一串各期变化（如每月净减持）的累计值：求和；空单元格忽略。',
  params: [range('changes', 'Range of the period changes.', '各期变化的区域。', 'any')],
  resultUnit: 'any',
  elementwise: false,
  implementation: (changes: Matrix) => sumCells(changes),
  native: ([c]) => `(SUM(${c}))`,
  examples: [
    { args: [[[-6.1], [null], [-25.7]]], result: -31.8, noteEn: 'November −6.1 and July −25.7, with a month left blank.' },
    { args: [[[-6.1], ['-'], [-25.7]]], result: '#VALUE!', noteEn: 'Text inside the series is reported, not skipped.' },
  ],
  claims: [],
});

export const CHANGE_SPECS = [RATIO, CHANGE, PCT_CHANGE, PRIOR_FROM_GROWTH, PRIOR_FROM_DELTA, SHARE_SHIFT_PP, PARTS_GAP, CUMULATIVE_CHANGE] as const;

