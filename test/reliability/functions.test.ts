/**
 * Issue 20, item 5: custom functions under hostile arguments. Mixed ranges (a blank or a text
 * among numbers) stay on the range path and give the same cells as one call per cell; field
 * lookups never read Object.prototype; `--seed` refuses values it would silently change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, getFunction, invokeFunction, isDomainError, slowPathCells, type FunctionSpec } from '../../src/model/registry/index.js';
import { loadFigures } from '../../src/model/figures/index.js';
import { loadClaims } from '../../src/model/claims/index.js';
import { cli } from '../cli/run.js';

describe('mixed ranges stay on the range path', () => {
  it('a 1000×1000 range with one blank and one text cell computes only those cells one by one', () => {
    const spec = getFunction('DEBT_SHARE')!;
    const holdings = Array.from({ length: 1000 }, (_, i) => Array.from({ length: 1000 }, (_, j): unknown => 1 + ((i * 31 + j * 17) % 1000)));
    const gdp = Array.from({ length: 1000 }, (_, i) => [20_000 + i]);
    holdings[500]![500] = null;
    holdings[999]![0] = 'n/a';
    const before = slowPathCells.count;
    const out = invokeFunction(spec, [holdings, gdp]) as unknown[][];
    expect(slowPathCells.count - before).toBe(2);
    expect(out[500]![500]).toBe(0); // a blank counts as 0, as in =A1:B2/C1:C2
    expect(out[999]![0]).toMatchObject({ code: '#VALUE!' });
    expect(out[0]![0]).toBeCloseTo(1 / 20_000, 15);
  });
});

/** A cell as a user may leave it in a range: numbers of every kind, blanks, text, booleans, errors as text. */
const cell = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: -2, max: 2, noNaN: true }) },
  { weight: 4, arbitrary: fc.integer({ min: -50_000, max: 3_000_000 }) },
  fc.constantFrom(0, -1, 1, 0.25, 45_000, Infinity, -Infinity, Number.MAX_VALUE),
  fc.constantFrom(null, '', ' ', 'n/a', '25%', '12', '#N/A', 'TRUE'),
  fc.boolean(),
);
const grid = (rows: number, cols: number) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

/** One argument: a scalar, a full grid, a row, a column or a 1×1 range, of the broadcast shape. */
const argument = (rows: number, cols: number) => fc.oneof(cell, grid(rows, cols), grid(1, cols), grid(rows, 1), grid(1, 1));

const cellAt = (arg: unknown, i: number, j: number): unknown => {
  if (!Array.isArray(arg)) return arg;
  const rows = arg as unknown[][];
  const v = rows[rows.length === 1 ? 0 : i]![rows[0]!.length === 1 ? 0 : j];
  return v === null || v === '' ? 0 : v; // a blank inside a range counts as 0
};

const same = (a: unknown, b: unknown): boolean =>
  (typeof a === 'number' && typeof b === 'number' && (a === b || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)))) ||
  (isDomainError(a) && isDomainError(b) && a.code === b.code && a.message === b.message) ||
  a === b;

describe('fuzz over every custom function with mixed ranges', () => {
  const elementwise = FUNCTIONS.filter((f) => f.elementwise);
  it.each(elementwise.map((f) => [f.name, f] as [string, FunctionSpec]))('%s: a mixed range gives, cell by cell, what one call per cell gives', (_, spec) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((rows) => fc.integer({ min: 1, max: 5 }).chain((cols) => fc.tuple(fc.constant(rows), fc.constant(cols), fc.tuple(...spec.params.map(() => argument(rows, cols)))))),
        ([, , args]) => {
          const result = invokeFunction(spec, args);
          if (!Array.isArray(result)) return; // every argument a scalar: nothing to compare
          result.forEach((row, i) =>
            row.forEach((got, j) => {
              const alone = invokeFunction(spec, args.map((a) => cellAt(a, i, j)));
              expect(same(got, alone), `${spec.name} cell ${i},${j}: ${JSON.stringify(got)} vs ${JSON.stringify(alone)}`).toBe(true);
            }),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each(FUNCTIONS.map((f) => [f.name, f] as [string, FunctionSpec]))('%s: never throws, answers a value, an error value or a matrix of them', (_, spec) => {
    const ids = [...loadFigures().map((f) => f.id), ...loadClaims().claims.map((c) => c.id)];
    const anyArg = fc.oneof(cell, fc.constantFrom(...ids), grid(2, 3), grid(1, 1), fc.constant(undefined), fc.constantFrom('constructor', '__proto__', 'toString', 'value', 'verdict'));
    fc.assert(
      fc.property(fc.array(anyArg, { maxLength: spec.params.length }), (args) => {
        const result = invokeFunction(spec, args);
        const ok = (v: unknown) => typeof v === 'number' || typeof v === 'string' || isDomainError(v);
        expect(Array.isArray(result) ? result.every((row) => row.every(ok)) : ok(result)).toBe(true);
      }),
      { numRuns: 120 },
    );
  });
});

describe('field lookups read only their own fields', () => {
  const figureId = loadFigures()[0]!.id;
  const claimId = loadClaims().claims[0]!.id;
  it.each([
    ['FIGURE', figureId, 'constructor'],
    ['FIGURE', figureId, '__proto__'],
    ['FIGURE', figureId, 'toString'],
    ['CHECK', claimId, '__proto__'],
    ['CHECK', claimId, 'constructor'],
    ['CHECK', claimId, 'hasOwnProperty'],
  ])('%s(%s, "%s") is #VALUE! naming the allowed fields', (name, id, field) => {
    const spec = getFunction(name)!;
    const result = invokeFunction(spec, [id, field]);
    const fields = (spec as FunctionSpec & { fields: readonly string[] }).fields;
    expect(result).toMatchObject({ code: '#VALUE!' });
    expect(isDomainError(result) && result.message).toContain(`unknown field ${JSON.stringify(field)} (known: ${fields.join(', ')})`);
  });
});

describe('--seed', () => {
  const run = (seed: string) => cli('stress', 'montecarlo', 'BRICS_OCT_PARTS', '--samples', '100', '--seed', seed, '--json');
  it.each([
    ['', '--seed must not be empty'],
    ['1.5', '--seed must be a whole number or a word, got "1.5"'],
    ['1e3', '--seed must be a whole number or a word, got "1e3"'],
    ['99999999999999999999999999', '--seed 99999999999999999999999999 is past 9007199254740991 and would lose digits'],
    ['two words', '--seed must be a whole number or a word'],
  ])('refuses --seed %j', async (seed, message) => {
    const r = await run(seed);
    expect(r.err).toContain(message);
    expect(r.code).toBe(2);
  });

  it.each([['7', 7], ['-3', -3], ['class-2026_a', 'class-2026_a'], ['9007199254740991', 9007199254740991]])('accepts --seed %s', async (seed, value) => {
    const r = await run(seed);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { seed: unknown }).seed).toBe(value);
  });
});
