import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { parseEvalArg } from '../../src/cli/commands/eval.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('claimcell eval', () => {
  it('eval TARIFF_REVENUE 1056 0.25 --json → 264', async () => {
    const r = await cli('eval', 'TARIFF_REVENUE', '1056', '0.25', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ value: 264 });
  });

  it('eval DEBT_SHARE 9360 123580 prints a readable line ≈ 0.0757', async () => {
    const r = await cli('eval', 'DEBT_SHARE', '9360', '123580');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^DEBT_SHARE\(9360, 123580\) = 0\.0757/);
    const j = await cli('eval', 'debt_share', '9360', '123580', '--json');
    expect((JSON.parse(j.out) as { value: number }).value).toBeCloseTo(0.0757, 4);
  });

  it('an Excel error is a result: exit 0 with code and message', async () => {
    const r = await cli('eval', 'TARIFF_REVENUE', '1056', '25', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ error: '#NUM!', message: 'rate 25 looks like a percent; enter 0.25 or 25%' });
    const text = await cli('eval', 'RATIO', '1', '0');
    expect(text.code).toBe(0);
    expect(text.out).toContain('#DIV/0!');
    expect(text.out).toContain('denominator');
  });

  it('JSON arrays are ranges and spill; "" and null are omitted arguments', async () => {
    const r = await cli('eval', 'CHANGE', '[[1,2,3]]', '[[2],[4]]', '--json');
    expect(JSON.parse(r.out)).toEqual({ value: [[1, 0, -1], [3, 2, 1]] });
    const gap = await cli('eval', 'PARTS_GAP', '28.8', '[[12],[null],[11.8]]', '--json');
    expect((JSON.parse(gap.out) as { value: number }).value).toBeCloseTo(5, 9);
    const cells = await cli('eval', 'TARIFF_REVENUE', '[100,"x"]', '0.5', '--json');
    expect(JSON.parse(cells.out)).toEqual({ value: [[50, { error: '#VALUE!', message: 'volume must be a number, got "x"' }]] });
    expect(parseEvalArg('')).toBeNull();
    expect(parseEvalArg('null')).toBeNull();
    expect(parseEvalArg('""')).toBeNull();
    expect(parseEvalArg('-5')).toBe(-5);
    expect(parseEvalArg('1e3')).toBe(1000);
    expect(parseEvalArg('TRUE')).toBe(true);
    expect(parseEvalArg('AI_CHIP_TARIFF_RATE')).toBe('AI_CHIP_TARIFF_RATE');
  });

  it('FIGURE with an omitted field answers the value', async () => {
    const unit = await cli('eval', 'FIGURE', 'AI_CHIP_TARIFF_RATE', 'unit', '--json');
    const value = await cli('eval', 'FIGURE', 'AI_CHIP_TARIFF_RATE', '', '--json');
    expect(unit.code).toBe(0);
    expect(JSON.parse(unit.out)).toEqual({ value: 'percent' });
    expect(typeof (JSON.parse(value.out) as { value: unknown }).value).toBe('number');
    const missing = await cli('eval', 'FIGURE', 'NO_SUCH_ID', '--json');
    expect(JSON.parse(missing.out)).toMatchObject({ error: '#N/A' });
  });

  it('bad command lines exit 2 on stderr', async () => {
    const unknown = await cli('eval', 'NO_SUCH_FUNCTION', '1');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown function');
    expect(unknown.out).toBe('');
    expect((await cli('eval')).code).toBe(2);
    expect((await cli('eval', 'RATIO', '1', '2', '3')).code).toBe(2);
    expect((await cli('eval', 'RATIO', '[1,', '2')).code).toBe(2);
    expect((await cli('eval', 'RATIO', '1', '2', '--yaml')).code).toBe(2);
  });
});
