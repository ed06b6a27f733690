/**
 * The task pane's view of the one catalogue (src/text): its own strings by language, and the
 * language helpers. Kept so the pane's modules read `STRINGS[lang]` as before.
 */
import { BASELINE_NAME, scenarioDisplayName } from '../model/scenarios/index.js';
import { valuesSource, type ValuesInUse } from '../model/values/index.js';
import { TEXT, type Lang, type PaneText } from '../text/index.js';

export { htmlLang, languageFor, type Lang } from '../text/index.js';
export type Strings = PaneText;

export const STRINGS: Readonly<Record<Lang, Strings>> = { en: TEXT.en.pane, zh: TEXT.zh.pane };

/** A scenario key as the pane shows it in `lang`: the baseline in words, a seed's Chinese label. */
export function shownScenario(name: string, scenarios: readonly { readonly name: string; readonly nameZh?: string }[], lang: Lang): string {
  if (name === BASELINE_NAME) return STRINGS[lang].baselineName;
  const scenario = scenarios.find((s) => s.name === name);
  return scenario ? scenarioDisplayName(scenario, lang) : name;
}

/** The values-in-use label with the scenario shown in the pane's language. */
export function valuesLabel(values: ValuesInUse, scenarios: readonly { readonly name: string; readonly nameZh?: string }[], lang: Lang): string {
  const source = valuesSource(values);
  return STRINGS[lang].valuesInUse(source.code === 'scenario' ? { ...source, name: shownScenario(source.name, scenarios, lang) } : source);
}

/** Words of the user's own figures and claims (MyFigures/MyClaims) across the pane's sections. */
export const USER_STRINGS = {
  en: {
    yours: 'yours',
    /** A user's claim in a claim picker. */
    stressOption: (id: string) => `${id} (yours)`,
    ownClaimsPick: 'Your claims (a click adds one as a task): ',
    figureForm: {
      heading: 'Add your own figure',
      id: 'Id (an Excel name, e.g. MY_RATE)',
      label: 'Label',
      value: 'Value (a fraction for percents: 0.04 is 4%)',
      unit: 'Unit',
      note: 'Note',
      add: 'Add figure',
      added: (address: string) => `Added your figure at ${address}; its id is now a name formulas and claims can use.`,
      problems: 'Nothing was written:',
    },
  },
  zh: {
    yours: '你的',
    stressOption: (id: string) => `${id}（你的）`,
    ownClaimsPick: '你的论断（点击即加为题目）：',
    figureForm: {
      heading: '添加你自己的数字',
      id: '编号（Excel 名称，如 MY_RATE）',
      label: '说明',
      value: '数值（百分比填小数：0.04 即 4%）',
      unit: '单位',
      note: '备注',
      add: '添加数字',
      added: (address: string) => `已在 ${address} 添加你的数字；其编号现在是公式和论断可用的名称。`,
      problems: '未写入任何内容：',
      /** Field names in a problem: 单位（unit）：… */
      fieldNames: { id: '编号', label: '说明', value: '数值', unit: '单位', note: '备注' },
    },
  },
} as const;

/**
 * Strings of the Stress section's precision, correlation, quantile, drivers and probabilistic
 * break-even controls (sections/stress-explain.ts), kept apart so the catalogue can fold them in.
 */
export interface StressExplainStrings {
  readonly options: string;
  readonly converge: string;
  readonly precision: string;
  readonly maxSamples: string;
  readonly badPrecision: string;
  readonly badMaxSamples: (max: string) => string;
  readonly corr: string;
  readonly corrHint: string;
  readonly quantiles: string;
  readonly quantilesHint: string;
  readonly badQuantiles: (line: string) => string;
  readonly refused: (why: string) => string;
  readonly holdsWithPrecision: (p: string, hw: string) => string;
  readonly drivers: string;
  readonly driversRun: string;
  readonly driversCols: readonly string[];
  readonly yes: string;
  readonly no: string;
  readonly breakeven: string;
  readonly breakevenInput: string;
  readonly breakevenProbability: string;
  readonly breakevenRun: string;
  readonly badProbability: string;
  readonly needSeed: string;
  readonly correlatedOnMainThread: string;
}

