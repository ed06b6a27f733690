import { SCENARIO_TABLE_HEADERS, scenarioDisplayName } from '../model/scenarios/index.js';
import { TEXT, type Lang } from '../text/index.js';
import { UNITS } from '../model/units/index.js';
import { cellAddress, columnLetter, rangeAddress, sheetRef } from './a1.js';
import { BASELINE, SHEETS, type Layout, type PlanInput, type PlanValues } from './context.js';
import { FIGURE_COLUMNS } from './figures-sheet.js';
import type { CellPlan, NamePlan, SheetPlan } from './types.js';
import { getFigure } from '../model/figures/index.js';

const ACTIVE_CELL = '$B$1';

/** The absolute address of the active-scenario cell, for the writer and tests. */
export const ACTIVE_SCENARIO_ADDRESS = { sheet: SHEETS.scenarios, address: 'B1' } as const;

/**
 * Where the Scenarios sheet keeps its scenario names: a row of plain cells just above the table, the
 * Article column first. The table's own header row below it holds fixed labels ('Article',
 * 'Scenario 1', …), because Excel makes table headers unique ignoring case: a scenario named 'Label'
 * or 'id' in the header would become 'Label2', one named 'In use' would clash with that column.
 */
export const SCENARIO_NAMES = { sheet: SHEETS.scenarios, row: 3, firstColumn: 3 } as const;

/** The fixed table header of scenario column k (0 = the Article baseline), in the workbook's language. */
export function scenarioColumnHeader(k: number, lang: Lang = 'en'): string {
  const t = TEXT[lang].sheets.scenarios;
  return k === 0 ? t.articleColumn : t.scenarioColumn(k);
}

/** Defined names over the Scenarios rows' ids and "In use" column, by which MyFigures looks up the active scenario's overrides of the user's figures. */
export const SCENARIO_LOOKUP_NAMES = { ids: 'SCENARIO_FIGURE_IDS', inUse: 'SCENARIO_VALUES_IN_USE' } as const;

/** Ids of the user's figures (MyFigures) that some scenario overrides, in first-seen order: each gets a Scenarios row below the article's figures. */
export function userOverrideIds(input: Pick<PlanInput, 'scenarios'>): string[] {
  const ids = new Set<string>();
  for (const s of input.scenarios) for (const id of s.overrides.keys()) if (getFigure(id)?.id !== id) ids.add(id);
  return [...ids];
}

/** The two lookup names, over every Scenarios row (the article's figures, then the user's). */
export function scenarioLookupNames(input: PlanInput, layout: Layout): NamePlan[] {
  const last = layout.scenariosFirstRow + input.figures.length + userOverrideIds(input).length - 1;
  const column = (c: number): string => `${cellAddress(layout.scenariosFirstRow, c, true)}:${cellAddress(last, c, true)}`;
  return [
    { name: SCENARIO_LOOKUP_NAMES.ids, sheet: SHEETS.scenarios, address: column(1), comment: 'Ids of the Scenarios rows, for MyFigures\' value-in-use lookup' },
    { name: SCENARIO_LOOKUP_NAMES.inUse, sheet: SHEETS.scenarios, address: column(layout.inUseColumn), comment: 'Values in use of the Scenarios rows (blank: no override of a MyFigures figure)' },
  ];
}

/**
 * Scenarios: figure id × scenario columns (blank = as the Article baseline) and an "In use"
 * column that picks the active scenario's value with INDEX/MATCH, so changing B1 from its
 * drop-down recalculates every claim in plain Excel, LibreOffice or Sheets with no add-in.
 */
