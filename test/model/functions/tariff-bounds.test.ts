/**
 * Tariff rates above 100% are real (US tariffs on Chinese goods reached 145% in 2025): a tariff rate
 * is taken as meant up to TARIFF_RATE_MAX, while a whole number beyond it still gets the
 * "looks like a percent" hint. Other fractions (shares, interest rates) stay within ±100%.
 */
import { describe, expect, it } from 'vitest';
import { getFunction, invokeFunction } from '../../../src/model/registry/index.js';
import { TARIFF_RATE_MAX } from '../../../src/model/units/index.js';

const call = (name: string, args: unknown[]) => invokeFunction(getFunction(name)!, args);

describe('tariff rates', () => {
  it('accept rates above 100% up to the documented bound, in a cell and across a range', () => {
    expect(TARIFF_RATE_MAX).toBe(5);
    expect(call('TARIFF_REVENUE', [100, 1.45])).toBeCloseTo(145, 9);
    expect(call('TARIFF_REVENUE', [100, TARIFF_RATE_MAX])).toBeCloseTo(500, 9);
    expect(call('TAXABLE_BASE', [145, 1.45])).toBeCloseTo(100, 9);
    const spilled = call('TARIFF_REVENUE', [[[100], [100]], [[1.45], [25]]]) as unknown[][];
    expect(spilled[0]![0]).toBeCloseTo(145, 9);
    expect(spilled[1]![0]).toMatchObject({ code: '#NUM!', message: 'rate 25 looks like a percent; enter 0.25 or 25%' });
  });

  it('keep the percent hint for whole numbers beyond the bound, and name the bound beyond 100', () => {
    expect(call('TARIFF_REVENUE', [1056, 25])).toMatchObject({ code: '#NUM!', message: 'rate 25 looks like a percent; enter 0.25 or 25%' });
    expect(call('TARIFF_REVENUE', [1056, 6])).toMatchObject({ code: '#NUM!', message: expect.stringContaining('looks like a percent') });
    expect(call('TARIFF_REVENUE', [1056, 2500])).toMatchObject({ code: '#NUM!', message: 'rate must be a fraction between -5 and 5 (0.25 = 25%), got 2500' });
  });

  it('leave other fractions at ±100%: a share of 1.2 is still a typo', () => {
    expect(call('BURDEN_SHARE', [100, 1.2])).toMatchObject({ code: '#NUM!', message: expect.stringContaining('looks like a percent') });
  });
});
