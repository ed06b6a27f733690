import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFigures } from '../../../src/model/figures/index.js';
import { loadReferences } from '../../../src/model/references/index.js';
import {
  MAX_DAY_SHIFT,
  MAX_MOVE,
  decimalsOf,
  givenFigure,
  makeVariant,
  precisionStep,
  ruleOf,
  sfc32,
  streamFor,
  xmur3,
} from '../../../src/model/exercises/index.js';

const ALL_IDS = [...loadFigures().map((f) => f.id), ...loadReferences().map((r) => r.id)];
const seedArb = fc.string({ minLength: 1, maxLength: 40 });
const studentArb = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);

describe('exercise PRNG (xmur3 → sfc32)', () => {
  it('is deterministic and gives floats in [0, 1)', () => {
    const a = streamFor('s', 'alice', 'X');
    const b = streamFor('s', 'alice', 'X');
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('separates key parts: ("ab","c") and ("a","bc") are different streams', () => {
    expect(streamFor('ab', 'c')()).not.toBe(streamFor('a', 'bc')());
  });

  it('sfc32 from xmur3 has a sane mean', () => {
    const h = xmur3('mean');
    const next = sfc32(h(), h(), h(), h());
    let s = 0;
    for (let i = 0; i < 50_000; i++) s += next();
    expect(s / 50_000).toBeCloseTo(0.5, 2);
  });
});

describe('per-student variants', () => {
  it('same seed + student id → identical variant (property)', () => {
    fc.assert(
      fc.property(seedArb, studentArb, (seed, student) => {
        expect([...makeVariant(seed, student, ALL_IDS)]).toEqual([...makeVariant(seed, student, ALL_IDS)]);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps units and plausibility for every figure and reference (property)', () => {
    fc.assert(
      fc.property(seedArb, studentArb, (seed, student) => {
        const variant = makeVariant(seed, student, ALL_IDS);
        for (const id of ALL_IDS) {
          const g = givenFigure(id)!;
          const v = variant.get(id)!;
          const rule = ruleOf(g);
          expect(Number.isFinite(v), id).toBe(true);
          switch (rule) {
            case 'fixed':
              expect(v, id).toBe(g.value);
              break;
            case 'date': {
              expect(Number.isInteger(v), id).toBe(true);
              const shift = Math.abs(v - g.value);
              expect(shift, id).toBeGreaterThanOrEqual(1);
              expect(shift, id).toBeLessThanOrEqual(MAX_DAY_SHIFT);
              break;
            }
            case 'integer':
              expect(Number.isInteger(v) && v >= 1, `${id}=${v}`).toBe(true);
              expect(Math.abs(v - g.value), id).toBeLessThanOrEqual(Math.max(1, Math.ceil(g.value * MAX_MOVE)));
              break;
            default: {
              expect(Math.sign(v), `${id} keeps its sign`).toBe(Math.sign(g.value));
              const step = precisionStep(g);
              // within ±10% plus half a rounding step
              expect(Math.abs(v - g.value), id).toBeLessThanOrEqual(Math.abs(g.value) * MAX_MOVE + step / 2 + 1e-12);
              // rounded to the step: no more decimals than the step has
              expect(decimalsOf(v), `${id}=${v}`).toBeLessThanOrEqual(Math.max(0, Math.round(-Math.log10(step))));
              if (rule === 'fraction' && (g.kind === 'share' || g.kind === 'rate')) {
                expect(v > 0 && v < 1, `${id}=${v} stays a fraction`).toBe(true);
              }
            }
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it('keeps the two ends of a stated range in order (property)', () => {
    fc.assert(
      fc.property(seedArb, studentArb, (seed, student) => {
        const v = makeVariant(seed, student, ['NV_AMD_CHINA_SHARE_LOW', 'NV_AMD_CHINA_SHARE_HIGH', 'DELIVERY_DELAY_LOW', 'DELIVERY_DELAY_HIGH']);
        expect(v.get('NV_AMD_CHINA_SHARE_LOW')!).toBeLessThan(v.get('NV_AMD_CHINA_SHARE_HIGH')!);
        expect(v.get('DELIVERY_DELAY_LOW')!).toBeLessThan(v.get('DELIVERY_DELAY_HIGH')!);
      }),
      { numRuns: 60 },
    );
  });

  it("a figure's value does not depend on which other figures are asked for", () => {
    const all = makeVariant('seed', 'alice', ALL_IDS);
    const one = makeVariant('seed', 'alice', ['WORLD_GDP']);
    expect(one.get('WORLD_GDP')).toBe(all.get('WORLD_GDP'));
  });

  it("neighbours' variants differ, and differ from the article's values", () => {
    const ids = ['INDIA_UST_CUT_OCT', 'WORLD_GDP', 'OFFICIAL_UST_HOLDINGS', 'AI_CHIP_TARIFF_RATE', 'ORDER_DATE_P6'];
    const students = Array.from({ length: 30 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);
    const rows = students.map((s) => JSON.stringify([...makeVariant('class-seed', s, ids).values()]));
    expect(new Set(rows).size).toBe(30);
    for (const s of students) {
      const v = makeVariant('class-seed', s, ids);
      for (const id of ['WORLD_GDP', 'OFFICIAL_UST_HOLDINGS', 'ORDER_DATE_P6']) expect(v.get(id), `${s} ${id}`).not.toBe(givenFigure(id)!.value);
    }
    // another seed gives another class
    expect(JSON.stringify([...makeVariant('other-seed', 's01', ids)])).not.toBe(JSON.stringify([...makeVariant('class-seed', 's01', ids)]));
  });

  it('rounds to the article precision, never coarser than 3 significant digits', () => {
    expect(precisionStep(givenFigure('CN_UST_HOLDINGS')!)).toBe(0.1); // 682.6
    expect(precisionStep(givenFigure('BRAZIL_UST_CUT_OCT')!)).toBe(0.01); // 5 → 3 significant digits
    expect(precisionStep(givenFigure('CN_MINE_GOLD_OUTPUT')!)).toBe(0.001); // 381.339 as written
    expect(precisionStep(givenFigure('AI_CHIP_TARIFF_RATE')!)).toBe(0.001); // 25% → 0.1 pp
    expect(ruleOf(givenFigure('PBOC_GOLD_STREAK')!)).toBe('integer');
    expect(ruleOf(givenFigure('UST_PSYCH_THRESHOLD')!)).toBe('fixed');
    expect(ruleOf(givenFigure('CN_UST_LOW_SINCE_YEAR')!)).toBe('fixed');
    expect(ruleOf(givenFigure('REF_INAUGURATION_2025')!)).toBe('date');
  });
});
