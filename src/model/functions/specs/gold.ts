import { GRAMS_PER_TONNE, GRAMS_PER_TROY_OUNCE } from '../../units/index.js';
import { defineFunction, num } from './helpers.js';

export const TROY_OZ_TO_TONNES = defineFunction({
  name: 'TROY_OZ_TO_TONNES',
  descriptionEn: `Converts troy ounces to metric tonnes (1 troy oz = ${GRAMS_PER_TROY_OUNCE} g).`,
  descriptionZh: `将金衡盎司换算为公吨（1 金衡盎司 = ${GRAMS_PER_TROY_OUNCE} 克）。`,
  params: [num('ounces', 'Troy ounces (not millions).', '金衡盎司数（不是百万盎司）。', 'troy_oz', 'any')],
  resultUnit: 'tonnes',
  elementwise: true,
  implementation: (ounces: number) => (ounces * GRAMS_PER_TROY_OUNCE) / GRAMS_PER_TONNE,
  native: ([oz]) => `(${oz}*${GRAMS_PER_TROY_OUNCE}/${GRAMS_PER_TONNE})`,
  examples: [
    { args: [74_120_000], result: 2305.389700416, noteEn: '74.12 million oz of PBoC gold is about 2,305 tonnes.' },
    { args: [[[1_000_000, 2_000_000]]], result: [[31.1034768, 62.2069536]] },
    { args: ['74.12 million'], result: '#VALUE!', noteEn: 'Enter the number of ounces, e.g. 74120000.' },
  ],
  claims: [],
});

export const TONNES_TO_TROY_OZ = defineFunction({
  name: 'TONNES_TO_TROY_OZ',
  descriptionEn: `Converts metric tonnes to troy ounces (1 tonne = ${GRAMS_PER_TONNE} g ÷ ${GRAMS_PER_TROY_OUNCE} g).`,
  descriptionZh: `将公吨换算为金衡盎司（1 吨 = ${GRAMS_PER_TONNE} 克 ÷ ${GRAMS_PER_TROY_OUNCE} 克）。`,
  params: [num('tonnes', 'Metric tonnes.', '公吨数。', 'tonnes', 'any')],
  resultUnit: 'troy_oz',
  elementwise: true,
  implementation: (tonnes: number) => (tonnes * GRAMS_PER_TONNE) / GRAMS_PER_TROY_OUNCE,
  native: ([t]) => `(${t}*${GRAMS_PER_TONNE}/${GRAMS_PER_TROY_OUNCE})`,
  examples: [
    { args: [26.75], result: 860032.4707107985, noteEn: '26.75 tonnes added in 2025 is about 0.86 million oz.' },
    { args: [null], result: 0, noteEn: 'An empty cell counts as 0.' },
    { args: ['26.75 t'], result: '#VALUE!', noteEn: 'Enter the number alone, without its unit.' },
    { args: [[[1, 'x']]], result: [[32150.746568627983, '#VALUE!']], noteEn: 'A text cell answers #VALUE! in its own cell.' },
  ],
  claims: [],
});

export const GOLD_SPECS = [TROY_OZ_TO_TONNES, TONNES_TO_TROY_OZ] as const;
