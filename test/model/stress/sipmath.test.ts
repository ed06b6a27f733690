/**
 * SIPmath 3.0 export and import of ClaimCell's inputs. The structure checked is the published one
 * (see src/model/stress/sipmath.ts): the library below has the shape of Probability Management's
 * example tests/Demand_Forecast_Library.SIPmath in PySIPmath (an HDR_2_0 rng with entity 1,
 * varId 2, seed3 3, seed4 4 feeding a Metalog_1_0 sip with a lowerBound).
 */
import { describe, expect, it } from 'vitest';
import { HdrStream, hdrSeedsFor, hdrUniform, inverseCdf } from '../../../src/model/stress/hdr.js';
import { drawnInputs, fromSipmath, SipmathError, toSipmath } from '../../../src/model/stress/sipmath.js';

const PUBLISHED_SHAPE = {
  objectType: 'sipModel',
  name: 'Demand_Forecast_Lib',
  dateCreated: 'Wednesday, August 25, 2021',
  version: '1.0',
  provenance: 'example',
  globalVariables: [],
  U01: { rng: [{ name: 'HDR1', function: 'HDR_2_0', arguments: { counter: 'PM_Index', entity: 1, varId: 2, seed3: 3, seed4: 4 } }] },
  sips: [{ name: 'Demand_Forecast', ref: { source: 'rng', name: 'HDR1' }, function: 'Metalog_1_0', arguments: { lowerBound: 1239, aCoefficients: [11.45, 2.59, -3.09] }, metadata: { density: [0.004, 0.04] } }],
};

const problemsOf = (json: unknown): string[] => {
  try {
    fromSipmath(json);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(SipmathError);
    return [...(error as SipmathError).problems];
  }
};

describe('SIPmath 3.0 libraries', () => {
  it('reads a library of the published shape: its HDR seeds and its metalog (the fitting hook)', () => {
    expect(fromSipmath(PUBLISHED_SHAPE)).toEqual([
      { id: 'Demand_Forecast', distribution: { type: 'metalog', fit: { lowerBound: 1239, aCoefficients: [11.45, 2.59, -3.09] } }, seeds: { entity: 1, varId: 2, seed3: 3, seed4: 4 } },
    ]);
  });

  it('exports every drawn figure once and reads it back unchanged', () => {
    const inputs = drawnInputs(undefined, new Map([['AI_CHIP_TARIFF_RATE', 0.3]]));
    expect(inputs.length).toBeGreaterThan(20);
    expect(new Set(inputs.map((i) => i.id)).size).toBe(inputs.length);
    const library = JSON.parse(JSON.stringify(toSipmath(inputs, 11, 'test', '2026-11-26')));
    expect(library).toMatchObject({ objectType: 'sipModel', libraryType: 'SIPmath_3_0' });
    const back = fromSipmath(library);
    expect(back.map((b) => [b.id, b.distribution])).toEqual(inputs.map((i) => [i.id, i.spec]));
    expect(back.find((b) => b.id === 'AI_CHIP_TARIFF_RATE')!.distribution).toEqual({ type: 'normal', mean: 0.3, sd: 0.005 });
  });

  it('gives another SIPmath tool the stream the engine draws: HDR of the exported seeds through the inverse CDF', () => {
    const inputs = drawnInputs(['TARIFF_IMPLIED_BASE']);
    const imported = fromSipmath(toSipmath(inputs, 11, 'test', 'today'));
    imported.forEach((input, i) => {
      const spec = inputs[i]!.spec;
      const engine = new HdrStream(hdrSeedsFor(input.id, 11)).fill(spec, new Float64Array(100));
      const theirs = Array.from({ length: 100 }, (_, k) => inverseCdf(spec, hdrUniform(k + 1, input.seeds)));
      expect(theirs).toEqual([...engine]);
    });
  });

  it('a metalog fit given through the hook goes out as Metalog_1_0', () => {
    const library = toSipmath([{ id: 'X', spec: { type: 'constant', value: 1 }, fit: { aCoefficients: [1, 0.2, 0.1], lowerBound: 0 } }], 1, 't', 'd');
    expect(library.sips![0]).toMatchObject({ function: 'Metalog_1_0', arguments: { aCoefficients: [1, 0.2, 0.1], lowerBound: 0 } });
  });

  it('refuses what does not follow the structure, naming the field', () => {
    expect(problemsOf({ U01: { rng: [] } })[0]).toMatch(/^name: /);
    expect(problemsOf({ name: 'x' })[0]).toMatch(/^U01: /);
    expect(problemsOf({ ...PUBLISHED_SHAPE, U01: { rng: [{ name: 'HDR1', function: 'HDR_2_0', arguments: { varId: -1 } }] } })[0]).toMatch(/^U01\.rng\[0\]\.arguments\.varId: /);
    expect(problemsOf({ ...PUBLISHED_SHAPE, sips: [{ ...PUBLISHED_SHAPE.sips[0], ref: { source: 'rng', name: 'HDR9' } }] })[0]).toMatch(/sips\[0\] \(Demand_Forecast\)\.ref\.name: no U01\.rng entry named "HDR9"/);
    expect(problemsOf({ ...PUBLISHED_SHAPE, sips: [{ ...PUBLISHED_SHAPE.sips[0], function: 'NORM.INV', environment: 'ClaimCell', arguments: { mean: 1, stdDev: -2 } }] })[0]).toMatch(/sips\[0\] \(Demand_Forecast\)\.arguments: .*sd: sd must be > 0, got -2/);
    expect(problemsOf({ ...PUBLISHED_SHAPE, sips: [{ ...PUBLISHED_SHAPE.sips[0], function: 'Weibull' }] })[0]).toMatch(/\.function: "Weibull" is not one ClaimCell draws/);
    expect(problemsOf({ ...PUBLISHED_SHAPE, sips: [{ ...PUBLISHED_SHAPE.sips[0], arguments: { aCoefficients: ['a'] } }] })[0]).toMatch(/sips\[0\] \(Demand_Forecast\)\.arguments\.aCoefficients/);
  });
});
