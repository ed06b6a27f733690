import { describe, expect, it } from 'vitest';
import { STRINGS, htmlLang, languageFor } from '../../src/taskpane/i18n.js';

describe('task pane strings', () => {
  it('has the same keys, all non-empty, in English and Chinese', () => {
    expect(Object.keys(STRINGS.zh).sort()).toEqual(Object.keys(STRINGS.en).sort());
    for (const lang of ['en', 'zh'] as const) {
      for (const [key, value] of Object.entries(STRINGS[lang])) {
        const text = typeof value === 'function' ? (value as (m: string) => string)('x') : value;
        expect(text.trim(), `${lang}.${key}`).not.toBe('');
      }
    }
    expect(STRINGS.zh.fillWorkbook).not.toBe(STRINGS.en.fillWorkbook);
  });

  it('maps Office display languages to en / zh', () => {
    expect(languageFor('zh-CN')).toBe('zh');
    expect(languageFor('zh-Hans')).toBe('zh');
    expect(languageFor('ZH-cn')).toBe('zh');
    expect(languageFor('en-US')).toBe('en');
    expect(languageFor('fr-FR')).toBe('en');
    expect(languageFor(undefined)).toBe('en');
    expect(htmlLang('zh')).toBe('zh-CN');
  });
});
