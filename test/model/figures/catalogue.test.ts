import { describe, expect, it } from 'vitest';
import seed from '../../../seeds/figures.json';
import {
  excelNameProblem,
  figureValue,
  getFigure,
  loadFigures,
  looksLikeCellReference,
  parseFigureCatalogue,
} from '../../../src/model/figures/index.js';
import { DataValidationError } from '../../../src/model/validation/index.js';

const clone = (): { article: string; figures: Record<string, unknown>[] } => structuredClone(seed) as never;

function problemsOf(data: unknown): string[] {
  try {
    parseFigureCatalogue(data);
  } catch (error) {
    if (error instanceof DataValidationError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('figure catalogue', () => {
  it('loads and validates the seed', () => {
    expect(loadFigures().length).toBe(seed.figures.length);
  });

  it('has no duplicate ids', () => {
    const ids = loadFigures().map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses ids that are valid Excel defined names and not cell references', () => {
    for (const figure of loadFigures()) expect(excelNameProblem(figure.id), figure.id).toBeNull();
  });

  it('knows which names Excel reads as cell references', () => {
    for (const ref of ['GDP2025', 'A1', 'XFD1048576', 'R1C1', 'R', 'C', 'rc12']) expect(looksLikeCellReference(ref), ref).toBe(true);
    for (const ok of ['XFE1', 'WORLD_GDP', 'GDP_2025', 'A1048577', 'RC_1']) expect(looksLikeCellReference(ok), ok).toBe(false);
  });

  it('rejects a duplicate id, naming the record', () => {
    const data = clone();
    data.figures.push({ ...data.figures[0]! });
    expect(problemsOf(data).join('\n')).toMatch(/figures\[\d+\] \(ORDER_DATE_P1\)\.id: duplicate id/);
  });

  it('rejects an id that is a cell address, naming the figure and field', () => {
    const data = clone();
    data.figures[1]!.id = 'GDP2025';
    expect(problemsOf(data).join('\n')).toMatch(/figures\[1\] \(GDP2025\)\.id: .*cell reference/);
  });

  it('rejects an unknown unit and a date figure with a number, listing both', () => {
    const data = clone();
    data.figures[2]!.unit = 'usd';
    data.figures[0]!.value = 45671;
    const problems = problemsOf(data);
    expect(problems.some((p) => p.startsWith('figures[2] (TARIFF_REVENUE_TARGET_P1).unit'))).toBe(true);
    expect(problems.some((p) => p.startsWith('figures[0] (ORDER_DATE_P1).value'))).toBe(true);
  });

  it('rejects a range whose pair does not point back', () => {
    const data = clone();
    const low = data.figures.find((f) => f.id === 'DELIVERY_DELAY_LOW')!;
    low.range = { role: 'low', pair: 'WORLD_GDP' };
    expect(problemsOf(data).join('\n')).toMatch(/DELIVERY_DELAY_LOW\)\.range\.pair/);
  });

  it('turns dates into Excel serials', () => {
    expect(figureValue(getFigure('ORDER_DATE_P6')!)).toBe(45671); // 2025-01-14 in Excel's 1900 system
  });
});
