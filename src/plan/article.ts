import seed from '../../seeds/figures.json';
import { loadClaims } from '../model/claims/index.js';
import { loadFigures } from '../model/figures/index.js';
import { loadReferences } from '../model/references/index.js';
import type { PlanInput, PlanScenario } from './context.js';

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
