import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { afterAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, invokeFunction } from '../../../src/model/registry/index.js';
import type { FunctionExample, FunctionSpec, ParamSpec } from '../../../src/model/registry/index.js';
import { close } from './helpers.js';

/**
 * Each spec's `native` fragment, placed in a workbook whose argument cells hold the example's arguments,
 * must compute what the implementation computes. HyperFormula (GPL licence, tests only) is the evaluator.
 */

/** Functions both Excel 2016 and LibreOffice 7.4 calculate; natives may use no others. */
const PORTABLE = new Set(['SUM', 'IF', 'LN', 'NA', 'DATE', 'YEAR', 'MONTH', 'ABS', 'MIN', 'MAX', 'ROUND', 'EXP', 'POWER', 'AND', 'OR']);

type Scalar = number | null;
type Arg = Scalar | Scalar[][];

const engines: HyperFormula[] = [];
afterAll(() => engines.forEach((e) => e.destroy()));

function colName(index: number): string {
  return String.fromCharCode(65 + index);
}

/** Evaluates the native fragment on arguments; each argument lives on its own sheet P0, P1, … */
function evalNative(spec: FunctionSpec, args: readonly Arg[]): unknown {
  const sheets: Record<string, (number | string | null)[][]> = {};
  const refs = spec.params.map((_p, k) => {
    const arg = args[k] ?? null;
    const name = `P${k}`;
    if (Array.isArray(arg)) {
      sheets[name] = arg.map((row) => [...row]);
      const rows = arg.length;
      const cols = Math.max(...arg.map((r) => r.length));
      return `${name}!A1:${colName(cols - 1)}${rows}`;
    }
    sheets[name] = [[arg]];
    return `${name}!A1`;
  });
  sheets.Out = [[`=${spec.native!(refs)}`]];
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
  engines.push(hf);
  return hf.getCellValue({ sheet: hf.getSheetId('Out')!, row: 0, col: 0 });
}

function isNumericArg(spec: FunctionSpec, value: unknown, k: number): value is Arg {
  if (value === null || typeof value === 'number') return true;
  if (Array.isArray(value)) {
    return spec.params[k]?.dimensionality === 'matrix' && value.every((row: unknown[]) => row.every((c) => c === null || typeof c === 'number'));
  }
  return false;
}

/** Cases: (spec, scalar-or-range args, expected number or #DIV/0!) — ranges of elementwise examples are split per cell. */
function cases(): [string, FunctionSpec, Arg[], number | '#DIV/0!'][] {
  const out: [string, FunctionSpec, Arg[], number | '#DIV/0!'][] = [];
  for (const spec of FUNCTIONS.filter((f) => f.native)) {
    spec.examples.forEach((ex: FunctionExample, n) => {
      const label = `${spec.name} example ${n + 1}`;
      if (spec.elementwise && Array.isArray(ex.result)) {
        ex.result.forEach((row: readonly unknown[], i) =>
          row.forEach((expected, j) => {
            if (typeof expected !== 'number') return;
            const cellArgs = ex.args.map((a) => {
              if (!Array.isArray(a)) return a;
              const m = a as readonly (readonly unknown[])[];
              return m[m.length === 1 ? 0 : i]![m[0]!.length === 1 ? 0 : j];
            });
            if (cellArgs.every((a, k) => isNumericArg(spec, a, k))) out.push([`${label} [${i},${j}]`, spec, cellArgs as Arg[], expected]);
          }),
        );
        return;
      }
      if (!ex.args.every((a, k) => isNumericArg(spec, a, k))) return;
      if (typeof ex.result === 'number' || ex.result === '#DIV/0!') out.push([label, spec, ex.args as Arg[], ex.result]);
    });
  }
  return out;
}

