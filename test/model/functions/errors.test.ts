import { describe, expect, it } from 'vitest';
import { MESSAGES, getFunction, invokeFunction } from '../../../src/model/registry/index.js';
import type { FunctionSpec } from '../../../src/model/registry/index.js';

const fn = (name: string): FunctionSpec => {
  const spec = getFunction(name);
  if (!spec) throw new Error(`no ${name}`);
  return spec;
};
const call = (name: string, ...args: unknown[]) => invokeFunction(fn(name), args);

describe('error kinds and their messages', () => {
  it('a rate typed as a whole percent → #NUM! saying it looks like a percent', () => {
    expect(call('TARIFF_REVENUE', 1056, 25)).toEqual({
      kind: 'error',
      code: '#NUM!',
      message: 'rate 25 looks like a percent; enter 0.25 or 25%',
    });
    expect(call('SHARE_SHIFT_PP', 0.12, 27)).toMatchObject({ code: '#NUM!', message: expect.stringMatching(/new_share 27 looks like a percent/) });
    expect(call('INTEREST_COST', 100, -3.3)).toMatchObject({ code: '#NUM!', message: expect.stringContaining('percent') });
  });

  it('a fraction far outside -1…1 → #NUM! naming the range', () => {
    expect(call('BURDEN_SHARE', 100, 2500)).toMatchObject({ code: '#NUM!', message: expect.stringMatching(/^share must be a fraction between -1 and 1/) });
  });

  it('percent text and numeric text are read as Excel arithmetic reads them', () => {
    expect(call('TARIFF_REVENUE', '1056', '25%')).toBe(264);
    expect(call('TARIFF_REVENUE', 1056, true)).toBe(1056);
  });

  it('non-numeric → #VALUE! naming the parameter and the value', () => {
    expect(call('DEBT_SHARE', 'lots', 100)).toEqual({ kind: 'error', code: '#VALUE!', message: 'holdings must be a number, got "lots"' });
    expect(call('DEBT_SHARE', 1, Number.NaN)).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('gdp') });
    expect(call('DEBT_SHARE', 1, { x: 1 })).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('gdp') });
  });

  it('positive / nonnegative / growth / integer / date domains → #NUM!', () => {
    expect(call('CONVERT_CURRENCY', 70, -1)).toMatchObject({ code: '#NUM!', message: 'fx_rate must be greater than 0, got -1' });
    expect(call('DEBT_SHARE', -1, 100)).toMatchObject({ code: '#NUM!', message: 'holdings must not be negative, got -1' });
    expect(call('PRIOR_FROM_GROWTH', 100, -1.5)).toMatchObject({ code: '#NUM!', message: expect.stringMatching(/^growth must be greater than -1/) });
    expect(call('STREAK_START', 46022, 2.5)).toMatchObject({ code: '#NUM!', message: 'months must be a whole number, got 2.5' });
    expect(call('DAYS_BETWEEN', 0, 45000)).toMatchObject({ code: '#NUM!', message: expect.stringMatching(/^start_date must be an Excel date serial/) });
    expect(call('MONTHS_IN_STREAK', 46022, 45627)).toMatchObject({ code: '#NUM!', message: 'start_date is after end_date' });
    expect(call('YEARS_TO_OVERTAKE', 1, 0.01, 2, 0.01)).toMatchObject({ code: '#NUM!', message: expect.stringMatching(/never overtakes/) });
  });

  it('division by zero → #DIV/0! naming the divisor (before the domain check)', () => {
    expect(call('RATIO', 1, 0)).toEqual({ kind: 'error', code: '#DIV/0!', message: 'denominator is 0: division by zero' });
    expect(call('DEBT_SHARE', 1, 0)).toMatchObject({ code: '#DIV/0!', message: expect.stringContaining('gdp') });
    expect(call('TAXABLE_BASE', 264, 0)).toMatchObject({ code: '#DIV/0!' });
  });

  it('a non-finite result → #NUM!', () => {
    expect(call('RATIO', 1e308, 1e-308)).toMatchObject({ code: '#NUM!', message: expect.stringContaining('RATIO') });
    expect(call('RATIO', [[1e308, 1]], [[1e-308, 1]])).toEqual([[expect.objectContaining({ code: '#NUM!' }), 1]]);
  });

  it('missing, blank, omitted and surplus arguments', () => {
    expect(call('RATIO', 1)).toMatchObject({ code: '#VALUE!', message: 'denominator is required' });
    expect(call('RATIO', null, 4)).toBe(0); // an empty cell counts as 0
    expect(call('RATIO', 4, null)).toMatchObject({ code: '#DIV/0!' });
    expect(call('RATIO', 1, 2, 3)).toMatchObject({ code: '#VALUE!', message: 'RATIO takes at most 2 arguments, got 3' });
    expect(call('FIGURE', null)).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('id') });
  });

  it('ranges: empty ranges, multi-cell ranges for single values, text in a range parameter', () => {
    expect(call('TARIFF_REVENUE', [], 0.25)).toMatchObject({ code: '#VALUE!', message: 'volume is an empty range' });
    expect(call('PARTS_GAP', [[1, 2]], [[1]])).toMatchObject({ code: '#VALUE!', message: 'total expects a single value, got a 1×2 range' });
    expect(call('PARTS_GAP', [[10]], 4)).toBe(6); // 1×1 ranges and scalars are interchangeable
    expect(call('CUMULATIVE_CHANGE', [[1], ['x']])).toMatchObject({
      code: '#VALUE!',
      message: 'changes row 2, column 1 must be a number or empty, got "x"',
    });
    expect(call('CUMULATIVE_CHANGE', [[1, null, ''], [2, 3, 4]])).toBe(10);
  });

  it('elementwise ranges: per-cell errors, empty cells as 0, #N/A outside a smaller range', () => {
    expect(call('TARIFF_REVENUE', [[100, 'x', null]], 0.5)).toEqual([
      [50, expect.objectContaining({ code: '#VALUE!', message: 'volume must be a number, got "x"' }), 0],
    ]);
    expect(call('CHANGE', [[1, 2, 3]], [[1, 2]])).toEqual([[0, 0, expect.objectContaining({ code: '#N/A' })]]);
    expect(call('TARIFF_REVENUE', [[100], [200]], [[0.1], [50]])).toEqual([[10], [expect.objectContaining({ code: '#NUM!' })]]);
  });

  it('an implementation that throws is reported, not thrown', () => {
    const spec: FunctionSpec = {
      ...fn('RATIO'),
      implementation: () => {
        throw new Error('boom');
      },
    };
    expect(invokeFunction(spec, [1, 2])).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('boom') });
    expect(invokeFunction(spec, [[[1, 2]], 2])).toEqual([[expect.objectContaining({ code: '#VALUE!' }), expect.objectContaining({ code: '#VALUE!' })]]);
  });

  it('every message has a Chinese variant', () => {
    for (const [key, m] of Object.entries(MESSAGES)) {
      expect(typeof m.en, key).toBe('function');
      expect(typeof m.zh, key).toBe('function');
    }
    expect(MESSAGES.looksLikePercent.zh('rate', 25)).toContain('0.25');
  });
});
