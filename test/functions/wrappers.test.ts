import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, getFunction } from '../../src/model/registry/index.js';
import { loadFigures, figureValue } from '../../src/model/figures/index.js';

/**
 * Minimal stand-in for the Office runtime's CustomFunctions global: records code and message, and
 * keeps a message only where Excel shows one (#VALUE! and #N/A; CustomFunctions.ErrorCode docs).
 */
class StubError {
  readonly message?: string;
  constructor(
    readonly code: string,
    message?: string,
  ) {
    if (message !== undefined && (code === '#VALUE!' || code === '#N/A')) this.message = message;
  }
}
const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
};

type Wrapper = (...args: unknown[]) => unknown;
let wrappers: Record<string, Wrapper>;

beforeAll(async () => {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: StubError, ErrorCode };
  wrappers = (await import('../../src/functions/functions.js')) as unknown as Record<string, Wrapper>;
});

const isValidCell = (v: unknown) =>
  (typeof v === 'number' && Number.isFinite(v)) ||
  typeof v === 'string' ||
  (v instanceof StubError && Object.values(ErrorCode).includes(v.code) && (!!v.message || v.code === '#DIV/0!'));

describe('generated wrappers', () => {
  it('exist for every registry function', () => {
    for (const spec of FUNCTIONS) expect(wrappers[spec.name], spec.name).toBeTypeOf('function');
  });

  it('compute through the runner and spill elementwise results', () => {
    expect(wrappers.TARIFF_REVENUE!([[1056]], [[0.25]])).toEqual([[264]]);
    expect(wrappers.TARIFF_REVENUE!([[1000], [1056]], [[0.25]])).toEqual([[250], [264]]);
    expect(wrappers.PARTS_GAP!(28.8, [[12, 5, 11.8]])).toBeCloseTo(0, 9);
    expect(wrappers.CUMULATIVE_CHANGE!([[-6.1], [null], [-25.7]])).toBeCloseTo(-31.8, 9);
    const figure = loadFigures()[0]!;
    expect(wrappers.FIGURE!(figure.id)).toBe(figureValue(figure));
    expect(wrappers.FIGURE!(figure.id, 'unit')).toBe(figure.unit);
  });

  it('map each error kind to a CustomFunctions error code whose message Excel shows', () => {
    // Excel drops the message of a #NUM!: an argument outside the domain is shown as #VALUE! with it.
    const numErr = (wrappers.TARIFF_REVENUE!([[1056]], [[25]]) as StubError[][])[0]![0];
    expect(numErr).toMatchObject({ code: '#VALUE!', message: 'rate 25 looks like a percent; enter 0.25 or 25%' });
    const valErr = (wrappers.RATIO!([['abc']], [[1]]) as StubError[][])[0]![0];
    expect(valErr).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('numerator') });
    const divErr = (wrappers.RATIO!([[1]], [[0]]) as StubError[][])[0]![0];
    expect(divErr).toMatchObject({ code: '#DIV/0!' });
    expect(wrappers.FIGURE!('NO_SUCH_FIGURE')).toMatchObject({ code: '#N/A', message: expect.stringContaining('NO_SUCH_FIGURE') });
    expect(wrappers.PARTS_GAP!([[1, 2]], [[1]])).toMatchObject({ code: '#VALUE!' });
    const mixed = wrappers.CHANGE!([[1, 2]], [[1, 2, 3]]) as unknown[][];
    expect(mixed[0]!.slice(0, 2)).toEqual([0, 0]);
    expect(mixed[0]![2]).toMatchObject({ code: '#N/A', message: expect.stringContaining('different sizes') });
  });

  it.each(FUNCTIONS.map((f) => [f.name] as const))('%s never throws, whatever Excel passes', (name) => {
    const spec = getFunction(name)!;
    const cell = fc.oneof(fc.double(), fc.string({ maxLength: 5 }), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const arg = fc.oneof(cell, fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(arg, { maxLength: spec.params.length + 1 }), (args) => {
        const result = wrappers[name]!(...args);
        if (Array.isArray(result)) {
          expect(result.length).toBeGreaterThan(0);
          for (const row of result as unknown[][]) for (const c of row) expect(isValidCell(c), String(c)).toBe(true);
        } else expect(isValidCell(result), String(result)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
