/** The Simulation sheet's plan: what it draws and how, its budget, its names, and cached results that are the engine's own. */
import { describe, expect, it } from 'vitest';
import { userProblemText } from '../../src/text/messages.js';
import { monteCarloForClaim } from '../../src/model/stress/claim-montecarlo.js';
import { compileUserTables } from '../../src/model/user/index.js';
import { articlePlanInput, buildWorkbookPlan, RESERVED_PLAN_NAMES, SIM_CELL_BUDGET, SIM_ROWS, SIM_SUMMARY_COLUMNS, simHoldsName, type SimulationOptions } from '../../src/plan/index.js';
import { nativeDraw } from '../../src/plan/simulation-sheet.js';

const planWith = (simulation: SimulationOptions) => {
  const input = articlePlanInput({ includeCustomFunctions: false, simulation });
  return buildWorkbookPlan(input, input.articleName);
};
const sheetOf = (plan: ReturnType<typeof planWith>) => plan.sheets.find((s) => s.name === 'Simulation')!;

describe('Simulation sheet plan', () => {
  const plan = planWith({ trials: 300, seed: 4 });
  const sheet = sheetOf(plan);
  const summary = sheet.cells.slice(SIM_ROWS.summaryHeader).filter((r, i, all) => all.slice(0, i + 1).every((x) => x[0]?.v));

  it('caches, per claim, exactly what stress montecarlo --generator hdr computes', () => {
    expect(summary.length).toBeGreaterThanOrEqual(25);
    for (const row of summary) {
      const id = row[0]!.v as string;
      const r = monteCarloForClaim(id, { samples: 300, seed: 4, generator: 'hdr' });
      const cached = (c: number) => row[c - 1]!.cached;
      if (r.probabilityHolds !== null) expect(cached(SIM_SUMMARY_COLUMNS.pHolds), id).toBe(r.probabilityHolds);
      expect(cached(SIM_SUMMARY_COLUMNS.mean) as number, id).toBeCloseTo(r.mean, 9);
      expect(cached(SIM_SUMMARY_COLUMNS.p5), id).toBe(r.percentiles.p5);
      expect(cached(SIM_SUMMARY_COLUMNS.p95), id).toBe(r.percentiles.p95);
    }
  });

  it('names SIM_TRIALS, SIM_SEED, SIM_ENTITY and every judged claim\'s P(holds) cell', () => {
    const names = new Map(plan.names.map((n) => [n.name, n]));
    expect(names.get('SIM_TRIALS')!.address).toBe('$B$2');
    expect(names.get('SIM_SEED')!.address).toBe('$B$3');
    expect(names.has('SIM_ENTITY')).toBe(true);
    summary.forEach((row, i) => {
      if (row[SIM_SUMMARY_COLUMNS.pHolds - 1]!.f) expect(names.get(simHoldsName(row[0]!.v as string))!.address).toBe(`$B$${SIM_ROWS.summaryHeader + 1 + i}`);
    });
  });

  it('writes one row per trial and reads the seed, the entity and each column\'s variable id through cells', () => {
    const last = sheet.cells.at(-1)!;
    expect(last[0]!.v).toBe(300);
    expect(last[1]!.f).toMatch(/SIM_SEED\*1796777/);
    expect(last[1]!.f).toMatch(/SIM_ENTITY\*2000371/);
    expect(last[1]!.f).toMatch(/B\$\d+\*1800451/);
  });

  it('draws a stated range as a uniform between its two figures, a rounded figure as NORM.INV around its name, and an exact count not at all', () => {
    expect(nativeDraw({ id: 'DELIVERY_DELAY_LOW', base: 1, low: 1, high: 2 }, 'U')).toMatch(/^IF\(DELIVERY_DELAY_LOW=DELIVERY_DELAY_HIGH,.*,MIN\(DELIVERY_DELAY_LOW,DELIVERY_DELAY_HIGH\)\+\(MAX\(DELIVERY_DELAY_LOW,DELIVERY_DELAY_HIGH\)-MIN\(DELIVERY_DELAY_LOW,DELIVERY_DELAY_HIGH\)\)\*U\)$/);
    expect(nativeDraw({ id: 'AI_CHIP_TARIFF_RATE', base: 0.25 }, 'U')).toBe('NORM.INV(U,AI_CHIP_TARIFF_RATE,0.005)');
    expect(nativeDraw({ id: 'PBOC_GOLD_STREAK', base: 13 }, 'U')).toBeUndefined();
  });

  it('stays within the cell budget, leaving out (and naming) the claims that do not fit', () => {
    const small = sheetOf(planWith({ trials: 100, seed: 1, budget: 2000 }));
    const columns = Math.max(...small.cells.slice(-3).map((r) => r.length)) - 1;
    expect(columns * 100).toBeLessThanOrEqual(2000);
    expect(columns * 100).toBeGreaterThan(1000);
    expect(small.cells.some((r) => typeof r[0]?.v === 'string' && /^Left out to stay within 2,000 simulated cells: [A-Z_]+/.test(r[0].v))).toBe(true);
    // the default budget holds every claim (the 300-trial sheet above has no such note; the LibreOffice test holds them all at 2000)
    expect(sheet.cells.some((r) => typeof r[0]?.v === 'string' && r[0].v.startsWith('Left out'))).toBe(false);
    expect(SIM_CELL_BUDGET).toBe(250_000);
  });

  it('takes only the claims asked for, and refuses bad options naming the field', () => {
    const one = sheetOf(planWith({ trials: 10, seed: 1, claims: ['tariff_implied_base'] }));
    expect(one.cells[SIM_ROWS.summaryHeader]![0]!.v).toBe('TARIFF_IMPLIED_BASE');
    expect(one.cells[SIM_ROWS.summaryHeader + 1]![0]?.v).toBeUndefined();
    expect(() => planWith({ trials: 10, seed: 1, claims: ['NOPE'] })).toThrow(/simulation claims: unknown claim id\(s\) NOPE/);
    expect(() => planWith({ trials: 0, seed: 1 })).toThrow(/simulation trials must be at least 1/);
    expect(() => planWith({ trials: 10, seed: -1 })).toThrow(/simulation seed must be a whole number from 0 to 9999999/);
  });
});

describe('the Simulation sheet\'s names are reserved', () => {
  it('refuses a user figure that takes SIM_SEED or a claim\'s SIM_…_P_HOLDS name', () => {
    const figures = ['SIM_SEED', 'sim_tariff_implied_base_p_holds', 'SIM_FREE'].map((id) => ({ id, label: id, value: 1, unit: 'count' as const }));
    const { problems } = compileUserTables({ figures, claims: [] }, { reservedNames: RESERVED_PLAN_NAMES });
    expect(problems.map((p) => userProblemText(p, 'en'))).toEqual([
      'figures[0].id: "SIM_SEED" is a name ClaimCell already uses',
      'figures[1].id: "sim_tariff_implied_base_p_holds" is a name ClaimCell already uses',
    ]);
  });
});
