import { describe, expect, it } from 'vitest';
import { cli, englishInCliOutput as english } from './run.js';

describe('CLI output with --lang zh', () => {
  it('claim: every label, the verdict, the reason and the margins in Chinese', async () => {
    const { code, out } = await cli('claim', 'BRICS_OCT_PARTS', '--lang', 'zh');
    expect(code).toBe(0);
    expect(out).toMatch(/^判定：一致$/m);
    expect(out).toMatch(/^理由：重算得/m);
    expect(english(out)).toEqual([]);
    // the English run says it in English (the check above can fail)
    expect(english((await cli('claim', 'BRICS_OCT_PARTS')).out).length).toBeGreaterThan(5);
  });

  it('stress tornado, table, break-even and Monte Carlo in Chinese', async () => {
    for (const args of [
      ['stress', 'tornado', 'TARIFF_IMPLIED_BASE'],
      ['stress', 'table', 'OFFICIAL_UST_GDP_RATIO', 'OFFICIAL_UST_HOLDINGS', 'WORLD_GDP', '--steps', '3'],
      ['stress', 'montecarlo', 'BRICS_OCT_PARTS', '--samples', '500', '--seed', '3', '--workers', '1'],
    ]) {
      const { code, out } = await cli(...args, '--lang', 'zh');
      expect(code, args.join(' ')).toBe(0);
      expect(english(out), args.join(' ')).toEqual([]);
    }
  });

  it('scenarios list: the seed scenarios by their Chinese names and descriptions', async () => {
    const { code, out } = await cli('scenarios', 'list', '--lang', 'zh');
    expect(code).toBe(0);
    expect(out).toContain('宽松舍入');
    expect(english(out)).toEqual([]);
  });
});
