/**
 * Fill on the simulated Excel host: sync count and wall time for the article, for a synthetic
 * catalogue of 5,000 figures, and for 1,000 figures × 50 scenarios. The sync count is the number
 * that matters on a real host (each sync is a round trip); times are the simulator's.
 */
import { performance } from 'node:perf_hooks';
import { fillWorkbook, type WorkbookState } from '../src/excel/fill.js';
import { loadClaims } from '../src/model/claims/index.js';
import { loadFigures, type Figure } from '../src/model/figures/index.js';
import { loadReferences } from '../src/model/references/index.js';
import { articlePlan, buildWorkbookPlan, type PlanScenario } from '../src/plan/index.js';
import { createClaimHost } from '../test/excel/host.js';
import type { Report } from './run.js';

/** The article's figures plus synthetic ones up to `n`, so every claim still resolves. */
function catalogueOf(n: number): Figure[] {
  const real = [...loadFigures()];
  const extra = Array.from({ length: Math.max(0, n - real.length) }, (_, i): Figure => ({
    id: `SYN_FIGURE_${i + 1}`,
    value: 100 + ((i * 7919) % 1000) / 10,
    unit: 'usd_bn',
    kind: 'level',
    period: 'synthetic',
    periodZh: '合成',
    paragraph: 1,
    asWritten: 'synthetic',
    labelEn: `Synthetic figure ${i + 1}`,
    labelZh: `合成数字 ${i + 1}`,
  }));
  return [...real, ...extra];
}

function scenariosOf(figures: readonly Figure[], count: number): PlanScenario[] {
  return Array.from({ length: count }, (_, k) => ({
    name: `Scenario ${k + 1}`,
    overrides: new Map(figures.filter((f, i) => typeof f.value === 'number' && i % 5 === k % 5).map((f) => [f.id, (f.value as number) * (1 + (k + 1) / 100)])),
  }));
}

async function measure(report: Report, label: string, makePlan: (state: WorkbookState) => ReturnType<typeof buildWorkbookPlan>): Promise<void> {
  const host = createClaimHost();
  const start = performance.now();
  const result = await fillWorkbook(host.run, makePlan);
  const ms = performance.now() - start;
  if (result.status !== 'written') throw new Error(`${label}: fill ${result.status}`);
  report({ name: `fill.syncs.${label}`, value: host.syncCount(), unit: 'syncs' });
  report({ name: `fill.ms.${label}`, value: ms, unit: 'ms' });
  // A second fill over ClaimCell's own sheets after a user edit: the three-sync path (inspect, read, write).
  host.setCellValue('Figures', 'E3', 0.3);
  host.resetSyncCount();
  const again = performance.now();
  const refill = await fillWorkbook(host.run, makePlan);
  report({ name: `fill.syncs.refill_${label}`, value: host.syncCount(), unit: 'syncs' });
  report({ name: `fill.ms.refill_${label}`, value: performance.now() - again, unit: 'ms' });
  if (refill.status !== 'written') throw new Error(`${label}: refill ${refill.status}`);
}

export async function run(report: Report): Promise<void> {
  await measure(report, 'article', (state) => articlePlan(state));
  const base = { references: loadReferences(), claims: loadClaims(), includeCustomFunctions: true, lang: 'en' as const, activeScenario: 'Article' };
  const figures5000 = catalogueOf(5000);
  await measure(report, 'figures5000', (state) => buildWorkbookPlan({ ...base, figures: figures5000, scenarios: [], baseValues: state.edits }));
  const figures1000 = catalogueOf(1000);
  const scenarios50 = scenariosOf(figures1000, 50);
  const host = createClaimHost();
  const start = performance.now();
  await fillWorkbook(host.run, () => buildWorkbookPlan({ ...base, figures: figures1000, scenarios: scenarios50 }));
  report({ name: 'scenarios.syncs.1000x50', value: host.syncCount(), unit: 'syncs' });
  report({ name: 'scenarios.fill_ms.1000x50', value: performance.now() - start, unit: 'ms' });
}
