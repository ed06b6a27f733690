import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditClaim, loadClaims } from '../../../src/model/claims/index.js';
import { makeLookup } from '../../../src/model/claims/audit.js';
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

describe('the fused kernel (one generated loop per claim)', () => {
  const withInputs = claims.map((c) => claimVectorModel(c)).filter((m) => m.inputs.length > 0);

  it('gives the same outputs, bit for bit, as the column closures, NaN where a domain is left', () => {
    // the closures are what a host without generated code (CSP) runs: both must agree everywhere
    const withoutKernel = (id: string) => {
      const real = globalThis.Function;
      (globalThis as { Function: unknown }).Function = function () {
        throw new EvalError('generated code refused');
      };
      try {
        // a copy: its expression is not one whose kernel was compiled before (kernels are kept per expression)
        return claimVectorModel(structuredClone(claims.find((c) => c.id === id)!));
      } finally {
        (globalThis as { Function: unknown }).Function = real;
      }
    };
    for (const model of withInputs) {
      const fallback = withoutKernel(model.claimId);
      expect(fallback.evaluate, model.claimId).not.toBe(model.evaluate);
      const n = 257;
      const columns = model.inputs.map((input, i) => Float64Array.from({ length: n }, (_, k) => (k === 0 ? 0 : k === 1 ? -input.base : input.base * (0.5 + ((k * (i + 3)) % 97) / 97))));
      const a = new Float64Array(n), b = new Float64Array(n);
      model.evaluate(columns, n, a);
      fallback.evaluate(columns, n, b);
      for (let k = 0; k < n; k++) expect(Object.is(a[k], b[k]) || (Number.isNaN(a[k]) && Number.isNaN(b[k])), `${model.claimId}[${k}]: ${a[k]} vs ${b[k]}`).toBe(true);
    }
  });

  it('is compiled once per claim and set of constants: the same function again, another one for other values in use', () => {
    const claim = claims.find((c) => c.id === 'TARIFF_BASE_VS_NVIDIA')!;
    const at = (m: ReturnType<typeof claimVectorModel>): number => {
      const out = new Float64Array(1);
      m.evaluate(m.inputs.map((i) => Float64Array.of(i.base)), 1, out);
      return out[0]!;
    };
    const model = claimVectorModel(claim);
    expect(claimVectorModel(claim).evaluate).toBe(model.evaluate);
    // the reference revenue is a constant of the kernel (not an input): another value is another kernel, with that value
    expect(model.inputs.map((i) => i.id)).not.toContain('REF_NVIDIA_REVENUE_FY2025');
    const halved = claimVectorModel(claim, new Map([['REF_NVIDIA_REVENUE_FY2025', makeLookup(undefined)('REF_NVIDIA_REVENUE_FY2025')! / 2]]));
    expect(halved.evaluate).not.toBe(model.evaluate);
    expect(at(halved)).toBeCloseTo(2 * at(model), 12);
    expect(at(claimVectorModel(claim))).toBe(at(model));
  });

  it('declares, for every claim, the interval where it holds, agreeing with holds()', () => {
    for (const model of withInputs) {
      const range = model.holdsRange!;
      expect(range, model.claimId).toBeDefined();
      const base = new Float64Array(1);
      model.evaluate(model.inputs.map((i) => Float64Array.of(i.base)), 1, base);
      const probes = [base[0]!, range[0], range[1], NaN, Infinity, -Infinity, ...[-0.5, -0.01, 0.01, 0.5].map((d) => base[0]! * (1 + d))];
      for (const v of probes) {
        if (Number.isNaN(v)) continue;
        const inRange = v >= range[0] && v <= range[1];
        // the ends themselves may differ by rounding for an approximate check (|v − s| ≤ tol vs s − tol ≤ v)
        if (v === range[0] || v === range[1]) continue;
        expect(inRange, `${model.claimId} at ${v}`).toBe(model.holds(v));
      }
      expect(NaN >= range[0] && NaN <= range[1]).toBe(model.holds(NaN));
    }
  });
});
