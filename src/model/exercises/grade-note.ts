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
