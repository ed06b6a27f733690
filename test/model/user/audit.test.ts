import { describe, expect, it } from 'vitest';
import { userProblemText } from '../../../src/text/messages.js';

import { auditClaim, claimVectorModel, getClaim } from '../../../src/model/claims/index.js';
import { tornadoForClaim } from '../../../src/model/stress/claims.js';
import { monteCarloForClaim } from '../../../src/model/stress/claim-montecarlo.js';
import { auditUserTables, compileUserTables, ownClaimsOf, userOverrides, UserTablesSchema, type UserTables } from '../../../src/model/user/index.js';

const tables: UserTables = {
  figures: [{ id: 'MY_TARIFF_TAKE', label: 'What the tariff raises', value: 120, unit: 'usd_bn' }],
  claims: [
    { id: 'MY_SHARE', statement: 'China holds about 0.55% of world GDP in Treasuries', recompute: '=CN_UST_HOLDINGS/WORLD_GDP', stated: 0.0055, compare: 'approx', tolerance: 0.0001 },
    { id: 'MY_COVER', statement: 'The tariff covers the November sale', recompute: '=MY_TARIFF_TAKE', stated: '=CN_UST_SALE_NOV*10', compare: 'atLeast' },
    { id: 'MY_BROKEN', statement: 'Not readable', recompute: '=SUM(B2:B9)', stated: 1, compare: 'atMost' },
  ],
};

describe('user claims', () => {
  it('audits through the catalogue claims\' code, on the user\'s figures', () => {
    const { results } = auditUserTables(tables);
    expect(results.map((r) => [r.id, r.audit?.verdict])).toEqual([
      ['MY_SHARE', 'consistent'],
      ['MY_COVER', 'consistent'],
      ['MY_BROKEN', undefined],
    ]);
    expect(results[0]!.audit!.recomputed).toBeCloseTo(682.6 / 123580, 15);
    expect(results[1]!.audit!.reason).toMatch(/120/);
    expect(results[2]!.problems.map((p) => userProblemText(p, 'en'))).toEqual(['claims[2].recompute "=SUM(B2:B9)": unsupported function SUM']);
  });

  it('is the same object as a catalogue claim: auditClaim gives the same answer directly', () => {
    const compiled = compileUserTables(tables);
    const claim = compiled.claims[0]!.claim!;
    expect(auditClaim(claim).verdict).toBe('consistent');
    expect(claim.unit).toBe('ratio');
    expect(compiled.claims[1]!.claim!.unit).toBe('usd_bn');
  });

  it('follows the values in use: an override of a user figure or an article figure flips the verdict', () => {
    expect(auditUserTables(tables, new Map([['MY_TARIFF_TAKE', 50]])).results[1]!.audit!.verdict).toBe('inconsistent');
    expect(auditUserTables(tables, new Map([['WORLD_GDP', 200000]])).results[0]!.audit!.verdict).toBe('inconsistent');
  });

  it('names the cell and the value for bad ids', () => {
    const compiled = compileUserTables(
      {
        figures: [
          { id: 'WORLD_GDP', label: 'clash', value: 1, unit: 'usd_bn' },
          { id: 'mine', label: 'a', value: 1, unit: 'count' },
          { id: 'MINE', label: 'b', value: 2, unit: 'count' },
        ],
        claims: [{ ...tables.claims[0]!, id: getClaim(tablesFirstCatalogueId())!.id }],
      },
      { cellOf: (table, row, field) => `${table === 'claims' ? 'MyClaims' : 'MyFigures'}!${field}${row + 2}` },
    );
    expect(compiled.allProblems.map((p) => userProblemText(p, 'en'))).toEqual([
      'MyFigures!id2: "WORLD_GDP" is already a figure of the article or a reference',
      'MyFigures!id4: "MINE" is used by an earlier row',
      `MyClaims!id2: "${tablesFirstCatalogueId()}" is already a claim of the article`,
    ]);
  });

  it('rejects ids Excel would not take as names, and a between without its upper bound', () => {
    const r = UserTablesSchema.safeParse({
      figures: [{ id: 'B2', label: '', value: 1, unit: 'count' }],
      claims: [{ id: '1abc', statement: 's', recompute: '=1', stated: 1, compare: 'between' }],
    });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message).join('\n');
    expect(messages).toMatch(/"B2" would be read by Excel as a cell reference/);
    expect(messages).toMatch(/"1abc" must start with a letter/);
    const between = compileUserTables({ figures: [], claims: [{ id: 'X_BETWEEN', statement: 's', recompute: '=1', stated: 1, compare: 'between' }] });
    expect(between.allProblems).toEqual([{ code: 'betweenNeedsUpper', cell: 'claims[0].tolerance' }]);
    expect(between.allProblems.map((p) => userProblemText(p, 'en'))).toEqual(['claims[0].tolerance: compare "between" needs the upper bound here']);
  });

  it('stresses a user claim with its user figures as inputs (tornado, Monte Carlo)', () => {
    const compiled = compileUserTables(tables);
    const mine = ownClaimsOf(compiled);
    const overrides = userOverrides(compiled);
    const t = tornadoForClaim('MY_COVER', { overrides, mine });
    expect(t.bars.map((b) => b.id)).toEqual(['MY_TARIFF_TAKE']);
    expect(t.holdsAtBase).toBe(true);
    const share = tornadoForClaim('my_share', { overrides, mine });
    expect(share.bars.map((b) => b.id).sort()).toEqual(['CN_UST_HOLDINGS', 'WORLD_GDP']);
    const mc = monteCarloForClaim('MY_COVER', { overrides, mine, samples: 2000, seed: 7 });
    expect(mc.probabilityHolds).not.toBeNull();
    expect(mc.probabilityHolds!).toBeGreaterThan(0.9);
  });
});

