import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultStressClaimId } from '../../src/model/stress/claims.js';
import { STRESS_EXPLAIN_STRINGS } from '../../src/taskpane/i18n.js';
import type { SectionMessage } from '../../src/taskpane/sections/context.js';
import { mountStressExplain } from '../../src/taskpane/sections/stress-explain.js';
import { sectionContext } from './section-context.js';

/**
 * The Stress section's options panel refuses a bad field with a status that re-renders on a
 * language switch, as the section's own statuses do (a SectionMessage, not a string rendered once).
 */
describe('the Stress options panel\'s refusals', () => {
  const g = globalThis as unknown as { document?: unknown };
  let before: unknown;
  beforeEach(() => {
    before = g.document;
    g.document = parseHTML('<!doctype html><html><body></body></html>').document;
  });
  afterEach(() => {
    g.document = before;
  });

  function mount(seed: number | undefined) {
    const statuses: (string | SectionMessage)[] = [];
    const ctx = sectionContext({
      run: async () => {
        throw new Error('no workbook in this test');
      },
      lang: () => 'en',
      onLanguageChange: () => undefined,
      showStatus: (text) => statuses.push(text),
    });
    const panel = mountStressExplain(ctx, defaultStressClaimId, () => seed, () => ({}), () => 'article');
    panel.render();
    const control = <T>(id: string) => panel.element.querySelector(`#${id}`) as unknown as T;
    return { statuses, panel, control };
  }

  const inBoth = (message: string | SectionMessage | undefined) => (typeof message === 'function' ? { en: message('en'), zh: message('zh') } : message);

  it('a missing seed, a bad probability and a bad quantile line say so in the language shown', () => {
    const noSeed = mount(undefined);
    noSeed.control<HTMLButtonElement>('stress-drivers-run').click();
    expect(inBoth(noSeed.statuses[0])).toEqual({ en: STRESS_EXPLAIN_STRINGS.en.needSeed, zh: STRESS_EXPLAIN_STRINGS.zh.needSeed });

    const seeded = mount(7);
    seeded.control<HTMLInputElement>('stress-pbe-probability').value = '200';
    seeded.control<HTMLButtonElement>('stress-pbe-run').click();
    expect(inBoth(seeded.statuses[0])).toEqual({ en: STRESS_EXPLAIN_STRINGS.en.badProbability, zh: STRESS_EXPLAIN_STRINGS.zh.badProbability });

    seeded.control<HTMLTextAreaElement>('stress-quantiles').value = 'WORLD_GDP = lots';
    const options = seeded.panel.options();
    expect(inBoth(options.error)).toEqual({ en: STRESS_EXPLAIN_STRINGS.en.badQuantiles('WORLD_GDP = lots'), zh: STRESS_EXPLAIN_STRINGS.zh.badQuantiles('WORLD_GDP = lots') });
  });
});
