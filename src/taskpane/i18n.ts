/**
 * The task pane's view of the one catalogue (src/text): its own strings by language, and the
 * language helpers. Kept so the pane's modules read `STRINGS[lang]` as before.
 */
import { TEXT, type Lang, type PaneText } from '../text/index.js';

export { htmlLang, languageFor, type Lang } from '../text/index.js';
export type Strings = PaneText;

export const STRINGS: Readonly<Record<Lang, Strings>> = { en: TEXT.en.pane, zh: TEXT.zh.pane };
