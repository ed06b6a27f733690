import { describe, expect, it } from 'vitest';
import { userTablesFromCells } from '../../../src/model/user/index.js';
import { userTableHeaders, WORKBOOK_CELLS } from '../../../src/plan/index.js';

/** The example's rows under a header row, columns in the plan's order. */
const figures = (header: string[]) => ({ values: [header, ['MY_UST_YIELD', 'yield', 0.04, 'percent', '', 0.04]] });
const claims = (header: string[]) => ({ values: [header, ['MY_UST_INCOME', 'mine', 27.304, 25, 'atLeast', null, 27.304, 'x', 'x', 'consistent']], formulas: [header, ['MY_UST_INCOME', 'mine', '=CN_UST_HOLDINGS*MY_UST_YIELD', 25, 'atLeast', null]] });

describe('reading MyFigures and MyClaims by their headers', () => {
  it.each(['en', 'zh'] as const)('reads a table headed in %s', (lang) => {
    const h = userTableHeaders(lang);
    const read = userTablesFromCells(figures(h.figures), claims(h.claims), WORKBOOK_CELLS);
    expect(read.problems).toEqual([]);
    expect(read.tables.figures).toEqual([{ id: 'MY_UST_YIELD', label: 'yield', value: 0.04, unit: 'percent' }]);
    expect(read.tables.claims).toEqual([{ id: 'MY_UST_INCOME', statement: 'mine', recompute: '=CN_UST_HOLDINGS*MY_UST_YIELD', stated: 25, compare: 'atLeast' }]);
  });

  it('finds no field under headers it does not know (the match can fail)', () => {
    const read = userTablesFromCells(figures(['ident', 'titre', 'valeur', 'unité', 'note', 'en usage']), undefined, WORKBOOK_CELLS);
    expect(read.tables.figures).toEqual([]);
    expect(read.problems.length).toBeGreaterThan(0);
  });
});
