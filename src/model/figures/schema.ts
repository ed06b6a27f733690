import * as z from '../validation/zod.js';
import { UNIT_IDS } from '../units/index.js';
import { excelNameProblem } from './excel-names.js';

export const FIGURE_KINDS = ['level', 'change', 'rate', 'share', 'count', 'duration', 'date', 'target', 'threshold'] as const;

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD'));

/** One number the article states, with its provenance. */
export const FigureSchema = z
  .strictObject({
    /** Stable UPPER_SNAKE id; also the workbook's defined name for the figure. */
    id: z.string().check(
      z.regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE'),
      z.superRefine((id, ctx) => {
        const problem = excelNameProblem(id);
        if (problem) ctx.issues.push({ code: 'custom', input: id, message: `is not a valid Excel defined name: ${problem}` });
      }),
    ),
    /** A number in `unit` (percent units hold fractions: 0.25 = 25%); dates as ISO strings. */
    value: z.union([z.number(), isoDate]),
    unit: z.enum(UNIT_IDS),
    kind: z.enum(FIGURE_KINDS),
    /** The period the figure covers, or its as-of date, in words. */
    period: z.string().check(z.minLength(1)),
    /** The period in Chinese, for the Chinese workbook and CLI. */
    periodZh: z.string().check(z.minLength(1)),
    /** 1-based index over the article's non-empty lines, image placeholders not counted. */
    paragraph: z.int().check(z.positive()),
    /** The number token exactly as the article writes it. */
    asWritten: z.string().check(z.minLength(1)),
    labelEn: z.string().check(z.minLength(3)),
    labelZh: z.string().check(z.minLength(2)),
    sourceNote: z.optional(z.string()),
    /** The source note in Chinese; required wherever `sourceNote` is given (checked below). */
    sourceNoteZh: z.optional(z.string()),
    /** Set on the two ends of a range the article states (e.g. 20%–30%). */
    range: z.optional(z.strictObject({ role: z.enum(['low', 'high']), pair: z.string() })),
  })
  .check(
    z.superRefine((figure, ctx) => {
      const isDate = figure.unit === 'date';
      if (isDate !== (typeof figure.value === 'string')) {
        ctx.issues.push({
          code: 'custom',
          input: figure.value,
          path: ['value'],
          message: isDate ? 'a date figure needs an ISO date string' : `a ${figure.unit} figure needs a number`,
        });
      }
      if ((figure.sourceNote === undefined) !== (figure.sourceNoteZh === undefined)) {
        ctx.issues.push({ code: 'custom', input: figure.sourceNoteZh, path: ['sourceNoteZh'], message: 'a source note needs both sourceNote and sourceNoteZh' });
      }
    }),
  );

export type Figure = z.infer<typeof FigureSchema>;

export const FigureCatalogueSchema = z.strictObject({
  article: z.string(),
  figures: z.array(FigureSchema).check(z.minLength(1)),
});

export type FigureCatalogue = z.infer<typeof FigureCatalogueSchema>;