export const STRESS_EXPLAIN_STRINGS: Readonly<Record<Lang, StressExplainStrings>> = {
  en: {
    options: 'Precision, correlations and quantiles',
    converge: 'Stop on precision (the sample count above is ignored)',
    precision: 'Target ± (percentage points)',
    maxSamples: 'At most (samples)',
    badPrecision: 'The precision target must be a number of percentage points above 0 and below 50.',
    badMaxSamples: (max) => `At most must be a whole number from 1 to ${max}.`,
    corr: 'Correlations between inputs',
    corrHint: 'One pair per line: INPUT_A,INPUT_B,ρ (Spearman, −1 to 1). Inconsistent pairs are repaired to the nearest consistent matrix, and the matrix used is shown.',
    quantiles: 'Inputs by quantiles',
    quantilesHint: 'One input per line: INPUT=P10,P50,P90 (a 3-term metalog is fitted; an impossible fit is refused and the default rule is used).',
    badQuantiles: (line) => `Quantiles: “${line}” is not INPUT=P10,P50,P90 with three numbers.`,
    refused: (why) => `Quantiles not used: ${why}`,
    holdsWithPrecision: (p, hw) => `P(holds) ${p} (${hw}, 95% confidence)`,
    drivers: 'What drives a flip',
    driversRun: 'Find drivers',
    driversCols: ['Input', 'Rank corr.', 'z when failing (sd)', 'Significant'],
    yes: 'yes',
    no: 'no',
    breakeven: 'Probabilistic break-even',
    breakevenInput: 'Input',
    breakevenProbability: 'P(holds) to reach (%)',
    breakevenRun: 'Find the value',
    badProbability: 'The probability must be a percentage above 0 and below 100.',
    needSeed: 'Enter a seed first, so the trials can be repeated.',
    correlatedOnMainThread: 'Correlated runs reorder whole input columns, so they run on the main thread.',
  },
  zh: {
    options: '精度、相关性与分位数',
    converge: '达到精度即停止（忽略上面的抽样次数）',
    precision: '目标 ±（百分点）',
    maxSamples: '最多（抽样次数）',
    badPrecision: '精度目标须为大于 0、小于 50 的百分点数。',
    badMaxSamples: (max) => `“最多”须为 1 至 ${max} 之间的整数。`,
    corr: '输入之间的相关性',
    corrHint: '每行一对：输入A,输入B,ρ（秩相关系数，−1 至 1）。互相矛盾的相关系数会被修正为最接近的一致矩阵，并显示实际使用的矩阵。',
    quantiles: '以分位数给出输入',
    quantilesHint: '每行一个输入：输入=P10,P50,P90（拟合三项 metalog；无法拟合时拒绝并改用默认规则）。',
    badQuantiles: (line) => `分位数：“${line}”不是 输入=P10,P50,P90 的三个数字。`,
    refused: (why) => `未使用分位数：${why}`,
    holdsWithPrecision: (p, hw) => `结论成立概率 ${p}（${hw.replace('pp', '个百分点')}，95% 置信）`,
    drivers: '什么驱动判定改变',
    driversRun: '查找驱动因素',
    driversCols: ['输入', '秩相关', '不成立时偏离（标准差）', '显著'],
    yes: '是',
    no: '否',
    breakeven: '概率临界值',
    breakevenInput: '输入',
    breakevenProbability: '要达到的成立概率（%）',
    breakevenRun: '求取值',
    badProbability: '概率须为大于 0、小于 100 的百分数。',
    needSeed: '请先输入随机种子，以便重复抽样。',
    correlatedOnMainThread: '带相关性的运行需要重排整列输入，因此在主线程上运行。',
  },
};
