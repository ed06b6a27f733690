import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run.js';

/** The worked example every fresh workbook carries: MY_UST_INCOME = CN_UST_HOLDINGS*MY_UST_YIELD, at least 25. */
const CLAIM = 'MY_UST_INCOME';

describe('stress commands on a claim of the user (--workbook)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimcell-stress-mine-'));
  const wb = join(dir, 'wb.xlsx');
  beforeAll(async () => {
    expect((await cli('workbook', '--out', wb)).code).toBe(0);
  });

  it('is unknown without the workbook that carries it', async () => {
    const r = await cli('stress', 'tornado', CLAIM);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`unknown claim id "${CLAIM}"`);
  });

  it('tornado moves the user figure with the article figure', async () => {
    const r = await cli('stress', 'tornado', CLAIM, '--workbook', wb, '--json');
    expect(r.code, r.err).toBe(0);
    const t = JSON.parse(r.out) as { claimId: string; bars: { id: string }[]; holdsAtBase: boolean };
    expect(t.claimId).toBe(CLAIM);
    expect(t.bars.map((b) => b.id).sort()).toEqual(['CN_UST_HOLDINGS', 'MY_UST_YIELD']);
    expect(typeof t.holdsAtBase).toBe('boolean');
  });

  it('two-way table and break-even on the user figure', async () => {
    const table = await cli('stress', 'table', CLAIM, 'CN_UST_HOLDINGS', 'MY_UST_YIELD', '--workbook', wb, '--json');
    expect(table.code, table.err).toBe(0);
    expect((JSON.parse(table.out) as { rows: number[][] }).rows).toHaveLength(5);
    const be = await cli('stress', 'breakeven', CLAIM, 'MY_UST_YIELD', '--workbook', wb, '--json');
    expect(be.code, be.err).toBe(0);
    const r = JSON.parse(be.out) as { found: boolean; value: number; base: number };
    expect(r.base).toBe(0.04);
    expect(r.found).toBe(true);
    // 25 bn of income over the holdings: the yield at which "at least 25" flips
    expect(r.value).toBeGreaterThan(0);
  });

  it('Monte Carlo on worker threads (sent the rows, not closures) gives the numbers of one thread', async () => {
    const args = ['stress', 'montecarlo', CLAIM, '--samples', '20000', '--seed', '7', '--workbook', wb, '--json'];
    const one = await cli(...args, '--workers', '1');
    const two = await cli(...args, '--workers', '2');
    expect(one.code, one.err).toBe(0);
    expect(two.code, two.err).toBe(0);
    expect(JSON.parse(two.out)).toEqual(JSON.parse(one.out));
    const r = JSON.parse(one.out) as { inputs: { id: string }[]; probabilityHolds: number };
    expect(r.inputs.map((i) => i.id)).toContain('MY_UST_YIELD');
    expect(r.probabilityHolds).toBeGreaterThanOrEqual(0);
  });
});
