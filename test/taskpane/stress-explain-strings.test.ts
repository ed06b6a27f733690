import { describe, expect, it } from 'vitest';
import { STRESS_EXPLAIN_STRINGS } from '../../src/taskpane/i18n.js';

describe('Stress explain strings', () => {
  it('has the same keys, all non-empty and translated, in English and Chinese', () => {
    const { en, zh } = STRESS_EXPLAIN_STRINGS;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const lang of ['en', 'zh'] as const)
      for (const [key, value] of Object.entries(STRESS_EXPLAIN_STRINGS[lang])) {
        const text = typeof value === 'function' ? (value as (a: string, b: string) => string)('x', '±1 pp') : Array.isArray(value) ? value.join(' ') : String(value);
        expect(text.trim(), `${lang}.${key}`).not.toBe('');
        if (lang === 'zh') expect(text, key).toMatch(/[\u4e00-\u9fff]/);
      }
  });
});