describe('native Excel fragments', () => {
  it('use only functions Excel 2016 and LibreOffice 7.4 both calculate, and are parenthesised', () => {
    for (const spec of FUNCTIONS.filter((f) => f.native)) {
      const formula = spec.native!(spec.params.map((p) => `[${p.name}]`));
      expect(formula.startsWith('(') && formula.endsWith(')'), `${spec.name}: ${formula}`).toBe(true);
      for (const [, fname] of formula.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(PORTABLE, `${spec.name} uses ${fname}`).toContain(fname);
      expect(formula).not.toMatch(/\b(LET|LAMBDA|XLOOKUP|FILTER|SEQUENCE|UNIQUE|SORT)\b/);
    }
  });

  const all = cases();
  it('cover every function with a native fragment', () => {
    const covered = new Set(all.map(([, spec]) => spec.name));
    for (const spec of FUNCTIONS.filter((f) => f.native)) expect(covered, spec.name).toContain(spec.name);
  });

  it.each(all)('%s: native equals implementation', (_label, spec, args, expected) => {
    const native = evalNative(spec, args);
    const implementation = invokeFunction(spec, args);
    if (expected === '#DIV/0!') {
      expect(implementation).toMatchObject({ code: '#DIV/0!' });
      expect(native).toMatchObject({ value: '#DIV/0!' });
      return;
    }
    expect(typeof native, JSON.stringify(native)).toBe('number');
    expect(close(native as number, implementation as number), `native ${String(native)} vs ${String(implementation)}`).toBe(true);
    expect(close(native as number, expected)).toBe(true);
  });

  it('YEARS_TO_OVERTAKE native answers #N/A where the implementation says it never overtakes', () => {
    const spec = FUNCTIONS.find((f) => f.name === 'YEARS_TO_OVERTAKE')!;
    expect(evalNative(spec, [100, 0.02, 200, 0.05])).toMatchObject({ value: '#N/A' });
    expect(invokeFunction(spec, [100, 0.02, 200, 0.05])).toMatchObject({ code: '#NUM!' });
  });

  /** Values inside each parameter's domain (dates from 1900-03-01, where Excel, LibreOffice and HyperFormula agree). */
  // Magnitudes a spreadsheet holds: HyperFormula flushes subnormal results, which say nothing about the formulas.
  const sane = (a: fc.Arbitrary<number>) => a.filter((x) => x === 0 || Math.abs(x) >= 1e-6);
  const inDomain = (p: ParamSpec): fc.Arbitrary<number> => sane(domainValues(p));
  const domainValues = (p: ParamSpec): fc.Arbitrary<number> => {
    switch (p.domain) {
      case 'date':
        return fc.oneof(fc.integer({ min: 61, max: 2_958_465 }), fc.double({ min: 61, max: 2_958_465, noNaN: true }));
      case 'fraction':
        return fc.double({ min: -1, max: 1, noNaN: true });
      case 'positive':
        return fc.double({ min: 1e-3, max: 1e7, noNaN: true });
      case 'nonnegative':
        return fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e7, noNaN: true }));
      case 'growth':
        // Whole tenths of a percent: growths that differ by 1e-15 compare equal under HyperFormula's epsilon.
        return fc.integer({ min: -990, max: 3000 }).map((x) => x / 1000);
      case 'integer':
        return fc.integer({ min: 1, max: 1200 });
      default:
        return fc.oneof(fc.constant(0), fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1e7, max: 1e7, noNaN: true }));
    }
  };

  it.each(FUNCTIONS.filter((f) => f.native && f.elementwise).map((f) => [f.name, f] as const))(
    '%s: native equals implementation on 200 random in-domain arguments',
    (_n, spec) => {
      const tuples = fc.sample(fc.tuple(...spec.params.map(inDomain)), { numRuns: 200, seed: 20250114 });
      const width = spec.params.length;
      const rows = tuples.map((t, r) => [...t, `=${spec.native!(t.map((_v, k) => `${colName(k)}${r + 1}`))}`]);
      const hf = HyperFormula.buildFromArray(rows, { licenseKey: 'gpl-v3' });
      engines.push(hf);
      let compared = 0;
      tuples.forEach((t, r) => {
        const implementation = invokeFunction(spec, t);
        const native = hf.getCellValue({ sheet: 0, row: r, col: width });
        const label = `${spec.name}(${t.join(', ')}): native ${JSON.stringify(native)} vs ${JSON.stringify(implementation)}`;
        // Before 1900-03-01 Excel counts its fictitious 29 February 1900; HyperFormula (like LibreOffice) does not.
        const earlyDate = spec.resultUnit === 'date' && typeof implementation === 'number' && implementation < 61;
        if (typeof implementation === 'number' && !earlyDate) {
          expect(typeof native, label).toBe('number');
          expect(Math.abs((native as number) - implementation) <= 1e-9 * Math.max(1, Math.abs(implementation)), label).toBe(true);
          compared++;
        } else if (typeof implementation === 'object' && !Array.isArray(implementation) && implementation.code === '#DIV/0!') {
          expect(native, label).toMatchObject({ value: '#DIV/0!' });
        }
      });
      expect(compared).toBeGreaterThan(20);
    },
  );
});
