/**
 * The task pane's view of the one catalogue (src/text): its own strings by language, and the
 * language helpers. Kept so the pane's modules read `STRINGS[lang]` as before.
 */
import { BASELINE_NAME, scenarioDisplayName } from '../model/scenarios/index.js';
import { valuesSource, type ValuesInUse } from '../model/values/index.js';
import { TEXT, type Lang, type PaneText, type StressExplainText } from '../text/index.js';

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

/** The user's own figures and claims, and the Stress section's explain controls: views of the catalogue. */
export const USER_STRINGS = { en: TEXT.en.own, zh: TEXT.zh.own } as const;
export type StressExplainStrings = StressExplainText;
export const STRESS_EXPLAIN_STRINGS: Readonly<Record<Lang, StressExplainStrings>> = { en: TEXT.en.stressExplain, zh: TEXT.zh.stressExplain };
