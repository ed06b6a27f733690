/**
 * The portable workbook's Stress sheet: one claim's stress test (tornado table and native bar chart,
 * seeded Monte Carlo histogram and native column chart, two-way table), computed by the same
 * `stressRunForClaim` / `stressSheet` the task pane writes, at the values in use the workbook is
 * written with, and placed after the Stress tables sheet.
 */
import { findSeedScenario, scenarioDisplayName } from '../model/scenarios/index.js';
import { valuesSource, type ValuesInUse } from '../model/values/index.js';
import { TEXT } from '../text/index.js';
import { stressRunForClaim, stressSheet } from './stress-sheet.js';
import { SHEETS } from './context.js';
import type { WorkbookPlan } from './types.js';

export interface PortableStressOptions {
  readonly claimId: string;
  readonly samples: number;
  readonly seed: number | string;
  /** The values in use (the active scenario's, edited base values); the sheet says which. */
  readonly values: ValuesInUse;
  readonly lang: 'en' | 'zh';
}

/** The plan with a Stress sheet for one claim; throws StressClaimError for an id without inputs. */
export function withStressSheet(plan: WorkbookPlan, options: PortableStressOptions): WorkbookPlan {
  const source = valuesSource(options.values);
  const seed = source.code === 'scenario' ? findSeedScenario(source.name) : undefined;
  const valuesLabel = TEXT[options.lang].pane.valuesInUse(source.code === 'scenario' && seed ? { ...source, name: scenarioDisplayName(seed, options.lang) } : source);
  const run = stressRunForClaim(options.claimId, {
    samples: options.samples,
    seed: options.seed,
    lang: options.lang,
    valuesLabel,
    overrides: options.values.overrides,
  });
  const { sheet } = stressSheet(run);
  const after = plan.sheets.findIndex((s) => s.name === SHEETS.stressTables);
  const at = after < 0 ? plan.sheets.length : after + 1;
  return { ...plan, sheets: [...plan.sheets.slice(0, at), sheet, ...plan.sheets.slice(at)] };
}
