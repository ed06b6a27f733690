import { describe, expect, it } from 'vitest';
import { numberTokens, splitParagraphs } from '../../../src/model/article/index.js';
import { loadFigures } from '../../../src/model/figures/index.js';
import { readArticle } from '../../paths.js';

/**
 * Number tokens of the article that are deliberately not figures of their own.
 * Each entry names its paragraph and token and says why; anything else uncatalogued fails the test.
 */
const IGNORED: readonly { paragraph: number; token: string; why: string }[] = [
  // Month words that only bound a period: they sit in CN_UST_CUM_REDUCTION / _SALE_NOV / _SALE_JUL `period`.
  { paragraph: 5, token: '11', why: 'period end of the cumulative reduction ("to end of November")' },
  { paragraph: 5, token: '11', why: 'period of the November sale' },
  { paragraph: 5, token: '7', why: 'period of the July reduction' },
  // Calendar years that only date the figures next to them (their `period` field says 2025).
  { paragraph: 10, token: '2025', why: 'period of the gold output figures' },
  { paragraph: 21, token: '2025', why: 'period of the AI-chip market share figures' },
  { paragraph: 24, token: '2025', why: 'period of the US semiconductor investment change' },
  { paragraph: 28, token: '2025', why: 'period of the deficit figures' },
  // Product model numbers, not quantities.
  { paragraph: 13, token: '200', why: 'part of the chip model name H200' },
  { paragraph: 13, token: '325', why: 'part of the chip model name MI325X' },
  // "数十年" (several decades) gives no number to check.
  { paragraph: 26, token: '十', why: 'vague "several decades"' },
];

/**
 * Vague amounts the number tokenizer cannot see: 数/几 before a magnitude (数亿, 几十), with or
 * without a unit word after them. Each must stand inside a figure's token or be listed here.
 */
const VAGUE = /[数几](?:十|百|千|万|亿)+/g;
const VAGUE_IGNORED: readonly { paragraph: number; token: string; why: string }[] = [
  { paragraph: 26, token: '数十', why: '"数十年" (several decades) is a figure of speech with no quantity to check' },
];

describe('figure provenance against the article', () => {
  const paragraphs = splitParagraphs(readArticle());
  const figures = loadFigures();

  it('numbers paragraphs over non-empty, non-image lines', () => {
    expect(paragraphs.some((p) => p.startsWith('![]'))).toBe(false);
    expect(paragraphs.length).toBeGreaterThan(25);
  });

  it.each(figures.map((f) => [f.id, f] as const))('%s: as-written token occurs in its paragraph', (_id, figure) => {
    const paragraph = paragraphs[figure.paragraph - 1];
    expect(paragraph, `paragraph ${figure.paragraph} exists`).toBeDefined();
    expect(paragraph).toContain(figure.asWritten);
  });

  it('leaves no number token uncatalogued unless it is on the commented ignore list', () => {
    const uncovered = numberTokens(paragraphs).filter((token) => {
      const text = paragraphs[token.paragraph - 1]!;
      return !figures.some((figure) => {
        if (figure.paragraph !== token.paragraph) return false;
        for (let at = text.indexOf(figure.asWritten); at >= 0; at = text.indexOf(figure.asWritten, at + 1)) {
          if (at <= token.start && token.start + token.text.length <= at + figure.asWritten.length) return true;
        }
        return false;
      });
    });
    const remaining = [...IGNORED];
    const unexplained = uncovered.filter((token) => {
      const i = remaining.findIndex((entry) => entry.paragraph === token.paragraph && entry.token === token.text);
      if (i < 0) return true;
      remaining.splice(i, 1);
      return false;
    });
    expect(unexplained.map((t) => `paragraph ${t.paragraph}: ${t.text}`)).toEqual([]);
    // An ignore entry that no longer matches anything is stale and must go.
    expect(remaining).toEqual([]);
  });

  it('catalogues every vague amount (数亿, 几十) unless it is on the commented list', () => {
    const missed: string[] = [];
    const remaining = [...VAGUE_IGNORED];
    paragraphs.forEach((text, i) => {
      for (const m of text.matchAll(VAGUE)) {
        const covered = figures.some((f) => f.paragraph === i + 1 && f.asWritten.includes(m[0]) && text.includes(f.asWritten));
        const ignored = remaining.findIndex((e) => e.paragraph === i + 1 && e.token === m[0]);
        if (ignored >= 0) remaining.splice(ignored, 1);
        else if (!covered) missed.push(`paragraph ${i + 1}: ${m[0]}`);
      }
    });
    expect(missed).toEqual([]);
    expect(remaining).toEqual([]);
    // 逾 and 约 always stand before digits, which the number scan above already sees.
    expect(figures.find((f) => f.asWritten === '数亿美元')?.paragraph).toBe(18);
  });

  it('holds the 40 to 50 figures the article states', () => {
    expect(figures.length).toBeGreaterThanOrEqual(40);
    expect(figures.length).toBeLessThanOrEqual(50);
  });
});
