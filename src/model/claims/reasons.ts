import type { Check, Verdict } from './schema.js';

type Templates = Readonly<Record<Verdict, Readonly<Record<Check['compare'] | 'none', { en: string; zh: string }>>>>;

/**
 * Generic one-sentence reasons per verdict and comparison. Placeholders: {recomputed} {stated}
 * {statedHigh} {difference} {tolerance} {excess} {scope} {needs}. A claim may override any of them.
 */
export const REASONS: Templates = {
  consistent: {
    approx: { en: 'Recomputed {recomputed} against stated {stated}: {difference} apart, within the ±{tolerance} the rounding allows.', zh: '重算得{recomputed}，文中为{stated}：相差{difference}，在舍入允许的±{tolerance}之内。' },
    atLeast: { en: 'Recomputed {recomputed} is at least {stated}, as the claim needs.', zh: '重算得{recomputed}，不低于{stated}，符合该说法。' },
    atMost: { en: 'Recomputed {recomputed} is at most {stated}, as the claim needs.', zh: '重算得{recomputed}，不高于{stated}，符合该说法。' },
    between: { en: 'Recomputed {recomputed} lies between {stated} and {statedHigh}, as the claim needs.', zh: '重算得{recomputed}，位于{stated}至{statedHigh}之间，符合该说法。' },
    none: { en: 'Recomputed {recomputed}.', zh: '重算得{recomputed}。' },
  },
  inconsistent: {
    approx: { en: 'Recomputed {recomputed} against stated {stated}: {difference} apart, {excess} beyond the ±{tolerance} the rounding allows ({scope} check).', zh: '重算得{recomputed}，文中为{stated}：相差{difference}，超出舍入允许的±{tolerance}达{excess}（{scope}检验）。' },
    atLeast: { en: 'Recomputed {recomputed} falls short of {stated} by {excess} ({scope} check).', zh: '重算得{recomputed}，比{stated}少{excess}（{scope}检验）。' },
    atMost: { en: 'Recomputed {recomputed} exceeds {stated} by {excess} ({scope} check).', zh: '重算得{recomputed}，比{stated}多{excess}（{scope}检验）。' },
    between: { en: 'Recomputed {recomputed} lies outside {stated}–{statedHigh}, by {excess} ({scope} check).', zh: '重算得{recomputed}，在{stated}至{statedHigh}之外，差{excess}（{scope}检验）。' },
    none: { en: 'Recomputed {recomputed}.', zh: '重算得{recomputed}。' },
  },
  implausible: {
    approx: { en: 'The arithmetic gives {recomputed}, {difference} away from the reference value {stated}: out of proportion.', zh: '算得{recomputed}，与参考值{stated}相差{difference}，不成比例。' },
    atLeast: { en: 'The arithmetic gives {recomputed}, below the reference bound {stated}: out of proportion with published data.', zh: '算得{recomputed}，低于参考界限{stated}，与公开数据不成比例。' },
    atMost: { en: 'The arithmetic gives {recomputed}, above the reference bound {stated}: out of proportion with published data.', zh: '算得{recomputed}，高于参考界限{stated}，与公开数据不成比例。' },
    between: { en: 'The arithmetic gives {recomputed}, outside the reference range {stated}–{statedHigh}.', zh: '算得{recomputed}，超出参考区间{stated}至{statedHigh}。' },
    none: { en: 'The arithmetic gives {recomputed}.', zh: '算得{recomputed}。' },
  },
  unverifiable: {
    approx: { en: 'Recomputed {recomputed}, but the data to confirm it is not at hand. Missing: {needs}', zh: '重算得{recomputed}，但缺少核实所需数据：{needs}' },
    atLeast: { en: 'Recomputed {recomputed}, but the data to confirm it is not at hand. Missing: {needs}', zh: '重算得{recomputed}，但缺少核实所需数据：{needs}' },
    atMost: { en: 'Recomputed {recomputed}, but the data to confirm it is not at hand. Missing: {needs}', zh: '重算得{recomputed}，但缺少核实所需数据：{needs}' },
    between: { en: 'Recomputed {recomputed}, but the data to confirm it is not at hand. Missing: {needs}', zh: '重算得{recomputed}，但缺少核实所需数据：{needs}' },
    none: { en: 'Recomputed {recomputed}, but the data to confirm it is not at hand. Missing: {needs}', zh: '重算得{recomputed}，但缺少核实所需数据：{needs}' },
  },
};
