import { describe, expect, it } from 'vitest';
import { editScenarios, fillArticle, importScenarios } from '../../src/excel/scenario-actions.js';
import { auditAll, loadClaims } from '../../src/model/claims/index.js';
import { createScenario, loadSeedScenarios, ScenarioError, setOverride, toScenarioFile } from '../../src/model/scenarios/index.js';
import { CLAIM_COLUMNS, SHEETS, cellAddress } from '../../src/plan/index.js';
import { createClaimHost } from './host.js';
import { auditUserTables } from '../../src/model/user/index.js';
import { exampleUserTables } from '../../src/plan/index.js';

const claims = loadClaims().claims;
const claimRow = (id: string) => claims.findIndex((c) => c.id === id) + 2;

function expectClaimsSheetToMatch(host: ReturnType<typeof createClaimHost>, overrides: ReadonlyMap<string, number>) {
  auditAll(overrides, { margins: false }).forEach((audit, i) => {
    const verdict = host.getCellValue(SHEETS.claims, cellAddress(i + 2, CLAIM_COLUMNS.verdict));
    expect(verdict, audit.id).toBe(audit.verdict);
    const value = host.getCellValue(SHEETS.claims, cellAddress(i + 2, CLAIM_COLUMNS.recomputed));
    expect(value as number, audit.id).toBeCloseTo(audit.recomputed!, 9);
  });
}

