import { FUNCTIONS } from '../model/registry/index.js';
import { TEXT } from '../text/index.js';
import { SHEETS, type PlanInput } from './context.js';
import { PLAN_VERSION, type CellPlan, type SheetPlan } from './types.js';

/** About: what the workbook is, where its numbers come from, how to use it, and the plan version, in the workbook's language. */
export function aboutSheet(input: PlanInput, articleName: string): SheetPlan {
  const lines = TEXT[input.lang].sheets.about({
    figures: input.figures.length,
    claims: input.claims.claims.length,
    functions: FUNCTIONS.length,
    article: articleName,
    planVersion: PLAN_VERSION,
  });
  const rows: CellPlan[][] = lines.map((line) => (line ? [{ v: line.text, fmt: '@', ...(line.bold ? { bold: true } : {}) }] : []));
  return { name: SHEETS.about, cells: rows, columnWidths: [140], tables: [], conditionalFormats: [], validations: [], charts: [], freezeRows: 0 };
}
