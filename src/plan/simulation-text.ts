/**
 * Every string of the Simulation sheet in English and Chinese, in one table the i18n work can fold
 * into the catalogue of sheet headers: the sheet picks `SIMULATION_TEXT[lang]`.
 */
export interface SimulationText {
  readonly title: string;
  readonly intro: string;
  readonly trials: string;
  readonly seed: string;
  readonly entity: string;
  readonly trialsNote: string;
  readonly seedNote: string;
  readonly entityNote: string;
  readonly summaryHeaders: readonly [claim: string, pHolds: string, mean: string, p5: string, p50: string, p95: string, withValue: string, inputs: string];
  readonly varIdRow: string;
  readonly trial: string;
  readonly holdsSuffix: string;
  readonly noVerdict: string;
  readonly omitted: (ids: readonly string[], budget: number) => string;
}

export const SIMULATION_TEXT: Readonly<Record<'en' | 'zh', SimulationText>> = {
  en: {
    title: 'Simulation',
    intro:
      'A Monte Carlo of the claims in native formulas: each draw is the SIPmath HDR_2_0 generator of (trial, entity, the figure\'s variable id, seed, 0), turned into the figure\'s distribution at its value in use. Change a figure or the seed and everything recalculates, with no add-in. The CLI gives the same numbers: stress montecarlo <CLAIM> --generator hdr --samples <trials> --seed <seed>.',
    trials: 'Trials',
    seed: 'Seed (HDR seed3)',
    entity: 'HDR entity',
    trialsNote: 'rows below; a different count needs a new export (npm run workbook -- --sim-trials N)',
    seedNote: 'a whole number from 0 to 9999999; change it to draw another stream',
    entityNote: "SIPmath's entity seed (1 unless your organisation assigns one)",
    summaryHeaders: ['Claim', 'P(holds)', 'Mean', 'P5', 'P50', 'P95', 'Trials with a value', 'Inputs drawn'],
    varIdRow: 'HDR variable id',
    trial: 'Trial',
    holdsSuffix: 'holds',
    noVerdict: 'no check on this value',
    omitted: (ids, budget) => `Left out to stay within ${budget.toLocaleString('en-US')} simulated cells: ${ids.join(', ')}`,
  },
  zh: {
    title: '模拟',
    intro:
      '以原生公式进行的蒙特卡洛模拟：每次抽样由 SIPmath HDR_2_0 生成器按（试验序号、实体、该数字的变量编号、种子、0）产生，再按该数字当前取值下的分布转换。修改任一数字或种子即全部重算，无需加载项。命令行给出相同结果：stress montecarlo <结论> --generator hdr --samples <试验次数> --seed <种子>。',
    trials: '试验次数',
    seed: '种子（HDR seed3）',
    entity: 'HDR 实体',
    trialsNote: '即下方的行数；改变次数需重新导出（npm run workbook -- --sim-trials N）',
    seedNote: '0 至 9999999 的整数；修改后抽取另一组随机数',
    entityNote: 'SIPmath 的实体种子（除非机构另行指定，取 1）',
    summaryHeaders: ['结论', '成立概率', '均值', 'P5', 'P50', 'P95', '有值的试验数', '抽样输入'],
    varIdRow: 'HDR 变量编号',
    trial: '试验',
    holdsSuffix: '成立',
    noVerdict: '此值无检验',
    omitted: (ids, budget) => `为不超过 ${budget} 个模拟单元格而略去：${ids.join('、')}`,
  },
};
