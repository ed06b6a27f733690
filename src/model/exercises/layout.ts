/**
 * Where things sit in a student's exercise workbook: the plan writes them here and the grader
 * reads them back from here (through defined names first, the sheet layout as a fallback).
 */
import { LANGS, TEXT, type Lang } from '../../text/index.js';
import { ownRowsText } from './own.js';
import { fnv1a, xmur3 } from './prng.js';
import type { TaskSpec } from './tasks.js';

export const EXERCISE_SHEETS = { about: 'About', tasks: 'Tasks', figures: 'Figures' } as const;

/** 1-based columns of the Tasks sheet (header in row 1, one task per row from row 2). */
export const TASK_COLUMNS = { id: 1, kind: 2, claim: 3, input: 4, questionEn: 5, questionZh: 6, unit: 7, rounding: 8, answer: 9, uses: 10, definition: 11 } as const;
/** 1-based columns of the Figures sheet (header in row 1); each value cell is the figure's defined name. */
export const EXERCISE_FIGURE_COLUMNS = { id: 1, labelEn: 2, labelZh: 3, value: 4, unit: 5, source: 6, where: 7, period: 8 } as const;
/**
 * Labels in column A of the About sheet, in the exercise's language (the catalogue's); the value
 * sits in column B. The grader accepts the label of any language, so a class may mix them.
 */
export const ABOUT_LABELS = TEXT.en.sheets.exercise.aboutLabels;
export const aboutLabelsOf = (lang: Lang) => TEXT[lang].sheets.exercise.aboutLabels;
/** Every language's label of one About row, for the grader. */
export const aboutLabelVariants = (key: keyof typeof ABOUT_LABELS): readonly string[] => LANGS.map((lang) => TEXT[lang].sheets.exercise.aboutLabels[key]);
/** Version of this layout, written to About. */
export const EXERCISE_FORMAT = 1;

/** A task as one canonical line, for the exercise code; a user's claim adds its rows (so an edited formula or figure fails the check). */
const canonical = (t: TaskSpec): string => `${t.id}:${t.kind}:${t.claim}:${t.input ?? ''}${t.own ? `:${ownRowsText(t.own)}` : ''}`;

/**
 * A 64-bit check code over (seed, student id, task list), printed in the About sheet. At grading
 * it tells a wrong seed, or an edited task list or student id, from a real answer sheet. It is a
 * hash: it does not contain the seed, but a short seed can be guessed by trying seeds — use a
 * long random seed (the same holds for the perturbed figures themselves).
 */
export function exerciseCode(seed: string, studentId: string, tasks: readonly TaskSpec[], base: ReadonlyMap<string, number> = new Map()): string {
  // The values the figures were varied around count too (none: the article's, as before).
  const text = ['claimcell-exercise-code', seed, studentId, ...tasks.map(canonical), ...(base.size ? [baseValuesText(base)] : [])].join('\u0000');
  // Two independent 32-bit hashes (xmur3 and FNV-1a), so a wrong seed passes about once in 2^64.
  return `${xmur3(text)().toString(16).padStart(8, '0')}${fnv1a(text)}`.toUpperCase();
}

/** Base values as the About sheet writes them: `ID=value; ID=value`, ids sorted. Empty for the article's. */
export function baseValuesText(base: ReadonlyMap<string, number>): string {
  return [...base].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, v]) => `${id}=${v}`).join('; ');
}

/** The inverse of {@link baseValuesText}; undefined when the text is not in that form. */
export function parseBaseValues(text: string): Map<string, number> | undefined {
  const out = new Map<string, number>();
  if (!text.trim()) return out;
  for (const part of text.split(';')) {
    const m = /^\s*([A-Z][A-Z0-9_]*)=(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*$/i.exec(part);
    if (!m) return undefined;
    out.set(m[1]!, Number(m[2]));
  }
  return out;
}
