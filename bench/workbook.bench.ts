/**
 * .xlsx export time (writer + zip, plan already built): the article workbook (target ≤ 1 s) and a
 * synthetic 5,000-figure catalogue with the article's claims and seed scenarios.
 */
import { planToXlsxBuffer } from '../src/export/xlsx.js';
import { loadSeedScenarios } from '../src/model/scenarios/index.js';
import { articlePlan, articlePlanInput, buildWorkbookPlan } from '../src/plan/index.js';
import type { Report } from './run.js';
import { assertValidFigures, syntheticFigures } from './synthetic.js';
import { medianMs } from './timing.js';

export async function run(report: Report): Promise<void> {
  const article = articlePlan({ edits: new Map() }, { includeCustomFunctions: false });
  report({ name: 'workbook.export_ms.article', value: await medianMs(() => planToXlsxBuffer(article), 7, 2), unit: 'ms' });
  report({ name: 'workbook.bytes.article', value: (await planToXlsxBuffer(article)).length, unit: 'bytes' });

  const figures = syntheticFigures(5000);
  assertValidFigures(figures);
  const input = articlePlanInput({ figures, scenarios: loadSeedScenarios(), includeCustomFunctions: false });
  const planStart = performance.now();
  const big = buildWorkbookPlan(input, input.articleName);
  report({ name: 'workbook.plan_ms.figures5000', value: performance.now() - planStart, unit: 'ms' });
  report({ name: 'workbook.export_ms.figures5000', value: await medianMs(() => planToXlsxBuffer(big), 3, 1), unit: 'ms' });
  report({ name: 'workbook.bytes.figures5000', value: (await planToXlsxBuffer(big)).length, unit: 'bytes' });
}
