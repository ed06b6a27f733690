/**
 * Messages the model returns as data (a code and its fields), rendered in one language at the
 * edge: the pane, the CLI, a sheet. One function per kind of message, each looking its code up in
 * the catalogue, so no layer builds the sentence itself.
 */
import type { GradeFileProblem, GradeNote } from '../model/exercises/grade-note.js';
import type { SwapProblem } from '../model/swap/record.js';
import type { UserTableProblem } from '../model/user/problems.js';
import { TEXT } from './index.js';
import type { Lang } from './types/index.js';

/** A template of a per-code table, called with the message of that code. */
type Template<M> = (message: M) => string;

/** "right method, rounded to 2 decimal(s) instead of 3" / "方法正确，但保留 2 位小数（要求 3 位小数）". */
export function gradeNoteText(note: GradeNote, lang: Lang): string {
  return (TEXT[lang].gradeNotes[note.code] as Template<GradeNote>)(note);
}

/** `MyClaims!C5 "=SUM(B2:B9)": unsupported function SUM` / `MyFigures!A3：“GDP2024”会被 Excel 当作单元格引用`. */
export function userProblemText(problem: UserTableProblem, lang: Lang): string {
  return (TEXT[lang].userProblems[problem.code] as Template<UserTableProblem>)(problem);
}

/** `"ClaimCell swap record" row 4: Cell "C0" is not an A1 address` / `工作表 “ClaimCell swap record” 第 4 行：…`. */
export function swapProblemText(problem: SwapProblem, lang: Lang): string {
  return (TEXT[lang].swapProblems[problem.code] as Template<SwapProblem>)(problem);
}

/** "the exercise code of kim does not match: …" / "kim 的练习校验码不符：…". */
export function gradeFileProblemText(problem: GradeFileProblem, lang: Lang): string {
  return (TEXT[lang].gradeFileProblems[problem.code] as Template<GradeFileProblem>)(problem);
}
