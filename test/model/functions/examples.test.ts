import { describe, expect, it } from 'vitest';
import { FUNCTIONS, FUNCTION_NAMES, getFunction, invokeFunction, isDomainError } from '../../../src/model/registry/index.js';
import { figureValue, loadFigures } from '../../../src/model/figures/index.js';
import { UNIT_IDS } from '../../../src/model/units/index.js';
import { matchesExample } from './helpers.js';

describe('registry', () => {
  it('has unique UPPER_SNAKE names and finds them case-insensitively, with or without CLAIM.', () => {
    expect(new Set(FUNCTION_NAMES).size).toBe(FUNCTIONS.length);
    for (const name of FUNCTION_NAMES) {
      expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(getFunction(name.toLowerCase())?.name).toBe(name);
      expect(getFunction(`claim.${name}`)?.name).toBe(name);
    }
    expect(getFunction('NO_SUCH_FUNCTION')).toBeUndefined();
  });

  it('lists the agreed functions with their parameter order', () => {
    const signatures = Object.fromEntries(FUNCTIONS.map((f) => [f.name, f.params.map((p) => p.name).join(',')]));
    expect(signatures).toMatchObject({
      TARIFF_REVENUE: 'volume,rate',
      TAXABLE_BASE: 'revenue,rate',
      BURDEN_SHARE: 'amount,share',
      DEBT_SHARE: 'holdings,gdp',
      RATIO: 'numerator,denominator',
      CHANGE: 'old_value,new_value',
      PCT_CHANGE: 'old_value,new_value',
      PRIOR_FROM_GROWTH: 'current,growth',
      PRIOR_FROM_DELTA: 'current,delta',
      PARTS_GAP: 'total,parts',
      CUMULATIVE_CHANGE: 'changes',
      CONVERT_CURRENCY: 'amount,fx_rate',
      IMPLIED_FX: 'amount_from,amount_to',
      TROY_OZ_TO_TONNES: 'ounces',
      TONNES_TO_TROY_OZ: 'tonnes',
      MONTHS_IN_STREAK: 'start_date,end_date',
      STREAK_START: 'end_date,months',
      DAYS_BETWEEN: 'start_date,end_date',
      SHARE_SHIFT_PP: 'old_share,new_share',
      INTEREST_COST: 'debt,rate',
      YEARS_TO_OVERTAKE: 'follower,follower_growth,leader,leader_growth',
      FIGURE: 'id,field',
    });
  });

  it.each(FUNCTIONS.map((f) => [f.name, f] as const))('%s: spec is complete', (_name, spec) => {
    expect(spec.descriptionEn.length).toBeGreaterThan(10);
    expect(spec.descriptionZh).toMatch(/[\u4e00-\u9fff]/);
    expect(spec.examples.length).toBeGreaterThanOrEqual(2);
    expect(spec.examples.some((e) => typeof e.result === 'string' && e.result.startsWith('#'))).toBe(true);
    expect(spec.claims).toEqual(expect.any(Array));
    expect([...UNIT_IDS, 'any']).toContain(spec.resultUnit);
    for (const p of spec.params) {
      expect(p.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(p.descriptionEn.length).toBeGreaterThan(3);
      expect(p.descriptionZh).toMatch(/[\u4e00-\u9fff]/);
      expect([...UNIT_IDS, 'any']).toContain(p.unit);
      if (p.optional) expect(p.defaultValue).toBeDefined();
    }
    // Optional parameters come last, as Excel requires.
    const firstOptional = spec.params.findIndex((p) => p.optional);
    if (firstOptional >= 0) expect(spec.params.slice(firstOptional).every((p) => p.optional)).toBe(true);
    // Only lookups (which answer text as well as numbers) and functions that say explicitly why
    // (`nativeless`, e.g. a simulation) may lack a native Excel equivalent.
    if (spec.resultType !== 'any' && spec.nativeless === undefined) expect(spec.native).toBeTypeOf('function');
    if (spec.nativeless !== undefined) expect(spec.native).toBeUndefined();
  });
});

describe('every registry example runs', () => {
  const cases = FUNCTIONS.flatMap((f) => f.examples.map((ex, i) => [`${f.name} #${i + 1}`, f, ex] as const));
  it.each(cases)('%s', (_label, spec, example) => {
    const result = invokeFunction(spec, example.args as unknown[]);
    expect(matchesExample(result, example.result), JSON.stringify({ args: example.args, result, expected: example.result })).toBe(true);
    if (isDomainError(result)) expect(result.message.length).toBeGreaterThan(5);
  });
});

describe('FIGURE against the live catalogue', () => {
  const spec = getFunction('FIGURE')!;
  const figures = loadFigures();

  it('answers every figure value (dates as serials) and its text fields', () => {
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) {
      expect(invokeFunction(spec, [f.id])).toBe(figureValue(f));
      expect(invokeFunction(spec, [f.id, null])).toBe(figureValue(f));
      expect(invokeFunction(spec, [f.id, 'unit'])).toBe(f.unit);
      expect(invokeFunction(spec, [f.id, 'period'])).toBe(f.period);
      expect(invokeFunction(spec, [f.id, 'paragraph'])).toBe(f.paragraph);
      expect(invokeFunction(spec, [f.id, 'label'])).toBe(f.labelEn);
      expect(invokeFunction(spec, [f.id, 'label_zh'])).toBe(f.labelZh);
      expect(invokeFunction(spec, [f.id, 'AS_WRITTEN'])).toBe(f.asWritten);
    }
  });

  it('answers #N/A for an unknown id and #VALUE! for an unknown field, with messages', () => {
    const unknown = invokeFunction(spec, ['NOT_A_FIGURE_ID']);
    expect(unknown).toMatchObject({ code: '#N/A', message: expect.stringContaining('NOT_A_FIGURE_ID') });
    const badField = invokeFunction(spec, [figures[0]!.id, 'colour']);
    expect(badField).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('colour') });
    expect(invokeFunction(spec, [true])).toMatchObject({ code: '#VALUE!' });
  });
});
