/**
 * One message of every code the model returns as data, for the catalogue test to render in both
 * languages. Each table is typed by its union's codes: a new code without a sample does not compile.
 */
import type { GradeFileProblem, GradeFileProblemCode, GradeNote, GradeNoteCode } from '../../src/model/exercises/index.js';
import type { SwapProblem, SwapProblemCode } from '../../src/model/swap/index.js';
import { UNIT_IDS } from '../../src/model/units/index.js';
import type { UserTableProblem, UserTableProblemCode } from '../../src/model/user/index.js';

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

export const USER_PROBLEMS: ByCode<UserTableProblem> & Record<UserTableProblemCode, readonly UserTableProblem[]> = {
  articleFigureId: [{ code: 'articleFigureId', cell: 'MyFigures!A2', value: 'WORLD_GDP' }],
  reservedName: [{ code: 'reservedName', cell: 'figures[0].id', value: 'SIM_SEED' }],
  repeatedId: [{ code: 'repeatedId', cell: 'MyClaims!A4', value: 'MY_RATE' }],
  articleClaimId: [{ code: 'articleClaimId', cell: 'MyClaims!A2', value: 'BRICS_OCT_PARTS' }],
  badName: [
    { code: 'badName', cell: 'id', value: '', rule: 'empty' },
    { code: 'badName', cell: 'id', value: `M${'_'.repeat(260)}`, rule: 'tooLong' },
    { code: 'badName', cell: 'id', value: '1_RATE', rule: 'characters' },
    { code: 'badName', cell: 'MyFigures!A3', value: 'GDP2024', rule: 'cellReference' },
  ],
  notANumber: [{ code: 'notANumber', cell: 'MyFigures!C2', value: '很多' }, { code: 'notANumber', cell: 'value', value: undefined }],
  unknownUnit: [{ code: 'unknownUnit', cell: 'MyFigures!D2', value: '英里', units: UNIT_IDS }],
  unknownCompare: [{ code: 'unknownCompare', cell: 'compare', value: '约等于', compares: ['approx', 'atLeast', 'atMost', 'between'] }],
  empty: [{ code: 'empty', cell: 'MyClaims!B2' }],
  betweenNeedsUpper: [{ code: 'betweenNeedsUpper', cell: 'MyClaims!F2' }],
  negativeTolerance: [{ code: 'negativeTolerance', cell: 'MyClaims!F2', value: -0.5 }],
  formula: [
    { code: 'formula', cell: 'MyClaims!C2', formula: '=SUM(B2:B9)', problem: { code: 'unsupportedFunction', name: 'SUM', message: 'unsupported function SUM', part: 'SUM', at: 1 } },
    { code: 'formula', cell: 'recompute', formula: '=WORLD_GDP*', problem: { code: 'valueExpected', message: 'the formula ends where a value is expected', part: '(end)', at: 11 } },
  ],
  missing: [{ code: 'missing', cell: 'figures[0].unit' }],
  unknownFields: [{ code: 'unknownFields', cell: 'claims[1] (MY_X)', fields: ['X_EXTRA'] }],
  invalid: [{ code: 'invalid', cell: '', detail: 'Invalid input: expected object, received array' }, { code: 'invalid', cell: 'claims', detail: 'Invalid input: expected array, received number' }],
};

export const SWAP_PROBLEMS: ByCode<SwapProblem> & Record<SwapProblemCode, readonly SwapProblem[]> = {
  alreadySwappedOut: [{ code: 'alreadySwappedOut' }, { code: 'alreadySwappedOut', source: 'book.xlsx' }],
  notSwappedOut: [{ code: 'notSwappedOut' }, { code: 'notSwappedOut', source: 'book.xlsx' }],
  recordHeader: [{ code: 'recordHeader', found: ['工作表', '单元格'] }, { code: 'recordHeader', found: [] }],
  recordNoSheet: [{ code: 'recordNoSheet', row: 4 }],
  recordAddress: [{ code: 'recordAddress', row: 4, value: 'C0' }],
  recordOriginal: [{ code: 'recordOriginal', row: 4, value: '1+1' }],
  recordKind: [{ code: 'recordKind', row: 4, value: '公式' }],
  unreadable: [{ code: 'unreadable', source: 'book.xlsx', detail: 'End of data reached (data length = 9, asked index = 30). Corrupted zip?' }],
};

export const GRADE_FILE_PROBLEMS: ByCode<GradeFileProblem> & Record<GradeFileProblemCode, readonly GradeFileProblem[]> = {
  noSheet: [{ code: 'noSheet', sheet: 'About' }],
  noStudentOrCode: [{ code: 'noStudentOrCode' }],
  baseEdited: [{ code: 'baseEdited', text: 'WORLD_GDP=一' }],
  taskEdited: [
    { code: 'taskEdited', task: 'T3', kind: 'recompute', claim: 'NOT_A_CLAIM' },
    { code: 'taskEdited', task: 'T4', kind: 'recompute', claim: 'MY_UST_INCOME', detail: 'its Definition cell does not hold a MyClaims row and its MyFigures rows' },
  ],
  noTasks: [{ code: 'noTasks' }],
  codeMismatch: [{ code: 'codeMismatch', student: '陈晨' }],
};

/** Catalogue paths (`gradeNotes.close`) to the messages their template is rendered with. */
export const MESSAGE_SAMPLES: ReadonlyMap<string, readonly unknown[]> = new Map(
  Object.entries({ gradeNotes: GRADE_NOTES, userProblems: USER_PROBLEMS, swapProblems: SWAP_PROBLEMS, gradeFileProblems: GRADE_FILE_PROBLEMS }).flatMap(([area, byCode]) => Object.entries(byCode).map(([code, samples]) => [`${area}.${code}`, samples] as const)),
);

/** The catalogue areas whose every entry is a per-code message template. */
export const MESSAGE_AREAS = ['gradeNotes', 'userProblems', 'swapProblems', 'gradeFileProblems'] as const;
