import seed from '../../../seeds/figures.json';
import { isoToSerial } from '../units/index.js';
import { DataValidationError, parseOrThrow } from '../validation/index.js';
import { FigureCatalogueSchema, type Figure, type FigureCatalogue } from './schema.js';

export { FigureSchema, FigureCatalogueSchema, FIGURE_KINDS, type Figure, type FigureCatalogue } from './schema.js';
export { excelNameProblem, excelNameRule, looksLikeCellReference, type ExcelNameRule } from './excel-names.js';

/**
 * Validates a figure catalogue: the schema, then the rules that span records
 * (unique ids, range pairs that point at each other). Throws DataValidationError listing all problems.
 */
export function parseFigureCatalogue(data: unknown, source = 'seeds/figures.json'): FigureCatalogue {
  const catalogue = parseOrThrow(FigureCatalogueSchema, data, source);
  const problems: string[] = [];
  const byId = new Map<string, Figure>();
  catalogue.figures.forEach((figure, index) => {
    if (byId.has(figure.id)) problems.push(`figures[${index}] (${figure.id}).id: duplicate id`);
    byId.set(figure.id, figure);
  });
  catalogue.figures.forEach((figure, index) => {
    if (!figure.range) return;
    const pair = byId.get(figure.range.pair);
    if (!pair?.range || pair.range.pair !== figure.id || pair.range.role === figure.range.role) {
      problems.push(`figures[${index}] (${figure.id}).range.pair: ${figure.range.pair} is not the other end of this range`);
    }
  });
  if (problems.length > 0) throw new DataValidationError(source, problems);
  return catalogue;
}

let cached: readonly Figure[] | undefined;
let cachedIndex: Map<string, Figure> | undefined;

/** The article's figures, validated once on first use. */
export function loadFigures(): readonly Figure[] {
  cached ??= Object.freeze(parseFigureCatalogue(seed).figures);
  return cached;
}

/** A figure by id (exact, case-sensitive as the defined names are upper case), or undefined. */
export function getFigure(id: string): Figure | undefined {
  cachedIndex ??= new Map(loadFigures().map((f) => [f.id, f]));
  return cachedIndex.get(id) ?? cachedIndex.get(id.toUpperCase());
}

/** A figure's value as a number: dates become Excel serial day numbers. */
export function figureValue(figure: Pick<Figure, 'value'>): number {
  return typeof figure.value === 'string' ? isoToSerial(figure.value) : figure.value;
}
