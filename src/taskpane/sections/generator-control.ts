/**
 * The Monte Carlo generator picker of the Stress section: the default generator, or HDR (the
 * SIPmath HDR_2_0 stream the workbook's Simulation sheet and other SIPmath tools draw, which
 * needs a whole-number seed from 0 to 9,999,999).
 */
import { GENERATORS, type GeneratorName } from '../../model/stress/montecarlo.js';
import { h, select } from '../dom.js';
import type { SectionLang } from './context.js';

const TEXT = {
  en: { label: 'Generator', options: { default: 'Default (fast)', hdr: 'HDR (SIPmath, as the Simulation sheet)' } },
  zh: { label: '随机数生成器', options: { default: '默认（快速）', hdr: 'HDR（SIPmath，与“模拟”工作表一致）' } },
} as const;

export function generatorControl(): { label: HTMLLabelElement; value: () => GeneratorName; render: (lang: SectionLang) => void } {
  const picker = select('stress-generator', GENERATORS.map((g) => [g, TEXT.en.options[g]] as const), 'default');
  picker.classList.add('input');
  const label = h('label', { class: 'field', for: 'stress-generator' }, h('span', {}), picker);
  return {
    label,
    value: () => picker.value as GeneratorName,
    render: (lang) => {
      label.querySelector('span')!.textContent = TEXT[lang].label;
      for (const option of picker.options) option.textContent = TEXT[lang].options[option.value as GeneratorName];
    },
  };
}
