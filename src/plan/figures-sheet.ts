import { figureValue, type Figure } from '../model/figures/index.js';
import { referenceValue, REFERENCE_NOTE, REFERENCE_NOTE_ZH, type Reference } from '../model/references/index.js';
import { UNITS } from '../model/units/index.js';
import { cellAddress, rangeAddress, sheetRef } from './a1.js';
import { SHEETS, type Layout, type PlanInput, type PlanValues } from './context.js';
import type { CellPlan, NamePlan, SheetPlan } from './types.js';
import { TEXT, type Lang } from '../text/index.js';

/** 1-based columns of the Figures table that other sheets and the writer refer to. */
export const FIGURE_COLUMNS = { id: 1, article: 4, base: 5, inUse: 6 } as const;

/** Defined name of the Figures block from the id column to the value-in-use column. */
export const FIGURES_IN_USE_NAME = 'FIGURES_IN_USE';

const header = (text: string): CellPlan => ({ v: text, bold: true });
const text = (value: string): CellPlan => ({ v: value, fmt: '@' });

/**
 * Figures: one table row per figure. D holds the article's value (reference, not for editing),
 * E the base value the user may edit (highlighted when it differs from D), F the value in use
 * (E, or the active scenario's override), which the figure's defined name points at.
 */
export function figuresSheet(input: PlanInput, layout: Layout, values: PlanValues): { sheet: SheetPlan; names: NamePlan[] } {
  const primary = input.lang === 'zh' ? 'labelZh' : 'labelEn';
  const secondary = input.lang === 'zh' ? 'labelEn' : 'labelZh';
  const zh = input.lang === 'zh';
  const t = TEXT[input.lang].sheets.figures;
  const rows: CellPlan[][] = [
    [t.id, t.label, t.otherLabel, t.article, t.base, t.inUse, t.unit, t.period, t.paragraph, t.asWritten, t.sourceNote].map(header),
  ];
  const names: NamePlan[] = [];
  input.figures.forEach((figure: Figure) => {
    const row = layout.figureRow.get(figure.id)!;
    const format = UNITS[figure.unit].numberFormat;
    const base = values.base.get(figure.id)!;
    rows.push([
      text(figure.id),
      text(figure[primary]),
      text(figure[secondary]),
      { v: figureValue(figure), fmt: format },
      { v: base, fmt: format },
      {
        f: `=${sheetRef(SHEETS.scenarios)}!${cellAddress(layout.scenariosFirstRow + row - 2, layout.inUseColumn, true)}`,
        cached: values.inUse.get(figure.id) ?? base,
        fmt: format,
      },
      text(zh ? UNITS[figure.unit].labelZh : UNITS[figure.unit].labelEn),
      text(zh ? figure.periodZh : figure.period),
      { v: figure.paragraph },
      text(figure.asWritten),
      text((zh ? figure.sourceNoteZh : figure.sourceNote) ?? ''),
    ]);
    names.push({ name: figure.id, sheet: SHEETS.figures, address: cellAddress(row, FIGURE_COLUMNS.inUse, true), comment: figure.labelEn });
  });
  const last = input.figures.length + 1;
  // Ids to values in use, the `values` argument that makes CHECK, BREAKEVEN and PROB_HOLDS follow edits.
  names.push({
    name: FIGURES_IN_USE_NAME,
    sheet: SHEETS.figures,
    address: `${cellAddress(2, FIGURE_COLUMNS.id, true)}:${cellAddress(last, FIGURE_COLUMNS.inUse, true)}`,
    comment: 'Figure ids (first column) and values in use (last column), for the values argument of CLAIM.CHECK, CLAIM.BREAKEVEN and CLAIM.PROB_HOLDS',
  });
  return {
    sheet: {
      name: SHEETS.figures,
      cells: rows,
      columnWidths: [28, 44, 36, 14, 14, 14, 14, 24, 10, 16, 40],
      tables: [{ name: 'ClaimCellFigures', range: rangeAddress(1, 1, last, 11) }],
      conditionalFormats: [
        // Base values the user changed from the article's stand out.
        { range: `E2:E${last}`, formula: '=$E2<>$D2', fill: '#FFF2CC', fontColor: '#7F6000' },
      ],
      validations: [],
      charts: [],
      freezeRows: 1,
    },
    names,
  };
}

/** References: outside figures with their sources, each a defined name like the figures. */
export function referencesSheet(references: readonly Reference[], lang: Lang = 'en'): { sheet: SheetPlan; names: NamePlan[] } {
  const zh = lang === 'zh';
  const t = TEXT[lang].sheets.references;
  const rows: CellPlan[][] = [[t.id, t.label, t.otherLabel, t.value, t.unit, t.asOf, t.publisher, t.series, t.note].map(header)];
  const names: NamePlan[] = [];
  references.forEach((ref, i) => {
    const format = UNITS[ref.unit].numberFormat;
    rows.push([
      text(ref.id),
      text(zh ? ref.labelZh : ref.labelEn),
      text(zh ? ref.labelEn : ref.labelZh),
      { v: referenceValue(ref), fmt: format },
      text(zh ? UNITS[ref.unit].labelZh : UNITS[ref.unit].labelEn),
      text(ref.asOf),
      text(ref.publisher),
      text(ref.series),
      text(zh ? REFERENCE_NOTE_ZH : REFERENCE_NOTE),
    ]);
    names.push({ name: ref.id, sheet: SHEETS.references, address: cellAddress(i + 2, 4, true), comment: t.nameComment(zh ? ref.labelZh : ref.labelEn) });
  });
  return {
    sheet: {
      name: SHEETS.references,
      cells: rows,
      columnWidths: [30, 44, 30, 12, 12, 12, 36, 50, 36],
      tables: [{ name: 'ClaimCellReferences', range: rangeAddress(1, 1, references.length + 1, 9) }],
      conditionalFormats: [],
      validations: [],
      charts: [],
      freezeRows: 1,
    },
    names,
  };
}
