/** Why a returned workbook cannot be graded (`GradeFileProblem` of the model), one template per code. */
import type { GradeFileProblem, GradeFileProblemCode } from '../../model/exercises/grade-note.js';

export type GradeFileProblemText = { readonly [C in GradeFileProblemCode]: (problem: Extract<GradeFileProblem, { readonly code: C }>) => string };
