import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, getFunction, invokeFunction, isDomainError } from '../../../src/model/registry/index.js';
import type { FunctionResult, FunctionSpec } from '../../../src/model/registry/index.js';
import { close, ERROR_CODES } from './helpers.js';

const fn = (name: string): FunctionSpec => getFunction(name)!;
const num = (name: string, ...args: unknown[]): number => {
  const r = invokeFunction(fn(name), args);
  if (typeof r !== 'number') throw new Error(`${name}(${args.join(', ')}) = ${JSON.stringify(r)}`);
  return r;
};

/** Anything a cell or a caller might hand over: numbers of every size, NaN, ±Infinity, text, booleans, blanks. */
const anyScalar = fc.oneof(
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.constantFrom(0, -0, 1, -1, 1e308, -1e308, 5e-324, Number.MAX_VALUE, Number.MIN_VALUE, 45_000, 2_958_465, 100, 25),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('25%', '0.25', ' 12 ', '1e3', '-', 'TRUE', '#N/A', ''),
  fc.boolean(),
  fc.constant(null),
);
const anyMatrix = fc.array(fc.array(anyScalar, { maxLength: 4 }), { maxLength: 4 });
const anyArg = fc.oneof(anyScalar, anyScalar, anyMatrix, fc.constant(undefined), fc.constant({ not: 'a cell' }));

function validCell(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return true;
  return isDomainError(value) && (ERROR_CODES as readonly string[]).includes(value.code) && value.message.length > 0;
}

function validResult(result: FunctionResult): boolean {
  if (Array.isArray(result)) return result.length > 0 && result.every((row) => row.length > 0 && row.every(validCell));
  return validCell(result);
}