describe('scenarios in the workbook', () => {
  it('recalculates every claim when the active-scenario cell changes, with no add-in code', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    for (const scenario of loadSeedScenarios()) {
      host.setCellValue(SHEETS.scenarios, 'B1', scenario.name); // a plain cell edit, as from the drop-down
      expectClaimsSheetToMatch(host, scenario.overrides);
    }
    host.setCellValue(SHEETS.scenarios, 'B1', 'Article');
    expectClaimsSheetToMatch(host, new Map());
  });

  it('shows every claim under every scenario in the live summary, matching the model', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    const scenarios = [{ name: 'Article', overrides: new Map<string, number>() }, ...loadSeedScenarios()];
    // Find the "Verdict" block: its header row holds the scenario names from column B.
    let verdictHeader = 0;
    for (let r = 1; r < 400 && !verdictHeader; r++) if (host.getCellValue(SHEETS.summary, `A${r}`) === 'Verdict') verdictHeader = r;
    let valueHeader = 0;
    for (let r = 1; r < 400 && !valueHeader; r++) if (host.getCellValue(SHEETS.summary, `A${r}`) === 'Recomputed') valueHeader = r;
    expect(verdictHeader).toBeGreaterThan(0);
    scenarios.forEach((scenario, k) => {
      expect(host.getCellValue(SHEETS.summary, cellAddress(verdictHeader, k + 2))).toBe(scenario.name);
      auditAll(scenario.overrides, { margins: false }).forEach((audit, i) => {
        expect(host.getCellValue(SHEETS.summary, cellAddress(verdictHeader + 1 + i, k + 2)), `${scenario.name} ${audit.id}`).toBe(audit.verdict);
        expect(host.getCellValue(SHEETS.summary, cellAddress(valueHeader + 1 + i, k + 2)) as number).toBeCloseTo(audit.recomputed!, 9);
      });
    });
    // The user's claims follow under their own heading, audited with their figures under each scenario.
    const yours = (from: number): number => {
      for (let r = from; r < from + 200; r++) if (host.getCellValue(SHEETS.summary, `A${r}`) === 'Yours (MyClaims)') return r;
      return 0;
    };
    const verdictsOfMine = yours(verdictHeader);
    const valuesOfMine = yours(valueHeader);
    expect(verdictsOfMine).toBeGreaterThan(verdictHeader);
    expect(host.getCellValue(SHEETS.summary, `A${verdictsOfMine + 1}`)).toBe('MY_UST_INCOME');
    scenarios.forEach((scenario, k) => {
      const audit = auditUserTables(exampleUserTables(), scenario.overrides).results[0]!.audit!;
      expect(host.getCellValue(SHEETS.summary, cellAddress(verdictsOfMine + 1, k + 2)), `${scenario.name} MY_UST_INCOME`).toBe(audit.verdict);
      expect(host.getCellValue(SHEETS.summary, cellAddress(valuesOfMine + 1, k + 2)) as number).toBeCloseTo(audit.recomputed!, 9);
    });
  });

  it('rejects bad imports as a whole and leaves the workbook byte for byte as it was', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    const before = host.snapshotJson();
    const good = toScenarioFile(loadSeedScenarios());
    const bad: [string, string, RegExp][] = [
      ['not JSON', '{"format": ', /not valid JSON/],
      ['unknown figure', JSON.stringify({ ...good, scenarios: [{ ...good.scenarios[0]!, overrides: { NO_SUCH_FIGURE: 1 } }] }), /scenarios\[0\] "Stated ranges: low ends"\.overrides\.NO_SUCH_FIGURE: unknown figure id/],
      ['percent as 25', JSON.stringify({ ...good, scenarios: [{ ...good.scenarios[0]!, overrides: { AI_CHIP_TARIFF_RATE: 25 } }] }), /AI_CHIP_TARIFF_RATE: 25 looks like a percent/],
      ['baseline redefined', JSON.stringify({ ...good, scenarios: [{ ...good.scenarios[0]!, name: 'Article' }] }), /"Article" is the baseline/],
      ['wrong version', JSON.stringify({ ...good, version: 9 }), /version/],
      ['duplicate names', JSON.stringify({ ...good, scenarios: [good.scenarios[0], good.scenarios[0]] }), /duplicate scenario name/],
      ['text where a number belongs', JSON.stringify({ ...good, scenarios: [{ ...good.scenarios[0]!, overrides: { WORLD_GDP: 'lots' } }] }), /WORLD_GDP: needs a number/],
    ];
    for (const [label, text, message] of bad) {
      await expect(importScenarios(host.run, text), label).rejects.toThrow(ScenarioError);
      await importScenarios(host.run, text).catch((error: ScenarioError) => expect(error.message, label).toMatch(message));
      expect(host.snapshotJson(), label).toBe(before);
    }
  });

  it('imports a good file and keeps formula-like scenario names as text', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    const file = toScenarioFile([{ name: '=1+1', description: '@SUM(A1)', author: '-x', createdAt: '2026-11-25', updatedAt: '2026-11-25', overrides: new Map([['WORLD_GDP', 110000]]) }]);
    const result = await importScenarios(host.run, JSON.stringify(file));
    expect(result.status).toBe('written');
    expect(host.getCellValue(SHEETS.scenarios, 'D3')).toBe('=1+1'); // the names row above the table
    // Text, not the formula =1+1 (which would read back as 2).
    expect(typeof host.getCellValue(SHEETS.scenarios, 'D3')).toBe('string');
    // Picking it from the drop-down puts the text in B1 (typed, it would need the quote prefix).
    host.setCellValue(SHEETS.scenarios, 'B1', "'=1+1");
    // The drop-down value is text too, so MATCH finds the column and the override applies.
    expect(host.getCellValue(SHEETS.claims, cellAddress(claimRow('OFFICIAL_UST_GDP_RATIO'), CLAIM_COLUMNS.recomputed)) as number).toBeCloseTo(9360 / 110000, 12);
  });

  it('keeps scenarios edited from the task pane through later fills', async () => {
    const host = createClaimHost();
    await fillArticle(host.run);
    const { state } = await editScenarios(host.run, (s) => setOverride(createScenario(s, 'Half GDP', '2026-11-25'), 'Half GDP', 'WORLD_GDP', 61790, '2026-11-25'));
    expect(state.scenarios.map((s) => s.name)).toContain('Half GDP');
    host.resetSyncCount();
    const again = await fillArticle(host.run);
    expect(again.status).toBe('unchanged');
    expect(host.syncCount()).toBeLessThanOrEqual(3);
    host.setCellValue(SHEETS.scenarios, 'B1', 'Half GDP');
    expect(host.getCellValue(SHEETS.claims, cellAddress(claimRow('OFFICIAL_UST_GDP_RATIO'), CLAIM_COLUMNS.verdict))).toBe('inconsistent');
  });
});
