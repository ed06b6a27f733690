export * from './types.js';
export { buildWorkbookPlan } from './build.js';
export { BASELINE, SHEETS, type PlanInput, type PlanScenario } from './context.js';
export { FIGURE_COLUMNS, FIGURES_IN_USE_NAME } from './figures-sheet.js';
export { CLAIM_COLUMNS, VERDICT_STYLES } from './claims-sheet.js';
export { ACTIVE_SCENARIO_ADDRESS, SCENARIO_NAMES, scenarioColumnHeader } from './scenarios-sheet.js';
export { cellAddress, columnLetter, rangeAddress, sheetRef } from './a1.js';
export { articlePlan, articlePlanInput, type ReadState } from './article.js';
export { USER_SHEETS, USER_TABLES, MY_CLAIM_COLUMNS, MY_FIGURE_COLUMNS, WORKBOOK_CELLS, exampleUserTables, myClaimReasonFormula, myClaimVerdictFormula } from './user-sheets.js';
