/**
 * Why an answer earned what it did, as data: a code and its numbers. The model never writes the
 * sentence; the pane, the CLI and any sheet render it in the reader's language from the catalogue
 * (`src/text/*\/grade-notes.ts`), so one grade reads the same in English and Chinese.
 */
export type GradeNote =
  /** The task has no expected value for this student's figures, so it is not counted. */
  | { readonly code: 'notCounted' }
  | { readonly code: 'noAnswer' }
  /** The answer cell holds something that reads as no number (text, a boolean). */
  | { readonly code: 'notANumber'; readonly given: string | boolean }
  | { readonly code: 'correct'; readonly fromText: boolean }
  /** A fraction typed as percentage points: `given` where `given`% was asked. */
  | { readonly code: 'percentPoints'; readonly given: number; readonly fromText: boolean }
  /**
   * The exact value rounded to `decimals` where `asked` were asked; for a percent unit both count
   * decimals of the percent (0.076 asked to 1 decimal of a percent is 7.6%).
   */
  | { readonly code: 'roundedTo'; readonly decimals: number; readonly asked: number; readonly ofPercent: boolean; readonly fromText: boolean }
  /** The exact value cut off (truncated) at `decimals` instead of rounded. */
  | { readonly code: 'cutOff'; readonly decimals: number; readonly ofPercent: boolean; readonly fromText: boolean }
  /** Within ten times the tolerance: `off` from the key, beyond `tolerance`. */
  | { readonly code: 'close'; readonly off: number; readonly tolerance: number; readonly fromText: boolean }
  | { readonly code: 'wrong'; readonly fromText: boolean }
  /** The task reads given figures the student edited: no credit. */
  | { readonly code: 'editedFigures'; readonly figures: readonly string[] };

export type GradeNoteCode = GradeNote['code'];

/**
 * Why a returned workbook cannot be graded at all, as data (rendered by the catalogue's
 * `gradeFileProblems`). The About sheet's labels are named in the reader's language by the template.
 */
export type GradeFileProblem =
  /** One of the exercise's sheets (About, Tasks, Figures) is missing. */
  | { readonly code: 'noSheet'; readonly sheet: string }
  /** The About sheet has no student id or no exercise code. */
  | { readonly code: 'noStudentOrCode' }
  /** The About sheet's base values no longer read as `ID=value; …`. */
  | { readonly code: 'baseEdited'; readonly text: string }
  /** A task row's kind or claim was changed; `detail` is the reader's (English) reason for a user's claim's rows, which the Chinese render leaves out. */
  | { readonly code: 'taskEdited'; readonly task: string; readonly kind: string; readonly claim: string; readonly detail?: string }
  | { readonly code: 'noTasks' }
  /** The exercise code does not match: another seed, or the student id, the task list or the base values were edited. */
  | { readonly code: 'codeMismatch'; readonly student: string };

export type GradeFileProblemCode = GradeFileProblem['code'];
