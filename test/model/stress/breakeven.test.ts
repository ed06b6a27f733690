import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { breakEven } from '../../../src/model/stress/breakeven.js';
import { scalarModel, type VectorModel } from '../../../src/model/stress/types.js';
import { tariffModel } from './helpers.js';

/** debt share = holdings / gdp; the claim "7.6%" holds when |share − 0.076| ≤ 0.0005. */
const debtShare: VectorModel = {
  inputs: [{ id: 'holdings', base: 9360 }, { id: 'gdp', base: 123580 }],
  evaluate(c, n, o) {
    for (let k = 0; k < n; k++) o[k] = c[0]![k]! / c[1]![k]!;
  },
  holds: (o) => Math.abs(o - 0.076) <= 0.0005,
};

describe('breakEven', () => {
  it('x·r = 264 → r = 264/x (closed form), for many x and targets (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 100, max: 10_000, noNaN: true }), fc.double({ min: 50, max: 500, noNaN: true }), (x, T) => {
        const m = scalarModel([{ id: 'x', base: x }, { id: 'r', base: 0.25 }], (v) => v[0]! * v[1]!, () => true);
        const exact = T / x;
        const r = breakEven(m, 'r', T, { lo: exact / 3, hi: exact * 1.7 });
        expect(r.found).toBe(true);
        if (r.found) {
          expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(4 * Number.EPSILON * exact);
          expect(r.output).toBeCloseTo(T, 9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('tariff: rate where revenue reaches 264 is 0.25; volume 1000 → 0.264', () => {
    const r = breakEven(tariffModel, 'rate', 264, { lo: 0.2, hi: 0.3 });
    expect(r.found && r.value).toBeCloseTo(0.25, 14);
    const m = { ...tariffModel, inputs: [{ id: 'volume', base: 1000 }, tariffModel.inputs[1]!] };
    const r2 = breakEven(m, 'rate', 264, { lo: 0.2, hi: 0.3 });
    expect(r2.found && r2.value).toBeCloseTo(0.264, 14);
    expect(r2.message).toMatch(/output reaches 264 at rate ≈ 0.264/);
  });

  it("flip of |a/b − 0.076| ≤ 0.0005: holdings where the claim stops holding", () => {
    const up = breakEven(debtShare, 'holdings', 'flip', { lo: 9360, hi: 9600 });
    expect(up.found).toBe(true);
    if (up.found) {
      expect(up.value).toBeCloseTo(0.0765 * 123580, 6);
      expect(up.holdsBelow).toBe(true);
      expect(up.holdsAbove).toBe(false);
      expect(up.bracket[1] - up.bracket[0]).toBeLessThan(1e-9);
      expect(up.message).toMatch(/claim holds below and fails above holdings ≈ 9453.87$/);
    }
    // a range around the base containing both boundaries: the nearer one (to base 9360) wins, the other is listed
    const both = breakEven(debtShare, 'holdings', 'flip', { lo: 9000, hi: 9700 });
    expect(both.found).toBe(true);
    if (both.found) {
      expect(both.value).toBeCloseTo(0.0755 * 123580, 6); // 9330.29 is nearer 9360 than 9453.87
      expect(both.otherCrossings.length).toBe(1);
      expect(both.otherCrossings[0]!).toBeCloseTo(0.0765 * 123580, 0);
    }
    // flip on the denominator: gdp where the share leaves the band
    const g = breakEven(debtShare, 'gdp', 'flip', { lo: 123580, hi: 124500 });
    expect(g.found && g.value).toBeCloseTo(9360 / 0.0755, 4);
  });

  it('expands the bracket within the limits when the root lies outside [lo, hi]', () => {
    const r = breakEven(tariffModel, 'rate', 264, { lo: 0.3, hi: 0.35 });
    expect(r.found).toBe(true);
    if (r.found) {
      expect(r.value).toBeCloseTo(0.25, 14);
      expect(r.searched[0]).toBeLessThan(0.3);
    }
  });

  it('no root in range → found: false with a message saying where the output stayed', () => {
    const r = breakEven(tariffModel, 'rate', 1000, { lo: 0.2, hi: 0.3 });
    expect(r.found).toBe(false);
    if (!r.found) {
      expect(r.message).toMatch(/^output stays between 0 and 528 for rate in \[0, 0.5\]; target 1000 not reached$/);
      expect(r.outputMin).toBe(0);
      expect(r.outputMax).toBeCloseTo(528, 9);
    }
    const narrow = breakEven(tariffModel, 'rate', 1000, { lo: 0.2, hi: 0.3, limits: { min: 0.2, max: 0.3 } });
    expect(narrow.message).toBe('output stays between 211.2 and 316.8 for rate in [0.2, 0.3]; target 1000 not reached');
    const flip = breakEven(debtShare, 'holdings', 'flip', { lo: 9340, hi: 9350, limits: { min: 9340, max: 9350 } });
    expect(flip.found).toBe(false);
    expect(flip.message).toMatch(/^claim holds throughout holdings in \[9340, 9350\] \(output between 0.0755786 and 0.0756595\); it never flips$/);
  });

  it('a sign change across a pole is not reported as a break-even', () => {
    const m = scalarModel([{ id: 'x', base: 1 }], (v) => 1 / v[0]!, () => true);
    const r = breakEven(m, 'x', 0, { lo: -1, hi: 1 });
    expect(r.found).toBe(false);
    expect(r.message).toMatch(/jumps across 0 near x ≈ .*discontinuity/);
  });

  it('validates its arguments', () => {
    expect(() => breakEven(tariffModel, 'nope', 1, { lo: 0, hi: 1 })).toThrow(/unknown input "nope"/);
    expect(() => breakEven(tariffModel, 'rate', 1, { lo: 1, hi: 0 })).toThrow(/lo < hi/);
    expect(() => breakEven(tariffModel, 'rate', Number.NaN, { lo: 0, hi: 1 })).toThrow(/target/);
    expect(() => breakEven(tariffModel, 'rate', 1, { lo: 0, hi: 1, limits: { min: 0.5 } })).toThrow(/limits/);
  });

  it('finds roots of monotone cubics to full precision (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), (root) => {
        const m = scalarModel([{ id: 'x', base: 0 }], (v) => (v[0]! - root) ** 3 + (v[0]! - root), () => true);
        const r = breakEven(m, 'x', 0, { lo: -10, hi: 10 });
        expect(r.found).toBe(true);
        if (r.found) expect(Math.abs(r.value - root)).toBeLessThan(1e-12);
      }),
      { numRuns: 100 },
    );
  });
});
