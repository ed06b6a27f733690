export { xmur3, sfc32, streamFor, fnv1a } from './prng.js';
export { parseRoster, studentFileNames, RosterError } from './roster.js';
export { splitCsvLine } from '../csv.js';
export {
  givenFigure,
  makeVariant,
  perturbValue,
  precisionStep,
  ruleOf,
  decimalsOf,
  roundToStep,
  MAX_MOVE,
  MIN_MOVE,
  MAX_DAY_SHIFT,
  type GivenFigure,
  type PerturbRule,
} from './perturb.js';
export { ANSWER_FORMATS, answerFormat, roundTo, slackFor, toleranceFor, type AnswerFormat } from './answer-format.js';
export { mathOf, conditionOf, expandArithmetic } from './describe.js';
export {
  LEVELS,
  ExerciseError,
  answerName,
  answerUnitOf,
  breakEven,
  breakEvenCandidates,
  breakEvenProblem,
  buildTaskSet,
  defaultTasks,
  exerciseFigureIds,
  givenFigureIn,
  levelOf,
  levelTasks,
  parseTaskList,
  recomputeCandidates,
  recomputeProblem,
  taskFigureIds,
  taskKey,
  taskLevel,
  taskText,
  type BreakEven,
  type Level,
  type TaskKey,
  type TaskKind,
  type TaskSpec,
  type TaskText,
} from './tasks.js';
export { ABOUT_LABELS, aboutLabelsOf, aboutLabelVariants, EXERCISE_FIGURE_COLUMNS, EXERCISE_FORMAT, EXERCISE_SHEETS, TASK_COLUMNS, baseValuesText, exerciseCode, parseBaseValues } from './layout.js';
export {
  ExerciseFileError,
  answerNumber,
  csvField,
  gradeAnswer,
  gradeExerciseFile,
  gradebookCsv,
  readAbout,
  readTasks,
  type Cell,
  type ExerciseFile,
  type StudentGrade,
  type TaskResult,
} from './grade.js';
export type { GradeFileProblem, GradeFileProblemCode, GradeNote, GradeNoteCode } from './grade-note.js';
export { ownRowsText, parseOwnRows, ownTaskRows, ownClaimOf, OwnTaskRowsSchema, type OwnTaskRows } from './own.js';
