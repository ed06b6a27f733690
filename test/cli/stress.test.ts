import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

describe('cli stress', () => {
  it('tornado --json: ranked bars and a bilingual reading', async () => {
    const { code, out } = await cli('stress', 'tornado', 'BRICS_OCT_PARTS', '--pct', '5', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(out) as { pct: number; bars: { id: string; swing: number }[]; reading: { en: string; zh: string } };
    expect(r.pct).toBe(5);
    expect(r.bars.map((b) => b.id)).toEqual(['INDIA_UST_CUT_OCT', 'CHINA_UST_CUT_OCT', 'BRAZIL_UST_CUT_OCT']);
    expect(r.bars[0]!.swing).toBeCloseTo(1.2, 12);
    expect(r.reading.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('tornado without --json prints a table and the reading', async () => {
    const { code, out } = await cli('stress', 'tornado', 'tariff_implied_base');
    expect(code).toBe(0);
    expect(out).toMatch(/input +low +high +output at low +output at high +swing/);
    expect(out).toContain('AI_CHIP_TARIFF_RATE moves the result most');
  });

  it('table --json: the grid and the outputs', async () => {
    const { code, out } = await cli('stress', 'table', 'OFFICIAL_UST_GDP_RATIO', 'OFFICIAL_UST_HOLDINGS', 'WORLD_GDP', '--steps', '3', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(out) as { gridA: number[]; gridB: number[]; rows: number[][] };
    expect(r.gridA).toEqual([7488, 9360, 11232]);
    expect(r.rows[1]![1]).toBeCloseTo(9360 / 123580, 12);
    const readable = await cli('stress', 'table', 'OFFICIAL_UST_GDP_RATIO', 'OFFICIAL_UST_HOLDINGS', 'WORLD_GDP');
    expect(readable.out).toContain('OFFICIAL_UST_HOLDINGS \\ WORLD_GDP');
  });

  it('breakeven --json: where the verdict flips, or a target is reached', async () => {
    const flip = JSON.parse((await cli('stress', 'breakeven', 'TARIFF_IMPLIED_BASE', 'AI_CHIP_TARIFF_RATE', '--json')).out) as { value: number };
    expect(flip.value).toBeCloseTo(264 / 791.7, 12);
    const target = JSON.parse((await cli('stress', 'breakeven', 'TARIFF_IMPLIED_BASE', 'AI_CHIP_TARIFF_RATE', '--target', '1000', '--json')).out) as { value: number };
    expect(target.value).toBeCloseTo(0.264, 12);
    const none = await cli('stress', 'breakeven', 'TARIFF_IMPLIED_BASE', 'AI_CHIP_TARIFF_RATE', '--target', '-5');
    expect(none.code).toBe(0);
    expect(none.out).toContain('No break-even');
  });

  it('montecarlo: the same seed gives the same numbers', async () => {
    const args = ['stress', 'montecarlo', 'BRICS_OCT_PARTS', '--samples', '20000', '--seed', '7', '--json'];
    const a = await cli(...args);
    const b = await cli(...args);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const r = JSON.parse(a.out) as { samples: number; seed: number; probabilityHolds: number; reading: { en: string } };
    expect(r.samples).toBe(20000);
    expect(r.seed).toBe(7);
    expect(r.reading.en).toMatch(/^The verdict holds in \d+% of 20,000 samples/);
    const other = await cli('stress', 'montecarlo', 'BRICS_OCT_PARTS', '--samples', '20000', '--seed', '8', '--json');
    expect(other.out).not.toBe(a.out);
    const readable = await cli('stress', 'montecarlo', 'BRICS_OCT_PARTS', '--samples', '1000', '--seed', '7');
    expect(readable.out).toMatch(/P\(holds\)/);
    expect(readable.out).toMatch(/rounding \(unit 0\.1\)/);
  });

  it('montecarlo --workers N: worker threads give the numbers of one thread, and the time taken is printed', async () => {
    const args = ['stress', 'montecarlo', 'OFFICIAL_UST_GDP_RATIO', '--samples', '200000', '--seed', '3', '--json'];
    const one = await cli(...args, '--workers', '1');
    const two = await cli(...args, '--workers', '2');
    expect(two.code).toBe(0);
    expect(two.out).toBe(one.out);
    expect(two.err).toMatch(/^Monte Carlo took \d+ ms on 2 workers\.$/m);
    const readable = await cli('stress', 'montecarlo', 'OFFICIAL_UST_GDP_RATIO', '--samples', '1000', '--seed', '3', '--workers', '1');
    expect(readable.out).toMatch(/Monte Carlo took \d+ ms on 1 worker\.\n$/);
    const set = ['--set', 'OFFICIAL_UST_HOLDINGS=11000'];
    const setOne = await cli(...args, ...set, '--workers', '1');
    const setTwo = await cli(...args, ...set, '--workers', '2');
    expect(setTwo.out).toBe(setOne.out);
    expect(setTwo.out).not.toBe(two.out);
    expect((JSON.parse(setTwo.out) as { inputs: { id: string; base: number }[] }).inputs.find((i) => i.id === 'OFFICIAL_UST_HOLDINGS')!.base).toBe(11000);
    const bad = await cli(...args, '--workers', '0');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--workers');
  }, 60_000);

  it('bad claim or input ids exit 2 and list the known ids', async () => {
    const claim = await cli('stress', 'tornado', 'NOPE', '--json');
    expect(claim.code).toBe(2);
    expect(claim.err).toMatch(/unknown claim id "NOPE"/);
    expect(claim.err).toContain('known ids: BRICS_OCT_PARTS');
    const input = await cli('stress', 'breakeven', 'BRICS_OCT_PARTS', 'NOPE');
    expect(input.code).toBe(2);
    expect(input.err).toContain('known ids: INDIA_UST_CUT_OCT, BRAZIL_UST_CUT_OCT, CHINA_UST_CUT_OCT');
    const none = await cli('stress', 'tornado', 'NV_CHINA_SHARE');
    expect(none.code).toBe(2);
    expect(none.err).toContain('nothing in the article feeds this recomputation');
  });

  it('usage errors exit 2', async () => {
    expect((await cli('stress')).code).toBe(2);
    expect((await cli('stress', 'wobble', 'X')).code).toBe(2);
    expect((await cli('stress', 'montecarlo', 'BRICS_OCT_PARTS', '--seed', '1')).err).toContain('needs --samples');
    expect((await cli('stress', 'montecarlo', 'BRICS_OCT_PARTS', '--samples', '10')).err).toContain('needs --seed');
    expect((await cli('stress', 'table', 'BRICS_OCT_PARTS', 'INDIA_UST_CUT_OCT', 'CHINA_UST_CUT_OCT', '--steps', '1')).code).toBe(2);
    expect((await cli('stress', 'tornado', 'BRICS_OCT_PARTS', '--pct', 'abc')).code).toBe(2);
  });
});