describe('user claims with powers, stressed', () => {
  // JavaScript's ^ is exclusive or: the stress model must compute Excel's power, as the audit does
  const powers = compileUserTables({
    figures: [
      { id: 'MY_A', label: 'a', value: 3, unit: 'usd_bn' },
      { id: 'MY_B', label: 'b', value: 2, unit: 'usd_bn' },
    ],
    claims: [
      { id: 'MY_POW', statement: 'a squared over b', recompute: '=MY_A^2/MY_B', stated: 4.5, compare: 'approx', tolerance: 0.1 },
      { id: 'MY_SQRT', statement: 'root of a times b', recompute: '=SQRT(MY_A*MY_B)', stated: 2.449, compare: 'approx', tolerance: 0.01 },
      { id: 'MY_POWER', statement: 'b to the a', recompute: '=POWER(MY_B,MY_A)-MY_A^0.5', stated: 6.27, compare: 'approx', tolerance: 0.01 },
    ],
  });
  const mine = ownClaimsOf(powers);
  const overrides = userOverrides(powers);

  it.each(['MY_POW', 'MY_SQRT', 'MY_POWER'])('%s: the stress model recomputes what the audit does, at base and when the inputs move', (id) => {
    const claim = mine.claims.find((c) => c.id === id)!;
    const model = claimVectorModel(claim, overrides, mine.unitOf);
    const moves = [1, 0.5, 1.7, 0, -1];
    const columns = model.inputs.map((input) => Float64Array.from(moves, (m) => input.base * m));
    const out = new Float64Array(moves.length);
    model.evaluate(columns, moves.length, out);
    moves.forEach((m, k) => {
      const audit = auditClaim(claim, new Map([...overrides, ...model.inputs.map((input) => [input.id, input.base * m] as const)]), { margins: false });
      if (audit.recomputed === null) expect(out[k], `${id} at ×${m}`).toBeNaN();
      else expect(out[k], `${id} at ×${m}`).toBeCloseTo(audit.recomputed, 12);
    });
    // the Monte Carlo centres on the audit's value (inputs at ±5%: the median moves by far less than 5%)
    const atBase = auditClaim(claim, overrides, { margins: false }).recomputed!;
    expect(Math.abs(monteCarloForClaim(id, { overrides, mine, samples: 2000, seed: 7 }).percentiles.p50 / atBase - 1)).toBeLessThan(0.05);
  });
});

function tablesFirstCatalogueId(): string {
  return 'BRICS_OCT_PARTS';
}

describe('the unit of a user claim', () => {
  it('a level times a share keeps the level\'s unit; a level over a level is a ratio', () => {
    const compiled = compileUserTables({
      figures: [{ id: 'MY_RATE', label: 'rate', value: 0.04, unit: 'percent' }],
      claims: [
        { id: 'MY_INCOME', statement: 'income', recompute: '=CN_UST_HOLDINGS*MY_RATE', stated: 25, compare: 'atLeast' },
        { id: 'MY_INCOME2', statement: 'income', recompute: '=MY_RATE*CN_UST_HOLDINGS', stated: 25, compare: 'atLeast' },
        { id: 'MY_RATIO', statement: 'ratio', recompute: '=CN_UST_HOLDINGS/WORLD_GDP', stated: 0.005, compare: 'atLeast' },
      ],
    });
    expect(compiled.claims.map((c) => c.claim!.unit)).toEqual(['usd_bn', 'usd_bn', 'ratio']);
  });
});
