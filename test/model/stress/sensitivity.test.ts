import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { grid, tornado, twoWayTable } from '../../../src/model/stress/sensitivity.js';
import { scalarModel } from '../../../src/model/stress/types.js';
import { linearModel, tariffModel } from './helpers.js';

describe('tornado', () => {
  it('on linear models, swings equal |∂out/∂x_i| × range and the ranking agrees (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            coef: fc.double({ min: -100, max: 100, noNaN: true }),
            base: fc.double({ min: -1000, max: 1000, noNaN: true }),
            width: fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (specs, pct) => {
          const ranges = specs.map((s) => (s.width === undefined ? undefined : { low: s.base - s.width / 3, high: s.base + (2 * s.width) / 3 }));
          const model = linearModel(specs.map((s) => s.coef), specs.map((s) => s.base), 7, ranges);
          const t = tornado(model, { pct });
          const analytic = specs.map((s) => Math.abs(s.coef) * (s.width ?? (2 * Math.abs(s.base) * pct) / 100));
          for (const bar of t.bars) {
            const i = Number(bar.id.slice(1));
            expect(bar.swing).toBeGreaterThanOrEqual(0);
            expect(bar.source).toBe(specs[i]!.width === undefined ? 'pct' : 'stated');
            expect(Math.abs(bar.swing - analytic[i]!)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(specs[i]!.coef) * (1000 + 50)));
          }
          // ranked by swing, largest first
          for (let k = 1; k < t.bars.length; k++) expect(t.bars[k]!.swing).toBeLessThanOrEqual(t.bars[k - 1]!.swing);
          // the order agrees with the analytic ranking wherever analytic swings differ clearly
          const pos = new Map(t.bars.map((b, k) => [b.id, k]));
          for (let i = 0; i < specs.length; i++)
            for (let j = 0; j < specs.length; j++)
              if (analytic[i]! > analytic[j]! * (1 + 1e-6) + 1e-6) expect(pos.get(`x${i}`)!).toBeLessThan(pos.get(`x${j}`)!);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('tariff: rate (stated 0.20–0.30) outranks volume (±10%)', () => {
    const t = tornado(tariffModel);
    expect(t.baseOutput).toBe(264);
    expect(t.holdsAtBase).toBe(true);
    expect(t.bars.map((b) => b.id)).toEqual(['rate', 'volume']);
    const [rate, volume] = t.bars;
    expect(rate).toMatchObject({ source: 'stated', inputLow: 0.2, inputHigh: 0.3, unit: '1' });
    expect(rate!.outputAtLow).toBeCloseTo(211.2, 10);
    expect(rate!.outputAtHigh).toBeCloseTo(316.8, 10);
    expect(rate!.swing).toBeCloseTo(105.6, 10);
    expect(volume!.source).toBe('pct');
    expect(volume!.swing).toBeCloseTo(52.8, 10);
    expect(rate!.holdsAtLow).toBe(false);
    const t20 = tornado(tariffModel, { pct: 20, ranges: { rate: { low: 0.24, high: 0.26 } } });
    expect(t20.bars.map((b) => b.id)).toEqual(['volume', 'rate']);
    expect(t20.bars[1]!.source).toBe('override');
  });

  it('with more steps, catches non-monotone outputs', () => {
    const m = scalarModel([{ id: 'x', base: 0, low: -1, high: 1 }], (x) => x[0]! * x[0]!, () => true);
    expect(tornado(m).bars[0]!.swing).toBe(0); // endpoints only: f(-1) = f(1)
    const t = tornado(m, { steps: 21 });
    expect(t.bars[0]!.swing).toBe(1);
    expect(t.bars[0]!.outputMin).toBe(0);
  });

  it('one evaluate call for the whole tornado', () => {
    let calls = 0;
    const m = { ...tariffModel, evaluate: (c: readonly Float64Array[], n: number, o: Float64Array) => { calls++; tariffModel.evaluate(c, n, o); } };
    tornado(m);
    expect(calls).toBe(1);
  });

  it('rejects bad options and unknown override ids', () => {
    expect(() => tornado(tariffModel, { pct: -1 })).toThrow(/pct/);
    expect(() => tornado(tariffModel, { steps: 1 })).toThrow(/steps/);
    expect(() => tornado(tariffModel, { ranges: { nope: { low: 0, high: 1 } } })).toThrow(/unknown input "nope"/);
  });
});

describe('grid', () => {
  it('has exact endpoints and even spacing', () => {
    expect(Array.from(grid(0, 1, 5))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(grid(0.1, 0.3, 3))).toEqual([0.1, 0.2, 0.3]);
    expect(Array.from(grid(2, 2, 1))).toEqual([2]);
    expect(() => grid(0, 1, 0)).toThrow(/steps/);
    expect(() => grid(0, Infinity, 3)).toThrow(/finite/);
  });
});

describe('twoWayTable', () => {
  it('matches the model at every grid point', () => {
    const ga = grid(900, 1200, 101);
    const gb = grid(0.2, 0.3, 101);
    const t = twoWayTable(tariffModel, 'volume', ga, 'rate', gb);
    expect(t.rows.length).toBe(101);
    for (const i of [0, 17, 50, 100])
      for (const j of [0, 33, 100]) expect(t.rows[i]![j]).toBe(ga[i]! * gb[j]!);
  });

  it('holds the other inputs at base and rejects bad arguments', () => {
    const m = linearModel([1, 10, 100], [1, 2, 3]);
    const t = twoWayTable(m, 'x2', [0, 1], 'x0', [5]);
    expect(t.rows.map((r) => Array.from(r))).toEqual([[5 + 20 + 0], [5 + 20 + 100]]);
    expect(() => twoWayTable(m, 'x0', [1], 'x0', [1])).toThrow(/two different inputs/);
    expect(() => twoWayTable(m, 'x9', [1], 'x0', [1])).toThrow(/unknown input "x9"/);
    expect(() => twoWayTable(m, 'x1', [], 'x0', [1])).toThrow(/must not be empty/);
  });
});
