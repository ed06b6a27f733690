/**
 * The article as ClaimCell numbers it: paragraphs are the non-empty lines,
 * image placeholder lines (`![]()`) not counted, 1-based.
 */
export function splitParagraphs(articleText: string): string[] {
  return articleText
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !/^!\[[^\]]*\]\([^)]*\)$/.test(line));
}

/** A number-bearing token in a paragraph: Arabic digits, or a Chinese numeral before a unit. */
export interface NumberToken {
  readonly paragraph: number;
  readonly start: number;
  readonly text: string;
}

const ARABIC = /\d+(?:\.\d+)?/g;
// Chinese numerals count only where a unit of time or quantity follows (十年, 四个月); "两大目标" is prose.
const CHINESE = /[一二三四五六七八九十百千两]+(?=个月|年|周|吨|倍)/g;

export function numberTokens(paragraphs: readonly string[]): NumberToken[] {
  const tokens: NumberToken[] = [];
  paragraphs.forEach((text, index) => {
    for (const re of [ARABIC, CHINESE]) {
      for (const match of text.matchAll(re)) {
        tokens.push({ paragraph: index + 1, start: match.index, text: match[0] });
      }
    }
  });
  return tokens.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}
