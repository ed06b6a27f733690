/**
 * The "What drives a flip" block of the Stress sheet (stress-sheet.ts): one row per input with its
 * rank correlation with the result and, among the failing trials, its median moved in standard
 * deviations (model/stress/drivers.ts). Values, not formulas: the trials live in the engine.
 */
import type { ClaimDrivers } from '../model/stress/claim-drivers.js';
import type { CellPlan } from './types.js';

const text = (v: string): CellPlan => ({ v, fmt: '@' });
const bold = (v: string): CellPlan => ({ v, bold: true, fmt: '@' });
const num = (v: number | null, fmt = '0.000'): CellPlan => ({ v: v !== null && Number.isFinite(v) ? v : null, fmt });

/** Rows of the block: a title, the reading, a header row, one row per input. */
export function driversRows(d: ClaimDrivers, zh: boolean): CellPlan[][] {
  const n = d.samples.toLocaleString('en-US');
  return [
    [bold(zh ? `什么驱动判定改变：前 ${n} 次抽样，种子 ${String(d.seed)}（偏离不足 0.5 个标准差即不显著）` : `What drives a flip: the first ${n} trials, seed ${String(d.seed)} (|z| < 0.5 is not significant)`)],
    [text(zh ? d.reading.zh : d.reading.en)],
    (zh ? ['输入', '秩相关', '中位数', '不成立时中位数', '偏离（标准差）', '显著'] : ['Input', 'Rank correlation (Spearman)', 'Median', 'Median when failing', 'z (sd)', 'Significant']).map(bold),
    ...d.rows.map((r) => [text(r.id), num(r.spearman), num(r.median, 'General'), num(r.medianFailing, 'General'), num(r.z, '0.00'), text(r.significant ? (zh ? '是' : 'yes') : zh ? '否' : 'no')]),
  ];
}