export function scenariosSheet(input: PlanInput, layout: Layout, values: PlanValues): SheetPlan {
  const names = [BASELINE, ...input.scenarios.map((s) => s.name)];
  const firstScenarioCol = layout.articleColumn;
  const lastScenarioCol = firstScenarioCol + names.length - 1;
  const headerRow = layout.scenariosHeaderRow;
  if (SCENARIO_NAMES.row !== headerRow - 1 || SCENARIO_NAMES.firstColumn !== firstScenarioCol) throw new Error('Scenarios layout: the names row must sit right above the table header');
  const namesRange = rangeAddress(SCENARIO_NAMES.row, firstScenarioCol, SCENARIO_NAMES.row, lastScenarioCol, true);
  const t = TEXT[input.lang].sheets.scenarios;
  // Row 3 holds the keys B1 picks from (the same in every language); row 2 shows them in the workbook's language.
  const shown = [t.articleColumn, ...input.scenarios.map((s) => scenarioDisplayName(s, input.lang))];
  const rows: CellPlan[][] = [
    [{ v: t.activeScenario, bold: true }, { v: input.activeScenario, fmt: '@' }, { v: t.pickHint, fmt: '@' }],
    [{ v: t.displayName, bold: true }, { v: null }, ...shown.map((n) => ({ v: n, fmt: '@' }))],
    [{ v: t.scenarioName, bold: true }, { v: null }, ...names.map((n) => ({ v: n, bold: true, fmt: '@' }))],
    [{ v: SCENARIO_TABLE_HEADERS.id, bold: true }, { v: t.label, bold: true }, ...names.map((_, k) => ({ v: scenarioColumnHeader(k, input.lang), bold: true, fmt: '@' })), { v: t.inUse, bold: true }],
  ];
  input.figures.forEach((figure) => {
    const row = layout.scenariosFirstRow + layout.figureRow.get(figure.id)! - 2;
    const format = UNITS[figure.unit].numberFormat;
    const span = `$${columnLetter(firstScenarioCol)}${row}:$${columnLetter(lastScenarioCol)}${row}`;
    const article = `$${columnLetter(firstScenarioCol)}${row}`;
    const pick = `INDEX(${span},1,MATCH(${ACTIVE_CELL},${namesRange},0))`; // explicit row 1: engines differ on one-argument INDEX over a row
    rows.push([
      { v: figure.id, fmt: '@' },
      { v: input.lang === 'zh' ? figure.labelZh : figure.labelEn, fmt: '@' },
      {
        f: `=${sheetRef(SHEETS.figures)}!${cellAddress(layout.figureRow.get(figure.id)!, FIGURE_COLUMNS.base, true)}`,
        cached: values.base.get(figure.id) ?? null,
        fmt: format,
      },
      ...input.scenarios.map((s): CellPlan => {
        const v = s.overrides.get(figure.id);
        return v === undefined ? { v: null, fmt: format } : { v, fmt: format };
      }),
      { f: `=IFERROR(IF(${pick}="",${article},${pick}),${article})`, cached: values.inUse.get(figure.id) ?? null, fmt: format },
    ]);
  });
  // The user's figures that a scenario overrides: no Article value here (MyFigures holds it), so
  // "In use" is the active scenario's override or blank, and MyFigures falls back to its own value.
  const userLabels = new Map((input.userTables?.figures ?? []).map((f) => [f.id, f.label]));
  userOverrideIds(input).forEach((id, k) => {
    const row = layout.scenariosFirstRow + input.figures.length + k;
    const span = `$${columnLetter(firstScenarioCol)}${row}:$${columnLetter(lastScenarioCol)}${row}`;
    const pick = `INDEX(${span},1,MATCH(${ACTIVE_CELL},${namesRange},0))`;
    const active = input.scenarios.find((s) => s.name === input.activeScenario)?.overrides.get(id);
    rows.push([
      { v: id, fmt: '@' },
      { v: userLabels.get(id) ?? '', fmt: '@' },
      { v: null },
      ...input.scenarios.map((s): CellPlan => ({ v: s.overrides.get(id) ?? null })),
      { f: `=IFERROR(IF(${pick}="","",${pick}),"")`, cached: active ?? '' },
    ]);
  });
  const lastRow = layout.scenariosFirstRow + input.figures.length + userOverrideIds(input).length - 1;
  const scenarioBlock = input.scenarios.length ? rangeAddress(layout.scenariosFirstRow, firstScenarioCol + 1, lastRow, lastScenarioCol) : null;
  return {
    name: SHEETS.scenarios,
    cells: rows,
    columnWidths: [28, 36, ...names.map(() => 14), 14],
    tables: [{ name: 'ClaimCellScenarios', range: rangeAddress(headerRow, 1, lastRow, lastScenarioCol + 1) }],
    conditionalFormats: scenarioBlock
      ? [{ range: scenarioBlock, formula: `=AND(${cellAddress(layout.scenariosFirstRow, firstScenarioCol + 1)}<>"",${cellAddress(layout.scenariosFirstRow, firstScenarioCol + 1)}<>$${columnLetter(firstScenarioCol)}${layout.scenariosFirstRow})`, fill: '#DDEBF7', fontColor: '#1F3864' }]
      : [],
    validations: [{ range: 'B1', listSource: `=${namesRange}`, prompt: t.prompt }],
    charts: [],
    freezeRows: headerRow,
  };
}
