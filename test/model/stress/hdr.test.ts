/**
 * The HDR generator against published reference values, and its native formula against the engine.
 *
 * Reference values: risquanter/simulation-util, src/test/resources/testfile.txt (Apache-2.0),
 * "reference Excel calculations" of HDR_2_0 with entity 1, varId 2, seed3 3, seed4 4 for counters
 * 1, 2, …, and LOGNORM.INV(that uniform, 1, 1) beside each; its HDRTest.java compares within 1e-15
 * and 1e-8. The rows below are copied as published (15 significant digits, as Excel shows them).
 */
import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { HDR_MAX_ID, hdrFormula, hdrIdProblem, hdrUniform, hdrVarId, inverseCdf, HdrStream } from '../../../src/model/stress/hdr.js';
import { betaCdf, betaQuantile, normalQuantileAS241 } from '../../../src/model/stress/inverse.js';
import { loadFigures } from '../../../src/model/figures/index.js';

const SEEDS = { entity: 1, varId: 2, seed3: 3, seed4: 4 };
/** [counter, HDR uniform, LOGNORM.INV(u, 1, 1)] as Excel computed them (source above). */
const PUBLISHED: readonly (readonly [number, number, number])[] = [
  [1, 0.726317962515168, 4.96153258737843],
  [2, 0.626778796431608, 3.75592227772407],
  [3, 0.889834456495009, 9.2594829568465],
  [4, 0.389171836082824, 2.05139866003365],
  [7, 0.00966813613194972, 0.262111893119646],
  [32, 0.999990903888829, 197.550855114155],
  [113, 0.997760802158155, 46.6343874634322],
  [138, 0.0126737045357004, 0.290524724161259],
  [199, 0.0223767898278311, 0.365326714509462],
  [335, 0.951146405772306, 14.2402469665952],
];

describe('HDR_2_0 uniform', () => {
  it('equals the published Excel values (within the 15 digits they were printed with)', () => {
    for (const [counter, u] of PUBLISHED) expect(Math.abs(hdrUniform(counter, SEEDS) - u), `counter ${counter}`).toBeLessThanOrEqual(1e-15 * Math.max(1, u * 10));
  });

  it('turned by LOGNORM.INV(u, 1, 1) gives the published Excel values (inverse CDF at full precision)', () => {
    for (const [counter, , x] of PUBLISHED) {
      const ours = inverseCdf({ type: 'lognormal', mu: 1, sigma: 1 }, hdrUniform(counter, SEEDS));
      expect(Math.abs(ours - x) / x, `counter ${counter}`).toBeLessThan(2e-14);
    }
  });

  it('equals the formula in exact integer arithmetic (BigInt) for any arguments in range', () => {
    const exact = (t: number, s: { entity: number; varId: number; seed3: number; seed4: number }): number => {
      const B = BigInt;
      const m = (x: bigint, d: bigint): bigint => x % d;
      const a = m(m(999999999999989n, m(B(t) * 2499997n + B(s.varId) * 1800451n + B(s.entity) * 2000371n + B(s.seed3) * 1796777n + B(s.seed4) * 2299603n, 7450589n) * 4658n + 7450581n) * 383n, 99991n) * 7440893n;
      const b = m(m(999999999999989n, m(B(t) * 2246527n + B(s.varId) * 2399993n + B(s.entity) * 2100869n + B(s.seed3) * 1918303n + B(s.seed4) * 1624729n, 7450987n) * 7580n + 7560584n) * 17669n, 7440893n);
      return (Number(m((a + b) * 1343n, 4294967296n)) + 0.5) / 4294967296;
    };
    const id = fc.integer({ min: 0, max: HDR_MAX_ID });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: HDR_MAX_ID }), id, id, id, id, (t, entity, varId, seed3, seed4) => {
        const s = { entity, varId, seed3, seed4 };
        expect(hdrUniform(t, s)).toBe(exact(t, s));
      }),
      { numRuns: 3000 },
    );
  });

  it('is a multiple of 2^-32 offset by half a step, strictly inside (0, 1)', () => {
    for (let t = 1; t <= 2000; t++) {
      const u = hdrUniform(t, { entity: 1, varId: 77, seed3: 11, seed4: 0 });
      expect(u).toBeGreaterThan(0);
      expect(u).toBeLessThan(1);
      expect(Number.isInteger(u * 4294967296 - 0.5)).toBe(true);
    }
  });

  it('the native formula gives the same numbers as the engine (HyperFormula evaluating it)', () => {
    // smartRounding off: HyperFormula otherwise rounds results it shows to 14 digits
    const hf = HyperFormula.buildFromArray([[0]], { licenseKey: 'gpl-v3', smartRounding: false });
    const formula = hdrFormula('A1', { entity: '1', varId: '2', seed3: '3', seed4: '4' });
    for (const [counter] of PUBLISHED) {
      hf.setCellContents({ sheet: 0, col: 0, row: 0 }, [[counter, `=${formula}`]]);
      expect(hf.getCellValue({ sheet: 0, col: 1, row: 0 })).toBe(hdrUniform(counter, SEEDS));
    }
    // the largest ids keep every intermediate exact: the formula still matches
    hf.setCellContents({ sheet: 0, col: 0, row: 0 }, [[HDR_MAX_ID, `=${hdrFormula('A1', { entity: String(HDR_MAX_ID), varId: String(HDR_MAX_ID), seed3: String(HDR_MAX_ID), seed4: String(HDR_MAX_ID) })}`]]);
    const big = { entity: HDR_MAX_ID, varId: HDR_MAX_ID, seed3: HDR_MAX_ID, seed4: HDR_MAX_ID };
    expect(hf.getCellValue({ sheet: 0, col: 1, row: 0 })).toBe(hdrUniform(HDR_MAX_ID, big));
    hf.destroy();
  });

  it('a stream filled in chunks equals one fill', () => {
    const spec = { type: 'normal', mean: 5, sd: 2 } as const;
    const one = new HdrStream(SEEDS).fill(spec, new Float64Array(100));
    const chunked = new HdrStream(SEEDS);
    const parts = [chunked.fill(spec, new Float64Array(37)), chunked.fill(spec, new Float64Array(63))];
    expect([...parts[0]!, ...parts[1]!]).toEqual([...one]);
  });

  it('ids outside 0…9,999,999 are refused with the range in the message', () => {
    expect(hdrIdProblem(11)).toBeUndefined();
    expect(hdrIdProblem(1.5)).toMatch(/whole number from 0 to 9999999/);
    expect(hdrIdProblem(10_000_000)).toMatch(/got 10000000/);
    expect(hdrIdProblem('7')).toMatch(/got "7"/);
  });

  it("every figure of the article gets its own variable id in range", () => {
    const ids = loadFigures().map((f) => f.id);
    const varIds = ids.map(hdrVarId);
    expect(new Set(varIds).size).toBe(ids.length);
    for (const v of varIds) expect(hdrIdProblem(v)).toBeUndefined();
  });
});

