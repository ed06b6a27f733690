/**
 * The shape of one language's catalogue: every string a user reads, by area. `src/text/en` and
 * `src/text/zh` each export one `Catalogue`, so a key missing (or extra) in either language is a
 * compile error. Messages stay data (a code and its numbers) until they reach the edge, where the
 * reader's catalogue renders them. To add strings: add the key to the area's type here (or, for
 * the pane sections, to the English object), then to both languages.
 */
import type { CliText } from './cli.js';
import type { CliOutputText } from './cli-output.js';
import type { PaneText } from './pane.js';
import type { PreviewText } from './preview.js';
import type { ReasonText } from './reasons.js';
import type { ExprProblemText } from './expr-problem.js';
import type { ExercisesPaneText, MyClaimFormText, MyClaimsText, StressPaneText } from './sections.js';
import type { OwnText } from './own.js';
import type { SheetText } from './sheets.js';
import type { StressExplainText } from './stress-explain.js';
import type { SwapText } from './swap.js';
import type { GradeNoteText } from './grade-notes.js';
import type { UserProblemText } from './user-problems.js';
import type { SwapProblemText } from './swap-problems.js';
import type { GradeFileProblemText } from './grade-file-problems.js';

export type Lang = 'en' | 'zh';

export type VerdictCode = 'consistent' | 'inconsistent' | 'implausible' | 'unverifiable';

export interface Catalogue {
  /** Verdict words, for every layer: pane cards, sheet cells, CLI tables. */
  readonly verdicts: Readonly<Record<VerdictCode, string>>;
  readonly pane: PaneText;
  readonly stressPane: StressPaneText;
  readonly exercisesPane: ExercisesPaneText;
  readonly myClaims: MyClaimsText;
  readonly myClaimForm: MyClaimFormText;
  readonly cli: CliText;
  readonly cliOutput: CliOutputText;
  readonly reasons: ReasonText;
  readonly sheets: SheetText;
  /** The user's own figures and claims in the pane. */
  readonly own: OwnText;
  readonly stressExplain: StressExplainText;
  readonly swap: SwapText;
  /** Why a formula (or a catalogue expression) could not be read. */
  readonly exprProblem: ExprProblemText;
  /** Why an exercise answer earned its credit, per note code. */
  readonly gradeNotes: GradeNoteText;
  /** What is wrong with a row of MyFigures / MyClaims, per problem code. */
  readonly userProblems: UserProblemText;
  /** Why a swap-out or swap-in cannot go on, per problem code. */
  readonly swapProblems: SwapProblemText;
  /** Why a returned exercise workbook cannot be graded, per problem code. */
  readonly gradeFileProblems: GradeFileProblemText;
  /** The preview's own chrome: the page that stands in for Excel's window. */
  readonly preview: PreviewText;
}

export type { CliOutputText, CliText, PaneText, ReasonText, SheetText, StressPaneText, ExercisesPaneText, MyClaimsText, MyClaimFormText, OwnText, StressExplainText };
export type { ExprProblemText } from './expr-problem.js';
export type { ComparisonWords } from './reasons.js';
export type { GradeNoteText } from './grade-notes.js';
export type { UserProblemText } from './user-problems.js';
export type { SwapProblemText } from './swap-problems.js';
export type { GradeFileProblemText } from './grade-file-problems.js';
export type { DroppedPart, SwapText, SwapValueReason } from './swap.js';
export type { PreviewRefusal, PreviewText } from './preview.js';
