import { describe, expect, it } from 'vitest';
import { loadFigures } from '../../src/model/figures/index.js';
import { loadReferences } from '../../src/model/references/index.js';
import { loadSeedScenarios } from '../../src/model/scenarios/index.js';
import { articlePlan, articlePlanInput, buildWorkbookPlan, CLAIM_COLUMNS, exampleUserTables, FIGURES_IN_USE_NAME, SCENARIO_LOOKUP_NAMES, SHEETS } from '../../src/plan/index.js';
import { loadClaims } from '../../src/model/claims/index.js';

const formulas = (plan: ReturnType<typeof articlePlan>): string[] => plan.sheets.flatMap((s) => s.cells.flatMap((row) => row.flatMap((c) => (c.f ? [c.f] : []))));

describe('workbook plan', () => {
  it('names every figure and reference once, each pointing at one cell, and the ids-to-values block', () => {
    const plan = articlePlan({ edits: new Map() });
    const names = plan.names.map((n) => n.name);
    const lookups: string[] = [SCENARIO_LOOKUP_NAMES.ids, SCENARIO_LOOKUP_NAMES.inUse];
    expect(names).toEqual([...loadFigures().map((f) => f.id), FIGURES_IN_USE_NAME, ...loadReferences().map((r) => r.id), ...lookups, ...exampleUserTables().figures.map((f) => f.id)]);
    for (const n of plan.names.filter((x) => x.name !== FIGURES_IN_USE_NAME && !lookups.includes(x.name))) expect(n.address).toMatch(/^\$[A-Z]+\$\d+$/);
    // The Scenarios rows' ids and values in use, one column each, over every figure row there.
    const last = loadFigures().length + 4;
    expect(plan.names.find((n) => n.name === SCENARIO_LOOKUP_NAMES.ids)).toMatchObject({ sheet: SHEETS.scenarios, address: `$A$5:$A$${last}` });
    expect(plan.names.find((n) => n.name === SCENARIO_LOOKUP_NAMES.inUse)?.address).toMatch(new RegExp(`^\\$[A-Z]+\\$5:\\$[A-Z]+\\$${last}$`));
    // From the id column to the value-in-use column, over every figure row.
    expect(plan.names.find((n) => n.name === FIGURES_IN_USE_NAME)).toMatchObject({ sheet: SHEETS.figures, address: `$A$2:$F$${loadFigures().length + 1}` });
  });

  it('holds the sheets in tab order', () => {
    expect(articlePlan({ edits: new Map() }).sheets.map((s) => s.name).slice(0, 6)).toEqual([SHEETS.about, SHEETS.figures, SHEETS.references, SHEETS.claims, SHEETS.scenarios, SHEETS.summary]);
  });

  it('has CLAIM.* formulas only when the add-in will be there', () => {
    expect(formulas(articlePlan({ edits: new Map() })).some((f) => f.includes('CLAIM.'))).toBe(true);
    expect(formulas(articlePlan({ edits: new Map() }, { includeCustomFunctions: false })).some((f) => f.includes('CLAIM.'))).toBe(false);
  });

  it('gives every formula a cached value computed by the model', () => {
    const plan = articlePlan({ edits: new Map() }, { includeCustomFunctions: false });
    const missing = plan.sheets.flatMap((s) => s.cells.flatMap((row, r) => row.flatMap((c, k) => (c.f && c.cached === undefined ? [`${s.name}!${r + 1}:${k + 1}`] : []))));
    expect(missing).toEqual([]);
  });

  it('puts only what the article states in the Stated column, published and fixed bounds in their own, differences of percentages in points', () => {
    const sheet = articlePlan({ edits: new Map() }, { includeCustomFunctions: false }).sheets.find((s) => s.name === SHEETS.claims)!;
    const row = (id: string) => sheet.cells[loadClaims().claims.findIndex((c) => c.id === id) + 1]!;
    const cell = (id: string, column: number) => row(id)[column - 1]!;
    expect(cell('TARIFF_IMPLIED_BASE', CLAIM_COLUMNS.stated).f).toBeUndefined();
    expect(cell('TARIFF_IMPLIED_BASE', CLAIM_COLUMNS.bound)).toMatchObject({ f: '=REF_SEMI_SALES_2025', cached: 791.7 });
    expect(cell('IRAN_TARIFF_AFTER_ORDER', CLAIM_COLUMNS.stated).f).toBeUndefined();
    expect(cell('IRAN_TARIFF_AFTER_ORDER', CLAIM_COLUMNS.bound)).toMatchObject({ f: '=1', cached: 1 });
    expect(cell('PBOC_YEAR_END_STOCK', CLAIM_COLUMNS.stated)).toMatchObject({ f: '=PBOC_GOLD_RESERVE', cached: 74.12 });
    expect(cell('PBOC_YEAR_END_STOCK', CLAIM_COLUMNS.bound)).toMatchObject({ f: '=REF_PBOC_GOLD_DEC2025', cached: 74.15 });
    expect(cell('BRICS_OCT_PARTS', CLAIM_COLUMNS.stated)).toMatchObject({ f: '=BRICS_UST_CUT_OCT', cached: 28.8 });
    const ratio = cell('OFFICIAL_UST_GDP_RATIO', CLAIM_COLUMNS.difference);
    expect(ratio.f).toMatch(/\*100$/);
    expect(ratio.cached as number).toBeCloseTo((9360 / 123580 - 0.076) * 100, 9);
    expect(cell('OFFICIAL_UST_GDP_RATIO', CLAIM_COLUMNS.tolerance).v).toBeCloseTo(0.05, 12);
  });

  it('hashes the same content the same way, and different content differently', () => {
    const a = articlePlan({ edits: new Map() });
    expect(articlePlan({ edits: new Map() }).hash).toBe(a.hash);
    expect(articlePlan({ edits: new Map([['WORLD_GDP', 1]]) }).hash).not.toBe(a.hash);
  });

  it('refuses an active scenario it does not hold, naming the ones it has', () => {
    expect(() => buildWorkbookPlan({ ...articlePlanInput(), scenarios: loadSeedScenarios(), activeScenario: 'Nope' })).toThrow(/"Nope" is not one of: Article, Stated ranges/);
  });

  it('falls back to the baseline when the workbook names an active scenario that is gone', () => {
    const plan = articlePlan({ edits: new Map(), activeScenario: 'Deleted one' });
    const scenarios = plan.sheets.find((s) => s.name === SHEETS.scenarios)!;
    expect(scenarios.cells[0]![1]!.v).toBe('Article');
  });
});
