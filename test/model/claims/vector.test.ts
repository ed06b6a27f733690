import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditClaim, loadClaims } from '../../../src/model/claims/index.js';
import { claimVectorModel } from '../../../src/model/claims/vector.js';

const claims = loadClaims().claims;

describe('claims compiled for stress tests', () => {
  it.each(claims.map((c) => [c.id, c] as const))('%s: the compiled model recomputes what the audit does', (_id, claim) => {
    const model = claimVectorModel(claim);
    const columns = model.inputs.map((i) => Float64Array.of(i.base));
    const out = new Float64Array(1);
    model.evaluate(columns, 1, out);
    expect(out[0]).toBeCloseTo(auditClaim(claim, undefined, { margins: false }).recomputed!, 9);
  });

  it('agrees with the audit under random moves of the inputs, verdict included', () => {
    const judged = claims.map((c) => claimVectorModel(c)).filter((m) => m.judged && m.inputs.length > 0);
    expect(judged.length).toBeGreaterThan(5);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: judged.length - 1 }), fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 6, maxLength: 6 }), (which, moves) => {
        const model = judged[which]!;
        const claim = claims.find((c) => c.id === model.claimId)!;
        const values = model.inputs.map((input, i) => input.base * (1 + moves[i]!));
        const out = new Float64Array(1);
        model.evaluate(values.map((v) => Float64Array.of(v)), 1, out);
        const audit = auditClaim(claim, new Map(model.inputs.map((input, i) => [input.id, values[i]!])), { margins: false });
        if (audit.recomputed === null) return Number.isNaN(out[0]!);
        const onRecomputeOnly = claim.compiledChecks.every((c) => c.valueExpr === claim.recomputeExpr);
        const statedIsConstant = claim.compiledChecks.every((c) => !model.inputs.some((i) => JSON.stringify(c.statedExpr).includes(`"${i.id}"`)));
        if (onRecomputeOnly && statedIsConstant) expect(model.holds(out[0]!)).toBe(audit.verdict === 'consistent');
        return Math.abs(out[0]! - audit.recomputed) <= 1e-9 * Math.max(1, Math.abs(audit.recomputed));
      }),
      { numRuns: 300 },
    );
  });

  it('moves only the figures of the recomputation, with stated ranges where the article gives them', () => {
    expect(claimVectorModel(loadClaims().claims.find((c) => c.id === 'BRICS_OCT_PARTS')!).inputs.map((i) => i.id)).toEqual(['INDIA_UST_CUT_OCT', 'BRAZIL_UST_CUT_OCT', 'CHINA_UST_CUT_OCT']);
    expect(claimVectorModel(loadClaims().claims.find((c) => c.id === 'NV_CHINA_SHARE')!).inputs).toEqual([]);
  });
});