describe('every function, on arbitrary input', () => {
  it.each(FUNCTIONS.map((f) => [f.name, f] as const))('%s never throws and answers only finite numbers, text or documented errors', (_n, spec) => {
    fc.assert(
      fc.property(fc.array(anyArg, { minLength: 0, maxLength: spec.params.length + 1 }), (args) => {
        const result = invokeFunction(spec, args);
        expect(validResult(result), JSON.stringify({ args, result })).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('inverse round trips', () => {
  const rate = fc.double({ min: 1e-4, max: 1, noNaN: true });
  const amount = fc.double({ min: 0, max: 1e9, noNaN: true });

  it('TAXABLE_BASE ∘ TARIFF_REVENUE = identity on the volume', () => {
    fc.assert(fc.property(amount, rate, (v, r) => close(num('TAXABLE_BASE', num('TARIFF_REVENUE', v, r), r), v)));
  });

  it('TONNES_TO_TROY_OZ ∘ TROY_OZ_TO_TONNES = identity, and back', () => {
    const x = fc.double({ min: -1e12, max: 1e12, noNaN: true });
    fc.assert(fc.property(x, (oz) => close(num('TONNES_TO_TROY_OZ', num('TROY_OZ_TO_TONNES', oz)), oz)));
    fc.assert(fc.property(x, (t) => close(num('TROY_OZ_TO_TONNES', num('TONNES_TO_TROY_OZ', t)), t)));
  });

  it('IMPLIED_FX recovers the rate CONVERT_CURRENCY used', () => {
    const from = fc.double({ min: 1e-3, max: 1e9, noNaN: true });
    const fx = fc.double({ min: 1e-4, max: 1e4, noNaN: true });
    fc.assert(fc.property(from, fx, (a, r) => close(num('IMPLIED_FX', a, num('CONVERT_CURRENCY', a, r)), r)));
  });

  it('PRIOR_FROM_GROWTH undoes PCT_CHANGE', () => {
    // Growth between 1% and 100× of the prior level: beyond that, 1 + growth loses the digits a check needs.
    const level = fc.double({ min: 1e-3, max: 1e9, noNaN: true });
    const factor = fc.double({ min: 0.01, max: 100, noNaN: true });
    fc.assert(
      fc.property(level, factor, (prior, k) => {
        const current = prior * k;
        return close(num('PRIOR_FROM_GROWTH', current, num('PCT_CHANGE', prior, current)), prior);
      }),
    );
  });

  it('PRIOR_FROM_DELTA undoes CHANGE', () => {
    const level = fc.double({ min: -1e9, max: 1e9, noNaN: true });
    fc.assert(fc.property(level, level, (old, now) => Math.abs(num('PRIOR_FROM_DELTA', now, num('CHANGE', old, now)) - old) <= 1e-6 * Math.max(1, Math.abs(now), Math.abs(old))));
  });

  it('MONTHS_IN_STREAK counts the months of the streak STREAK_START begins', () => {
    const end = fc.integer({ min: 40_000, max: 2_900_000 });
    const months = fc.integer({ min: 1, max: 600 });
    fc.assert(
      fc.property(end, months, (e, m) => {
        const start = num('STREAK_START', e, m);
        expect(num('MONTHS_IN_STREAK', start, e)).toBe(m);
        expect(num('DAYS_BETWEEN', start, e)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('broadcasting', () => {
  const dim = fc.integer({ min: 1, max: 4 });
  const shaped = <T>(cell: fc.Arbitrary<T>) =>
    fc.tuple(dim, dim).chain(([r, c]) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
  const elementwise = FUNCTIONS.filter((f) => f.elementwise);

  it('result shape is the larger of each dimension; cells outside a smaller range are #N/A', () => {
    const cell = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(shaped(cell), shaped(cell), (a, b) => {
        const result = invokeFunction(fn('CHANGE'), [a, b]) as FunctionResult[][];
        const rows = Math.max(a.length, b.length);
        const cols = Math.max(a[0]!.length, b[0]!.length);
        expect(result.length).toBe(rows);
        for (let i = 0; i < rows; i++) {
          expect(result[i]!.length).toBe(cols);
          for (let j = 0; j < cols; j++) {
            const pick = (m: number[][]) => {
              const r = m.length === 1 ? 0 : i;
              const c = m[0]!.length === 1 ? 0 : j;
              return r < m.length && c < m[0]!.length ? m[r]![c]! : undefined;
            };
            const x = pick(a);
            const y = pick(b);
            const got = result[i]![j];
            if (x === undefined || y === undefined) expect(got).toMatchObject({ code: '#N/A' });
            else expect(got).toBe(y - x);
          }
        }
      }),
    );
  });

  it.each(elementwise.map((f) => [f.name, f] as const))('%s: a range result equals the function applied cell by cell', (_n, spec) => {
    // Same-shaped ranges of in-domain and out-of-domain values exercise both the fast and the checked path.
    const cell = fc.oneof(
      fc.double({ min: -2, max: 2, noNaN: true }),
      fc.integer({ min: -10, max: 60_000 }),
      fc.constantFrom(0, 0.25, 25, 45_000, null, 'x', true),
    );
    const args = fc.tuple(dim, dim).chain(([r, c]) =>
      fc.tuple(
        ...spec.params.map(() =>
          fc.oneof(
            fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
            fc.array(fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
            fc.array(fc.array(fc.integer({ min: 40_000, max: 50_000 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
          ),
        ),
      ),
    );
    fc.assert(
      fc.property(args, (ranges) => {
        const result = invokeFunction(spec, ranges) as unknown[][];
        ranges[0]!.forEach((row, i) =>
          row.forEach((_c, j) => {
            const single = invokeFunction(spec, ranges.map((m) => m[i]![j] ?? null));
            expect(result[i]![j]).toEqual(single);
          }),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('a scalar, a 1×1 range, a row and a column broadcast against a block', () => {
    const block = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const change = fn('CHANGE');
    expect(invokeFunction(change, [1, block])).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(invokeFunction(change, [[[1]], block])).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(invokeFunction(change, [[[1, 2, 3]], block])).toEqual([[0, 0, 0], [3, 3, 3]]);
    expect(invokeFunction(change, [[[1], [4]], block])).toEqual([[0, 1, 2], [0, 1, 2]]);
    expect(invokeFunction(change, [[1, 2, 3], 1])).toEqual([[0, -1, -2]]); // a 1-D array is one row
  });
});
