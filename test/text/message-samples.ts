/**
 * One message of every code the model returns as data, for the catalogue test to render in both
 * languages. Each table is typed by its union's codes: a new code without a sample does not compile.
 */
import type { GradeNote, GradeNoteCode } from '../../src/model/exercises/index.js';

type ByCode<M extends { readonly code: string }> = { readonly [C in M['code']]: readonly Extract<M, { readonly code: C }>[] };

export const GRADE_NOTES: ByCode<GradeNote> & Record<GradeNoteCode, readonly GradeNote[]> = {
  notCounted: [{ code: 'notCounted' }],
  noAnswer: [{ code: 'noAnswer' }],
  notANumber: [{ code: 'notANumber', given: '大约三十' }, { code: 'notANumber', given: true }],
  correct: [{ code: 'correct', fromText: false }, { code: 'correct', fromText: true }],
  percentPoints: [{ code: 'percentPoints', given: 7.6, fromText: true }],
  roundedTo: [
    { code: 'roundedTo', decimals: 0, asked: 1, ofPercent: true, fromText: false },
    { code: 'roundedTo', decimals: 1, asked: 2, ofPercent: false, fromText: true },
  ],
  cutOff: [{ code: 'cutOff', decimals: 2, ofPercent: false, fromText: false }, { code: 'cutOff', decimals: 1, ofPercent: true, fromText: true }],
  close: [{ code: 'close', off: 0.31, tolerance: 0.05, fromText: false }],
  wrong: [{ code: 'wrong', fromText: false }, { code: 'wrong', fromText: true }],
  editedFigures: [{ code: 'editedFigures', figures: ['INDIA_UST_CUT_OCT', 'WORLD_GDP'] }],
};

/** Catalogue paths (`gradeNotes.close`) to the messages their template is rendered with. */
export const MESSAGE_SAMPLES: ReadonlyMap<string, readonly unknown[]> = new Map(
  Object.entries({ gradeNotes: GRADE_NOTES }).flatMap(([area, byCode]) => Object.entries(byCode).map(([code, samples]) => [`${area}.${code}`, samples] as const)),
);

/** The catalogue areas whose every entry is a per-code message template. */
export const MESSAGE_AREAS = ['gradeNotes'] as const;
