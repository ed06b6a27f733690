import { describe, expect, it } from 'vitest';
import { parseCorrelationPair, userCorrelation } from '../../../src/model/stress/user-correlation.js';
import { monteCarloForClaim } from '../../../src/model/stress/claim-montecarlo.js';
import { sampleColumns } from '../../../src/model/stress/drivers.js';
import { prepareMonteCarlo } from '../../../src/model/stress/claim-montecarlo.js';
import { spearman } from '../../../src/model/stress/correlation.js';

describe('correlations users set', () => {
  it('parses pairs and names a bad one', () => {
    expect(parseCorrelationPair(' a_x , B ,0.6')).toEqual({ a: 'A_X', b: 'B', rho: 0.6 });
    expect(() => parseCorrelationPair('A,B')).toThrow(/INPUT_A,INPUT_B,RHO .* got "A,B"/);
    expect(() => parseCorrelationPair('A,B,1.5')).toThrow(/RHO must be a number from -1 to 1, got "1.5"/);
    expect(() => parseCorrelationPair('A,A,0.1')).toThrow(/pairs A with itself/);
  });

  it('a consistent set is used as given, and the note shows it', () => {
    const c = userCorrelation([{ a: 'X', b: 'Y', rho: 0.6 }]);
    expect(c.repaired).toBe(false);
    expect(c.spec.matrix).toEqual([[1, 0.6], [0.6, 1]]);
    expect(c.note.en).toContain('as given');
    expect(c.note.en).toMatch(/X +1\.0000 +0\.6000/);
  });

  it('an inconsistent set is repaired, never silently: the note shows the matrix used', () => {
    const pairs = [{ a: 'X', b: 'Y', rho: 0.9 }, { a: 'Y', b: 'Z', rho: 0.9 }, { a: 'X', b: 'Z', rho: -0.9 }];
    const c = userCorrelation(pairs);
    expect(c.repaired).toBe(true);
    expect(c.minEigenvalueAsked).toBeLessThan(0);
    expect(c.note.en).toMatch(/inconsistent .* smallest eigenvalue -0\.\d{4}.*Higham 2002/s);
    for (const v of c.spec.matrix.flat()) expect(c.note.en).toContain((v >= 0 ? ' ' : '') + v.toFixed(4));
    expect(c.note.zh).toContain('互相矛盾');
    expect(() => userCorrelation([...pairs, { a: 'Y', b: 'X', rho: 0.5 }])).toThrow(/given twice \(0\.9 and 0\.5\)/);
    expect(() => userCorrelation(pairs, { W: 2 })).toThrow(/weight names W/);
  });

  it('a claim run with a correlation reaches the rank correlation asked, and changes the result', () => {
    const id = 'OFFICIAL_UST_NEAR_10TN';
    const c = userCorrelation([{ a: 'OFFICIAL_UST_HOLDINGS', b: 'UST_PSYCH_THRESHOLD', rho: 0.8 }]);
    const { model, chosen } = prepareMonteCarlo(id, { samples: 20_000, seed: 2 });
    const cols = sampleColumns(model, chosen.map((x) => x.spec), 2, 20_000, c.spec);
    const i = model.inputs.findIndex((x) => x.id === 'OFFICIAL_UST_HOLDINGS'), j = model.inputs.findIndex((x) => x.id === 'UST_PSYCH_THRESHOLD');
    expect(spearman(cols[i]!, cols[j]!)).toBeCloseTo(0.8, 1);
    const plain = monteCarloForClaim(id, { samples: 20_000, seed: 2 });
    const corr = monteCarloForClaim(id, { samples: 20_000, seed: 2, correlation: c.spec });
    expect(corr.probabilityHolds).not.toBe(plain.probabilityHolds);
  });
});
