/** A grade's note (`GradeNote` of the model), one template per code: a code missing in either language does not compile. */
import type { GradeNote, GradeNoteCode } from '../../model/exercises/grade-note.js';

export type GradeNoteText = { readonly [C in GradeNoteCode]: (note: Extract<GradeNote, { readonly code: C }>) => string };
