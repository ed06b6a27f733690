import seed from '../../seeds/figures.json';
import { loadClaims } from '../model/claims/index.js';
import { loadFigures } from '../model/figures/index.js';
import { loadReferences } from '../model/references/index.js';
import { loadSeedScenarios } from '../model/scenarios/index.js';
import { buildWorkbookPlan } from './build.js';
import type { PlanInput, PlanScenario } from './context.js';
import type { WorkbookPlan } from './types.js';
import type { UserTables } from '../model/user/index.js';
import type { SimulationOptions } from './simulation-sheet.js';

/** The plan input for the article's own catalogues; callers add scenarios, edits and options. */
export function articlePlanInput(options: Partial<PlanInput> & { scenarios?: readonly PlanScenario[] } = {}): PlanInput & { articleName: string } {
  return {
    figures: loadFigures(),
    references: loadReferences(),
    claims: loadClaims(),
    scenarios: [],
    activeScenario: 'Article',
    includeCustomFunctions: true,
    lang: 'en',
    ...options,
    articleName: seed.article,
  };
}

/** What a fill read from the workbook: user edits, the workbook's scenarios and active one. */
export interface ReadState {
  readonly edits: ReadonlyMap<string, number>;
  readonly scenarios?: readonly PlanScenario[];
  readonly activeScenario?: string;
  /** The user's MyFigures/MyClaims rows; absent on a first fill (the worked example is written). */
  readonly userTables?: UserTables;
}

/**
 * The article's plan for what a workbook already holds: the user's edits and scenarios are kept;
 * a workbook without scenarios gets the shipped ones.
 */
export function articlePlan(state: ReadState, options: { includeCustomFunctions?: boolean; lang?: 'en' | 'zh'; simulation?: SimulationOptions } = {}): WorkbookPlan {
  const scenarios = state.scenarios ?? loadSeedScenarios();
  const active = state.activeScenario && scenarios.some((s) => s.name === state.activeScenario) ? state.activeScenario : 'Article';
  const input = articlePlanInput({ baseValues: state.edits, scenarios, activeScenario: active, ...(state.userTables ? { userTables: state.userTables } : {}), ...options });
  return buildWorkbookPlan(input, input.articleName);
}