describe('inverse CDFs at full precision', () => {
  // HyperFormula's NORM.S.INV drifts in the far tails (1.3e-6 off at p = 1e-12, where R's qnorm and
  // AS 241 give -7.0344838253): it is compared only where it is accurate; the tails are checked
  // by the published LOGNORM.INV values above (down to u = 0.0097 and up to 0.99999).
  it('AS 241 agrees with HyperFormula NORM.S.INV in the body and is symmetric', () => {
    const hf = HyperFormula.buildFromArray([[0]], { licenseKey: 'gpl-v3', smartRounding: false });
    for (const p of [0.001, 0.02425, 0.075, 0.3, 0.5, 0.74, 0.925, 0.999]) {
      hf.setCellContents({ sheet: 0, col: 0, row: 0 }, [[`=NORM.S.INV(${p})`]]);
      const theirs = hf.getCellValue({ sheet: 0, col: 0, row: 0 }) as number;
      expect(Math.abs(normalQuantileAS241(p) - theirs), `p=${p}`).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(theirs)));
      expect(normalQuantileAS241(1 - p) + normalQuantileAS241(p)).toBeCloseTo(0, 6);
    }
    hf.destroy();
    expect(normalQuantileAS241(0.975)).toBeCloseTo(1.959963984540054, 14);
    // far tails, checked through the CDF: 0.5·erfc(−x/√2) (Python's math.erfc) is 1.0000000000000776e-300 at
    // x = −37.0470962993612 (AS 241's third branch) and 1.0000000000000054e-12 at x = −7.034483825301132
    expect(normalQuantileAS241(1e-300)).toBeCloseTo(-37.0470962993612, 10);
    expect(normalQuantileAS241(1e-12)).toBeCloseTo(-7.034483825301132, 12);
  });

  it('the beta quantile inverts the beta CDF (PERT draws)', () => {
    for (const [a, b] of [[2, 3], [3, 3], [1.5, 4.5]] as const)
      for (const p of [0.01, 0.3, 0.5, 0.9]) expect(betaCdf(betaQuantile(p, a, b), a, b)).toBeCloseTo(p, 12);
    expect(betaCdf(0.5, 3, 3)).toBeCloseTo(0.5, 14);
  });
});
