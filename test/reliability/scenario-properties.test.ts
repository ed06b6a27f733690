/**
 * Issue 20: anything the scenario schema accepts, fill and export must handle, with no error and
 * nothing half-written; and a chosen scenario must compute its own values (a wildcard or a
 * renamed header would silently compute another column). Anything it rejects leaves the workbook
 * as it was. fast-check generates the files; the simulated Excel fills them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillArticle, importScenarios } from '../../src/excel/scenario-actions.js';
import { planToXlsxBuffer } from '../../src/export/xlsx.js';
import { loadFigures } from '../../src/model/figures/index.js';
import { parseScenarioFile, SCENARIO_FORMAT, ScenarioError, type Scenario } from '../../src/model/scenarios/index.js';
import { articlePlan, SHEETS } from '../../src/plan/index.js';
import { createClaimHost } from '../excel/host.js';

const figures = loadFigures();
const numeric = figures.filter((f) => f.unit !== 'date' && f.kind !== 'level');

/**
 * Names the simulated host turns into a logical, an error or a number when the fill writes them into the
 * '@'-formatted header (Excel keeps text in a text-formatted cell): left out here, reported in
 * issue 20's hand-back as a gap of the simulated host.
 */
const READ_AS_VALUE_BY_SIMHOST = /^\s*(?:true|false|#(?:N\/A|NULL!|DIV\/0!|VALUE!|REF!|NUM!)|[+-]?(?:\d|\.\d)[\d.eE+-]*%?)\s*$/i;

/** Names as users type them: words, symbols, wildcards, apostrophes, header look-alikes, CJK. */
const name = fc.oneof(
  { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 12 }).filter((n) => !READ_AS_VALUE_BY_SIMHOST.test(n)) },
  fc.constantFrom("'=1+1", '=1+1', '@x', '-x', 'Ar?icle', 'a*', '~b', 'ID', 'label', 'In use', 'article', '高增长', ' x', 'Published values'),
);
const value = fc.oneof(
  // Plain fractions: the property is about names and structure; the simulated host (HyperFormula)
  // rounds numbers under about 1e-290 and reads ones under 1e-298 as NaN, where Excel holds them.
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 10_000 }).map((x) => x / 10_000) },
  fc.integer({ min: 2, max: 100_000 }),
  fc.constantFrom(true, '2025-01-01', '0001-01-01', null, 1e308),
);
const record = fc.record({
  name,
  createdAt: fc.constant(''),
  updatedAt: fc.constant(''),
  overrides: fc.dictionary(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...numeric.map((f) => f.id)) }, fc.constantFrom('ORDER_DATE_P1', 'NOPE', '__proto__')), value, { maxKeys: 3 }),
});
const scenarioFile = fc.record({ format: fc.constant(SCENARIO_FORMAT), version: fc.constant(1), scenarios: fc.array(record, { minLength: 1, maxLength: 2 }) });

type ScenarioFileData = typeof scenarioFile extends fc.Arbitrary<infer T> ? T : never;

function accepted(data: unknown): Scenario[] | undefined {
  try {
    return parseScenarioFile(data);
  } catch (error) {
    if (error instanceof ScenarioError) return undefined;
    throw error;
  }
}

describe('the scenario schema against fill and export', () => {
  it('every accepted file fills and exports, and each scenario, chosen in B1, computes its own values; a rejected one changes nothing', async () => {
    const untouched = createClaimHost();
    await fillArticle(untouched.run);
    const before = untouched.snapshotJson();
    // An import replaces the whole scenario set, so one filled workbook serves every accepted file.
    const host = createClaimHost();
    await fillArticle(host.run);
    let acceptedRuns = 0;
    await fc.assert(
      fc.asyncProperty(scenarioFile, async (data) => {
        const scenarios = accepted(data);
        if (!scenarios) {
          await expect(importScenarios(untouched.run, JSON.stringify(data))).rejects.toThrow(ScenarioError);
          expect(untouched.snapshotJson()).toBe(before);
          return;
        }
        acceptedRuns++;
        await planToXlsxBuffer(articlePlan({ edits: new Map(), scenarios, activeScenario: scenarios[0]!.name }, { includeCustomFunctions: false }));
        expect((await importScenarios(host.run, JSON.stringify(data))).status).toBe('written');
        for (const scenario of scenarios) {
          // As the drop-down picks it: the exact text (typed, a leading apostrophe keeps "TRUE" or "1" text).
          host.setCellValue(SHEETS.scenarios, 'B1', `'${scenario.name}`);
          expect(host.getCellValue(SHEETS.scenarios, 'B1')).toBe(scenario.name);
          for (const [id, v] of scenario.overrides) {
            const row = 5 + figures.findIndex((f) => f.id === id);
            expect(host.getCellValue(SHEETS.scenarios, `A${row}`)).toBe(id);
            const inUse = host.getCellValue(SHEETS.scenarios, `${String.fromCharCode(67 + scenarios.length + 1)}${row}`);
            expect(inUse, `${scenario.name} ${id}`).toBe(v);
          }
        }
      }),
      {
        numRuns: 14,
        // Always tried: names a cell or a lookup would read as something else.
        examples: ["'=1+1", '=1+1', 'Ar?icle', 'id'].map((n): [ScenarioFileData] => [{ format: SCENARIO_FORMAT, version: 1, scenarios: [{ name: n, createdAt: '', updatedAt: '', overrides: { WORLD_GDP: 0.5 } }] }]),
      },
    );
    expect(acceptedRuns).toBeGreaterThan(2);
  }, 240_000);
});
