/**
 * The CLI's view of the one catalogue (src/text): what it prints around a command (usage, help,
 * command-line errors, table headings), by language.
 */
import { LANGS, TEXT, type CliText, type Lang } from '../text/index.js';

export type { CliText, Lang };
export { LANGS };

export const CLI_TEXT: Readonly<Record<Lang, CliText>> = { en: TEXT.en.cli, zh: TEXT.zh.cli };
