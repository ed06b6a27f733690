/**
 * Why a Monte Carlo run has no spread: a histogram whose samples are all equal is one bar, and the
 * reader is told why rather than shown empty bins. Shared by the task pane and the Stress sheet.
 */
import { formatValue } from '../claims/format.js';
import { UNITS, type UnitId } from '../units/index.js';
import type { ClaimMonteCarlo } from './claim-montecarlo.js';

/** Units whose formatted value already says what it is (25%, 2024-11-07) or that have no word. */
const SELF_EVIDENT: ReadonlySet<UnitId> = new Set(['percent', 'date', 'year', 'ratio', 'text']);

/** Two languages of the note, or null when the samples spread over more than one value. */
export function noSpreadNote(run: Pick<ClaimMonteCarlo, 'histogram' | 'inputs' | 'samples' | 'unit'>): { readonly en: string; readonly zh: string } | null {
  const { edges, counts } = run.histogram;
  if (counts.length !== 1 || edges[0] !== edges[1]) return null;
  const unit = run.unit as UnitId;
  const word = (lang: 'labelEn' | 'labelZh'): string => (SELF_EVIDENT.has(unit) || !UNITS[unit] ? '' : ` ${UNITS[unit][lang]}`);
  const value = formatValue(edges[0]!, unit);
  const n = counts[0]!.toLocaleString('en-US');
  const varied = run.inputs.filter((i) => i.distribution.type !== 'constant').map((i) => i.id);
  return varied.length === 0
    ? {
        en: `All ${n} samples are ${value}${word('labelEn')}: none of this claim's inputs varies (each is an exact count or date, with no rounding or stated range to draw from).`,
        zh: `全部 ${n} 次抽样均为 ${value}${word('labelZh')}：该论断的输入都不变（均为精确的计数或日期，没有舍入或给定区间可供抽取）。`,
      }
    : {
        en: `All ${n} samples are ${value}${word('labelEn')}: ${varied.join(', ')} vary, but the result does not move within their ranges.`,
        zh: `全部 ${n} 次抽样均为 ${value}${word('labelZh')}：${varied.join('、')} 有变动，但结果在其范围内不变。`,
      };
}
