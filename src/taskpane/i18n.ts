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
