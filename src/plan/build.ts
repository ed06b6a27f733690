import { auditClaim } from '../model/claims/index.js';
import { figureValue } from '../model/figures/index.js';
import { aboutSheet } from './about-sheet.js';
import { auditsForScenarios, claimsSheet, summarySheet } from './claims-sheet.js';
import { BASELINE, type Layout, type PlanInput, type PlanValues } from './context.js';
import { figuresSheet, referencesSheet } from './figures-sheet.js';
import { hashPlan } from './hash.js';
import { scenarioLookupNames, scenariosSheet } from './scenarios-sheet.js';
import { simulationSheet } from './simulation-sheet.js';
import { stressTablesSheet } from './stress-sheet.js';
import { PLAN_VERSION, type WorkbookPlan } from './types.js';
import { ownClaimsOf, userOverrides } from '../model/user/index.js';
import { exampleUserTables, userSheets } from './user-sheets.js';

const SCENARIOS_HEADER_ROW = 4;

/** Computes the whole workbook plan from the catalogues: pure, no Office, no I/O. */
export function buildWorkbookPlan(input: PlanInput, articleName = 'article'): WorkbookPlan {
  const known = [BASELINE, ...input.scenarios.map((s) => s.name)];
  if (!known.includes(input.activeScenario)) {
    throw new RangeError(`active scenario "${input.activeScenario}" is not one of: ${known.join(', ')}`);
  }
  const layout: Layout = {
    figureRow: new Map(input.figures.map((f, i) => [f.id, i + 2])),
    scenariosHeaderRow: SCENARIOS_HEADER_ROW,
    scenariosFirstRow: SCENARIOS_HEADER_ROW + 1,
    articleColumn: 3,
    inUseColumn: 3 + input.scenarios.length + 1,
  };
  const base = new Map(input.figures.map((f) => [f.id, input.baseValues?.get(f.id) ?? figureValue(f)]));
  const active = input.scenarios.find((s) => s.name === input.activeScenario);
  const inUse = new Map([...base, ...(active?.overrides ?? [])]);
  const values: PlanValues = { base, inUse };

  // The Claims sheet shows the active scenario, with margins; the summary shows every scenario.
  const activeAudits = input.claims.claims.map((claim) => auditClaim(claim, inUse));
  const figures = figuresSheet(input, layout, values);
  const mine = userSheets(input.userTables ?? exampleUserTables(input.lang), inUse, !input.includeCustomFunctions, input.lang);
  const ownClaims = ownClaimsOf(mine.compiled).claims;
  const ownAudits = auditsForScenarios(input, base, ownClaims, (overrides) => userOverrides(mine.compiled, overrides));
  const references = referencesSheet(input.references, input.lang);
  const sheets = [
    aboutSheet(input, articleName),
    figures.sheet,
    references.sheet,
    claimsSheet(input, activeAudits),
    scenariosSheet(input, layout, values),
    summarySheet(input, layout, auditsForScenarios(input, base), { claims: ownClaims, audits: ownAudits }),
    // The user's own tables come before the stress tables, which stay last.
    ...mine.sheets,
    stressTablesSheet(input, layout, values),
  ];
  const names = [...figures.names, ...references.names, ...scenarioLookupNames(input, layout), ...mine.names];
  if (input.simulation) {
    // the native Monte Carlo comes last: the largest sheet, read through its defined names
    const simulation = simulationSheet(input, values, input.simulation);
    sheets.push(simulation.sheet);
    names.push(...simulation.names);
  }
  const content = { planVersion: PLAN_VERSION, sheets, names };
  return { ...content, hash: hashPlan(content), lang: input.lang };
}
