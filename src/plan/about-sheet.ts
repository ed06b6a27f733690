import { FUNCTIONS } from '../model/registry/index.js';
import { SHEETS, type PlanInput } from './context.js';
import { PLAN_VERSION, type CellPlan, type SheetPlan } from './types.js';

const line = (v: string, bold = false): CellPlan[] => [{ v, fmt: '@', bold }];

/** About: what the workbook is, where its numbers come from, how to use it, and the plan version. */
export function aboutSheet(input: PlanInput, articleName: string): SheetPlan {
  const rows: CellPlan[][] = [
    line('ClaimCell — checking the numbers of a published argument', true),
    line('ClaimCell——核对一篇文章中的数字', true),
    [],
    line('What this workbook is', true),
    line(`Every figure the article states (${input.figures.length}) sits in the Figures sheet with its unit, period, paragraph and the token as written; each has a defined name equal to its id.`),
    line(`The Claims sheet recomputes ${input.claims.claims.length} checkable claims with native Excel formulas over those names and gives a verdict: consistent, inconsistent, implausible or unverifiable.`),
    line('本工作簿收录文章中的全部数字（“Figures”表，每个数字都有同名的定义名称），并在“Claims”表中用原生公式重算每条可检验的说法，给出判定。'),
    [],
    line('Where the numbers come from', true),
    line(`Figures: the opinion article ${articleName} (Chinese), quoted by value only; labels are ClaimCell's own paraphrase.`),
    line('References: published figures from outside the article (publisher, series and as-of date in the References sheet), used only where the article cannot settle a claim.'),
    [],
    line('How to use it', true),
    line('Edit a base value in Figures (column E) and every claim recalculates; the article value stays in column D for comparison.'),
    line('Pick another scenario in Scenarios!B1; the Scenario summary shows all scenarios side by side. No add-in is needed for any of this.'),
    line(`With the ClaimCell add-in, ${FUNCTIONS.length} CLAIM.* functions recompute claims in any cell, e.g. =CLAIM.DEBT_SHARE(OFFICIAL_UST_HOLDINGS, WORLD_GDP).`),
    line('在Figures表E列修改基准值，或在Scenarios!B1切换情景，所有结论都会重算；无需加载项。'),
    [],
    line('Plan version', true),
    [{ v: PLAN_VERSION }],
  ];
  return { name: SHEETS.about, cells: rows, columnWidths: [140], tables: [], conditionalFormats: [], validations: [], charts: [], freezeRows: 0 };
}
