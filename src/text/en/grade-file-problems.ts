import type { GradeFileProblemText } from '../types/grade-file-problems.js';
import { sheets } from './sheets.js';

const labels = sheets.exercise.aboutLabels;

export const gradeFileProblems: GradeFileProblemText = {
  noSheet: (p) => `not a ClaimCell exercise workbook: no "${p.sheet}" sheet`,
  noStudentOrCode: () => `not a ClaimCell exercise workbook: the About sheet has no "${labels.student}" or "${labels.code}"`,
  baseEdited: (p) => `the About sheet's "${labels.base}" row was edited ("${p.text}")`,
  taskEdited: (p) => (p.detail === undefined ? `the Tasks sheet row of ${p.task} was edited (kind "${p.kind}", claim "${p.claim}")` : `the Tasks sheet row of ${p.task} was edited: ${p.detail}`),
  noTasks: () => 'not a ClaimCell exercise workbook: the Tasks sheet lists no task',
  codeMismatch: (p) => `the exercise code of ${p.student} does not match: graded with a different seed, or the student id, task list or base values were edited`,
};
