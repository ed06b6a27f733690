/**
 * ClaimCell's one string catalogue, one object per language (`en/`, `zh/`), imported by every layer:
 * model (reasons, margins), plan (sheet headers, verdict words), excel, task pane and CLI.
 * Pure data and pure functions: no Office, no DOM, no Node.
 */
import { catalogue as en } from './en/index.js';
import type { Catalogue, Lang } from './types/index.js';
import { catalogue as zh } from './zh/index.js';

export type * from './types/index.js';

export const LANGS: readonly Lang[] = ['en', 'zh'];

export const TEXT: Readonly<Record<Lang, Catalogue>> = { en, zh };

/** The catalogue of one language. */
export const textFor = (lang: Lang): Catalogue => TEXT[lang];

/** Maps an Office / BCP-47 language tag (`zh-CN`, `zh-Hans`, `en-US`…) to a supported language. */
export function languageFor(tag: string | undefined | null): Lang {
  return tag !== undefined && tag !== null && /^zh\b/i.test(tag) ? 'zh' : 'en';
}

/** BCP-47 tag to put in `<html lang>` for a language. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
